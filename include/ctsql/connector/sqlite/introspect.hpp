// Reads a table's schema back from an SQLite database (PRAGMA table_xinfo, index_list,
// index_info, foreign_key_list through their table-valued functions, with bound arguments).
//
//   sqlite3* db = ...;
//   ctsql::live_table users = ctsql::sqlite_introspect_table(db, "users");
//   auto all = ctsql::sqlite_introspect_schema(db);   // every table, by name
//
// Errors throw std::runtime_error naming the SQL and sqlite3_errmsg.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/separate_compilation.hpp"

namespace ctsql {

// Names of the user tables of the main database, sorted (SQLite's own sqlite_* tables excluded).
std::vector<std::string> sqlite_table_names(sqlite3* db);

// The schema of one table of the main database, as SQLite reports it. Throws
// std::runtime_error if there is no such table.
live_table sqlite_introspect_table(sqlite3* db, std::string_view table);

// Every user table of the main database, sorted by name.
std::vector<live_table> sqlite_introspect_schema(sqlite3* db);

}  // namespace ctsql

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/sqlite/introspect_inl.hpp"
#endif
