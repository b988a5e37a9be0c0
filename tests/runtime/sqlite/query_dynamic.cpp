// Dynamic queries on a real SQLite database (cases in tests/support/dynamic_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>

#include "dynamic_cases.hpp"

TEST_CASE("sqlite dynamic queries: run-time filters, IN lists and sort keys, checked and bound", "[sqlite][dynamic]") {
    ctsql::sqlite_connection db(":memory:");
    dcase::run_all(db);
}

TEST_CASE("sqlite dynamic queries: a fetch() range outlives its query and shares no cached statement", "[sqlite][dynamic]") {
    ctsql::sqlite_connection db(":memory:");
    db.execute(ctsql::create_all<dcase::schema>());
    dcase::seed(db);
    using D = ctsql::sqlite_connection::dialect;
    auto make = [] { return ctsql::dynamic<D>(dcase::people).where_in(dcase::users.id, {1, 2, 3}).order_by(dcase::users.id); };
    auto rows = db.fetch(make());  // the query (and its values) are gone: SQLite copied them
    std::vector<std::int64_t> ids;
    for (const auto& [id, name, age] : rows) {
        ids.push_back(id);
        // the same text runs meanwhile, from the cache
        CHECK(db.fetch_all(make()).size() == 3);
    }
    CHECK(ids == std::vector<std::int64_t>{1, 2, 3});
}
