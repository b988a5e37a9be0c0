// The PostgreSQL side of the runtime migration tests (tests/runtime/postgresql/migrate_*.cpp): a
// fresh schema per backend object (created by ctsql_conn_test::pg_schema, dropped CASCADE after),
// connections whose search_path is that schema (so the version table and every migrated table
// land there), and raw libpq helpers that run SQL and read rows as text. No server: the
// constructor throws, so the test FAILS (PostgreSQL tests never skip).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/connector/postgresql/introspect.hpp>

#include "connector_test_pg.hpp"
#include "migrate_scenarios.hpp"

namespace ctsql_migrate_test {

class pg_backend {
public:
    using connection = ctsql::postgresql_connection;
    static constexpr bool is_sqlite = false;
    static constexpr const char* name = "postgresql";

    pg_backend() : db(schema_.connect()) {
        PQsetNoticeProcessor(db.native_handle(), [](void*, const char*) {}, nullptr);
        // Every table of this test lands in the fresh schema, none anywhere else.
        const auto path = rows("SELECT current_schema()");
        if (path.size() != 1 || path[0][0] != schema_.name())
            throw std::runtime_error("the test connection's search_path is not the test schema " + schema_.name());
    }

    // A new connection working in the same schema (for another process or runner).
    connection connect() const { return schema_.connect(); }
    const std::string& schema_name() const noexcept { return schema_.name(); }

    std::optional<std::string> try_exec(const std::string& sql) { return try_exec_on(db.native_handle(), sql); }
    void exec(const std::string& sql) {
        if (auto error = try_exec(sql)) throw std::runtime_error("PostgreSQL error: " + *error + "  SQL: " + sql);
    }

    table_rows rows(const std::string& sql) { return rows_on(db.native_handle(), sql); }

    std::vector<ctsql::live_table> introspect() { return ctsql::postgresql_introspect_schema(db.native_handle(), schema_.name()); }

    static std::optional<std::string> try_exec_on(PGconn* conn, const std::string& sql) {
        PGresult* r = PQexec(conn, sql.c_str());
        const bool ok = r != nullptr && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
        std::optional<std::string> error;
        if (!ok) error = r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn);
        PQclear(r);
        return error;
    }

    static table_rows rows_on(PGconn* conn, const std::string& sql) {
        PGresult* r = PQexec(conn, sql.c_str());
        if (r == nullptr || PQresultStatus(r) != PGRES_TUPLES_OK) {
            std::string message = r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn);
            PQclear(r);
            throw std::runtime_error("PostgreSQL error: " + message + "  SQL: " + sql);
        }
        table_rows out;
        for (int i = 0; i != PQntuples(r); ++i) {
            auto& row = out.emplace_back();
            for (int j = 0; j != PQnfields(r); ++j) {
                if (PQgetisnull(r, i, j)) row.emplace_back(std::nullopt);
                else row.emplace_back(std::string(PQgetvalue(r, i, j), static_cast<std::size_t>(PQgetlength(r, i, j))));
            }
        }
        PQclear(r);
        return out;
    }

private:
    ctsql_conn_test::pg_schema schema_;

public:
    connection db;
};

}  // namespace ctsql_migrate_test
