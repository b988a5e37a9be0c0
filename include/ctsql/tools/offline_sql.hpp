// Offline SQL (`upgrade --sql`, `downgrade --sql`): the script a DBA can review and run with
// sqlite3 or psql instead of the migrate program, like Alembic's offline mode.
//
// The script creates the version table if needed, then runs each revision in its own
// transaction together with its version-table INSERT (upgrade) or DELETE (downgrade), so the
// database ends exactly as the online runner leaves it. SQLite: foreign-key enforcement is
// turned off for the whole script (table rebuilds need it off, and it cannot change inside a
// transaction) and on again at the end. Every value in the script is a literal (quote doubling):
// a script has no parameters.
//
// Each transaction takes the online runner's lock, and each revision ends with its checks:
// - PostgreSQL: pg_advisory_xact_lock on the runner's key, so a script waits for a running
//   migrate program (and it for the script's transaction);
// - SQLite: BEGIN IMMEDIATE, as the runner's transactions (the runner's flock() on
//   "<database>.migrate-lock" is out of a script's reach), and PRAGMA foreign_key_check before
//   COMMIT, as a statement that fails when it finds a violation (detail::offline::
//   sqlite_fail_unless: sqlite3 does not fail on a PRAGMA's rows, but does on a failed
//   constraint; -bail then stops the script), rolling the revision back.
// Each revision also begins, under that lock, by checking that the version table holds exactly
// the revisions before it (the script's FROM, for its first): a script run on a database at
// another revision (or run twice) stops there, its revision rolled back, instead of running
// DDL made for another schema. PostgreSQL: a DO block that RAISEs; SQLite: a CHECK constraint
// that fails, as the foreign key check does (its name is the message).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/migrate/runner.hpp"

namespace ctsql::tools {

// 'text' with embedded quotes doubled: an SQL string literal on both databases (standard
// strings), written by the same code as the compile-time literals of statements.
inline std::string sql_string_literal(std::string_view text) {
    ctsql::detail::live::string_writer out;
    ctsql::detail::write_string_literal(out, text);
    return std::move(out.text);
}

namespace detail::offline {

// One comment line: a message may hold newlines.
inline std::string comment(std::string_view text) {
    std::string out = "-- ";
    for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out + '\n';
}

inline std::string quoted_name(std::string_view name) {
    ctsql::detail::live::string_writer out;
    ctsql::detail::write_identifier(out, name);
    return std::move(out.text);
}

// Opens each transaction of a script with the online runner's lock.
inline std::string begin_transaction(bool sqlite) {
    if (sqlite) return "BEGIN IMMEDIATE;\n";
    return "BEGIN;\nDO $$ BEGIN PERFORM pg_advisory_xact_lock(" + std::to_string(migrate::detail::lock_key) + "); END $$;\n";
}

// SQLite has no statement that raises an error when a condition is false, and sqlite3 does not
// stop on a query's result, but it does on a failed constraint: the condition goes into a
// temporary table whose CHECK requires it, with INSERT OR ROLLBACK, so a false condition rolls
// the transaction back and fails with "CHECK constraint failed: ctsql: <message>" (the
// constraint's name; sqlite3 -bail then stops the script). Used for the revision check first in
// each transaction and the foreign-key check last.
inline std::string sqlite_fail_unless(const std::string& condition, const std::string& message) {
    return "CREATE TEMP TABLE \"ctsql_check\" (\"holds\" INTEGER NOT NULL, CONSTRAINT " + quoted_name("ctsql: " + message) +
           " CHECK (\"holds\"));\n"
           "INSERT OR ROLLBACK INTO \"ctsql_check\" SELECT " + condition + ";\n"
           "DROP TABLE \"ctsql_check\";\n";
}

// PRAGMA foreign_key_check, run last before COMMIT as the online runner runs it, as a statement
// that fails when it finds a violation.
inline std::string sqlite_foreign_key_check(const migrate::revision_info& revision, bool up) {
    return sqlite_fail_unless("NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check)",
                              std::string(up ? "upgrade " : "downgrade ") + std::string(revision.id) +
                                  " leaves rows that violate a foreign key (PRAGMA foreign_key_check)");
}

// True in SQL when the version table holds exactly the first `count` revisions of the chain
// (the online runner keeps positions 1..n, so the count and the last id decide it).
inline std::string at_revision_condition(std::span<const migrate::revision_info> revisions, std::size_t count,
                                         const std::string& versions) {
    if (count == 0) return "NOT EXISTS (SELECT 1 FROM " + versions + ")";
    return "(SELECT count(*) FROM " + versions + ") = " + std::to_string(count) + " AND EXISTS (SELECT 1 FROM " + versions +
           " WHERE \"position\" = " + std::to_string(count) + " AND \"revision\" = " + sql_string_literal(revisions[count - 1].id) + ")";
}

// A dollar-quote tag that does not occur in `body`.
inline std::string dollar_tag(std::string_view body) {
    std::string tag = "$ctsql$";
    for (std::string underscores; body.find(tag) != std::string_view::npos;) {
        underscores += '_';
        tag = "$ctsql" + underscores + "$";
    }
    return tag;
}

inline std::string revision_label(std::span<const migrate::revision_info> revisions, std::size_t count) {
    return count == 0 ? std::string("base") : std::string(revisions[count - 1].id);
}

// The statements that stop revision `revisions[index]`'s transaction, up or down, unless the
// database is at the revision it starts from.
inline std::string revision_start_check(bool sqlite, std::span<const migrate::revision_info> revisions, std::size_t index, bool up,
                                        const std::string& versions) {
    const std::size_t expected = up ? index : index + 1;
    const std::string condition = at_revision_condition(revisions, expected, versions);
    const std::string what = std::string(up ? "upgrade " : "downgrade ") + std::string(revisions[index].id) +
                             " needs the database at " + revision_label(revisions, expected);
    if (sqlite) return sqlite_fail_unless(condition, what);
    const std::string body = " BEGIN IF NOT (" + condition + ") THEN RAISE EXCEPTION USING MESSAGE = " +
                             sql_string_literal("ctsql: " + what + ", but it is at ") + " || COALESCE((SELECT \"revision\" FROM " +
                             versions + " ORDER BY \"position\" DESC LIMIT 1), 'base'); END IF; END ";
    const std::string tag = dollar_tag(body);
    return "DO " + tag + body + tag + ";\n";
}

}  // namespace detail::offline

// The script taking a database from `from` applied revisions to `to` (from <= to: upgrade,
// from > to: downgrade), where `revisions` is the program's chain for `family`'s dialect and
// `create_version_table` the version table's CREATE TABLE IF NOT EXISTS for that dialect.
inline std::string offline_script(dialect_family family, std::span<const migrate::revision_info> revisions,
                                  std::string_view create_version_table, std::size_t from, std::size_t to) {
    namespace off = detail::offline;
    const bool sqlite = family == dialect_family::sqlite;
    const std::string versions = off::quoted_name(migrate::version_table::sql_name.view());
    std::string out;
    out += off::comment(std::string("ctsql offline ") + (from <= to ? "upgrade" : "downgrade") + " (" +
                        (sqlite ? "sqlite" : "postgresql") + "): " + off::revision_label(revisions, from) + " -> " +
                        off::revision_label(revisions, to));
    out += '\n';
    if (sqlite) out += "PRAGMA foreign_keys = OFF;\n\n";
    out += off::begin_transaction(sqlite);
    out += create_version_table;
    out += ";\nCOMMIT;\n";
    auto revision_block = [&](std::size_t i, bool up) {
        const migrate::revision_info& r = revisions[i];
        out += '\n';
        out += off::comment(std::string(up ? "upgrade " : "downgrade ") + std::string(r.id) + ": " + std::string(r.message));
        out += off::begin_transaction(sqlite);
        out += off::revision_start_check(sqlite, revisions, i, up, versions);
        for (std::string_view step : up ? r.upgrade_steps : r.downgrade_steps) {
            while (!step.empty() && (step.back() == '\n' || step.back() == ' ')) step.remove_suffix(1);
            if (step.empty()) continue;
            out += step;
            out += step.back() == ';' ? "\n" : ";\n";  // raw SQL steps may omit the last semicolon
        }
        if (up)
            out += "INSERT INTO " + versions + " (\"revision\", \"position\", \"checksum\", \"message\") VALUES (" +
                   sql_string_literal(r.id) + ", " + std::to_string(i + 1) + ", " +
                   sql_string_literal(migrate::detail::to_hex(r.checksum)) + ", " + sql_string_literal(r.message) + ");\n";
        else
            out += "DELETE FROM " + versions + " WHERE \"revision\" = " + sql_string_literal(r.id) + ";\n";
        if (sqlite) out += off::sqlite_foreign_key_check(r, up);
        out += "COMMIT;\n";
    };
    if (from <= to)
        for (std::size_t i = from; i != to; ++i) revision_block(i, true);
    else
        for (std::size_t i = from; i != to; --i) revision_block(i - 1, false);
    if (sqlite) out += "\nPRAGMA foreign_keys = ON;\n";
    return out;
}

}  // namespace ctsql::tools
