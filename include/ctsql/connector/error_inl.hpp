// Definitions of connector/error.hpp's non-template functions: included at the end of
// error.hpp (header-only), or compiled once in src/connector.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include "ctsql/connector/error.hpp"

namespace ctsql {

CTSQL_FUNC database_error::database_error(std::string message, std::string sql, std::string sqlstate, int native_code)
    : std::runtime_error(describe(message, sql, sqlstate, native_code)),
      message_(std::move(message)),
      sql_(std::move(sql)),
      sqlstate_(std::move(sqlstate)),
      native_code_(native_code) {}

CTSQL_FUNC std::string database_error::describe(std::string_view message, std::string_view sql,
                                                std::string_view sqlstate, int native_code) {
    std::string text = "ctsql: ";
    text += message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (!sqlstate.empty()) {
        text += " [SQLSTATE ";
        text += sqlstate;
        text += ']';
    } else if (native_code != 0) {
        text += " [SQLite code ";
        text += std::to_string(native_code);
        text += ']';
    }
    if (!sql.empty()) {
        text += "\n  SQL: ";
        text += sql;
    }
    return text;
}

#if defined(CTSQL_SEPARATE_COMPILATION)
// The key functions (see separate_compilation.hpp): vtables and typeinfo are emitted here.
database_error::~database_error() = default;
connection_error::~connection_error() = default;
constraint_violation::~constraint_violation() = default;
unique_violation::~unique_violation() = default;
foreign_key_violation::~foreign_key_violation() = default;
not_null_violation::~not_null_violation() = default;
check_violation::~check_violation() = default;
conversion_error::~conversion_error() = default;
row_count_error::~row_count_error() = default;
busy_error::~busy_error() = default;
serialization_failure::~serialization_failure() = default;
usage_error::~usage_error() = default;
#endif

}  // namespace ctsql
