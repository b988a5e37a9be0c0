// sqlite_connection::bulk_update: the same API as PostgreSQL's COPY-based bulk_update, here one
// prepared UPDATE per row in one transaction (execute_many). Shared cases: bulk_update_cases.hpp;
// here SQLite's own: a database file, NUL inside text, its error codes and SQL.
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "bulk_update_cases.hpp"
#include "connector_test_support.hpp"

namespace {

namespace bu = bulk_update_case;

// The bulk_update_cases.hpp policy: ranges as given, and no transaction left open.
struct sqlite_backend {
    template <class Container>
    static const Container& rows(const Container& rows) {
        return rows;
    }
    static void check_at_rest(ctsql::sqlite_connection& db) { CHECK(db.transaction_depth() == 0); }
};

// An in-memory database holding the bulk_update_cases.hpp tables.
struct bulk_update_db {
    ctsql::sqlite_connection db;
    bulk_update_db() { db.execute(ctsql::create_all<bu::app>()); }
};

// SQLite's unique violation from a bulk_update of set_email: the code and the UPDATE itself.
void check_sqlite_unique_violation(const ctsql::unique_violation& e) {
    CHECK(e.native_code() == 2067);  // SQLITE_CONSTRAINT_UNIQUE
    CHECK(e.sql() == ctsql::sql<ctsql::sqlite<>>(bu::set_email));
}

}  // namespace

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: every type, NULLs set and cleared, the count", "[sqlite][bulk_update]") {
    bu::check_every_type<sqlite_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: text with NUL inside, set and used as the key", "[sqlite][bulk_update]") {
    bu::seed_accounts(db, 2);
    const std::string with_nul("nul\0inside", 10);
    CHECK(db.bulk_update(bu::rename_by_email, std::vector<std::tuple<std::string, std::string>>{{with_nul, "user1@example.org"}}) ==
          1);
    CHECK(db.bulk_update(bu::set_email, std::vector<bu::email_row>{{with_nul, 2}}) == 1);
    CHECK(db.bulk_update(bu::rename_by_email, std::vector<std::tuple<std::string, std::string>>{{"found", with_nul}}) == 1);
    const auto back = bu::all_accounts(db);
    REQUIRE(back.size() == 2);
    CHECK(back[0].name == with_nul);
    CHECK(back[1].email == with_nul);
    CHECK(back[1].name == "found");
}

TEST_CASE_METHOD(bulk_update_db,
                 "sqlite bulk_update: repeated keys end with the last row and count every row, missing keys count 0",
                 "[sqlite][bulk_update]") {
    bu::check_repeated_and_missing_keys<sqlite_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: a composite key, NULL values", "[sqlite][bulk_update]") {
    bu::check_composite_key<sqlite_backend>(db);
}

TEST_CASE("sqlite bulk_update: 10000 rows in a database file, empty ranges", "[sqlite][bulk_update]") {
    ctsql_conn_test::temp_dir dir;
    ctsql::sqlite_connection db(dir.file("bulk.db"));
    db.execute(ctsql::create_all<bu::app>());
    bu::check_many_rows<sqlite_backend>(db, 10'000);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: a unique violation changes nothing and throws unique_violation with the SQL",
                 "[sqlite][bulk_update]") {
    bu::check_unique_violation<sqlite_backend>(db, check_sqlite_unique_violation, check_sqlite_unique_violation);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: inside an open transaction, twice, rolled back or committed",
                 "[sqlite][bulk_update]") {
    bu::check_in_transactions<sqlite_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: a float key, -0.0 and 0.0 are one key", "[sqlite][bulk_update]") {
    bu::check_float_key<sqlite_backend>(db);
}

TEST_CASE_METHOD(bulk_update_db, "sqlite bulk_update: unsigned keys and values, timestamps", "[sqlite][bulk_update]") {
    bu::check_unsigned_and_timestamps<sqlite_backend>(db);
}
