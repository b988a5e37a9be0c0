// The migration runner on SQLite: the shared chain (tests/support/migrate_chain.hpp) up to head,
// down to base and up again with data, drift at every revision, targets, stamp and history.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "migrate_backend_sqlite.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("sqlite migrate: up to head, down to base, up again, checking data, keys and drift at each revision",
          "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_up_down_up(b);
}

TEST_CASE("sqlite migrate: the same walk on an in-memory database", "[sqlite][migrate]") {
    t::sqlite_backend b(true);
    t::test_up_down_up(b);
}

TEST_CASE("sqlite migrate: drift reports changes made behind the runner's back", "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_drift_reports_manual_changes(b);
}

TEST_CASE("sqlite migrate: upgrade and downgrade targets, stamp, history, current", "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_targets_stamp_history(b);
}

// A downgrade appends the columns it restores: drift() does not count column order.
TEST_CASE("sqlite migrate: drift after a downgrade that restores a column is empty (column order is not drift)",
          "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_drift_after_restoring_a_column(b);
}

TEST_CASE("sqlite migrate: statements the connection keeps prepared follow the migrations", "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_cached_statements_follow_migrations(b);
}

// The rebuild (create / copy / drop / rename) carries the table's sqlite_sequence value over:
// an AUTOINCREMENT id of a deleted row is not handed out again.
TEST_CASE("sqlite migrate: table rebuilds leave no scratch table and keep AUTOINCREMENT ids unused",
          "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::migrator_of<t::history, t::sqlite_backend> mig(b.db);
    mig.upgrade("0004");
    t::insert_data(b, 1);
    b.exec(R"(INSERT INTO "users" ("name", "email") VALUES ('gone', 'gone@example.org'))");  // id 4
    b.exec(R"(DELETE FROM "users" WHERE "id" = 4)");
    CHECK(mig.upgrade("0005").applied == std::vector<std::string>{"0005"});  // rebuilds users
    CHECK(b.rows(R"(SELECT "name" FROM "sqlite_schema" WHERE "name" LIKE '%ctsql_rebuild%')").empty());
    CHECK(t::scalar(b, R"(SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'users')") == "4");
    b.exec(R"(INSERT INTO "users" ("name", "email") VALUES ('new', 'new@example.org'))");
    CHECK(t::scalar(b, R"(SELECT "id" FROM "users" WHERE "name" = 'new')") == "5");  // AUTOINCREMENT: 4 is never reused
}

TEST_CASE("sqlite migrate: a connection without foreign-key enforcement keeps it off", "[sqlite][migrate]") {
    ctsql_conn_test::temp_dir dir;
    ctsql::sqlite_options options;
    options.foreign_keys = false;
    ctsql::sqlite_connection db(dir.file("nofk.db"), options);
    t::migrator_of<t::history, t::sqlite_backend> mig(db);
    CHECK(mig.upgrade().applied.size() == 12);
    CHECK(t::show(t::sqlite_backend::rows_on(db.native_handle(), "PRAGMA foreign_keys")) == "0");
    CHECK(mig.drift(ctsql::sqlite_introspect_schema(db.native_handle())).empty());
    CHECK(mig.downgrade("base").applied.size() == 12);
    CHECK(t::show(t::sqlite_backend::rows_on(db.native_handle(), "PRAGMA foreign_keys")) == "0");
}

TEST_CASE("sqlite migrate: a downgrade restores NOT NULL columns without default on a table with rows",
          "[sqlite][migrate]") {
    t::sqlite_backend b;
    t::test_downgrade_restores_not_null_column(b);
}
