// Offline SQL (`upgrade --sql`, `downgrade --sql`): the script a DBA can review and run with
// sqlite3 or psql instead of the migrate program, like Alembic's offline mode.
//
// The script creates the version table if needed, then runs each revision in its own
// transaction together with its version-table INSERT (upgrade) or DELETE (downgrade), so the
// database ends exactly as the online runner leaves it. SQLite: foreign-key enforcement is
// turned off for the whole script (table rebuilds need it off, and it cannot change inside a
// transaction) and on again at the end. Every value in the script is a literal (quote doubling):
// a script has no parameters. Unlike the online runner, a script takes no lock, reads no version
// table and runs no foreign-key check: it trusts the FROM revision it was made for.
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

inline std::string revision_label(std::span<const migrate::revision_info> revisions, std::size_t count) {
    return count == 0 ? std::string("base") : std::string(revisions[count - 1].id);
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
    out += "BEGIN;\n";
    out += create_version_table;
    out += ";\nCOMMIT;\n";
    auto revision_block = [&](std::size_t i, bool up) {
        const migrate::revision_info& r = revisions[i];
        out += '\n';
        out += off::comment(std::string(up ? "upgrade " : "downgrade ") + std::string(r.id) + ": " + std::string(r.message));
        out += "BEGIN;\n";
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
