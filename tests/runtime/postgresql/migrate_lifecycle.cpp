// The migration runner on PostgreSQL: the shared chain (tests/support/migrate_chain.hpp) up to
// head, down to base and up again with data, drift at every revision, targets, stamp and
// history. Each test works in a fresh schema (the connection's search_path), dropped after.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "migrate_backend_pg.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("postgresql migrate: up to head, down to base, up again, checking data, keys and drift at each revision",
          "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_up_down_up(b);
    // nothing outside the test's schema
    CHECK(t::count_of(b, "information_schema.tables WHERE table_name IN ('ctsql_migrations', 'members', 'articles') "
                         "AND table_schema <> '" + b.schema_name() + "'") == 0);
}

TEST_CASE("postgresql migrate: drift reports changes made behind the runner's back", "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_drift_reports_manual_changes(b);
    // a change SQLite cannot make in place: nullability
    b.exec(R"(ALTER TABLE "members" ALTER COLUMN "email" DROP NOT NULL)");
    t::migrator_of<t::history, t::pg_backend> mig(b.db);
    const auto drift = mig.drift(b.introspect());
    INFO(t::show(drift));
    CHECK(std::count_if(drift.begin(), drift.end(), [](const std::string& line) {
              return t::contains(line, "members") && t::contains(line, "email") && t::contains(line, "NULL");
          }) == 1);
}

TEST_CASE("postgresql migrate: upgrade and downgrade targets, stamp, history, current", "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_targets_stamp_history(b);
}

TEST_CASE("postgresql migrate: statements the connection keeps prepared follow the migrations", "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_cached_statements_follow_migrations(b);
}

// A downgrade appends the columns it restores: drift() does not count column order.
TEST_CASE("postgresql migrate: drift after a downgrade that restores a column is empty (column order is not drift)",
          "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_drift_after_restoring_a_column(b);
}

// restore_column adds the column with a temporary fill default, then drops the default.
TEST_CASE("postgresql migrate: a downgrade restores NOT NULL columns without default on a table with rows",
          "[postgresql][migrate]") {
    t::pg_backend b;
    t::test_downgrade_restores_not_null_column(b);
}
