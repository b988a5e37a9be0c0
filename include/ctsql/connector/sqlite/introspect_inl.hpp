// Definitions of connector/sqlite/introspect.hpp's functions and their helpers: included at the
// end of that header (header-only), or compiled once in src/sqlite.cpp
// (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/sqlite/introspect.hpp"

namespace ctsql {
namespace detail::sqlite_introspection {

// A prepared statement that finalizes itself; every failure throws with the SQL.
class statement {
public:
    statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
        if (sqlite3_prepare_v2(db_, sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr) != SQLITE_OK)
            fail();
    }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    ~statement() { sqlite3_finalize(stmt_); }

    void bind(int position, std::string_view value) {
        // An empty view may have a null data(), which SQLite would bind as NULL.
        const char* text = value.empty() ? "" : value.data();
        if (sqlite3_bind_text(stmt_, position, text, static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail();
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::optional<std::string> optional_text(int column) const {
        const unsigned char* text = sqlite3_column_text(stmt_, column);
        if (text == nullptr) return std::nullopt;
        return std::string(reinterpret_cast<const char*>(text),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }
    std::string text(int column) const { return optional_text(column).value_or(std::string()); }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

    [[noreturn]] void fail() const {
        throw std::runtime_error("ctsql: SQLite introspection failed: " + std::string(sqlite3_errmsg(db_)) +
                                 "\n  SQL: " + sql_);
    }

private:
    sqlite3* db_;
    std::string sql_;
    sqlite3_stmt* stmt_ = nullptr;
};

inline fk_action parse_action(std::string_view text) {
    using detail::live::iequals;
    if (iequals(text, "CASCADE")) return fk_action::cascade;
    if (iequals(text, "RESTRICT")) return fk_action::restrict;
    if (iequals(text, "SET NULL")) return fk_action::set_null;
    if (iequals(text, "SET DEFAULT")) return fk_action::set_default;
    return fk_action::no_action;
}

constexpr bool is_word_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Whether the CREATE TABLE text has the keyword AUTOINCREMENT (not inside a string literal,
// a quoted identifier or a comment).
constexpr bool has_autoincrement_keyword(std::string_view sql) noexcept {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            ++i;
            while (i < sql.size()) {
                if (sql[i] == close) {
                    if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
                        i += 2;  // doubled quote
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (is_word_char(c)) {
            const std::size_t start = i;
            while (i < sql.size() && is_word_char(sql[i])) ++i;
            if (detail::live::iequals(sql.substr(start, i - start), "AUTOINCREMENT")) return true;
        } else {
            ++i;
        }
    }
    return false;
}

// The column names of an index, in index order (a rowid column or an expression has no name).
inline std::vector<std::string> index_columns(sqlite3* db, const std::string& index, const live_table& table) {
    statement columns(db, "SELECT cid, name FROM pragma_index_info(?1) ORDER BY seqno");
    columns.bind(1, index);
    std::vector<std::string> names;
    while (columns.step()) {
        if (!columns.is_null(1)) {
            names.push_back(columns.text(1));
        } else if (columns.integer(0) == -1) {  // the rowid
            const auto pk = std::find_if(table.columns.begin(), table.columns.end(),
                                         [](const live_column& c) { return c.primary_key_position == 1; });
            names.push_back(table.primary_key.size() == 1 && pk != table.columns.end() ? pk->name : "rowid");
        } else {
            names.push_back("<expression>");
        }
    }
    return names;
}

// The primary key columns of `table`, for a foreign key that names no target columns.
inline std::vector<std::string> primary_key_of(sqlite3* db, std::string_view table) {
    statement pk(db, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk");
    pk.bind(1, table);
    std::vector<std::string> names;
    while (pk.step()) names.push_back(pk.text(0));
    return names;
}

}  // namespace detail::sqlite_introspection

// Names of the user tables of the main database, sorted (SQLite's own sqlite_* tables excluded).
CTSQL_FUNC std::vector<std::string> sqlite_table_names(sqlite3* db) {
    detail::sqlite_introspection::statement names(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY name");
    std::vector<std::string> out;
    while (names.step()) out.push_back(names.text(0));
    return out;
}

// The schema of one table of the main database, as SQLite reports it. Throws
// std::runtime_error if there is no such table.
CTSQL_FUNC live_table sqlite_introspect_table(sqlite3* db, std::string_view table) {
    using detail::sqlite_introspection::statement;
    live_table out;

    std::string create_sql;
    {
        statement master(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE");
        master.bind(1, table);
        if (!master.step())
            throw std::runtime_error("ctsql: SQLite introspection: no table named \"" + std::string(table) + '"');
        out.name = master.text(0);
        create_sql = master.text(1);
    }

    {
        // hidden: 0 ordinary, 1 hidden column of a virtual table, 2/3 generated column.
        statement columns(db,
                          "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?1) "
                          "WHERE hidden <> 1 ORDER BY cid");
        columns.bind(1, out.name);
        while (columns.step()) {
            live_column c;
            c.name = columns.text(0);
            c.declared_type = detail::live::to_upper(columns.text(1));
            c.not_null = columns.integer(2) != 0;
            c.default_sql = columns.optional_text(3);
            c.primary_key_position = static_cast<int>(columns.integer(4));
            out.columns.push_back(std::move(c));
        }
    }
    std::vector<const live_column*> key;
    for (const auto& c : out.columns)
        if (c.primary_key_position > 0) key.push_back(&c);
    std::sort(key.begin(), key.end(),
              [](const live_column* a, const live_column* b) { return a->primary_key_position < b->primary_key_position; });
    for (const live_column* c : key) out.primary_key.push_back(c->name);

    // AUTOINCREMENT is only allowed on the INTEGER PRIMARY KEY, so the keyword names that column.
    if (out.primary_key.size() == 1 && detail::sqlite_introspection::has_autoincrement_keyword(create_sql))
        for (auto& c : out.columns)
            if (c.primary_key_position == 1) c.identity_or_autoincrement = true;

    {
        statement fks(db,
                      "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                      "FROM pragma_foreign_key_list(?1) ORDER BY id, seq");
        fks.bind(1, out.name);
        std::int64_t current = -1;
        while (fks.step()) {
            if (fks.integer(0) != current || out.foreign_keys.empty()) {
                current = fks.integer(0);
                live_foreign_key fk;
                fk.target_table = fks.text(1);
                fk.on_update = detail::sqlite_introspection::parse_action(fks.text(4));
                fk.on_delete = detail::sqlite_introspection::parse_action(fks.text(5));
                out.foreign_keys.push_back(std::move(fk));
            }
            auto& fk = out.foreign_keys.back();
            fk.columns.push_back(fks.text(2));
            if (!fks.is_null(3)) fk.target_columns.push_back(fks.text(3));
        }
        // REFERENCES t without a column list means t's primary key.
        for (auto& fk : out.foreign_keys)
            if (fk.target_columns.empty())
                fk.target_columns = detail::sqlite_introspection::primary_key_of(db, fk.target_table);
        // pragma_foreign_key_list lists the constraints last to first.
        std::reverse(out.foreign_keys.begin(), out.foreign_keys.end());
    }

    {
        // origin: 'pk' backs the PRIMARY KEY, 'u' a UNIQUE constraint, 'c' CREATE INDEX.
        statement indexes(db, "SELECT name, \"unique\", origin FROM pragma_index_list(?1) ORDER BY name");
        indexes.bind(1, out.name);
        while (indexes.step()) {
            const std::string name = indexes.text(0);
            const std::string origin = indexes.text(2);
            if (origin == "u") {
                out.unique_keys.push_back(detail::sqlite_introspection::index_columns(db, name, out));
            } else if (origin == "c") {
                out.indexes.push_back(
                    live_index{name, detail::sqlite_introspection::index_columns(db, name, out), indexes.integer(1) != 0});
            }
        }
    }
    return out;
}

// Every user table of the main database, sorted by name.
CTSQL_FUNC std::vector<live_table> sqlite_introspect_schema(sqlite3* db) {
    std::vector<live_table> out;
    for (const auto& name : sqlite_table_names(db)) out.push_back(sqlite_introspect_table(db, name));
    return out;
}

}  // namespace ctsql
