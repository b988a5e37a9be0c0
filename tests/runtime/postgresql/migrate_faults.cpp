// The migration runner on PostgreSQL: revisions that fail part-way (upgrade and downgrade)
// change nothing; a version table that does not match the program's chain is refused.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "migrate_backend_pg.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("postgresql migrate: a revision whose third operation is invalid SQL leaves the previous revision",
          "[postgresql][migrate][faults]") {
    t::pg_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_sql_history>(
        b, {"upgrade of revision 0013 (\"broken raw SQL\") failed in operation 3 of 3", "syntax error"}, "THIS IS NOT SQL");
}

TEST_CASE("postgresql migrate: NOT NULL over existing NULLs leaves the previous revision", "[postgresql][migrate][faults]") {
    t::pg_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_null_history>(
        b, {"upgrade of revision 0013 (\"nicknames required\") failed in operation 3 of 3", "nickname", "null values"},
        R"(ALTER COLUMN "nickname" SET NOT NULL)");
}

TEST_CASE("postgresql migrate: a foreign key over rows that break it leaves the previous revision",
          "[postgresql][migrate][faults]") {
    t::pg_backend b;
    t::test_failed_upgrade_changes_nothing<t::bad_fk_history>(
        b, {"upgrade of revision 0013 (\"editors are members\") failed in operation 2 of 2", "articles_editor_fkey"},
        "FOREIGN KEY", [](t::pg_backend& db) { db.exec(R"(UPDATE "articles" SET "editor" = 999 WHERE "id" = 3)"); });
}

TEST_CASE("postgresql migrate: a downgrade failing in its second operation leaves the revision applied",
          "[postgresql][migrate][faults]") {
    t::pg_backend b;
    t::test_failed_downgrade_changes_nothing(b);
}

TEST_CASE("postgresql migrate: changed checksums, unknown, missing or reordered revisions are refused",
          "[postgresql][migrate][faults]") {
    t::pg_backend b;
    t::test_refuses_tampered_version_table(b);
}
