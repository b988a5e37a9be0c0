// The migrate CLI on PostgreSQL, driven as a separate process (tests/cli/migrate_fixture.cpp).
// Each test works in fresh schemas of the server scripts/with-postgres.sh started (the URL
// passes search_path to libpq); the database is read back with libpq directly.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql/introspect.hpp>
#include <ctsql/migrate/runner.hpp>

#include "cli_process.hpp"
#include "migrate_cli.hpp"
#include "connector_test_pg.hpp"
#include "migrate_backend_pg.hpp"

using namespace ctsql_cli_test;
using ctsql_conn_test::pg_schema;

namespace {

// libpq's URI: the PG* variables give host, port, user and database; options the schema.
std::string url_of(const pg_schema& schema) { return "postgresql://?options=-c%20search_path%3D" + schema.name(); }

std::vector<ctsql::live_table> schema_of(pg_schema& schema) {
    auto tables = ctsql::postgresql_introspect_schema(schema.admin().native_handle(), schema.name());
    std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return tables;
}

std::vector<std::string> version_rows(pg_schema& schema) {
    std::vector<std::string> out;
    for (const auto& row : ctsql_migrate_test::pg_backend::rows_on(
             schema.admin().native_handle(), "SELECT revision || '|' || position || '|' || checksum || '|' || message FROM " +
                                                 ctsql_migrate_test::ident(schema.name()) + ".ctsql_migrations ORDER BY position"))
        out.push_back(row[0].value_or("NULL"));
    return out;
}

// psql runs the script write_offline_script left in `dir` on `schema`, stopping at its first
// error; `settings` are more "-c name=value" options.
process_result run_psql_script(const temp_dir& dir, const pg_schema& schema, const std::string& settings = {}) {
    return run_shell("psql -X -q -v ON_ERROR_STOP=1 -f '" + (dir / "script.sql") + "'",
                     {{"PGOPTIONS", "-c search_path=" + schema.name() + " -c client_min_messages=warning" + settings}});
}

void exec_in(pg_schema& schema, const std::string& sql) {
    ctsql_conn_test::pg_exec(schema.admin().native_handle(), "SET search_path TO " + ctsql_migrate_test::ident(schema.name()));
    ctsql_conn_test::pg_exec(schema.admin().native_handle(), sql);
    ctsql_conn_test::pg_exec(schema.admin().native_handle(), "RESET search_path");
}

}  // namespace

TEST_CASE("upgrade, current, history, stamp, downgrade and check") {
    pg_schema schema;
    const std::string url = url_of(schema);

    auto r = cli({"--url", url, "upgrade", "+3"});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "applied ") == std::vector<std::string>{"0001", "0002", "0003"});
    CHECK(r.out.ends_with("database at 0003\n"));
    CHECK(cli({"--url", url, "current"}).out == "0003 \"tags, legacy\"\n");
    r = cli({"--url", url, "check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out == "database: behind, at 0003; head is 0012 (9 revisions to apply)\n");

    r = cli({"--url", url, "upgrade"});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "applied ").size() == 9);
    CHECK(version_rows(schema).size() == 12);
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);

    r = cli({"--url", url, "history", "-v"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Revision: 0012 (head) (current)\n"));
    CHECK(!contains(r.out, "Applied: no"));

    exec_in(schema, "ALTER TABLE members ADD COLUMN shoe_size integer");
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.out == "drift: table members: column shoe_size: in database, not declared\n");
    exec_in(schema, "ALTER TABLE members DROP COLUMN shoe_size");

    REQUIRE(cli({"--url", url, "upgrade"}, {{"CTSQL_TEST_CHAIN", "extended"}}).exit_code == 0);
    r = cli({"--url", url, "check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out == "database: the database has revision 0013 (\"extra column\"), which this program does not know: refusing to run\n");
    REQUIRE(cli({"--url", url, "downgrade", "-1"}, {{"CTSQL_TEST_CHAIN", "extended"}}).exit_code == 0);

    r = cli({"--url", url, "downgrade", "0006"});
    INFO(describe(r));
    CHECK(ids_with_prefix(r.out, "reverted ") == std::vector<std::string>{"0012", "0011", "0010", "0009", "0008", "0007"});
    r = cli({"--url", url, "stamp", "base"});
    CHECK(r.out == "stamped: database at base\n");
    CHECK(version_rows(schema).empty());
}

TEST_CASE("a failing revision exits 3 with the SQL, the SQLSTATE and the server's words") {
    pg_schema schema;
    const auto r = cli({"--url", url_of(schema), "upgrade"}, {{"CTSQL_TEST_CHAIN", "bad_sql"}});
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(ids_with_prefix(r.out, "applied ").size() == 12);
    REQUIRE(lines_of(r.err).size() == 1);
    CHECK(contains(r.err, "error: migration_error: upgrade of revision 0013 (\"broken raw SQL\") failed in operation 3 of 3: "));
    CHECK(contains(r.err, "syntax error at or near \"THIS\""));
    CHECK(contains(r.err, "[SQLSTATE 42601]"));
    CHECK(contains(r.err, "THIS IS NOT SQL"));
    CHECK(version_rows(schema).size() == 12);
    for (const auto& table : schema_of(schema))
        if (table.name == "members") CHECK(table.find_column("extra") == nullptr);

    const auto bad = cli({"--url", "postgresql:///no_such_database", "current"});
    INFO(describe(bad));
    CHECK(bad.exit_code == 3);
    CHECK(contains(bad.err, "error: connection_error: "));
    CHECK(contains(bad.err, "no_such_database"));
}

TEST_CASE("offline --sql scripts run with psql give the schema and version table of the online runner") {
    pg_schema online;
    pg_schema offline;
    temp_dir dir;
    auto run_script = [&](const std::vector<std::string>& args) {
        const std::string script = write_offline_script(dir, "postgresql://", args);
        const auto psql = run_psql_script(dir, offline);
        INFO(describe(psql));
        REQUIRE(psql.exit_code == 0);
        return script;
    };
    auto same = [&] {
        CHECK(schema_of(online) == schema_of(offline));
        CHECK(version_rows(online) == version_rows(offline));
    };
    const std::string script = run_script({"upgrade", "--sql"});
    CHECK(script.starts_with("-- ctsql offline upgrade (postgresql): base -> 0012\n"));
    CHECK(!contains(script, "PRAGMA"));
    CHECK(contains(script, "BEGIN;\nDO $$ BEGIN PERFORM pg_advisory_xact_lock(" + std::to_string(ctsql::migrate::detail::lock_key) +
                               "); END $$;\n"));
    REQUIRE(cli({"--url", url_of(online), "upgrade"}).exit_code == 0);
    same();
    run_script({"downgrade", "--sql", "0004"});
    REQUIRE(cli({"--url", url_of(online), "downgrade", "0004"}).exit_code == 0);
    same();
    run_script({"upgrade", "--sql", "0004:head"});
    REQUIRE(cli({"--url", url_of(online), "upgrade"}).exit_code == 0);
    same();
    const auto check = cli({"--url", url_of(offline), "check"});
    INFO(describe(check));
    CHECK(check.exit_code == 0);
}

TEST_CASE("an offline script waits for the online runner's advisory lock") {
    pg_schema schema;
    temp_dir dir;
    write_offline_script(dir, "postgresql://", {"upgrade", "--sql", "0003"});
    const std::string key = std::to_string(ctsql::migrate::detail::lock_key);
    auto run_psql = [&] { return run_psql_script(dir, schema, " -c lock_timeout=200"); };
    // The session lock a running migrate program holds: the script cannot start its first transaction.
    ctsql_conn_test::pg_exec(schema.admin().native_handle(), "SELECT pg_advisory_lock(" + key + ")");
    const auto blocked = run_psql();
    INFO(describe(blocked));
    CHECK(blocked.exit_code != 0);
    CHECK(contains(blocked.err, "lock timeout"));
    CHECK(schema_of(schema).empty());
    ctsql_conn_test::pg_exec(schema.admin().native_handle(), "SELECT pg_advisory_unlock(" + key + ")");
    const auto done = run_psql();
    INFO(describe(done));
    CHECK(done.exit_code == 0);
    CHECK(version_rows(schema).size() == 3);
}

TEST_CASE("an offline script stops on a database at another revision than its FROM, changing nothing") {
    pg_schema schema;
    temp_dir dir;
    REQUIRE(cli({"--url", url_of(schema), "upgrade", "0003"}).exit_code == 0);
    const auto tables = schema_of(schema);
    const auto versions = version_rows(schema);

    write_offline_script(dir, "postgresql://", {"upgrade", "--sql", "0005:head"});  // the database is at 0003
    const auto ahead = run_psql_script(dir, schema);
    INFO(describe(ahead));
    CHECK(ahead.exit_code != 0);
    CHECK(contains(ahead.err, "ctsql: upgrade 0006 needs the database at 0005, but it is at 0003"));
    CHECK(schema_of(schema) == tables);
    CHECK(version_rows(schema) == versions);

    write_offline_script(dir, "postgresql://", {"downgrade", "--sql", "0004:base"});
    const auto down = run_psql_script(dir, schema);
    INFO(describe(down));
    CHECK(down.exit_code != 0);
    CHECK(contains(down.err, "ctsql: downgrade 0004 needs the database at 0004, but it is at 0003"));
    CHECK(schema_of(schema) == tables);
    CHECK(version_rows(schema) == versions);

    // The right FROM runs; the same script again finds the database moved on and stops at once.
    write_offline_script(dir, "postgresql://", {"upgrade", "--sql", "0003:0005"});
    REQUIRE(run_psql_script(dir, schema).exit_code == 0);
    CHECK(version_rows(schema).size() == 5);
    const auto moved = schema_of(schema);
    const auto again = run_psql_script(dir, schema);
    INFO(describe(again));
    CHECK(again.exit_code != 0);
    CHECK(contains(again.err, "ctsql: upgrade 0004 needs the database at 0003, but it is at 0005"));
    CHECK(schema_of(schema) == moved);
    CHECK(version_rows(schema).size() == 5);
}

TEST_CASE("upgrade --dry-run runs in a rolled-back transaction and changes nothing") {
    pg_schema schema;
    const std::string url = url_of(schema);
    REQUIRE(cli({"--url", url, "upgrade", "0003"}).exit_code == 0);
    exec_in(schema, "INSERT INTO users (name, email) VALUES ('ann', 'ann@example.com')");
    const auto tables = schema_of(schema);
    const auto versions = version_rows(schema);

    auto r = cli({"--url", url, "upgrade", "--dry-run"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "would apply ").size() == 9);
    CHECK(contains(r.out, "\n    ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";\n"));
    CHECK(r.out.ends_with("dry run: 9 revisions would be applied, ending at 0012; nothing was changed\n"));
    CHECK(schema_of(schema) == tables);
    CHECK(version_rows(schema) == versions);

    REQUIRE(cli({"--url", url, "upgrade"}).exit_code == 0);
    const auto at_head = schema_of(schema);
    r = cli({"--url", url, "upgrade", "--dry-run"}, {{"CTSQL_TEST_CHAIN", "bad_sql"}});
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "dry run: the upgrade would fail; nothing was changed\n"));
    CHECK(contains(r.err, "[SQLSTATE 42601]"));
    CHECK(schema_of(schema) == at_head);
    CHECK(version_rows(schema).size() == 12);
}

TEST_CASE("import reads the URL's schema") {
    pg_schema schema;
    exec_in(schema,
            "CREATE TABLE authors (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE);"
            "CREATE TABLE books (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,"
            " title text NOT NULL DEFAULT 'untitled', price double precision);"
            "CREATE INDEX books_by_title ON books (title)");
    const auto tables = schema_of(schema);
    const auto r = cli({"--url", url_of(schema), "import", "--namespace", "shop"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "namespace shop {"));
    CHECK(contains(r.out, "sql_name = \"authors\""));
    CHECK(contains(r.out, "sql_name = \"books\""));
    CHECK(contains(r.out, "\"books_by_title\""));
    CHECK(schema_of(schema) == tables);
}
