// The SQLite side of the runtime migration tests (tests/runtime/sqlite/migrate_*.cpp): a database
// file in a fresh temporary directory, a ctsql connection to it, and raw helpers that run SQL
// and read rows as text (for checks that must not depend on the code under test).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>

#include "connector_test_support.hpp"
#include "migrate_scenarios.hpp"

namespace ctsql_migrate_test {

class sqlite_backend {
public:
    using connection = ctsql::sqlite_connection;
    static constexpr bool is_sqlite = true;
    static constexpr const char* name = "sqlite";

    // memory: an in-memory database (no second connection can reach it).
    explicit sqlite_backend(bool memory = false)
        : path_(memory ? std::string(":memory:") : dir_.file("migrate.db")), db(path_) {}

    // A new connection to the same database file (for another process or runner).
    connection connect() const { return connection(path_); }

    // Runs SQL (one statement or several); nullopt on success, else the error message.
    std::optional<std::string> try_exec(const std::string& sql) { return try_exec_on(db.native_handle(), sql); }
    void exec(const std::string& sql) {
        if (auto error = try_exec(sql)) throw std::runtime_error("SQLite error: " + *error + "  SQL: " + sql);
    }

    // Every row of one statement, each value as text (nullopt for NULL).
    table_rows rows(const std::string& sql) { return rows_on(db.native_handle(), sql); }

    std::vector<ctsql::live_table> introspect() { return ctsql::sqlite_introspect_schema(db.native_handle()); }

    static std::optional<std::string> try_exec_on(sqlite3* handle, const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
        std::string text = message != nullptr ? message : sqlite3_errmsg(handle);
        sqlite3_free(message);
        return text;
    }

    static table_rows rows_on(sqlite3* handle, const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("SQLite error: ") + sqlite3_errmsg(handle) + "  SQL: " + sql);
        table_rows out;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            auto& row = out.emplace_back();
            for (int i = 0; i != sqlite3_column_count(stmt); ++i) {
                if (sqlite3_column_type(stmt, i) == SQLITE_NULL) row.emplace_back(std::nullopt);
                else row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)));
            }
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) throw std::runtime_error(std::string("SQLite error: ") + sqlite3_errmsg(handle) + "  SQL: " + sql);
        return out;
    }

private:
    ctsql_conn_test::temp_dir dir_;
    std::string path_;

public:
    connection db;
};

}  // namespace ctsql_migrate_test
