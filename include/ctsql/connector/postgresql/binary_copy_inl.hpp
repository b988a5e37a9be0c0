// Definitions of connector/postgresql/binary_copy.hpp's non-template functions (starting,
// flushing, ending and abandoning a COPY): included at the end of that header (header-only), or
// compiled once in src/postgresql.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <cstdint>

#include <libpq-fe.h>

#include "ctsql/connector/postgresql/binary_copy.hpp"

namespace ctsql::detail::postgresql_impl {

CTSQL_FUNC binary_copy::binary_copy(PGconn* conn, const char* sql, const char* abandoned)
    : conn_(conn), sql_(sql), abandoned_(abandoned) {
    {
        result_ptr start(PQexec(conn, sql));
        // On failure PQexec has read every result: the connection is not in COPY state.
        if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) throw_result_error(conn, start.get(), sql_);
    }
    buffer_.reserve(chunk + 1024);
    buffer_.append("PGCOPY\n\377\r\n\0", 11);  // signature
    put(std::int32_t{0});                       // flags
    put(std::int32_t{0});                       // header extension length
}

CTSQL_FUNC binary_copy::~binary_copy() {
    if (!active_) return;
    PQputCopyEnd(conn_, abandoned_);
    while (PGresult* r = PQgetResult(conn_)) {
        const ExecStatusType status = PQresultStatus(r);
        PQclear(r);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) break;
    }
}

CTSQL_FUNC std::uint64_t binary_copy::finish() {
    put(std::int16_t{-1});  // trailer
    flush();
    active_ = false;
    if (PQputCopyEnd(conn_, nullptr) != 1) {
        while (PGresult* r = PQgetResult(conn_)) PQclear(r);
        throw_result_error(conn_, nullptr, sql_);
    }
    result_ptr outcome(PQgetResult(conn_));
    while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
    if (!outcome || PQresultStatus(outcome.get()) != PGRES_COMMAND_OK) throw_result_error(conn_, outcome.get(), sql_);
    return affected_rows(outcome.get());
}

CTSQL_FUNC void binary_copy::flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
        throw_result_error(conn_, nullptr, sql_);
    buffer_.clear();
}

}  // namespace ctsql::detail::postgresql_impl
