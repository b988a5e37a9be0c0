// Definitions of connector/postgresql/error.hpp's non-template functions: included at the end of
// that header (header-only), or compiled once in src/postgresql.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <libpq-fe.h>

#include "ctsql/connector/postgresql/error.hpp"

namespace ctsql::detail::postgresql_impl {

CTSQL_FUNC void throw_sqlstate(std::string_view state, std::string message, std::string_view sql) {
    std::string text(sql);
    std::string code(state);
    auto is = [&](std::string_view s) { return state == s; };
    auto class_is = [&](std::string_view c) { return state.size() == 5 && state.substr(0, 2) == c; };
    if (is("23505")) throw unique_violation(std::move(message), std::move(text), std::move(code));
    if (is("23503")) throw foreign_key_violation(std::move(message), std::move(text), std::move(code));
    if (is("23502")) throw not_null_violation(std::move(message), std::move(text), std::move(code));
    if (is("23514")) throw check_violation(std::move(message), std::move(text), std::move(code));
    if (class_is("23")) throw constraint_violation(std::move(message), std::move(text), std::move(code));
    if (class_is("08") || is("57P01") || is("57P02") || is("57P03"))
        throw connection_error(std::move(message), std::move(text), std::move(code));
    if (is("40001") || is("40P01")) throw serialization_failure(std::move(message), std::move(text), std::move(code));
    if (is("55P03")) throw busy_error(std::move(message), std::move(text), std::move(code));
    if (class_is("22")) throw conversion_error(std::move(message), std::move(text), std::move(code));
    throw database_error(std::move(message), std::move(text), std::move(code));
}

// Throws for a failed command: `result` may be null (out of memory, connection lost).
CTSQL_FUNC void throw_result_error(PGconn* conn, const PGresult* result, std::string_view sql) {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message;
    if (result != nullptr) {
        if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) {
            message = primary;
            if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) {
                message += " (";
                message += detail;
                message += ')';
            }
        } else {
            message = PQresultErrorMessage(result);
        }
    }
    if (message.empty()) message = PQerrorMessage(conn);
    if (message.empty()) message = "the command failed";
    if (PQstatus(conn) == CONNECTION_BAD)
        throw connection_error(join_text("connection lost: ", message), std::string(sql), state != nullptr ? state : "");
    if (state == nullptr) throw database_error(std::move(message), std::string(sql));
    throw_sqlstate(state, std::move(message), sql);
}

}  // namespace ctsql::detail::postgresql_impl
