// A PostgreSQL connection for runtime tests, working in a fresh schema of its own.
//
// Connects with the standard PG* environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE...);
// the test command sets them, and CTSQL_TEST_PG=1, through scripts/with-postgres.sh. A test that
// cannot connect FAILS (the constructor throws): the PostgreSQL tests never skip.
//
// Each pg_test_schema creates a schema with a unique name, puts it first on the search_path and
// drops it (CASCADE) when destroyed, so test executables can share one server in parallel.
//
//   TEST_CASE_METHOD(ctsql_test::pg_test_schema, "...") {
//       exec("CREATE TABLE t (...)");
//       auto rows = query("SELECT x FROM t WHERE id = $1", {"42"});
//   }
#pragma once

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <libpq-fe.h>

namespace ctsql_test {

struct pg_result_deleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using pg_result_ptr = std::unique_ptr<PGresult, pg_result_deleter>;

// "name" with embedded quotes doubled.
inline std::string pg_quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// The SQLSTATE of a failed result ("23505"), empty on success.
inline std::string pg_sqlstate(const pg_result_ptr& r) {
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    return state != nullptr ? state : "";
}

inline bool pg_ok(const pg_result_ptr& r) {
    if (!r) return false;
    const auto status = PQresultStatus(r.get());
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

class pg_test_schema {
public:
    pg_test_schema() {
        conn_ = PQconnectdb("");  // everything from the PG* environment variables
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            conn_ = nullptr;
            auto env = [](const char* name) {
                const char* value = std::getenv(name);
                return std::string(name) + '=' + (value != nullptr ? value : "(unset)");
            };
            throw std::runtime_error(
                "cannot connect to PostgreSQL (" + env("PGHOST") + ", " + env("PGPORT") + ", " + env("PGUSER") +
                ", " + env("PGDATABASE") + ", " + env("CTSQL_TEST_PG") + "): " + message +
                "The PostgreSQL runtime tests need a server; run them through scripts/with-postgres.sh, "
                "which starts a throwaway one and sets these variables.");
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // DROP ... CASCADE notices

        static std::atomic<unsigned> counter{0};
        const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
        schema_ = "ctsql_test_" + std::to_string(::getpid()) + '_' + std::to_string(++counter) + '_' +
                  std::to_string(static_cast<unsigned long long>(ticks) % 1000000007ull);
        exec("CREATE SCHEMA " + pg_quote_identifier(schema_));
        exec("SET search_path TO " + pg_quote_identifier(schema_));
    }

    pg_test_schema(const pg_test_schema&) = delete;
    pg_test_schema& operator=(const pg_test_schema&) = delete;

    ~pg_test_schema() {
        if (conn_ == nullptr) return;
        pg_result_ptr(PQexec(conn_, ("DROP SCHEMA IF EXISTS " + pg_quote_identifier(schema_) + " CASCADE").c_str()));
        PQfinish(conn_);
    }

    PGconn* conn() const noexcept { return conn_; }
    const std::string& schema() const noexcept { return schema_; }

    // Runs SQL (one statement or a script) and returns its result, failed or not.
    pg_result_ptr try_exec(std::string_view sql) const { return pg_result_ptr(PQexec(conn_, std::string(sql).c_str())); }

    // Runs SQL; throws with the server's message if it fails.
    pg_result_ptr exec(std::string_view sql) const {
        pg_result_ptr r = try_exec(sql);
        if (!pg_ok(r)) throw std::runtime_error(error_text(r, sql));
        return r;
    }

    // Runs one statement with text parameters ($1, $2...; std::nullopt is NULL); failed or not.
    pg_result_ptr try_query(std::string_view sql, std::initializer_list<std::optional<std::string>> params = {}) const {
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        return pg_result_ptr(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(values.size()), nullptr,
                                      values.data(), nullptr, nullptr, 0));
    }

    // Runs one statement with text parameters; throws with the server's message if it fails.
    pg_result_ptr query(std::string_view sql, std::initializer_list<std::optional<std::string>> params = {}) const {
        pg_result_ptr r = try_query(sql, params);
        if (!pg_ok(r)) throw std::runtime_error(error_text(r, sql));
        return r;
    }

    // The single value of a one-row, one-column query (std::nullopt for NULL).
    std::optional<std::string> scalar(std::string_view sql, std::initializer_list<std::optional<std::string>> params = {}) const {
        const pg_result_ptr r = query(sql, params);
        if (PQntuples(r.get()) != 1 || PQnfields(r.get()) != 1)
            throw std::runtime_error("expected one value from: " + std::string(sql));
        if (PQgetisnull(r.get(), 0, 0)) return std::nullopt;
        return std::string(PQgetvalue(r.get(), 0, 0));
    }

private:
    std::string error_text(const pg_result_ptr& r, std::string_view sql) const {
        std::string message = r ? PQresultErrorMessage(r.get()) : "";
        if (message.empty()) message = PQerrorMessage(conn_);
        return "PostgreSQL error: " + message + "  SQL: " + std::string(sql);
    }

    PGconn* conn_ = nullptr;
    std::string schema_;
};

}  // namespace ctsql_test
