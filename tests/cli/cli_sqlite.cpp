// The migrate CLI on SQLite, driven as a separate process (tests/cli/migrate_fixture.cpp, the
// 12-revision chain of tests/support/migrate_chain.hpp). The database is read back with
// sqlite3 directly, never through the program under test.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
#include <ctsql/tools/offline_sql.hpp>

#include "cli_process.hpp"
#include "migrate_cli.hpp"

using namespace ctsql_cli_test;

namespace {

std::string url_of(const std::string& path) { return "sqlite:///" + path; }  // absolute path: sqlite:////tmp/...

std::vector<ctsql::live_table> schema_of(const std::string& path) {
    ctsql::sqlite_connection db(path);
    auto tables = ctsql::sqlite_introspect_schema(db.native_handle());
    std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return tables;
}

// revision|position|checksum|message, in position order.
std::vector<std::string> version_rows(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db, "SELECT revision || '|' || position || '|' || checksum || '|' || message FROM ctsql_migrations ORDER BY position",
        [](void* out, int, char** values, char**) {
            static_cast<std::vector<std::string>*>(out)->push_back(values[0]);
            return 0;
        },
        &rows, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
    return rows;
}

void exec_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

const std::vector<std::string> all_ids = {"0001", "0002", "0003", "0004", "0005", "0006",
                                          "0007", "0008", "0009", "0010", "0011", "0012"};

}  // namespace

TEST_CASE("help lists every command, and each command has its own help") {
    const auto help = cli({"--help"});
    INFO(describe(help));
    REQUIRE(help.exit_code == 0);
    for (const char* command : {"revision", "upgrade", "downgrade", "current", "history", "heads", "show", "stamp", "check"}) {
        CHECK(contains(help.out, std::string("\n  ") + command));
        const auto one = cli({command, "--help"});
        INFO(describe(one));
        CHECK(one.exit_code == 0);
        CHECK(contains(one.out, std::string("usage: migrate_fixture ") + command));
        CHECK(one.err.empty());
    }
    CHECK(contains(help.out, "exit codes: 0 ok, 1 check found problems, 2 bad command line, 3 failure"));
    const auto via_help = cli({"help", "upgrade"});
    CHECK(via_help.exit_code == 0);
    CHECK(contains(via_help.out, "--dry-run"));
}

TEST_CASE("command line mistakes exit 2 with one line on stderr") {
    temp_dir dir;
    const std::string url = url_of(dir / "app.db");
    const std::vector<std::vector<std::string>> mistakes = {
        {},                                         // no command
        {"frobnicate"},                             // unknown command
        {"--url", url, "upgrade", "--bogus"},       // unknown option
        {"current"},                                // no database
        {"--url", "mysql://localhost/app", "current"},
        {"--url", "sqlite:/app.db", "current"},
        {"--url", "sqlite:///", "current"},
        {"--url", url, "downgrade"},                // downgrade needs a target
        {"--url", url, "current", "extra"},         // too many arguments
        {"--url", url, "revision"},                 // revision needs -m
        {"--url", url, "upgrade", "--sql", "--dry-run"},
        {"--url", url, "upgrade", "+x"},
        {"--url", url, "upgrade", "0001:0003"},     // FROM:TO only with --sql
        {"--url", url, "downgrade", "0003:0001"},
        {"--url", url, "upgrade", "--sql", "0001:+0"},  // a count, checked before the resolver runs
        {"--url", url, "downgrade", "--sql", "-x"},
    };
    for (const auto& args : mistakes) {
        const auto r = cli(args);
        INFO(describe(r));
        CHECK(r.exit_code == 2);
        if (!args.empty()) {  // no command at all prints the help on stderr
            CHECK(lines_of(r.err).size() == 1);
            CHECK(r.err.starts_with("migrate_fixture: "));
        }
    }
    CHECK(!std::filesystem::exists(dir / "app.db"));  // nothing ran
    CHECK(contains(cli({"--url", "mysql://localhost/app", "current"}).err, "unsupported database URL \"mysql://localhost/app\""));
    CHECK(contains(cli({"current"}).err, "no database: pass --url URL or set CTSQL_DATABASE_URL"));
}

TEST_CASE("upgrade, current, heads, history, show, stamp and downgrade") {
    temp_dir dir;
    const std::string db = dir / "app.db";
    const std::string url = url_of(db);

    auto r = cli({"--url", url, "current"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "base\n");

    r = cli({"upgrade", "+2", "--url", url});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "applied ") == std::vector<std::string>{"0001", "0002"});
    CHECK(contains(r.out, "applied 0001 \"users\" ("));
    CHECK(contains(r.out, " ms)\n"));
    CHECK(r.out.ends_with("database at 0002\n"));
    CHECK(cli({"--url", url, "current"}).out == "0002 \"posts\"\n");

    // The URL from the environment.
    r = cli({"upgrade"}, {{"CTSQL_DATABASE_URL", url}});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "applied ").size() == 10);
    CHECK(r.out.ends_with("database at 0012 (head)\n"));
    r = cli({"--url", url, "upgrade"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "nothing to do: database at 0012 (head)\n");
    CHECK(version_rows(db).size() == 12);

    CHECK(cli({"heads"}).out == "0012 (head) \"members\"\n");
    r = cli({"history"});
    const auto history = lines_of(r.out);
    REQUIRE(history.size() == 12);
    CHECK(history.front() == "0011 -> 0012 (head), members");
    CHECK(history.back() == "base -> 0001, users");

    r = cli({"--url", url, "history", "-v"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Revision: 0012 (head) (current)\nParent: 0011\nMessage: members\nChecksum: "));
    CHECK(!contains(r.out, "Applied: no"));
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 12 * 6);

    r = cli({"--url", "sqlite://", "show", "0006"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("Revision: 0006\nParent: 0005\nMessage: renames\n"));
    CHECK(contains(r.out, "Upgrade (sqlite), 2 operations:\n-- 1\nALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";\n"));
    CHECK(contains(r.out, "Downgrade (sqlite), 2 operations:"));
    CHECK(contains(r.out, "ALTER TABLE \"articles\" RENAME TO \"posts\";"));
    r = cli({"--url", "postgresql://", "show", "head"});  // the dialect only: no connection
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Upgrade (postgresql)"));
    CHECK(contains(r.out, "RENAME CONSTRAINT"));

    r = cli({"--url", url, "downgrade", "-2"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "reverted ") == std::vector<std::string>{"0012", "0011"});
    CHECK(r.out.ends_with("database at 0010\n"));
    r = cli({"--url", url, "downgrade", "0008"});
    CHECK(ids_with_prefix(r.out, "reverted ") == std::vector<std::string>{"0010", "0009"});
    CHECK(version_rows(db).size() == 8);

    // stamp moves the version table only: the schema is 0008's, so check reports drift at 0012.
    const auto schema_at_0008 = schema_of(db);
    r = cli({"--url", url, "stamp", "head"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "stamped: database at 0012\n");
    CHECK(version_rows(db).size() == 12);
    CHECK(schema_of(db) == schema_at_0008);
    r = cli({"--url", url, "check"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "drift: "));
    r = cli({"--url", url, "stamp", "0008"});
    CHECK(r.out == "stamped: database at 0008\n");
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.out == "database: behind, at 0008; head is 0012 (4 revisions to apply)\n");

    r = cli({"--url", url, "downgrade", "base"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "reverted ").size() == 8);
    CHECK(r.out.ends_with("database at base\n"));
    const auto left = schema_of(db);
    REQUIRE(left.size() == 1);
    CHECK(left[0].name == "ctsql_migrations");
}

TEST_CASE("unknown revisions and refused moves exit 3 with the runner's message") {
    temp_dir dir;
    const std::string url = url_of(dir / "app.db");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"upgrade", "0099"}, "migration_error: no revision \"0099\" in this program's chain"},
        {{"stamp", "0099"}, "migration_error: no revision \"0099\" in this program's chain"},
        {{"show", "0099"}, "migration_error: no revision \"0099\" in this program's chain"},
        {{"downgrade", "0003"}, "migration_error: revision 0003 is ahead of the database's: upgrade to it instead"},
        {{"downgrade", "-1"}, "migration_error: cannot downgrade by 1: only 0 applied"},
        {{"upgrade", "+13"}, "migration_error: cannot upgrade past the head revision 0012"},
        // --sql scripts resolve their targets with the runner's rules and words (FROM is the database's revision)
        {{"upgrade", "--sql", "+13"}, "migration_error: cannot upgrade past the head revision 0012"},
        {{"upgrade", "--sql", "0005:+18446744073709551615"}, "migration_error: cannot upgrade past the head revision 0012"},
        {{"upgrade", "--sql", "0005:0003"}, "migration_error: revision 0003 is behind the database's: downgrade to it instead"},
        {{"downgrade", "--sql", "0003:0005"}, "migration_error: revision 0005 is ahead of the database's: upgrade to it instead"},
        {{"downgrade", "--sql", "0003:-4"}, "migration_error: cannot downgrade by 4: only 3 applied"},
        {{"downgrade", "--sql", "0099:base"}, "migration_error: no revision \"0099\" in this program's chain"},
    };
    for (const auto& [args, message] : cases) {
        std::vector<std::string> full = {"--url", url};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = cli(full);
        INFO(describe(r));
        CHECK(r.exit_code == 3);
        CHECK(r.err == "migrate_fixture: error: " + message + "\n");
    }
    const auto r = cli({"--url", url_of(dir / "no/such/dir/app.db"), "current"});
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: connection_error: "));
}

TEST_CASE("a revision that fails mid-upgrade: exit 3, the SQL and SQLite's words, the database stays at the last good revision") {
    temp_dir dir;
    const std::string db = dir / "app.db";
    const auto r = cli({"--url", url_of(db), "upgrade"}, {{"CTSQL_TEST_CHAIN", "bad_sql"}});
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(ids_with_prefix(r.out, "applied ") == all_ids);
    REQUIRE(lines_of(r.err).size() == 1);
    CHECK(r.err.starts_with("migrate_fixture: error: migration_error: upgrade of revision 0013 (\"broken raw SQL\") failed in operation 3 of 3: "));
    CHECK(contains(r.err, "syntax error"));
    CHECK(contains(r.err, "THIS IS NOT SQL"));
    CHECK(contains(r.err, "the revision was rolled back"));
    CHECK(version_rows(db).size() == 12);
    CHECK(cli({"--url", url_of(db), "current"}, {{"CTSQL_TEST_CHAIN", "bad_sql"}}).out == "0012 \"members\"\n");
    for (const auto& table : schema_of(db))
        if (table.name == "members") CHECK(table.find_column("extra") == nullptr);
}

TEST_CASE("offline --sql scripts run with sqlite3 give the schema and version table of the online runner") {
    temp_dir dir;
    const std::string online = dir / "online.db";
    const std::string offline = dir / "offline.db";
    auto run_script = [&](const std::vector<std::string>& args) {
        const std::string script = write_offline_script(dir, "sqlite://", args);
        const auto shell = run_shell("sqlite3 -bail '" + offline + "' < '" + (dir / "script.sql") + "'");
        INFO(describe(shell));
        REQUIRE(shell.exit_code == 0);
        return script;
    };
    auto same = [&] {
        CHECK(schema_of(online) == schema_of(offline));
        CHECK(version_rows(online) == version_rows(offline));
    };

    const std::string full_script = run_script({"upgrade", "--sql"});
    CHECK(full_script.starts_with("-- ctsql offline upgrade (sqlite): base -> 0012\n"));
    CHECK(contains(full_script, "PRAGMA foreign_keys = OFF;"));
    CHECK(!contains(full_script, "BEGIN;"));  // every transaction takes the write lock at once, as the runner's
    CHECK(contains(full_script, "INSERT OR ROLLBACK INTO \"ctsql_check\" SELECT NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check);\n"
                                "DROP TABLE \"ctsql_check\";\nCOMMIT;\n"));
    CHECK(contains(full_script,
                   "INSERT INTO \"ctsql_migrations\" (\"revision\", \"position\", \"checksum\", \"message\") VALUES ('0001', 1, '"));
    CHECK(std::count(full_script.begin(), full_script.end(), '\n') > 40);
    REQUIRE(cli({"--url", url_of(online), "upgrade"}).exit_code == 0);
    same();

    run_script({"downgrade", "--sql", "0005"});  // from head (the default FROM)
    REQUIRE(cli({"--url", url_of(online), "downgrade", "0005"}).exit_code == 0);
    same();
    CHECK(version_rows(offline).size() == 5);

    const std::string partial = run_script({"upgrade", "--sql", "0005:0009"});
    CHECK(partial.starts_with("-- ctsql offline upgrade (sqlite): 0005 -> 0009\n"));
    CHECK(!contains(partial, "VALUES ('0005'"));  // 0005 is FROM: checked, not applied
    CHECK(contains(partial, "CONSTRAINT \"ctsql: upgrade 0006 needs the database at 0005\""));
    REQUIRE(cli({"--url", url_of(online), "upgrade", "0009"}).exit_code == 0);
    same();

    run_script({"downgrade", "--sql", "0009:-2"});
    REQUIRE(cli({"--url", url_of(online), "downgrade", "-2"}).exit_code == 0);
    same();
    run_script({"upgrade", "--sql", "0007:head"});
    REQUIRE(cli({"--url", url_of(online), "upgrade"}).exit_code == 0);
    same();

    // The program accepts the scripted database as its own (same checksums, no drift).
    const auto check = cli({"--url", url_of(offline), "check"});
    INFO(describe(check));
    CHECK(check.exit_code == 0);
}

TEST_CASE("an offline script stops at a revision that leaves foreign key violations, as the runner does") {
    temp_dir dir;
    const std::string db = dir / "offline.db";
    const std::map<std::string, std::string> bad_fk = {{"CTSQL_TEST_CHAIN", "bad_fk"}};
    auto run_script = [&](const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
        write_offline_script(dir, "sqlite://", args, env);
        return run_shell("sqlite3 -bail '" + db + "' < '" + (dir / "script.sql") + "'");
    };
    REQUIRE(run_script({"upgrade", "--sql"}, {}).exit_code == 0);
    exec_sql(db, "INSERT INTO members (full_name, email) VALUES ('ann', 'ann@example.com')");
    exec_sql(db, "INSERT INTO articles (author, title, editor) VALUES (1, 'orphaned editor', 999)");
    const auto schema = schema_of(db);
    const auto versions = version_rows(db);

    const auto failed = run_script({"upgrade", "--sql", "0012:head"}, bad_fk);
    INFO(describe(failed));
    CHECK(failed.exit_code != 0);
    CHECK(contains(failed.err, "CHECK constraint failed: ctsql: upgrade 0013 leaves rows that violate a foreign key"));
    CHECK(schema_of(db) == schema);  // 0013 rolled back: no members.extra, no foreign key on editor
    CHECK(version_rows(db) == versions);
    // The online runner refuses the same revision.
    const auto online = cli({"--url", url_of(db), "upgrade"}, bad_fk);
    INFO(describe(online));
    CHECK(online.exit_code == 3);
    CHECK(contains(online.err, "leaves rows that violate a foreign key"));

    exec_sql(db, "UPDATE articles SET editor = NULL");
    REQUIRE(run_script({"upgrade", "--sql", "0012:head"}, bad_fk).exit_code == 0);
    CHECK(version_rows(db).size() == 13);
}

TEST_CASE("an offline script stops on a database at another revision than its FROM, changing nothing") {
    temp_dir dir;
    const std::string db = dir / "app.db";
    auto run_script = [&](const std::vector<std::string>& args) {
        write_offline_script(dir, "sqlite://", args);
        return run_shell("sqlite3 -bail '" + db + "' < '" + (dir / "script.sql") + "'");
    };
    REQUIRE(cli({"--url", url_of(db), "upgrade", "0003"}).exit_code == 0);
    const auto schema = schema_of(db);
    const auto versions = version_rows(db);

    const auto ahead = run_script({"upgrade", "--sql", "0005:head"});  // the database is at 0003
    INFO(describe(ahead));
    CHECK(ahead.exit_code != 0);
    CHECK(contains(ahead.err, "CHECK constraint failed: ctsql: upgrade 0006 needs the database at 0005"));
    CHECK(schema_of(db) == schema);
    CHECK(version_rows(db) == versions);

    const auto down = run_script({"downgrade", "--sql", "0004:base"});
    INFO(describe(down));
    CHECK(down.exit_code != 0);
    CHECK(contains(down.err, "CHECK constraint failed: ctsql: downgrade 0004 needs the database at 0004"));
    CHECK(schema_of(db) == schema);
    CHECK(version_rows(db) == versions);

    // The right FROM runs; the same script again finds the database moved on and stops at once.
    REQUIRE(run_script({"upgrade", "--sql", "0003:0005"}).exit_code == 0);
    CHECK(version_rows(db).size() == 5);
    const auto moved = schema_of(db);
    const auto again = run_shell("sqlite3 -bail '" + db + "' < '" + (dir / "script.sql") + "'");
    INFO(describe(again));
    CHECK(again.exit_code != 0);
    CHECK(contains(again.err, "CHECK constraint failed: ctsql: upgrade 0004 needs the database at 0003"));
    CHECK(schema_of(db) == moved);
    CHECK(version_rows(db).size() == 5);
    CHECK(cli({"--url", url_of(db), "check"}).out == "database: behind, at 0005; head is 0012 (7 revisions to apply)\n");
}

TEST_CASE("offline SQL literals double their quotes") {
    CHECK(ctsql::tools::sql_string_literal("it's") == "'it''s'");
    CHECK(ctsql::tools::sql_string_literal("''") == "''''''");
    CHECK(ctsql::tools::sql_string_literal("") == "''");
}

TEST_CASE("upgrade --dry-run reports what would happen and leaves the file untouched") {
    temp_dir dir;
    const std::string db = dir / "app.db";
    REQUIRE(cli({"--url", url_of(db), "upgrade", "0003"}).exit_code == 0);
    exec_sql(db, "INSERT INTO users (name, email, age) VALUES ('ann', 'ann@example.com', NULL)");
    const std::string before = read_file(db);

    auto r = cli({"--url", url_of(db), "upgrade", "--dry-run"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("dry run: database at 0003, upgrading to head\n"));
    CHECK(ids_with_prefix(r.out, "would apply ") ==
          std::vector<std::string>{"0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012"});
    CHECK(contains(r.out, "\n    ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";\n"));
    CHECK(r.out.ends_with("dry run: 9 revisions would be applied, ending at 0012; nothing was changed\n"));
    CHECK(read_file(db) == before);
    CHECK(cli({"--url", url_of(db), "current"}).out == "0003 \"tags, legacy\"\n");

    // A failing upgrade: reported, exit 3, still nothing changed.
    REQUIRE(cli({"--url", url_of(db), "upgrade"}).exit_code == 0);
    const std::string at_head = read_file(db);
    r = cli({"--url", url_of(db), "upgrade", "--dry-run"}, {{"CTSQL_TEST_CHAIN", "bad_sql"}});
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "dry run: the upgrade would fail; nothing was changed\n"));
    CHECK(contains(r.err, "upgrade of revision 0013 (\"broken raw SQL\") failed in operation 3 of 3"));
    CHECK(read_file(db) == at_head);

    // No database file yet: the dry run starts from an empty database and creates none.
    const std::string absent = dir / "absent.db";
    r = cli({"--url", url_of(absent), "upgrade", "--dry-run", "+1"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(ids_with_prefix(r.out, "would apply ") == std::vector<std::string>{"0001"});
    CHECK(!std::filesystem::exists(absent));
}

TEST_CASE("check: behind, at head, drifted, ahead, and a model the chain does not reach") {
    temp_dir dir;
    const std::string db = dir / "app.db";
    const std::string url = url_of(db);

    auto r = cli({"--url", url, "check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out == "database: behind, at base; head is 0012 (12 revisions to apply)\n");

    REQUIRE(cli({"--url", url, "upgrade"}).exit_code == 0);
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "ok: database at head, no drift, the chain yields the model\n");

    exec_sql(db, "ALTER TABLE members ADD COLUMN shoe_size INTEGER");
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.out == "drift: table members: column shoe_size: in database, not declared\n");
    exec_sql(db, "ALTER TABLE members DROP COLUMN shoe_size");
    CHECK(cli({"--url", url, "check"}).exit_code == 0);

    // Ahead: a newer build applied 0013, which this one does not know.
    REQUIRE(cli({"--url", url, "upgrade"}, {{"CTSQL_TEST_CHAIN", "extended"}}).exit_code == 0);
    r = cli({"--url", url, "check"});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.out == "database: the database has revision 0013 (\"extra column\"), which this program does not know: refusing to run\n");
    REQUIRE(cli({"--url", url, "downgrade", "0012"}, {{"CTSQL_TEST_CHAIN", "extended"}}).exit_code == 0);

    // A build whose chain stops at 0011 while the model is 0012's: autogenerate is due.
    r = cli({"--url", url, "check"}, {{"CTSQL_TEST_CHAIN", "short"}});
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    const auto lines = lines_of(r.out);
    CHECK(lines.front() == "database: the database has revision 0012 (\"members\"), which this program does not know: refusing to run");
    CHECK(std::find(lines.begin(), lines.end(), "model: table members is in the model, but the migration chain does not create it") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "model: table users is in the chain's head, but not in the model") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "model: column tags.post_id is in the model, but not in the chain's head") != lines.end());
}

TEST_CASE("revision writes the next file and the chain, and refuses when the files are ahead of the program") {
    namespace fs = std::filesystem;
    temp_dir dir;
    const std::string migrations = dir / "migrations";
    const std::map<std::string, std::string> env = {{"CTSQL_TEST_MIGRATIONS_DIR", migrations}};
    const std::vector<std::string> names = {"users", "posts", "tags_legacy", "scores", "unique_email", "renames",
                                            "alter_columns", "indexes", "comments", "drops", "nicknames", "members"};

    auto r = cli({"revision", "-m", "add shoe size"}, env);
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: file_error: revision 0001 is in this program's chain but has no file in " + migrations + "/versions"));

    for (std::size_t i = 0; i != names.size(); ++i) {
        std::ofstream file(fs::path(migrations) / "versions" / (all_ids[i] + "_" + names[i] + ".hpp"));
        file << "// revision " << all_ids[i] << '\n';
    }
    r = cli({"revision", "-m", "add shoe size"}, env);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    const std::string written = migrations + "/versions/0013_add_shoe_size.hpp";
    CHECK(r.out == "wrote " + written + "\nrewrote " + migrations + "/chain.hpp; rebuild the migrate program to use it\n");
    const std::string revision = read_file(written);
    CHECK(contains(revision, "struct r0013 : m::revision<\"0013\", \"add shoe size\", r0012> {};"));
    const std::string chain = read_file(migrations + "/chain.hpp");
    CHECK(contains(chain, "#include \"versions/0001_users.hpp\"\n"));
    CHECK(contains(chain, "#include \"versions/0013_add_shoe_size.hpp\"\n"));
    CHECK(contains(chain, "using chain = ctsql::migrate::chain<r0001, r0002, r0003, r0004, r0005, r0006, r0007, r0008, r0009, r0010, "
                          "r0011, r0012, r0013>;"));

    // 0013 is on disk, but this build's chain ends at 0012.
    r = cli({"revision", "-m", "one more"}, env);
    INFO(describe(r));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "0013_add_shoe_size.hpp is not in this program's chain: the files are ahead of the program, rebuild it first"));
    CHECK(!fs::exists(migrations + "/versions/0014_one_more.hpp"));

    // A build whose chain stops at 0011 (files 0001-0011): autogenerate writes 0012 from the
    // difference between its head and the model, with the generator's warnings.
    fs::remove(written);
    fs::remove(fs::path(migrations) / "versions" / "0012_members.hpp");
    std::map<std::string, std::string> short_env = env;
    short_env["CTSQL_TEST_CHAIN"] = "short";
    r = cli({"revision", "--autogenerate", "-m", "members"}, short_env);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.starts_with("wrote " + migrations + "/versions/0012_members.hpp\n"));
    CHECK(contains(r.out, "\nwarning: table users is dropped with its rows; confirm with m::acknowledge_data_loss\n"));
    const std::string generated = read_file(migrations + "/versions/0012_members.hpp");
    CHECK(contains(generated, "struct r0012 : m::revision<\"0012\", \"members\", r0011,"));
    CHECK(contains(generated, "m::create_table<\"members\""));
    CHECK(contains(generated, "m::drop_table<\"users\" /*, m::acknowledge_data_loss */>"));
}

TEST_CASE("import prints the model of a live database, or writes model, baseline and chain under --out") {
    namespace fs = std::filesystem;
    temp_dir dir;
    const std::string db = dir / "shop.db";
    exec_sql(db,
             "CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);"
             "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,"
             " title TEXT NOT NULL DEFAULT 'untitled', price REAL);"
             "CREATE INDEX books_by_title ON books (title);");
    const std::string before = read_file(db);

    auto r = cli({"--url", url_of(db), "import"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "namespace app {"));
    CHECK(contains(r.out, "sql_name = \"authors\""));
    CHECK(contains(r.out, "sql_name = \"books\""));
    CHECK(contains(r.out, "using model = ctsql::schema<"));
    CHECK(read_file(db) == before);  // opened read-only

    const std::string out_dir = dir / "imported";
    r = cli({"--url", url_of(db), "import", "--out", out_dir, "--namespace", "shop"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "wrote " + out_dir + "/model.hpp\n"));
    CHECK(contains(r.out, "wrote " + out_dir + "/migrations/versions/0001_baseline.hpp\n"));
    CHECK(contains(r.out, "wrote " + out_dir + "/migrations/chain.hpp\n"));
    CHECK(contains(r.out, "next: on this database, `migrate stamp 0001` records the baseline as applied\n"));
    CHECK(contains(read_file(out_dir + "/model.hpp"), "namespace shop {"));
    CHECK(contains(read_file(out_dir + "/migrations/versions/0001_baseline.hpp"), "m::create_table<\"books\""));
    CHECK(contains(read_file(out_dir + "/migrations/chain.hpp"), "#include \"versions/0001_baseline.hpp\""));

    const std::string model_text = read_file(out_dir + "/model.hpp");
    r = cli({"--url", url_of(db), "import", "--out", out_dir});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: file_error: " + out_dir + "/model.hpp already exists: refusing to overwrite it"));
    CHECK(read_file(out_dir + "/model.hpp") == model_text);

    const std::string absent = dir / "absent.db";
    r = cli({"--url", url_of(absent), "import"});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: connection_error: "));
    CHECK(!fs::exists(absent));
}

#ifdef CTSQL_TEST_CTSQL
TEST_CASE("the ctsql program: init and import only") {
    namespace fs = std::filesystem;
    const std::string ctsql = CTSQL_TEST_CTSQL;
    auto r = run_process(ctsql, {"--help"});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "\n  init DIR"));
    CHECK(contains(r.out, "\n  import "));
    CHECK(!contains(r.out, "upgrade"));
    r = run_process(ctsql, {"upgrade"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "ctsql: unknown command \"upgrade\" (see ctsql --help)\n");

    temp_dir dir;
    const std::string project = dir / "shop";
    r = run_process(ctsql, {"init", project});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    for (const char* file : {"model.hpp", "migrate.cpp", "migrate_commands.cpp", "CMakeLists.txt", "migrations/chain.hpp"}) {
        CHECK(fs::exists(fs::path(project) / file));
        CHECK(contains(r.out, "created " + project + "/" + file + "\n"));
    }
    const std::string model = read_file(project + "/model.hpp");
    r = run_process(ctsql, {"init", project});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "already exists: refusing to overwrite it"));
    CHECK(read_file(project + "/model.hpp") == model);
}
#endif
