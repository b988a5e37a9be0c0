// PostgreSQL errors -> ctsql exceptions (connector/error.hpp), by SQLSTATE:
//   23505 unique_violation, 23503 foreign_key_violation, 23502 not_null_violation,
//   23514 check_violation, other 23xxx constraint_violation; 08xxx, 57P01-57P03 and a
//   connection in CONNECTION_BAD state: connection_error; 40001, 40P01 serialization_failure;
//   55P03 busy_error; 22xxx (data exceptions: out of range, invalid encoding, ...) conversion_error.
#pragma once

#include <string>
#include <string_view>

#include <libpq-fe.h>

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/separate_compilation.hpp"

namespace ctsql::detail::postgresql_impl {

[[noreturn]] void throw_sqlstate(std::string_view state, std::string message, std::string_view sql);

// Throws for a failed command: `result` may be null (out of memory, connection lost).
[[noreturn]] void throw_result_error(PGconn* conn, const PGresult* result, std::string_view sql);

}  // namespace ctsql::detail::postgresql_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/postgresql/error_inl.hpp"
#endif
