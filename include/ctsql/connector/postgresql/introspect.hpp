// Reads a table's schema back from a PostgreSQL server (pg_catalog: pg_class, pg_attribute,
// pg_attrdef, pg_constraint, pg_index), with bound parameters.
//
//   PGconn* conn = ...;
//   ctsql::live_table users = ctsql::postgresql_introspect_table(conn, "users");          // public
//   ctsql::live_table other = ctsql::postgresql_introspect_table(conn, "users", "app");   // schema app
//   auto all = ctsql::postgresql_introspect_schema(conn, "app");
//
// Types are format_type()'s spelling in upper case ("BIGINT", "TIMESTAMP WITH TIME ZONE");
// defaults are pg_get_expr()'s ("'it''s'::text", "'-3'::integer"); identity columns have no
// default and identity_or_autoincrement set. Errors throw std::runtime_error naming the SQL and
// PQerrorMessage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/separate_compilation.hpp"

namespace ctsql {

// Names of the ordinary and partitioned tables of `schema`, sorted.
std::vector<std::string> postgresql_table_names(PGconn* conn, std::string_view schema = "public");

// The schema of `schema`.`table` as the server reports it. Throws std::runtime_error if there
// is no such table.
live_table postgresql_introspect_table(PGconn* conn, std::string_view table, std::string_view schema = "public");

// Every table of `schema`, sorted by name.
std::vector<live_table> postgresql_introspect_schema(PGconn* conn, std::string_view schema = "public");

}  // namespace ctsql

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/postgresql/introspect_inl.hpp"
#endif
