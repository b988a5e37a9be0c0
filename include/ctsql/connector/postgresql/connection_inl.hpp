// Definitions of connector/postgresql/connection.hpp's non-template functions (connecting,
// preparing, commands, transactions, notices): included at the end of that header (header-only),
// or compiled once in src/postgresql.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <libpq-fe.h>

#include "ctsql/connector/postgresql/connection.hpp"

namespace ctsql::detail::postgresql_impl {

CTSQL_FUNC state::~state() { PQfinish(conn); }

CTSQL_FUNC state::state(const std::string& conninfo, std::uint32_t minimum_version) {
    // "dbname" with expand_dbname = 1 takes a whole conninfo string or URL; empty values
    // are ignored, so libpq falls back to the PG* environment variables.
    const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name", nullptr};
    const char* const values[] = {conninfo.c_str(), "UTF8", "ctsql", nullptr};
    conn = PQconnectdbParams(keywords, values, 1);
    if (conn == nullptr) throw connection_error("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        conn = nullptr;
        throw connection_error(join_text("cannot connect to PostgreSQL: ", message));
    }
    if (static_cast<std::uint32_t>(PQserverVersion(conn)) < minimum_version) {
        const std::string version = std::to_string(PQserverVersion(conn));
        PQfinish(conn);
        conn = nullptr;
        throw connection_error(join_text("the server's version ", version, " is older than the connection's dialect (",
                                      std::to_string(minimum_version), ")"));
    }
    // Notices (NOTICE, WARNING from the server) go to on_notice's handler; none by default,
    // instead of libpq's default of printing them to stderr.
    PQsetNoticeReceiver(conn, &state::receive_notice, this);
}

[[gnu::noinline]] CTSQL_FUNC const char* state::prepare(std::size_t slot, const char* sql, int parameter_count, const Oid* types) {
    check_idle();
    if (slot >= cache.size()) cache.resize(slot + 1);
    cache_entry& entry = cache[slot];
    if (entry.key != sql) {
        std::string name = join_text("ctsql_", std::to_string(next_name++));
        result_ptr r(PQprepare(conn, name.c_str(), sql, parameter_count, types));
        if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw_result_error(conn, r.get(), sql);
        entry.name = std::move(name);
        entry.key = sql;
        entry.result_types.clear();
    }
    return entry.name.c_str();
}

[[gnu::noinline]] CTSQL_FUNC const Oid* state::first_result_types(std::size_t slot, const PGresult* r, std::size_t columns,
                                                                   std::string_view sql) {
    if (PQnfields(r) != static_cast<int>(columns))
        throw usage_error(join_text("the statement returned ", std::to_string(PQnfields(r)),
                                    " columns; its row type declares ", std::to_string(columns)),
                          std::string(sql));
    std::vector<Oid>& types = cache[slot].result_types;
    types.resize(columns);
    for (std::size_t i = 0; i != columns; ++i) types[i] = PQftype(r, static_cast<int>(i));
    return types.data();
}

CTSQL_FUNC void state::fail(const PGresult* r, std::size_t slot, std::string_view sql) {
    lost_prepared_statement(r, slot);
    throw_result_error(conn, r, sql);
}

CTSQL_FUNC result_ptr state::command(const char* sql) {
    check_idle();
    result_ptr r(PQexec(conn, sql));
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throw_result_error(conn, r.get(), sql);
    return r;
}

CTSQL_FUNC unsigned state::begin(const postgresql_transaction_options& options) {
    if (depth == 0) {
        std::string sql = "BEGIN";
        if (options.isolation) {
            static constexpr const char* levels[] = {"READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ",
                                                     "SERIALIZABLE"};
            sql += " ISOLATION LEVEL ";
            sql += levels[static_cast<int>(*options.isolation)];
        }
        if (options.read_only) sql += " READ ONLY";
        if (options.deferrable) sql += " DEFERRABLE";
        command(sql.c_str());
    } else {
        if (options.isolation || options.read_only || options.deferrable)
            throw usage_error("a nested transaction is a SAVEPOINT and takes no transaction options");
        command(join_text("SAVEPOINT ctsql_", std::to_string(depth)).c_str());
    }
    return ++depth;
}

CTSQL_FUNC void state::commit_transaction(unsigned level) {
    check_innermost(level, "commit");
    if (level == 1) {
        result_ptr r;
        try {
            r = command("COMMIT");
        } catch (...) {
            sync_depth();
            throw;
        }
        depth = 0;
        // COMMIT of a failed transaction succeeds with the tag ROLLBACK: nothing was saved.
        if (std::string_view(PQcmdStatus(r.get())) == "ROLLBACK")
            throw database_error("COMMIT rolled the transaction back: a statement in it had failed", "COMMIT",
                                 "25P02");
    } else {
        command(join_text("RELEASE SAVEPOINT ctsql_", std::to_string(level - 1)).c_str());
        depth = level - 1;
    }
}

CTSQL_FUNC void state::rollback_transaction(unsigned level) {
    check_innermost(level, "rollback");
    depth = level - 1;
    if (level == 1) {
        command("ROLLBACK");
    } else {
        const std::string name = join_text("ctsql_", std::to_string(level - 1));
        command(join_text("ROLLBACK TO SAVEPOINT ", name, "; RELEASE SAVEPOINT ", name).c_str());
    }
}

CTSQL_FUNC void state::rollback_transaction_noexcept(unsigned level) noexcept {
    try {
        if (streaming) drain();
        rollback_transaction(level);
    } catch (...) {
        if (depth >= level) depth = level - 1;
    }
}

CTSQL_FUNC void state::receive_notice(void* self, const PGresult* notice) {
    auto* owner = static_cast<state*>(self);
    if (!owner->notice_handler) return;
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY);
    const char* message = PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY);
    try {
        owner->notice_handler(severity != nullptr ? severity : "", message != nullptr ? message : "");
    } catch (...) {  // libpq is C: nothing may propagate through it
    }
}

CTSQL_FUNC void state::check_innermost(unsigned level, const char* what) const {
    if (level != depth)
        throw usage_error(join_text("cannot ", what, " a transaction while a transaction nested in it is open"));
}

}  // namespace ctsql::detail::postgresql_impl
