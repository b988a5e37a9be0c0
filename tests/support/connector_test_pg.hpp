// A fresh PostgreSQL schema per test for the connector tests, on the server named by the PG*
// environment variables (scripts/with-postgres.sh sets them). Its connections have it as
// search_path; it is dropped (CASCADE) afterwards, so test executables can share one server in
// parallel. No server: the constructor throws, so the test FAILS (PostgreSQL tests never skip).
#pragma once

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>

#include "connector_test_support.hpp"

namespace ctsql_conn_test {

inline std::string pg_environment() {
    auto env = [](const char* name) {
        const char* value = std::getenv(name);
        return std::string(name) + '=' + (value != nullptr ? value : "(unset)");
    };
    return env("PGHOST") + ", " + env("PGPORT") + ", " + env("PGUSER") + ", " + env("PGDATABASE");
}

// Runs SQL text on a raw connection (for the schema's own DDL, whose name is only known at run
// time); throws on failure.
inline void pg_exec(PGconn* conn, const std::string& sql) {
    PGresult* r = PQexec(conn, sql.c_str());
    const bool ok = r != nullptr && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
    std::string message = ok ? "" : (r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    PQclear(r);
    if (!ok) throw std::runtime_error("PostgreSQL error: " + message + "  SQL: " + sql);
}

class pg_schema {
public:
    pg_schema() : name_(unique_name("ctsql_conn_")) {
        try {
            admin_.emplace("");
        } catch (const ctsql::connection_error& e) {
            throw std::runtime_error(std::string(e.what()) + "\n(" + pg_environment() +
                                     ") The PostgreSQL runtime tests need a server: run them through "
                                     "scripts/with-postgres.sh, which starts a throwaway one.");
        }
        PQsetNoticeProcessor(admin_->native_handle(), [](void*, const char*) {}, nullptr);
        pg_exec(admin_->native_handle(), "CREATE SCHEMA \"" + name_ + '"');
        conninfo_ = "options='-c search_path=" + name_ + "'";
    }
    pg_schema(const pg_schema&) = delete;
    pg_schema& operator=(const pg_schema&) = delete;
    ~pg_schema() {
        try {
            pg_exec(admin_->native_handle(), "DROP SCHEMA IF EXISTS \"" + name_ + "\" CASCADE");
        } catch (...) {
        }
    }

    // A new connection working in the schema.
    ctsql::postgresql_connection connect() const { return ctsql::postgresql_connection(conninfo_); }
    const std::string& conninfo() const noexcept { return conninfo_; }
    const std::string& name() const noexcept { return name_; }
    // A connection outside the schema (for server-side checks: pg_stat_activity, ...).
    ctsql::postgresql_connection& admin() { return *admin_; }

private:
    std::string name_;
    std::string conninfo_;
    std::optional<ctsql::postgresql_connection> admin_;
};

}  // namespace ctsql_conn_test
