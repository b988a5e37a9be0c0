// SQLite result codes -> ctsql exceptions (connector/error.hpp). Connections enable extended
// result codes, so constraint failures say which constraint kind failed.
#pragma once

#include <string>
#include <string_view>

#include <sqlite3.h>

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/separate_compilation.hpp"

namespace ctsql::detail::sqlite_impl {

// Throws the exception for result code `rc` (extended), with `message` and the SQL involved.
[[noreturn, gnu::cold]] void throw_code(int rc, std::string message, std::string_view sql);

// Throws for the failure `rc` of the last call on `db` (its message is read first).
[[noreturn, gnu::cold]] void throw_error(sqlite3* db, int rc, std::string_view sql);

}  // namespace ctsql::detail::sqlite_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/sqlite/error_inl.hpp"
#endif
