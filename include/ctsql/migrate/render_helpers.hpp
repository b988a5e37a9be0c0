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

// PostgreSQL's default constraint names: <table>_pkey, <table>_<cols>_key, <table>_<cols>_fkey.
template <class Writer>
constexpr void write_pg_constraint_name(Writer& out, std::string_view table, name_list columns, std::string_view suffix) {
    // rendered into a quoted identifier; the pieces contain no quote that needs doubling
    // unless the names do, which write_identifier handles for the whole name
    char buffer[256]{};
    std::size_t n = 0;
    auto add = [&](std::string_view part) {
        for (char c : part)
            if (n < sizeof buffer) buffer[n++] = c;
    };
    add(table);
    for (auto c : columns) {
        add("_");
        add(c);
    }
    add("_");
    add(suffix);
    write_identifier(out, std::string_view{buffer, n < 63 ? n : 63});
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
template <class Dialect, class Writer>
constexpr void write_sqlite_rebuild(Writer& out, const table_spec& before, const table_spec& after) {
    table_spec shape = after;
    shape.name = rebuild_table_name;
    ctsql::detail::write_create_table<Dialect>(out, shape, false);
    write_statement_end(out);

    out.put("INSERT INTO ");
    write_identifier(out, rebuild_table_name);
    out.put(" (");
    bool first = true;
    for (const auto& column : after.columns) {
        const bool old = before.has_column(column.name);
        const bool fill = !old && !column.nullable && column.default_value.kind == default_kind::none;
        if (!old && !fill) continue;  // the column's default (or NULL) applies
        if (!first) out.put(", ");
        first = false;
        write_identifier(out, column.name);
    }
    out.put(") SELECT ");
    first = true;
    for (const auto& column : after.columns) {
        const bool old = before.has_column(column.name);
        const bool fill = !old && !column.nullable && column.default_value.kind == default_kind::none;
        if (!old && !fill) continue;
        if (!first) out.put(", ");
        first = false;
        if (fill) {
            out.put(fill_value(column.type));
        } else if (before.column_named(column.name).type.kind != column.type.kind &&
                   column.type.kind != type_kind::timestamp) {
            out.put("CAST(");
            write_identifier(out, column.name);
            out.put(" AS ");
            out.put(sqlite_cast_type(column.type));
            out.put(')');
        } else {
            write_identifier(out, column.name);
        }
    }
    out.put(" FROM ");
    write_identifier(out, before.name);
    write_statement_end(out);

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
