// Dynamic queries on a real PostgreSQL server (cases in tests/support/dynamic_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>

#include "connector_test_pg.hpp"
#include "dynamic_cases.hpp"

namespace {
using prepared_dynamic = ctsql::raw_statement<
    ctsql::raw_sql<"", "SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'ctsql\\_dyn\\_%'">,
    ctsql::type_list<>, ctsql::row<ctsql::field<"n", std::int64_t>>>;
}

TEST_CASE("postgresql dynamic queries: run-time filters, IN lists and sort keys, checked and bound", "[postgresql][dynamic]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    dcase::run_all(db);
}

TEST_CASE("postgresql dynamic queries: prepared once per text, bounded, recovered after DEALLOCATE and reconnect",
          "[postgresql][dynamic]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<dcase::schema>());
    dcase::seed(db);
    using D = ctsql::postgresql_connection::dialect;
    auto in_list = [](std::int64_t n) {
        std::vector<std::int64_t> ids;
        for (std::int64_t i = 1; i <= n; ++i) ids.push_back(i);
        return ctsql::dynamic<D>(dcase::people).where_in(dcase::users.id, ids);
    };
    const auto first = in_list(3);
    CHECK(db.fetch_all(first).size() == 3);
    CHECK(db.fetch_all(first).size() == 3);
    CHECK(db.fetch_one(prepared_dynamic{}).get<"n">() == 1);  // the same text: prepared once
    for (std::int64_t n = 1; n <= 100; ++n) CHECK(db.fetch_all(in_list(n)).size() == static_cast<std::size_t>(n));
    CHECK(db.fetch_one(prepared_dynamic{}).get<"n">() == 64);  // least recently used deallocated

    // the same text with other parameter types is another statement
    const auto as_int32 = ctsql::dynamic<D>(dcase::people).where(dcase::users.age == ctsql::param<"a">, 30);
    const auto as_int64 = ctsql::dynamic<D>(dcase::people).where(dcase::users.age == ctsql::param<"a", std::int64_t>, 30);
    REQUIRE(as_int32.sql() == as_int64.sql());
    CHECK(db.fetch_all(as_int32).size() == db.fetch_all(as_int64).size());

    db.execute(ctsql::raw_statement<ctsql::raw_sql<"", "DEALLOCATE ALL">>{});
    CHECK(db.fetch_all(first).size() == 3);  // prepared again
    db.reconnect();
    CHECK(db.fetch_all(first).size() == 3);
    CHECK(db.fetch_one(prepared_dynamic{}).get<"n">() == 1);

    // a fetch() range keeps the connection: other statements wait for it
    auto rows = db.fetch(first);
    CHECK_THROWS_AS(db.fetch_all(first), ctsql::usage_error);
    std::size_t n = 0;
    for (const auto& row : rows) n += row.get<"id">() > 0;
    CHECK(n == 3);
    CHECK(db.fetch_all(first).size() == 3);
}
