// Definitions of connector/sqlite/error.hpp's non-template functions: included at the end of
// that header (header-only), or compiled once in src/sqlite.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <sqlite3.h>

#include "ctsql/connector/sqlite/error.hpp"

namespace ctsql::detail::sqlite_impl {

// Throws the exception for result code `rc` (extended), with `message` and the SQL involved.
CTSQL_FUNC void throw_code(int rc, std::string message, std::string_view sql) {
    std::string text(sql);
    switch (rc) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_ROWID:
            throw unique_violation(std::move(message), std::move(text), {}, rc);
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            throw foreign_key_violation(std::move(message), std::move(text), {}, rc);
        case SQLITE_CONSTRAINT_NOTNULL:
            throw not_null_violation(std::move(message), std::move(text), {}, rc);
        case SQLITE_CONSTRAINT_CHECK:
            throw check_violation(std::move(message), std::move(text), {}, rc);
        case SQLITE_CONSTRAINT_DATATYPE:
        case SQLITE_MISMATCH:
            throw conversion_error(std::move(message), std::move(text), {}, rc);
        default:
            break;
    }
    switch (rc & 0xff) {
        case SQLITE_CONSTRAINT:
            throw constraint_violation(std::move(message), std::move(text), {}, rc);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw busy_error(std::move(message), std::move(text), {}, rc);
        case SQLITE_CANTOPEN:
        case SQLITE_NOTADB:
            throw connection_error(std::move(message), std::move(text), {}, rc);
        default:
            throw database_error(std::move(message), std::move(text), {}, rc);
    }
}

// Throws for the failure `rc` of the last call on `db` (its message is read first).
CTSQL_FUNC void throw_error(sqlite3* db, int rc, std::string_view sql) {
    throw_code(rc, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc), sql);
}

}  // namespace ctsql::detail::sqlite_impl
