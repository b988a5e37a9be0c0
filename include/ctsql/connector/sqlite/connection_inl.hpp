// Definitions of connector/sqlite/connection.hpp's non-template functions (opening, preparing,
// transactions, the statement-independent part of fetch_*): included at the end of that header
// (header-only), or compiled once in src/sqlite.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <sqlite3.h>

#include "ctsql/connector/sqlite/connection.hpp"

namespace ctsql::detail::sqlite_impl {

CTSQL_FUNC state::state(const std::string& path, const sqlite_options& options, std::uint32_t minimum_version) {
    if (static_cast<std::uint32_t>(sqlite3_libversion_number()) < minimum_version)
        throw connection_error(join_text("the SQLite library's version ", sqlite3_libversion(),
                                      " is older than the connection's dialect (",
                                      std::to_string(minimum_version), ")"));
    int flags = SQLITE_OPEN_URI | (options.serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX);
    if (options.read_only) flags |= SQLITE_OPEN_READONLY;
    else flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        db = nullptr;
        throw connection_error(join_text("cannot open SQLite database \"", path, "\": ", message), {}, {}, rc);
    }
    try {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
        if (options.foreign_keys) exec("PRAGMA foreign_keys = ON");
        if (options.wal) enable_wal();
    } catch (...) {
        sqlite3_close_v2(db);
        throw;
    }
}

CTSQL_FUNC state::~state() {
    for (auto& entry : cache) sqlite3_finalize(entry.stmt);
    for (sqlite3_stmt* stmt : control) sqlite3_finalize(stmt);
    sqlite3_close_v2(db);  // _v2: a fetch() range that outlives the connection keeps it open
}

CTSQL_FUNC sqlite3_stmt* state::prepare(const char* sql, std::size_t size) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql, static_cast<int>(size), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) throw_error(db, rc, std::string_view(sql, size));
    for (const char* p = tail; p != nullptr && p < sql + size; ++p) {
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != ';') {
            sqlite3_finalize(stmt);
            throw usage_error("the statement text holds more than one statement (run scripts with execute() "
                              "of a script statement such as create_all)",
                              std::string(sql, size));
        }
    }
    if (stmt == nullptr) throw usage_error("the statement text holds no statement", std::string(sql, size));
    return stmt;
}

[[gnu::noinline]] CTSQL_FUNC statement_lease state::acquire_slow(std::size_t slot, const char* sql, std::size_t size) {
    if (slot >= cache.size()) cache.resize(slot + 1);
    cache_entry& entry = cache[slot];
    if (entry.busy) return statement_lease(*this, prepare(sql, size), npos);
    if (entry.key != sql) {
        sqlite3_stmt* stmt = prepare(sql, size);
        sqlite3_finalize(entry.stmt);
        entry.stmt = stmt;
        entry.key = sql;
    }
    entry.busy = true;
    return statement_lease(*this, entry.stmt, slot);
}

CTSQL_FUNC void state::exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message != nullptr ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw_code(rc, std::move(text), sql);
    }
}

CTSQL_FUNC unsigned state::begin(sqlite_transaction_mode mode) {
    if (depth == 0) {
        const int which = static_cast<int>(mode);
        static constexpr const char* begin_sql[] = {"BEGIN DEFERRED", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"};
        run_control(which, begin_sql[which]);
    } else {
        if (mode != sqlite_transaction_mode::deferred)
            throw usage_error("a nested transaction is a SAVEPOINT and takes no transaction mode");
        exec(savepoint_sql("SAVEPOINT ", depth).c_str());
    }
    return ++depth;
}

CTSQL_FUNC void state::commit_transaction(unsigned level) {
    check_innermost(level, "commit");
    if (level == 1) {
        try {
            run_control(3, "COMMIT");
        } catch (...) {
            sync_depth();  // SQLite keeps the transaction open after some failed COMMITs
            throw;
        }
    } else {
        exec(savepoint_sql("RELEASE SAVEPOINT ", level - 1).c_str());
    }
    depth = level - 1;
}

CTSQL_FUNC void state::rollback_transaction(unsigned level) {
    check_innermost(level, "rollback");
    if (sqlite3_get_autocommit(db) != 0) {  // SQLite already rolled back (after an I/O error, ...)
        depth = 0;
        return;
    }
    if (level == 1) {
        depth = 0;
        run_control(4, "ROLLBACK");
    } else {
        depth = level - 1;
        const std::string name = std::to_string(level - 1);
        exec(join_text("ROLLBACK TO SAVEPOINT ctsql_", name, "; RELEASE SAVEPOINT ctsql_", name).c_str());
    }
}

CTSQL_FUNC void state::rollback_transaction_noexcept(unsigned level) noexcept {
    try {
        rollback_transaction(level);
    } catch (...) {
        if (depth >= level) depth = level - 1;
    }
}

CTSQL_FUNC std::string state::savepoint_sql(const char* verb, unsigned level) {
    return join_text(verb, "ctsql_", std::to_string(level));
}

CTSQL_FUNC void state::check_innermost(unsigned level, const char* what) const {
    if (level != depth)
        throw usage_error(join_text("cannot ", what, " a transaction while a transaction nested in it is open"));
}

CTSQL_FUNC void state::run_control(int which, const char* sql) {
    sqlite3_stmt*& stmt = control[which];
    if (stmt == nullptr) stmt = prepare(sql, std::char_traits<char>::length(sql));
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw_error(db, rc, sql);
}

CTSQL_FUNC void state::enable_wal() {
    sqlite3_stmt* stmt = prepare("PRAGMA journal_mode = WAL", 25);
    const int rc = sqlite3_step(stmt);
    std::string mode;
    if (rc == SQLITE_ROW) mode = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW) throw_error(db, rc, "PRAGMA journal_mode = WAL");
    if (mode != "wal")
        throw connection_error(join_text("cannot enable WAL: the journal mode stays \"", mode,
                                      "\" (an in-memory or temporary database has no WAL)"));
}

[[gnu::noinline]] CTSQL_FUNC void column_count_differs(sqlite3_stmt* stmt, std::size_t declared) {
    throw usage_error(join_text("the statement returns ", std::to_string(sqlite3_column_count(stmt)),
                             " columns; its row type declares ", std::to_string(declared)),
                      sqlite3_sql(stmt));
}

[[gnu::noinline]] CTSQL_FUNC void step_failed(sqlite3_stmt* stmt, int rc) {
    throw_error(sqlite3_db_handle(stmt), rc, sqlite3_sql(stmt));
}

[[gnu::noinline]] CTSQL_FUNC std::size_t fetch_rows(statement_lease& lease, std::size_t columns, rows_reader read,
                                                    void* rows, bool reserve) {
    sqlite3_stmt* stmt = lease.get();
    check_column_count(stmt, columns);
    // A statement run again usually returns about as many rows as last time (a page, a LIMIT):
    // one allocation instead of growing 1, 2, 4, ...
    const std::size_t last = lease.last_rows();
    const std::size_t count = read(stmt, rows, !reserve ? 0 : last < max_reserved_rows ? last : max_reserved_rows);
    lease.remember_rows(count);
    return count;
}

[[gnu::noinline]] CTSQL_FUNC bool fetch_at_most_one(const statement_lease& lease, std::size_t columns,
                                                    row_reader read, void* row, bool single, bool required) {
    sqlite3_stmt* stmt = lease.get();
    check_column_count(stmt, columns);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
        if (required) throw row_count_error("fetch_one: the statement returned no row", std::string(sqlite3_sql(stmt)));
        return false;
    }
    if (rc == SQLITE_ROW) {
        read(stmt, row);
        if (single) return true;
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE) return true;
        if (rc == SQLITE_ROW)
            throw row_count_error("the statement returned more than one row where at most one was expected",
                                  std::string(sqlite3_sql(stmt)));
    }
    step_failed(stmt, rc);
}

}  // namespace ctsql::detail::sqlite_impl
