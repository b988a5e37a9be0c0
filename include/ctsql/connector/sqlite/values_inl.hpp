// Definitions of connector/sqlite/values.hpp's non-template functions (the cold error paths):
// included at the end of that header (header-only), or compiled once in src/sqlite.cpp
// (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <string_view>

#include <sqlite3.h>

#include "ctsql/connector/sqlite/values.hpp"

namespace ctsql::detail::sqlite_impl {

[[gnu::noinline]] CTSQL_FUNC void bind_failed(sqlite3_stmt* stmt, int rc, std::string_view parameter) {
    sqlite3* db = sqlite3_db_handle(stmt);
    const char* sql = sqlite3_sql(stmt);
    throw_code(rc, join_text("cannot bind parameter \"", parameter, "\": ", sqlite3_errmsg(db)), sql != nullptr ? sql : "");
}

[[gnu::noinline]] CTSQL_FUNC void bind_conversion_failed(sqlite3_stmt* stmt, std::string_view parameter, std::string_view what) {
    const char* sql = sqlite3_sql(stmt);
    throw conversion_error(join_text("parameter \"", parameter, "\": ", what), sql != nullptr ? sql : "");
}

[[gnu::noinline]] CTSQL_FUNC void read_failed(sqlite3_stmt* stmt, std::string_view column, std::string_view what) {
    const char* sql = sqlite3_sql(stmt);
    throw conversion_error(join_text("column \"", column, "\": ", what), sql != nullptr ? sql : "");
}

}  // namespace ctsql::detail::sqlite_impl
