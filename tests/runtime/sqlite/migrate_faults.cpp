// The migration runner on SQLite: revisions that fail part-way (upgrade and downgrade) change
// nothing; a version table that does not match the program's chain is refused.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "migrate_backend_sqlite.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("sqlite migrate: a revision whose third operation is invalid SQL leaves the previous revision",
          "[sqlite][migrate][faults]") {
    t::sqlite_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_sql_history>(
        b, {"upgrade of revision 0013 (\"broken raw SQL\") failed in operation 3 of 3", "syntax error"}, "THIS IS NOT SQL");
}

TEST_CASE("sqlite migrate: NOT NULL over existing NULLs (a table rebuild) leaves the previous revision",
          "[sqlite][migrate][faults]") {
    t::sqlite_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_null_history>(
        b, {"upgrade of revision 0013 (\"nicknames required\") failed in operation 3 of 3", "NOT NULL", "nickname"},
        R"(INSERT INTO "_ctsql_rebuild")");
}

TEST_CASE("sqlite migrate: a rebuild that leaves foreign-key violations is refused by foreign_key_check",
          "[sqlite][migrate][faults]") {
    t::sqlite_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_fk_history>(
        b, {"revision 0013 (\"editors are members\") leaves rows that violate a foreign key", "articles"}, "",
        [](t::sqlite_backend& db) { db.exec(R"(UPDATE "articles" SET "editor" = 999 WHERE "id" = 3)"); });
}

TEST_CASE("sqlite migrate: a downgrade failing in its second operation leaves the revision applied",
          "[sqlite][migrate][faults]") {
    t::sqlite_backend b;
    t::test_failed_downgrade_changes_nothing(b);
}

TEST_CASE("sqlite migrate: changed checksums, unknown, missing or reordered revisions are refused",
          "[sqlite][migrate][faults]") {
    t::sqlite_backend b;
    t::test_refuses_tampered_version_table(b);
}
