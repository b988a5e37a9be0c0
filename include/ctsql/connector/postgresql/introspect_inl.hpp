// Definitions of connector/postgresql/introspect.hpp's functions and their helpers: included at
// the end of that header (header-only), or compiled once in src/postgresql.cpp
// (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/postgresql/introspect.hpp"

namespace ctsql {
namespace detail::postgresql_introspection {

struct result_deleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using result = std::unique_ptr<PGresult, result_deleter>;

// Runs `sql` with text parameters; throws unless it returns rows.
inline result query(PGconn* conn, const char* sql, std::initializer_list<std::string_view> params) {
    std::vector<std::string> values(params.begin(), params.end());  // NUL-terminated copies
    std::vector<const char*> pointers;
    for (const auto& v : values) pointers.push_back(v.c_str());
    result r(PQexecParams(conn, sql, static_cast<int>(pointers.size()), nullptr, pointers.data(), nullptr,
                          nullptr, 0));
    if (!r || PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
        std::string message = r ? PQresultErrorMessage(r.get()) : "";
        if (message.empty()) message = PQerrorMessage(conn);
        throw std::runtime_error("ctsql: PostgreSQL introspection failed: " + message + "\n  SQL: " + sql);
    }
    return r;
}

inline std::string text(const result& r, int row, int column) {
    return std::string(PQgetvalue(r.get(), row, column), static_cast<std::size_t>(PQgetlength(r.get(), row, column)));
}
inline bool is_null(const result& r, int row, int column) { return PQgetisnull(r.get(), row, column) != 0; }

inline fk_action parse_action(std::string_view code) {
    if (code == "r") return fk_action::restrict;
    if (code == "c") return fk_action::cascade;
    if (code == "n") return fk_action::set_null;
    if (code == "d") return fk_action::set_default;
    return fk_action::no_action;  // 'a'
}

}  // namespace detail::postgresql_introspection

// Names of the ordinary and partitioned tables of `schema`, sorted.
CTSQL_FUNC std::vector<std::string> postgresql_table_names(PGconn* conn, std::string_view schema) {
    using namespace detail::postgresql_introspection;
    const result r = query(conn,
                           "SELECT c.relname FROM pg_catalog.pg_class c "
                           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE \"C\"",
                           {schema});
    std::vector<std::string> out;
    for (int row = 0; row != PQntuples(r.get()); ++row) out.push_back(text(r, row, 0));
    return out;
}

// The schema of `schema`.`table` as the server reports it. Throws std::runtime_error if there
// is no such table.
CTSQL_FUNC live_table postgresql_introspect_table(PGconn* conn, std::string_view table, std::string_view schema) {
    using namespace detail::postgresql_introspection;
    live_table out;

    std::string oid;
    {
        const result r = query(conn,
                               "SELECT c.oid::text, c.relname FROM pg_catalog.pg_class c "
                               "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')",
                               {schema, table});
        if (PQntuples(r.get()) != 1)
            throw std::runtime_error("ctsql: PostgreSQL introspection: no table \"" + std::string(table) +
                                     "\" in schema \"" + std::string(schema) + '"');
        oid = text(r, 0, 0);
        out.name = text(r, 0, 1);
    }

    {
        // Generated columns (PostgreSQL 12+) keep their expression in pg_attrdef too: not a default.
        const bool has_generated = PQserverVersion(conn) >= 120000;
        const result r = query(conn,
                               has_generated
                                   ? "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                                     "CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END, "
                                     "a.attidentity <> '' "
                                     "FROM pg_catalog.pg_attribute a "
                                     "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                                     "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
                                   : "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                                     "pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '' "
                                     "FROM pg_catalog.pg_attribute a "
                                     "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                                     "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                               {oid});
        for (int row = 0; row != PQntuples(r.get()); ++row) {
            live_column c;
            c.name = text(r, row, 0);
            c.declared_type = detail::live::to_upper(text(r, row, 1));
            c.not_null = text(r, row, 2) == "t";
            if (!is_null(r, row, 3)) c.default_sql = text(r, row, 3);
            c.identity_or_autoincrement = text(r, row, 4) == "t";
            out.columns.push_back(std::move(c));
        }
    }

    {
        // One row per constraint column, in key order: p(rimary key), u(nique), f(oreign key).
        const result r = query(
            conn,
            "SELECT con.oid::text, con.contype, a.attname, fc.relname, fa.attname, con.confdeltype, con.confupdtype "
            "FROM pg_catalog.pg_constraint con "
            "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord) "
            "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
            "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
            "LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum "
            "WHERE con.conrelid = $1::oid AND con.contype IN ('p', 'u', 'f') "
            "ORDER BY con.contype, con.conname COLLATE \"C\", con.oid, k.ord",
            {oid});
        std::string current;
        for (int row = 0; row != PQntuples(r.get()); ++row) {
            const std::string constraint = text(r, row, 0);
            const std::string kind = text(r, row, 1);
            const bool first = constraint != current;
            current = constraint;
            const std::string column = text(r, row, 2);
            if (kind == "p") {
                out.primary_key.push_back(column);
            } else if (kind == "u") {
                if (first) out.unique_keys.emplace_back();
                out.unique_keys.back().push_back(column);
            } else {
                if (first) {
                    live_foreign_key fk;
                    fk.target_table = text(r, row, 3);
                    fk.on_delete = parse_action(text(r, row, 5));
                    fk.on_update = parse_action(text(r, row, 6));
                    out.foreign_keys.push_back(std::move(fk));
                }
                out.foreign_keys.back().columns.push_back(column);
                out.foreign_keys.back().target_columns.push_back(text(r, row, 4));
            }
        }
        for (std::size_t i = 0; i != out.primary_key.size(); ++i)
            for (auto& c : out.columns)
                if (c.name == out.primary_key[i]) c.primary_key_position = static_cast<int>(i + 1);
    }

    {
        // Indexes that back no PRIMARY KEY / UNIQUE / EXCLUDE constraint, one row per key column.
        const result r = query(
            conn,
            "SELECT ic.relname, i.indisunique, "
            "COALESCE(a.attname, pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true)) "
            "FROM pg_catalog.pg_index i "
            "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
            "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
            "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0 "
            "WHERE i.indrelid = $1::oid AND k.ord <= i.indnkeyatts "
            "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
            "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
            "ORDER BY ic.relname COLLATE \"C\", k.ord",
            {oid});
        for (int row = 0; row != PQntuples(r.get()); ++row) {
            const std::string name = text(r, row, 0);
            if (out.indexes.empty() || out.indexes.back().name != name)
                out.indexes.push_back(live_index{name, {}, text(r, row, 1) == "t"});
            out.indexes.back().columns.push_back(text(r, row, 2));
        }
    }
    return out;
}

// Every table of `schema`, sorted by name.
CTSQL_FUNC std::vector<live_table> postgresql_introspect_schema(PGconn* conn, std::string_view schema) {
    std::vector<live_table> out;
    for (const auto& name : postgresql_table_names(conn, schema))
        out.push_back(postgresql_introspect_table(conn, name, schema));
    return out;
}

}  // namespace ctsql
