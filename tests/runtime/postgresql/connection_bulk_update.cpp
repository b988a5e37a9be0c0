// postgresql_connection::bulk_update: the rows COPied into a temporary table, applied by one
// UPDATE ... FROM, with the result of running them one by one. Below bulk_update_threshold rows
// (of a sized range) it is execute_many: the shared cases (bulk_update_cases.hpp) pass unsized
// ranges to take the COPY path; here the threshold itself, COPY's errors and its SQL texts.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "bulk_update_cases.hpp"
#include "connector_test_pg.hpp"

namespace {

namespace bu = bulk_update_case;

bool idle(ctsql::postgresql_connection& db) { return PQtransactionStatus(db.native_handle()) == PQTRANS_IDLE; }

// The bulk_update_cases.hpp policy: unsized ranges (the COPY path whatever their size); no
// transaction open on either side of the connection, which still answers.
struct postgresql_backend {
    template <class Container>
    static bu::unsized_view<Container> rows(const Container& rows) {
        return bu::unsized(rows);
    }
    static void check_at_rest(ctsql::postgresql_connection& db) {
        CHECK(db.transaction_depth() == 0);
        CHECK(idle(db));
        CHECK(db.ping());
    }
};

// A fresh schema holding the bulk_update_cases.hpp tables.
struct bulk_update_db {
    ctsql_conn_test::pg_schema schema;
    ctsql::postgresql_connection db = schema.connect();
    bulk_update_db() { db.execute(ctsql::create_all<bu::app>()); }
};

}  // namespace

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: every type, NULLs set and cleared, the count",
                 "[postgresql][bulk_update]") {
    bu::check_every_type<postgresql_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db,
                 "postgresql bulk_update: repeated keys end with the last row and count every row, missing keys count 0",
                 "[postgresql][bulk_update]") {
    bu::check_repeated_and_missing_keys<postgresql_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: a composite key, NULL values", "[postgresql][bulk_update]") {
    bu::check_composite_key<postgresql_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db,
                 "postgresql bulk_update: 100000 rows through COPY, sized ranges on both sides of the threshold, empty ranges",
                 "[postgresql][bulk_update]") {
    bu::check_many_rows<postgresql_backend>(db, 100'000);

    // Just below and at the threshold (execute_many, then COPY): the same results.
    const auto threshold = static_cast<std::int64_t>(ctsql::detail::postgresql_impl::bulk_update_threshold);
    for (const std::int64_t n : {threshold - 1, threshold}) {
        std::vector<bu::visits_row> few;
        for (std::int64_t id = 1; id <= n; ++id) few.emplace_back(1000, id);
        few.emplace_back(1000, 500'000);  // missing
        CHECK(db.bulk_update(bu::update_visits, few) == static_cast<std::uint64_t>(n));
    }
    // Accounts up to the threshold now have 1000 visits, the others still id % 7.
    std::int64_t expected = 1000 * threshold;
    for (std::int64_t id = threshold + 1; id <= 100'000; ++id) expected += id % 7;
    CHECK(bu::total_visits(db) == expected);
    postgresql_backend::check_at_rest(db);
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: a unique violation changes nothing and throws unique_violation with the SQL",
                 "[postgresql][bulk_update]") {
    bu::check_unique_violation<postgresql_backend>(
        db,
        [](const ctsql::unique_violation& e) {
            CHECK(e.sqlstate() == "23505");
            CHECK(e.sql() == ctsql::detail::bulk_update_apply_sql<ctsql::postgresql<>, decltype(bu::set_email)>());
            CHECK_THAT(e.message(), Catch::Contains("duplicate key value") && Catch::Contains("user900@example.org"));
        },
        // Repeated keys: the statement that keeps each key's last row.
        [](const ctsql::unique_violation& e) {
            CHECK(e.sqlstate() == "23505");
            CHECK(e.sql() == ctsql::detail::bulk_update_dedupe_apply_sql<ctsql::postgresql<>, decltype(bu::set_email)>());
            CHECK_THAT(e.message(), Catch::Contains("user900@example.org"));
        });
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: a value that cannot be encoded ends the COPY and throws conversion_error",
                 "[postgresql][bulk_update]") {
    bu::seed_accounts(db, 10'000);
    const auto before = bu::all_accounts(db);

    std::vector<std::tuple<std::optional<std::string>, std::string>> rows;
    for (std::int64_t id = 1; id <= 10'000; ++id)
        rows.emplace_back("changed", ctsql_conn_test::numbered("user", id) + "@example.org");
    std::get<0>(rows[8'000]) = std::string("nul\0inside", 10);  // PostgreSQL text cannot hold NUL
    try {
        db.bulk_update(bu::rename_by_email, rows);
        FAIL("no exception");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.message(), Catch::Contains("NUL"));
        CHECK(e.sql() == ctsql::detail::bulk_update_copy_sql<ctsql::postgresql<>, decltype(bu::rename_by_email)>());
    }
    postgresql_backend::check_at_rest(db);
    CHECK(bu::all_accounts(db) == before);

    std::get<0>(rows[8'000]) = "fine";
    CHECK(db.bulk_update(bu::rename_by_email, rows) == 10'000);
    CHECK(bu::all_accounts(db)[8'000].name == "fine");
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: inside an open transaction, twice, rolled back or committed",
                 "[postgresql][bulk_update]") {
    bu::check_in_transactions<postgresql_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: a float key, -0.0 and 0.0 are one key", "[postgresql][bulk_update]") {
    bu::check_float_key<postgresql_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "postgresql bulk_update: unsigned keys and values, timestamps", "[postgresql][bulk_update]") {
    bu::check_unsigned_and_timestamps<postgresql_backend>(db);
}
