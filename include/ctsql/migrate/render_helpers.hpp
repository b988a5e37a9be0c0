// SQL pieces the migration operations share: PostgreSQL constraint names, ALTER TABLE
// clauses, and SQLite's table rebuild (create the new shape, copy the rows, drop the old table,
// rename, recreate indexes), generated from the two states with no live reflection.
#pragma once

#include <cstddef>
#include <string_view>

#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/render/ddl.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::migrate::detail {

using ctsql::detail::write_identifier;
using ctsql::detail::write_string_literal;

// PostgreSQL's default constraint names: <table>_pkey, <table>_<cols>_key, <table>_<cols>_fkey,
// shortened as PostgreSQL's makeObjectName does to fit 63 bytes: the longer of the table part
// and the columns part loses characters until the whole fits, the suffix is kept.
template <class Writer>
constexpr void write_pg_constraint_name(Writer& out, std::string_view table, name_list columns, std::string_view suffix) {
    char joined[512]{};
    std::size_t joined_size = 0;
    for (std::size_t i = 0; i != columns.size(); ++i) {
        if (i != 0 && joined_size < sizeof joined) joined[joined_size++] = '_';
        for (char c : columns[i])
            if (joined_size < sizeof joined) joined[joined_size++] = c;
    }
    const std::size_t overhead = suffix.size() + 1 + (joined_size != 0 ? 1 : 0);
    const std::size_t available = 63 - overhead;
    std::size_t table_chars = table.size();
    std::size_t column_chars = joined_size;
    while (table_chars + column_chars > available) {
        if (table_chars > column_chars) --table_chars;
        else --column_chars;
    }
    char name[64]{};
    std::size_t n = 0;
    for (std::size_t i = 0; i != table_chars; ++i) name[n++] = table[i];
    if (joined_size != 0) {
        name[n++] = '_';
        for (std::size_t i = 0; i != column_chars; ++i) name[n++] = joined[i];
    }
    name[n++] = '_';
    for (char c : suffix) name[n++] = c;
    write_identifier(out, std::string_view{name, n});
}

template <class Writer>
constexpr void write_alter_table(Writer& out, std::string_view table) {
    out.put("ALTER TABLE ");
    write_identifier(out, table);
    out.put(' ');
}

template <class Writer>
constexpr void write_statement_end(Writer& out) {
    out.put(";\n");
}

template <class Dialect, class Writer>
constexpr void write_indexes(Writer& out, const table_spec& table) {
    for (const auto& index : table.indexes) {
        ctsql::detail::write_create_index(out, index, false);
        write_statement_end(out);
    }
}

inline constexpr std::string_view rebuild_table_name = "_ctsql_rebuild";

// A constant value of each type, for a NOT NULL column without default that a rebuild must fill
// (only when a downgrade restores a dropped column: its data is gone).
constexpr std::string_view fill_value(sql_type type) noexcept {
    switch (type.kind) {
        case type_kind::boolean:
        case type_kind::integer: return "0";
        case type_kind::real: return "0.0";
        case type_kind::text: return "''";
        case type_kind::blob: return "X''";
        case type_kind::timestamp: return "'1970-01-01 00:00:00'";
    }
    return "NULL";
}

constexpr std::string_view sqlite_cast_type(sql_type type) noexcept {
    switch (type.kind) {
        case type_kind::boolean:
        case type_kind::integer: return "INTEGER";
        case type_kind::real: return "REAL";
        case type_kind::text:
        case type_kind::timestamp: return "TEXT";
        case type_kind::blob: return "BLOB";
    }
    return "";
}

// SQLite's 12-step table rebuild (https://sqlite.org/lang_altertable.html#otheralter), steps
// 4-8: the runner turns foreign-key enforcement off around the revision and runs
// PRAGMA foreign_key_check before committing.
// Renamed: a column of `after` whose rows come from another column of `before` (a rename done
// by rebuild, on SQLite before 3.25).
struct column_rename {
    std::string_view from;
    std::string_view to;
};

constexpr bool has_autoincrement(const table_spec& table) noexcept {
    for (const auto& c : table.columns)
        if (c.autoincrement) return true;
    return false;
}

template <class Dialect, class Writer>
constexpr void write_sqlite_rebuild(Writer& out, const table_spec& before, const table_spec& after,
                                    column_rename rename = {}) {
    auto source_of = [&](std::string_view column) { return column == rename.to && !rename.to.empty() ? rename.from : column; };
    table_spec shape = after;
    shape.name = rebuild_table_name;
    ctsql::detail::write_create_table<Dialect>(out, shape, false);
    write_statement_end(out);

    out.put("INSERT INTO ");
    write_identifier(out, rebuild_table_name);
    out.put(" (");
    bool first = true;
    for (const auto& column : after.columns) {
        const bool old = before.has_column(source_of(column.name));
        const bool fill = !old && !column.nullable && column.default_value.kind == default_kind::none;
        if (!old && !fill) continue;  // the column's default (or NULL) applies
        if (!first) out.put(", ");
        first = false;
        write_identifier(out, column.name);
    }
    out.put(") SELECT ");
    first = true;
    for (const auto& column : after.columns) {
        const std::string_view source = source_of(column.name);
        const bool old = before.has_column(source);
        const bool fill = !old && !column.nullable && column.default_value.kind == default_kind::none;
        if (!old && !fill) continue;
        if (!first) out.put(", ");
        first = false;
        if (fill) {
            out.put(fill_value(column.type));
        } else if (before.column_named(source).type.kind != column.type.kind && column.type.kind != type_kind::timestamp) {
            out.put("CAST(");
            write_identifier(out, source);
            out.put(" AS ");
            out.put(sqlite_cast_type(column.type));
            out.put(')');
        } else {
            write_identifier(out, source);
        }
    }
    out.put(" FROM ");
    write_identifier(out, before.name);
    write_statement_end(out);

    if (has_autoincrement(before) && has_autoincrement(after)) {
        // keep the AUTOINCREMENT counter: ids of deleted rows must not come back
        out.put("DELETE FROM sqlite_sequence WHERE name = ");
        write_string_literal(out, rebuild_table_name);
        write_statement_end(out);
        out.put("INSERT INTO sqlite_sequence (name, seq) SELECT ");
        write_string_literal(out, rebuild_table_name);
        out.put(", seq FROM sqlite_sequence WHERE name = ");
        write_string_literal(out, before.name);
        write_statement_end(out);
    }

    out.put("DROP TABLE ");
    write_identifier(out, before.name);
    write_statement_end(out);
    write_alter_table(out, rebuild_table_name);
    out.put("RENAME TO ");
    write_identifier(out, after.name);
    write_statement_end(out);
    write_indexes<Dialect>(out, after);
}

}  // namespace ctsql::migrate::detail
