// The runtime migration scenarios, written once and run on both databases by
// tests/runtime/sqlite/migrate_*.cpp and tests/runtime/postgresql/migrate_*.cpp.
//
// A Backend (migrate_backend_sqlite.hpp, migrate_backend_pg.hpp) provides
//   using connection = ...;  static constexpr bool is_sqlite;  connection db;
//   connection connect() const;                          a new connection to the same database
//   std::optional<std::string> try_exec(sql);            nullopt, or the error message
//   void exec(sql);  table_rows rows(sql);                raw, independent of the code under test
//   std::vector<ctsql::live_table> introspect();
//
// The checks read the database through raw SQL, never through the runner they test.
#pragma once

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <ctsql/migrate/runner.hpp>

#include "migrate_chain.hpp"

namespace ctsql_migrate_test {

using value = std::optional<std::string>;
using table_rows = std::vector<std::vector<value>>;

template <class Chain, class Backend>
using migrator_of = ctsql::migrate::migrator<Chain, typename Backend::connection>;

// ---- Text helpers ----------------------------------------------------------------------------

inline std::string ident(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// "a|b|NULL" per row, rows separated by '\n'.
inline std::string show(const table_rows& rows) {
    std::string out;
    for (const auto& row : rows) {
        if (!out.empty()) out += '\n';
        for (std::size_t i = 0; i != row.size(); ++i) {
            if (i != 0) out += '|';
            out += row[i] ? *row[i] : "NULL";
        }
    }
    return out;
}

inline std::string show(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + '\n';
    return out;
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The id of revision `position` (1-based) of the shared chain: "0001" ... "0012".
inline std::string revision_id(int position) {
    std::string digits = std::to_string(position);
    return std::string(4 - digits.size(), '0') + digits;
}

inline std::vector<std::string> revision_ids(int from, int to) {  // from..to, inclusive, either direction
    std::vector<std::string> out;
    if (from <= to)
        for (int i = from; i <= to; ++i) out.push_back(revision_id(i));
    else
        for (int i = from; i >= to; --i) out.push_back(revision_id(i));
    return out;
}

template <class Backend>
std::string scalar(Backend& b, const std::string& sql) {
    const table_rows rows = b.rows(sql);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 1);
    return rows[0][0] ? *rows[0][0] : "NULL";
}

template <class Backend>
long long count_of(Backend& b, const std::string& from_where) {
    return std::stoll(scalar(b, "SELECT count(*) FROM " + from_where));
}

// The version table as the database has it: "id|position|message" per row.
template <class Backend>
std::string version_rows(Backend& b) {
    return show(b.rows(R"(SELECT "revision", "position", "message" FROM "ctsql_migrations" ORDER BY "position")"));
}

// ---- Data snapshots ----------------------------------------------------------------------------

struct table_data {
    std::vector<std::string> columns;
    table_rows rows;  // sorted
    bool operator==(const table_data&) const = default;
};
using snapshot = std::map<std::string, table_data>;

// Every row of every table (but the version table), by table name.
template <class Backend>
snapshot take_snapshot(Backend& b) {
    snapshot out;
    for (const auto& table : b.introspect()) {
        if (table.name == "ctsql_migrations") continue;
        table_data data;
        std::string sql = "SELECT ";
        for (const auto& column : table.columns) {
            if (!data.columns.empty()) sql += ", ";
            data.columns.push_back(column.name);
            sql += ident(column.name);
        }
        data.rows = b.rows(sql + " FROM " + ident(table.name));
        std::sort(data.rows.begin(), data.rows.end());
        out.emplace(table.name, std::move(data));
    }
    return out;
}

inline std::string show(const snapshot& s) {
    std::string out;
    for (const auto& [name, data] : s) {
        out += "table " + name + " (";
        for (const auto& c : data.columns) out += c + (c == data.columns.back() ? "" : ", ");
        out += ")\n" + show(data.rows) + '\n';
    }
    return out;
}

// What one revision of the shared chain renames, and which values it changes on purpose.
struct renames {
    std::map<std::string, std::string> tables;                                 // old -> new
    std::map<std::string, std::map<std::string, std::string>> columns;         // old table -> old column -> new
    std::set<std::string> changed;                                             // "old table.old column"
};

inline renames renames_of(int revision, bool up) {
    renames r;
    if (revision == 6) {
        r.tables = {{"posts", "articles"}};
        r.columns["users"] = {{"name", "full_name"}};
    } else if (revision == 12) {
        r.tables = {{"users", "members"}};
        r.columns["tags"] = {{"post", "post_id"}};
    } else if (revision == 7 && up) {
        r.changed.insert("users.age");  // the data fix: NULL ages become 0
    }
    if (up) return r;
    renames inverse;
    for (const auto& [from, to] : r.tables) inverse.tables[to] = from;
    for (const auto& [table, columns] : r.columns) {
        const std::string renamed = r.tables.contains(table) ? r.tables.at(table) : table;
        for (const auto& [from, to] : columns) inverse.columns[renamed][to] = from;
    }
    return inverse;
}

// Every row of every table that exists before and after a step is still there, with the same
// values in every column both sides have (after the step's renames): nothing lost or altered by
// a rebuild, a rename or a type change.
inline void require_preserved(const snapshot& before, const snapshot& after, const renames& r) {
    for (const auto& [name, data] : before) {
        const std::string now_name = r.tables.contains(name) ? r.tables.at(name) : name;
        const auto found = after.find(now_name);
        if (found == after.end()) continue;  // dropped by the step: the drift check covers the schema
        const table_data& now = found->second;
        INFO("table " << name << " -> " << now_name);
        REQUIRE(now.rows.size() == data.rows.size());
        std::vector<std::pair<std::size_t, std::size_t>> common;
        for (std::size_t i = 0; i != data.columns.size(); ++i) {
            if (r.changed.contains(name + "." + data.columns[i])) continue;
            std::string column = data.columns[i];
            if (r.columns.contains(name) && r.columns.at(name).contains(column)) column = r.columns.at(name).at(column);
            const auto j = std::find(now.columns.begin(), now.columns.end(), column);
            if (j != now.columns.end()) common.emplace_back(i, static_cast<std::size_t>(j - now.columns.begin()));
        }
        auto project = [&](const table_rows& rows, bool first) {
            table_rows out;
            for (const auto& row : rows) {
                auto& projected = out.emplace_back();
                for (const auto& [i, j] : common) projected.push_back(row[first ? i : j]);
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        REQUIRE(show(project(now.rows, false)) == show(project(data.rows, true)));
    }
}

// ---- The data the walk inserts, and what it must read back --------------------------------------

// Rows added when the walk first reaches `applied` revisions (ids come from AUTOINCREMENT /
// identity and are the same on both databases).
template <class Backend>
void insert_data(Backend& b, int applied) {
    switch (applied) {
        case 1:
            b.exec(R"(INSERT INTO "users" ("name", "email", "age") VALUES ('ada', 'ada@example.org', 36))");
            b.exec(R"(INSERT INTO "users" ("name", "email") VALUES ('bob', 'bob@example.org'))");
            b.exec(R"(INSERT INTO "users" ("name", "email", "age") VALUES ('cy', 'cy@example.org', 25))");
            break;
        case 2:
            b.exec(R"(INSERT INTO "posts" ("author", "title", "body") VALUES (1, 'hello', 'first body'))");
            b.exec(R"(INSERT INTO "posts" ("author", "body") VALUES (1, 'second body'))");
            b.exec(R"(INSERT INTO "posts" ("author", "title") VALUES (3, 'third'))");
            break;
        case 3:
            b.exec(R"(INSERT INTO "tags" ("post", "tag") VALUES (1, 'news'), (1, 'c++'), (3, 'db'))");
            b.exec(R"(INSERT INTO "legacy" ("id", "note") VALUES (1, 'old'), (2, NULL))");
            break;
        case 4:
            b.exec(R"(UPDATE "users" SET "score" = 1.5 WHERE "id" = 1)");
            b.exec(R"(UPDATE "posts" SET "views" = 7 WHERE "id" = 1)");
            b.exec(R"(UPDATE "posts" SET "editor" = 2 WHERE "id" = 3)");
            break;
        case 8: b.exec(R"(INSERT INTO "users" ("full_name", "email") VALUES ('dee', 'dee@example.org'))"); break;
        case 9:
            b.exec(R"(INSERT INTO "comments" ("article", "author", "body") VALUES (1, 4, 'nice'))");
            b.exec(R"(INSERT INTO "comments" ("article", "author", "body") VALUES (3, 2, 'ok'))");
            break;
        case 11: b.exec(R"(UPDATE "users" SET "nickname" = 'A' WHERE "id" = 1)"); break;
        case 12:
            b.exec(R"(INSERT INTO "members" ("full_name", "email", "age", "nickname") VALUES ('eve', 'eve@example.org', 41, 'E'))");
            b.exec(R"(INSERT INTO "tags" ("post_id", "tag") VALUES (2, 'misc'))");
            break;
        default: break;
    }
}

// Values right after insert_data(applied) on the way up: defaults, added columns, the data fix.
template <class Backend>
void check_inserted_values(Backend& b, int applied) {
    const std::string posts = ident(posts_table(applied));
    const std::string name = ident(name_column(applied));
    switch (applied) {
        case 1:
            CHECK(show(b.rows(R"(SELECT "id", "name", "email", "age" FROM "users" ORDER BY "id")")) ==
                  "1|ada|ada@example.org|36\n2|bob|bob@example.org|NULL\n3|cy|cy@example.org|25");
            break;
        case 2:
            CHECK(show(b.rows(R"(SELECT "id", "author", "title", "body" FROM "posts" ORDER BY "id")")) ==
                  "1|1|hello|first body\n2|1|untitled|second body\n3|3|third|");
            break;
        case 4:
            CHECK(show(b.rows(R"(SELECT "id", "views", "editor" FROM "posts" ORDER BY "id")")) == "1|7|NULL\n2|0|NULL\n3|0|2");
            CHECK(show(b.rows(R"(SELECT "id", "score" FROM "users" ORDER BY "id")")) == "1|1.5\n2|NULL\n3|NULL");
            break;
        case 7: CHECK(show(b.rows(R"(SELECT "id", "age" FROM "users" ORDER BY "id")")) == "1|36\n2|0\n3|25"); break;
        case 8:
            CHECK(show(b.rows("SELECT \"id\", " + name + R"(, "age", "score" FROM "users" WHERE "id" = 4)")) == "4|dee|0|0.5");
            break;
        case 9:
            CHECK(show(b.rows(R"(SELECT "id", "article", "author", "body" FROM "comments" ORDER BY "id")")) ==
                  "1|1|4|nice\n2|3|2|ok");
            break;
        case 12:
            CHECK(show(b.rows(R"(SELECT "id", "full_name", "age", "score", "nickname" FROM "members" ORDER BY "id")")) ==
                  "1|ada|36|1.5|A\n2|bob|0|NULL|NULL\n3|cy|25|NULL|NULL\n4|dee|0|0.5|NULL\n5|eve|41|0.5|E");
            CHECK(show(b.rows(R"(SELECT "post_id", "tag" FROM "tags" ORDER BY "post_id", "tag")")) ==
                  "1|c++\n1|news\n2|misc\n3|db");
            CHECK(show(b.rows("SELECT \"id\", \"author\", \"title\", \"views\", \"editor\" FROM " + posts + " ORDER BY \"id\"")) ==
                  "1|1|hello|7|NULL\n2|1|untitled|0|NULL\n3|3|third|0|2");
            break;
        default: break;
    }
}

// The error of `sql`, lower case ("" when it succeeded).
template <class Backend>
std::string error_of(Backend& b, const std::string& sql) {
    std::string error = b.try_exec(sql).value_or("");
    for (char& c : error) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return error;
}

// Foreign keys and unique keys work at this revision (after any rebuild): orphans are refused,
// ON DELETE CASCADE / SET NULL act. The deletes are rolled back.
template <class Backend>
void check_constraints(Backend& b, int applied) {
    if (applied < 2) return;
    const std::string users = ident(users_table(applied));
    const std::string posts = ident(posts_table(applied));
    const std::string tag_post = ident(tags_post_column(applied));
    INFO("constraints after " << applied << " revisions");

    // SQLite: "FOREIGN KEY constraint failed"; PostgreSQL: "... violates foreign key constraint ..."
    auto refused_by_foreign_key = [&](const std::string& sql) {
        INFO(sql);
        CHECK(contains(error_of(b, sql), "foreign key"));
    };
    // SQLite: "UNIQUE constraint failed"; PostgreSQL: "duplicate key value violates unique constraint"
    auto refused_as_duplicate = [&](const std::string& sql) {
        INFO(sql);
        CHECK(contains(error_of(b, sql), "unique"));
    };
    refused_by_foreign_key("INSERT INTO " + posts + R"( ("author", "title") VALUES (999, 'orphan'))");
    if (applied >= 3) refused_by_foreign_key("INSERT INTO \"tags\" (" + tag_post + R"(, "tag") VALUES (999, 'orphan'))");
    if (applied >= 4 && applied <= 8) refused_by_foreign_key("UPDATE " + posts + R"( SET "editor" = 999 WHERE "id" = 1)");
    if (applied >= 9) {
        refused_by_foreign_key(R"(INSERT INTO "comments" ("article", "body") VALUES (999, 'orphan'))");
        refused_by_foreign_key(R"(INSERT INTO "comments" ("article", "author", "body") VALUES (1, 999, 'orphan'))");
    }
    if (applied >= 5 && applied <= 9)  // UNIQUE (email) from 0005 until 0010 drops it
        refused_as_duplicate("UPDATE " + users + R"( SET "email" = 'ada@example.org' WHERE "id" = 2)");
    if (applied >= 11)  // UNIQUE (full_name, age)
        refused_as_duplicate("UPDATE " + users + R"( SET "full_name" = 'ada', "age" = 36 WHERE "id" = 2)");
    if (applied >= 10) {  // no UNIQUE (email) any more: a duplicate is accepted (and undone)
        CHECK(error_of(b, "UPDATE " + users + R"( SET "email" = 'ada@example.org' WHERE "id" = 2)").empty());
        b.exec("UPDATE " + users + R"( SET "email" = 'bob@example.org' WHERE "id" = 2)");
    }

    b.exec("BEGIN");
    REQUIRE(count_of(b, posts + " WHERE \"author\" = 1") == 2);
    if (applied >= 3) REQUIRE(count_of(b, "\"tags\" WHERE " + tag_post + " = 1") >= 2);
    if (applied >= 9) REQUIRE(count_of(b, R"("comments" WHERE "article" = 1)") == 1);
    b.exec("DELETE FROM " + users + " WHERE \"id\" = 1");  // ada: posts 1 and 2, their tags and comments
    CHECK(count_of(b, posts + " WHERE \"author\" = 1") == 0);
    if (applied >= 3) CHECK(count_of(b, "\"tags\" WHERE " + tag_post + " IN (1, 2)") == 0);
    if (applied >= 9) CHECK(count_of(b, R"("comments" WHERE "article" = 1)") == 0);
    if (applied >= 4 && applied <= 8) REQUIRE(scalar(b, "SELECT \"editor\" FROM " + posts + " WHERE \"id\" = 3") == "2");
    if (applied >= 9) REQUIRE(scalar(b, R"(SELECT "author" FROM "comments" WHERE "id" = 2)") == "2");
    b.exec("DELETE FROM " + users + " WHERE \"id\" = 2");  // bob: editor of post 3, author of comment 2
    if (applied >= 4 && applied <= 8) CHECK(scalar(b, "SELECT \"editor\" FROM " + posts + " WHERE \"id\" = 3") == "NULL");
    if (applied >= 9) CHECK(scalar(b, R"(SELECT "author" FROM "comments" WHERE "id" = 2)") == "NULL");
    b.exec("ROLLBACK");
    CHECK(count_of(b, posts + " WHERE \"author\" = 1") == 2);
}

// The live schema is the schema of the recorded revision; foreign keys are enforced again.
// (after_downgrade: a downgrade that restores a dropped column appends it; drift() does not count
// column order, see test_drift_after_restoring_a_column.)
template <class Chain, class Backend>
void check_revision_state(Backend& b, migrator_of<Chain, Backend>& mig, int applied, bool after_downgrade = false) {
    INFO("after " << applied << " revisions");
    auto drift = mig.drift(b.introspect());
    INFO("drift:\n" << show(drift));
    (void)after_downgrade;
    CHECK(drift.empty());
    const auto current = mig.current();
    if (applied == 0) CHECK_FALSE(current.has_value());
    else CHECK(current == revision_id(applied));
    CHECK(mig.history().size() == static_cast<std::size_t>(applied));
    CHECK(count_of(b, ident("ctsql_migrations")) == applied);
    if constexpr (Backend::is_sqlite) {
        CHECK(scalar(b, "PRAGMA foreign_keys") == "1");
        CHECK(b.rows("PRAGMA foreign_key_check").empty());
    }
}

// ---- The walks (tests a, b) -------------------------------------------------------------------

// Upgrades one revision at a time from `from` to head; after each: values preserved, rows
// inserted (insert == true), constraints, drift, version table.
template <class Backend>
void walk_up(Backend& b, migrator_of<history, Backend>& mig, int from, bool insert = true) {
    for (int k = from + 1; k <= head_position; ++k) {
        INFO("upgrade to " << revision_id(k));
        const snapshot before = take_snapshot(b);
        const auto report = mig.upgrade("+1");
        REQUIRE(report.applied == std::vector<std::string>{revision_id(k)});
        require_preserved(before, take_snapshot(b), renames_of(k, true));
        if (insert) {
            insert_data(b, k);
            check_inserted_values(b, k);
        }
        check_constraints(b, k);
        check_revision_state<history>(b, mig, k);
    }
}

// Downgrades one revision at a time from `from` to `to`, with the same checks.
template <class Backend>
void walk_down(Backend& b, migrator_of<history, Backend>& mig, int from, int to) {
    for (int k = from; k > to; --k) {
        INFO("downgrade of " << revision_id(k));
        const snapshot before = take_snapshot(b);
        const auto report = mig.downgrade("-1");
        REQUIRE(report.applied == std::vector<std::string>{revision_id(k)});
        const snapshot after = take_snapshot(b);
        require_preserved(before, after, renames_of(k, false));
        if (k == 10) {  // the dropped column comes back with its default, the dropped table empty
            CHECK(count_of(b, R"("articles")") == 3);
            CHECK(count_of(b, R"("articles" WHERE "body" = '')") == 3);
            CHECK(count_of(b, R"("legacy")") == 0);
        }
        check_constraints(b, k - 1);
        check_revision_state<history>(b, mig, k - 1, true);
    }
}

// Upgrades to head (one revision at a time) inserting the walk's data; no checks.
template <class Backend>
void fill_to_head(Backend& b, migrator_of<history, Backend>& mig) {
    for (int k = 1; k <= head_position; ++k) {
        REQUIRE(mig.upgrade("+1").applied.size() == 1);
        insert_data(b, k);
    }
}

// ---- Concurrent runners in separate processes (test f) ------------------------------------------

struct runner_outcome {
    bool exited = false;
    int exit_code = -1;
    std::string output;  // "OK id id ..." or "ERR message"
};

inline void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

inline std::string read_all(int fd) {
    std::string out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

// Forks a process that opens its own connection, waits for a byte on `go`, runs upgrade() with
// Chain and writes what it applied to `out`. The child never returns (it _exits: no Catch2, no
// destructors of the parent's objects, no use of the parent's connections).
template <class Chain, class Backend>
pid_t fork_runner(const Backend& b, int go, int out, const std::vector<int>& close_in_child) {
    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    for (int fd : close_in_child) ::close(fd);
    std::string result;
    int code = 0;
    try {
        auto connection = b.connect();
        migrator_of<Chain, Backend> mig(connection);
        char byte = 0;
        if (::read(go, &byte, 1) != 1) throw std::runtime_error("no start signal");
        const auto report = mig.upgrade();
        result = "OK";
        for (const auto& id : report.applied) result += ' ' + id;
    } catch (const std::exception& e) {
        result = std::string("ERR ") + e.what();
        code = 1;
    }
    write_all(out, result);
    ::_exit(code);
}

// Waits for the children until `deadline`; kills those still running after it.
inline std::vector<runner_outcome> wait_for(const std::vector<pid_t>& pids, const std::vector<int>& outputs,
                                            std::chrono::steady_clock::time_point deadline) {
    std::vector<runner_outcome> outcomes(pids.size());
    std::size_t left = pids.size();
    while (left != 0 && std::chrono::steady_clock::now() < deadline) {
        for (std::size_t i = 0; i != pids.size(); ++i) {
            if (outcomes[i].exited) continue;
            int status = 0;
            if (::waitpid(pids[i], &status, WNOHANG) == pids[i]) {
                outcomes[i].exited = true;
                outcomes[i].exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                --left;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (std::size_t i = 0; i != pids.size(); ++i) {
        if (outcomes[i].exited) continue;
        ::kill(pids[i], SIGKILL);
        int status = 0;
        ::waitpid(pids[i], &status, 0);
    }
    for (std::size_t i = 0; i != pids.size(); ++i) outcomes[i].output = read_all(outputs[i]);
    return outcomes;
}

// The revision ids of "OK id id ...".
inline std::vector<std::string> applied_ids(const std::string& output) {
    std::istringstream in(output);
    std::string word;
    std::vector<std::string> ids;
    in >> word;
    while (in >> word) ids.push_back(word);
    return ids;
}

// Two runners, each in its own process with its own connection, start upgrade() while
// `hold` (a callable that takes the runners' lock and returns a callable releasing it) keeps
// them waiting; after the release, each revision must be applied exactly once and recorded
// once. Returns the two outcomes (for the database-specific checks).
template <class Backend, class Hold>
std::vector<runner_outcome> race_two_runners(Backend& b, Hold&& hold) {
    int go[2], out1[2], out2[2];
    REQUIRE(::pipe(go) == 0);
    REQUIRE(::pipe(out1) == 0);
    REQUIRE(::pipe(out2) == 0);
    const pid_t first = fork_runner<history>(b, go[0], out1[1], {go[1], out1[0], out2[0], out2[1]});
    const pid_t second = fork_runner<history>(b, go[0], out2[1], {go[1], out2[0], out1[0], out1[1]});
    ::close(go[0]);
    ::close(out1[1]);
    ::close(out2[1]);
    REQUIRE(first > 0);
    REQUIRE(second > 0);

    // The lock is taken after the fork, so the children inherit no lock state. Should taking
    // or releasing it fail, closing `go` ends the children (no start signal) before rethrowing.
    try {
        auto release = hold();
        write_all(go[1], "gg");
        ::close(go[1]);
        go[1] = -1;
        release();
    } catch (...) {
        if (go[1] != -1) ::close(go[1]);
        (void)wait_for({first, second}, {out1[0], out2[0]}, std::chrono::steady_clock::now() + std::chrono::seconds(10));
        ::close(out1[0]);
        ::close(out2[0]);
        throw;
    }

    const auto outcomes = wait_for({first, second}, {out1[0], out2[0]}, std::chrono::steady_clock::now() + std::chrono::seconds(60));
    ::close(out1[0]);
    ::close(out2[0]);
    for (const auto& o : outcomes) {
        INFO("runner output: " << o.output);
        REQUIRE(o.exited);
        REQUIRE(o.exit_code == 0);
        REQUIRE(o.output.rfind("OK", 0) == 0);
    }
    // Each revision applied by exactly one runner, in order, and recorded exactly once.
    std::vector<std::string> all = applied_ids(outcomes[0].output);
    const auto other = applied_ids(outcomes[1].output);
    all.insert(all.end(), other.begin(), other.end());
    std::sort(all.begin(), all.end());
    CHECK(all == revision_ids(1, head_position));
    for (const auto& o : outcomes) {
        const auto ids = applied_ids(o.output);
        CHECK(std::is_sorted(ids.begin(), ids.end()));
    }
    std::string expected;
    for (const auto& r : migrator_of<history, Backend>::revisions()) {
        if (!expected.empty()) expected += '\n';
        expected += std::string(r.id) + '|' + std::to_string(std::stoi(std::string(r.id))) + '|' + std::string(r.message);
    }
    CHECK(version_rows(b) == expected);
    migrator_of<history, Backend> mig(b.db);
    CHECK(mig.current() == revision_id(head_position));
    CHECK(mig.drift(b.introspect()).empty());
    return outcomes;
}

// ---- Test bodies, run by both databases' test files ---------------------------------------------

using ctsql::migrate::migration_error;

// (a, b) Up to head, down to base, up again, one revision at a time.
template <class Backend>
void test_up_down_up(Backend& b) {
    migrator_of<history, Backend> mig(b.db);
    check_revision_state<history>(b, mig, 0);
    walk_up(b, mig, 0);
    walk_down(b, mig, head_position, 0);
    const auto left = b.introspect();  // at base only the version table is left
    REQUIRE(left.size() == 1);
    CHECK(left[0].name == "ctsql_migrations");
    walk_up(b, mig, 0);
    // and once more in one go each way, with the data in place
    const snapshot at_head = take_snapshot(b);
    CHECK(mig.downgrade("0009").applied == revision_ids(12, 10));
    check_revision_state<history>(b, mig, 9, true);
    CHECK(mig.upgrade().applied == revision_ids(10, 12));
    check_revision_state<history>(b, mig, 12);
    check_constraints(b, 12);
    // what 0010..0012 dropped or added is gone or empty; everything else is as it was
    const snapshot again = take_snapshot(b);
    for (const auto& [name, data] : at_head) {
        INFO("table " << name);
        REQUIRE(again.contains(name));
        if (name != "members") CHECK(show(again.at(name).rows) == show(data.rows));
    }
    CHECK(show(b.rows(R"(SELECT "id", "nickname" FROM "members" ORDER BY "id")")) == "1|NULL\n2|NULL\n3|NULL\n4|NULL\n5|NULL");
}

// A downgrade that restores a dropped column appends it (neither database can put it back in
// place); drift() does not count column order, so the schema is the revision's with no drift,
// while compare_schema (which does) still sees the new position.
template <class Backend>
void test_drift_after_restoring_a_column(Backend& b) {
    migrator_of<history, Backend> mig(b.db);
    mig.upgrade();
    CHECK(mig.downgrade("0009").applied == revision_ids(12, 10));  // restores articles.body, appended
    const auto drift = mig.drift(b.introspect());
    INFO(show(drift));
    CHECK(drift.empty());
    using dialect = typename decltype(mig)::dialect;
    auto live = b.introspect();
    std::erase_if(live, [](const ctsql::live_table& t) { return t.name == "ctsql_migrations"; });
    CHECK(ctsql::compare_schema<dialect>(mig.revisions()[8].schema, live, ctsql::compare_options{.column_order = false})
              .empty());
    const auto order = ctsql::compare_schema<dialect>(mig.revisions()[8].schema, live);
    INFO(show(order));
    REQUIRE(order.size() == 1);
    CHECK(order[0] ==
          "table articles: columns in a different order: declared (id, author, title, body, views, editor), "
          "database (id, author, title, views, editor, body)");
}

// A downgrade restores dropped NOT NULL columns without default on a table with rows (their
// values are gone: a constant of the column's type fills them).
template <class Backend>
void test_downgrade_restores_not_null_column(Backend& b) {
    migrator_of<notes_history, Backend> mig(b.db);
    mig.upgrade("n01");
    b.exec(R"(INSERT INTO "notes" ("id", "body", "rank") VALUES (1, 'one', 1), (2, 'two', 2))");
    CHECK(mig.upgrade().applied == std::vector<std::string>{"n02"});
    CHECK(mig.downgrade("n01").applied == std::vector<std::string>{"n02"});
    CHECK(show(b.rows(R"(SELECT "id", "body", "rank" FROM "notes" ORDER BY "id")")) == "1||0\n2||0");
    CHECK(mig.current() == "n01");
}

// (b) drift() reports what was changed behind the runner's back, and nothing else.
template <class Backend>
void test_drift_reports_manual_changes(Backend& b) {
    migrator_of<history, Backend> mig(b.db);
    auto drift = [&] { return mig.drift(b.introspect()); };
    auto mentions = [](const std::vector<std::string>& lines, std::string_view a, std::string_view x) {
        for (const auto& line : lines)
            if (contains(line, a) && contains(line, x)) return true;
        return false;
    };
    CHECK(drift().empty());
    b.exec(R"(CREATE TABLE "stray" ("id" INTEGER))");
    {
        const auto d = drift();
        INFO(show(d));
        REQUIRE(d.size() == 1);
        CHECK(mentions(d, "stray", "no revision is applied"));
    }
    b.exec(R"(DROP TABLE "stray")");

    mig.upgrade("0005");
    REQUIRE(drift().empty());
    b.exec(R"(ALTER TABLE "users" ADD COLUMN "extra" TEXT)");
    {
        const auto d = drift();
        INFO(show(d));
        CHECK(d.size() == 1);
        CHECK(mentions(d, "users", "extra"));
    }
    b.exec(R"(ALTER TABLE "users" DROP COLUMN "extra")");
    CHECK(drift().empty());
    b.exec(R"(DROP INDEX "posts_by_author")");
    {
        const auto d = drift();
        INFO(show(d));
        CHECK(d.size() == 1);
        CHECK(mentions(d, "posts", "posts_by_author"));
    }
    b.exec(R"(CREATE INDEX "posts_by_author" ON "posts" ("author"))");
    CHECK(drift().empty());

    mig.upgrade();
    REQUIRE(drift().empty());
    b.exec(R"(ALTER TABLE "members" RENAME COLUMN "nickname" TO "nick")");
    {
        const auto d = drift();
        INFO(show(d));
        CHECK_FALSE(d.empty());
        CHECK(mentions(d, "members", "nickname"));
    }
    b.exec(R"(ALTER TABLE "members" RENAME COLUMN "nick" TO "nickname")");
    CHECK(drift().empty());
    b.exec(R"(CREATE TABLE "stray" ("id" INTEGER))");
    {
        const auto d = drift();
        INFO(show(d));
        CHECK(d.size() == 1);
        CHECK(mentions(d, "stray", "not declared"));
    }
    b.exec(R"(DROP TABLE "stray")");
    b.exec(R"(DROP TABLE "comments")");
    {
        const auto d = drift();
        INFO(show(d));
        CHECK(d.size() == 1);
        CHECK(mentions(d, "comments", "missing"));
    }
}

// (c) Targets: +N, -N, ids, head, base; stamp, history, current; refused targets change nothing.
template <class Backend>
void test_targets_stamp_history(Backend& b) {
    using ctsql::migrate::migration_error;
    using Catch::Matchers::Contains;
    migrator_of<history, Backend> mig(b.db);
    CHECK(mig.history().empty());
    CHECK_FALSE(mig.current().has_value());

    CHECK(mig.upgrade("+3").applied == revision_ids(1, 3));
    CHECK(mig.current() == "0003");
    CHECK(mig.upgrade("+2").applied == revision_ids(4, 5));
    CHECK(mig.downgrade("-2").applied == revision_ids(5, 4));
    CHECK(mig.current() == "0003");
    CHECK(mig.upgrade("0007").applied == revision_ids(4, 7));
    CHECK(mig.downgrade("0002").applied == revision_ids(7, 3));
    CHECK(mig.current() == "0002");
    CHECK(mig.upgrade("0002").applied.empty());
    CHECK(mig.downgrade("0002").applied.empty());
    CHECK(mig.upgrade("head").applied == revision_ids(3, 12));
    CHECK(mig.upgrade().applied.empty());
    CHECK(mig.downgrade("head").applied.empty());  // the same position words as upgrade's
    check_revision_state<history>(b, mig, 12);

    const auto known = migrator_of<history, Backend>::revisions();
    const auto applied = mig.history();
    REQUIRE(applied.size() == known.size());
    for (std::size_t i = 0; i != applied.size(); ++i) {
        CHECK(applied[i].id == known[i].id);
        CHECK(applied[i].position == static_cast<std::int64_t>(i + 1));
        CHECK(applied[i].message == known[i].message);
        CHECK(applied[i].checksum == known[i].checksum);
    }
    CHECK(applied[5].message == "renames");

    CHECK_THROWS_WITH(mig.upgrade("+1"), Contains("cannot upgrade past the head revision 0012"));
    CHECK(mig.downgrade("-9").applied == revision_ids(12, 4));
    CHECK(mig.current() == "0003");
    CHECK_THROWS_AS(mig.downgrade("-4"), migration_error);
    CHECK_THROWS_WITH(mig.downgrade("-4"), Contains("cannot downgrade by 4: only 3 applied"));
    CHECK_THROWS_WITH(mig.upgrade("0002"), Contains("is behind"));
    CHECK_THROWS_WITH(mig.downgrade("0005"), Contains("is ahead"));
    CHECK_THROWS_WITH(mig.upgrade("base"), Contains("revision base is behind the database's"));
    CHECK_THROWS_WITH(mig.downgrade("head"), Contains("revision head is ahead of the database's"));
    CHECK_THROWS_WITH(mig.upgrade("nope"), Contains("no revision \"nope\""));
    CHECK_THROWS_WITH(mig.downgrade("nope"), Contains("no revision \"nope\""));
    CHECK_THROWS_WITH(mig.upgrade("+0"), Contains("not a revision count"));
    CHECK_THROWS_WITH(mig.upgrade("+x"), Contains("not a revision count"));
    CHECK_THROWS_WITH(mig.downgrade("-"), Contains("not a revision count"));
    CHECK_THROWS_WITH(mig.stamp("nope"), Contains("no revision \"nope\""));
    check_revision_state<history>(b, mig, 3);

    CHECK(mig.downgrade("base").applied == revision_ids(3, 1));
    CHECK_FALSE(mig.current().has_value());
    CHECK(mig.downgrade("base").applied.empty());
    check_revision_state<history>(b, mig, 0);

    // stamp records revisions without running them
    mig.stamp("0004");
    CHECK(mig.current() == "0004");
    CHECK(version_rows(b) == "0001|1|users\n0002|2|posts\n0003|3|tags, legacy\n0004|4|scores, views, editors");
    CHECK(b.introspect().size() == 1);  // nothing ran
    CHECK_FALSE(mig.drift(b.introspect()).empty());
    mig.stamp("base");
    CHECK(mig.history().empty());
    CHECK(b.introspect().size() == 1);

    // a schema created without the runner (from the model), then stamped at head, has no drift
    b.db.execute(ctsql::create_all<model>());
    mig.stamp("head");
    CHECK(mig.current() == "0012");
    CHECK(mig.history().size() == 12);
    {
        const auto d = mig.drift(b.introspect());
        INFO(show(d));
        CHECK(d.empty());
    }
    CHECK(mig.upgrade().applied.empty());
    mig.stamp("0011");
    CHECK(mig.current() == "0011");
    CHECK_FALSE(mig.drift(b.introspect()).empty());  // members exists, 0011 has users
    mig.stamp("head");
    CHECK(mig.downgrade("-1").applied == std::vector<std::string>{"0012"});
    check_revision_state<history>(b, mig, 11);
}

// Statements the connection keeps prepared follow the schema the runner changes: after a
// rebuild they are re-prepared, after a drop they fail (no such table), after the table comes
// back they work again. (tests/runtime/repro/runner_sqlite_repro.cpp.txt counted posts after
// downgrading to 0001, which has no posts: that failure is this second case.)
template <class Backend>
void test_cached_statements_follow_migrations(Backend& b) {
    using count_posts = ctsql::raw_statement<ctsql::raw_sql<R"(SELECT count(*) FROM "posts")">, ctsql::type_list<>,
                                             ctsql::row<ctsql::field<"n", std::int64_t>>>;
    using count_users = ctsql::raw_statement<ctsql::raw_sql<R"(SELECT count(*) FROM "users")">, ctsql::type_list<>,
                                             ctsql::row<ctsql::field<"n", std::int64_t>>>;
    migrator_of<history, Backend> mig(b.db);
    auto posts = [&] { return b.db.fetch_one(count_posts{}).template get<0>(); };
    auto users = [&] { return b.db.fetch_one(count_users{}).template get<0>(); };
    mig.upgrade("0002");
    insert_data(b, 1);
    insert_data(b, 2);
    CHECK(posts() == 3);
    CHECK(users() == 3);
    CHECK(mig.upgrade("0005").applied == revision_ids(3, 5));  // SQLite: posts and users rebuilt
    CHECK(mig.current() == "0005");
    CHECK(posts() == 3);
    CHECK(users() == 3);
    CHECK(mig.downgrade("-4").applied == revision_ids(5, 2));  // 0001: no posts
    CHECK(mig.current() == "0001");
    CHECK_THROWS_AS(posts(), ctsql::database_error);
    CHECK(users() == 3);
    CHECK(mig.upgrade("+1").applied == std::vector<std::string>{"0002"});
    CHECK(posts() == 0);
    insert_data(b, 2);
    CHECK(posts() == 3);
    CHECK(mig.upgrade().applied == revision_ids(3, 12));  // posts -> articles, users -> members
    CHECK_THROWS_AS(posts(), ctsql::database_error);
    CHECK_THROWS_AS(users(), ctsql::database_error);
    CHECK(mig.downgrade("0005").applied == revision_ids(12, 6));
    CHECK(posts() == 3);
    CHECK(users() == 3);
}

// (d) A revision that fails part-way leaves the database exactly at the previous revision:
// schema, data and version table. `parts` must all be in the error's message; `failing_sql`
// (unless empty) in the SQL it names. `prepare` runs at head before the attempt.
template <class BadChain, class Backend, class Prepare>
void test_failed_upgrade_changes_nothing(Backend& b, const std::vector<std::string>& parts, std::string_view failing_sql,
                                         Prepare&& prepare) {
    migrator_of<history, Backend> mig(b.db);
    fill_to_head(b, mig);
    prepare(b);
    const snapshot data = take_snapshot(b);
    const auto schema = b.introspect();
    const std::string versions = version_rows(b);
    migrator_of<BadChain, Backend> bad(b.db);
    for (int attempt = 0; attempt != 2; ++attempt) {
        INFO("attempt " << attempt + 1);
        bool thrown = false;
        try {
            bad.upgrade();
        } catch (const migration_error& e) {
            thrown = true;
            INFO(e.what());
            for (const auto& part : parts) CHECK(contains(e.message(), part));
            CHECK(contains(e.message(), "rolled back"));
            if (!failing_sql.empty()) CHECK(contains(e.sql(), failing_sql));
        }
    CHECK(thrown);
        CHECK(b.db.transaction_depth() == 0);
        CHECK(show(take_snapshot(b)) == show(data));
        CHECK((b.introspect() == schema));
        CHECK(version_rows(b) == versions);
        CHECK(bad.current() == "0012");
        CHECK(mig.drift(b.introspect()).empty());
        if constexpr (Backend::is_sqlite) CHECK(scalar(b, "PRAGMA foreign_keys") == "1");
    }
    // the connection is fine: the good chain has nothing to do and every constraint still works
    CHECK(mig.upgrade().applied.empty());
    check_revision_state<history>(b, mig, head_position);
}

template <class BadChain, class Backend>
void test_failed_upgrade_changes_nothing(Backend& b, const std::vector<std::string>& parts, std::string_view failing_sql) {
    test_failed_upgrade_changes_nothing<BadChain>(b, parts, failing_sql, [](Backend&) {});
    check_constraints(b, head_position);
}

// (d) A downgrade that fails part-way leaves the database at the revision it was at.
template <class Backend>
void test_failed_downgrade_changes_nothing(Backend& b) {
    migrator_of<history, Backend> mig(b.db);
    fill_to_head(b, mig);
    migrator_of<bad_down_history, Backend> bad(b.db);
    CHECK(bad.upgrade().applied == std::vector<std::string>{"0013"});
    b.exec(R"(UPDATE "members" SET "extra" = 'kept' WHERE "id" = 1)");
    const snapshot data = take_snapshot(b);
    const auto schema = b.introspect();
    bool thrown = false;
    try {
        bad.downgrade("-1");
    } catch (const migration_error& e) {
        thrown = true;
        INFO(e.what());
        CHECK(contains(e.message(), "downgrade of revision 0013 (\"irreversible\") failed in operation 2 of 2"));
        CHECK(contains(e.sql(), "no_such_table"));
    }
    CHECK(thrown);
    CHECK(show(take_snapshot(b)) == show(data));
    CHECK((b.introspect() == schema));
    CHECK(bad.current() == "0013");
    CHECK(bad.drift(b.introspect()).empty());
    CHECK_THROWS_AS(bad.downgrade("base"), migration_error);
    CHECK(bad.current() == "0013");
}

// (e) The runner refuses a database whose applied revisions changed, are unknown or out of order.
template <class Backend>
void test_refuses_tampered_version_table(Backend& b) {
    migrator_of<history, Backend> mig(b.db);
    mig.upgrade("0005");
    const auto schema = b.introspect();
    auto refused = [&](auto&& run, std::vector<std::string> parts) {
        bool thrown = false;
        try {
            run();
        } catch (const migration_error& e) {
            thrown = true;
            INFO(e.what());
            for (const auto& part : parts) CHECK(contains(e.what(), part));
        }
        CHECK(thrown);
        CHECK((b.introspect() == schema));
    };
    auto every_entry_point = [&](const std::vector<std::string>& parts) {
        refused([&] { mig.upgrade(); }, parts);
        refused([&] { mig.upgrade("+1"); }, parts);
        refused([&] { mig.downgrade("-1"); }, parts);
        refused([&] { mig.downgrade("base"); }, parts);
        refused([&] { (void)mig.history(); }, parts);
        refused([&] { (void)mig.current(); }, parts);
        refused([&] { (void)mig.drift(b.introspect()); }, parts);
    };

    // a changed checksum
    const std::string good = scalar(b, R"(SELECT "checksum" FROM "ctsql_migrations" WHERE "revision" = '0003')");
    b.exec(R"(UPDATE "ctsql_migrations" SET "checksum" = '0123456789abcdef' WHERE "revision" = '0003')");
    every_entry_point({"revision 0003", "tags, legacy", "changed since it was applied", "0123456789abcdef", good, "refusing"});
    b.exec(R"(UPDATE "ctsql_migrations" SET "checksum" = ')" + good + R"(' WHERE "revision" = '0003')");
    CHECK(mig.current() == "0005");

    // a malformed one
    const std::string first = scalar(b, R"(SELECT "checksum" FROM "ctsql_migrations" WHERE "revision" = '0001')");
    CHECK(first == ctsql::migrate::detail::to_hex(migrator_of<history, Backend>::revisions()[0].checksum));
    b.exec(R"(UPDATE "ctsql_migrations" SET "checksum" = 'not hex' WHERE "revision" = '0001')");
    every_entry_point({"malformed checksum", "not hex"});
    b.exec(R"(UPDATE "ctsql_migrations" SET "checksum" = ')" + first + R"(' WHERE "revision" = '0001')");
    CHECK(mig.current() == "0005");

    // a revision this program does not know
    b.exec(R"(INSERT INTO "ctsql_migrations" ("revision", "position", "checksum", "message") )"
           R"(VALUES ('x999', 6, '0000000000000000', 'from elsewhere'))");
    every_entry_point({"x999", "from elsewhere", "does not know", "refusing"});
    b.exec(R"(DELETE FROM "ctsql_migrations" WHERE "revision" = 'x999')");
    CHECK(mig.current() == "0005");

    // revisions out of order
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 100 WHERE "revision" = '0002')");
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 2 WHERE "revision" = '0003')");
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 3 WHERE "revision" = '0002')");
    every_entry_point({"not a prefix", "0003"});
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 100 WHERE "revision" = '0002')");
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 3 WHERE "revision" = '0003')");
    b.exec(R"(UPDATE "ctsql_migrations" SET "position" = 2 WHERE "revision" = '0002')");
    CHECK(mig.current() == "0005");

    // a gap (a revision deleted from the table)
    const table_rows fourth = b.rows(R"(SELECT "checksum" FROM "ctsql_migrations" WHERE "revision" = '0004')");
    b.exec(R"(DELETE FROM "ctsql_migrations" WHERE "revision" = '0004')");
    every_entry_point({"0005", "not a prefix"});
    b.exec(R"(INSERT INTO "ctsql_migrations" ("revision", "position", "checksum", "message") VALUES ('0004', 4, ')" +
           *fourth.at(0).at(0) + R"(', 'scores, views, editors'))");
    CHECK(mig.current() == "0005");

    // a newer program applied a revision this one does not know
    migrator_of<extended_history, Backend> newer(b.db);
    CHECK(newer.upgrade().applied == revision_ids(6, 13));
    const auto extended_schema = b.introspect();
    bool thrown = false;
    try {
        mig.upgrade();
    } catch (const migration_error& e) {
        thrown = true;
        CHECK(contains(e.what(), "0013"));
        CHECK(contains(e.what(), "extra column"));
        CHECK(contains(e.what(), "does not know"));
    }
    CHECK(thrown);
    CHECK((b.introspect() == extended_schema));
    CHECK_THROWS_AS(mig.current(), migration_error);
    CHECK(newer.downgrade("-1").applied == std::vector<std::string>{"0013"});
    CHECK(mig.current() == "0012");
    check_revision_state<history>(b, mig, head_position);
}

}  // namespace ctsql_migrate_test
