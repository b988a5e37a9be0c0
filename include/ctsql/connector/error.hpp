// The exceptions the connectors throw. Every one derives from ctsql::database_error, which
// carries the SQL text that failed (when a statement was involved), the database's own message
// and its error code: PostgreSQL's SQLSTATE ("23505") or SQLite's extended result code (2067).
//
//   database_error                 any failure reported by the database or the connector
//   ├─ connection_error            cannot connect; the connection was lost or is unusable
//   ├─ constraint_violation        a constraint rejected the change; one of:
//   │  ├─ unique_violation         UNIQUE / PRIMARY KEY
//   │  ├─ foreign_key_violation    FOREIGN KEY
//   │  ├─ not_null_violation       NOT NULL
//   │  └─ check_violation          CHECK
//   ├─ conversion_error            a value does not fit its C++ or SQL type (on bind or read),
//   │                              NULL read into a non-optional field, a type mismatch
//   ├─ row_count_error             fetch_one found no row or several; fetch_optional several
//   ├─ busy_error                  SQLite: the database is locked (SQLITE_BUSY / SQLITE_LOCKED)
//   ├─ serialization_failure       PostgreSQL: serialization failure or deadlock (retry)
//   └─ usage_error                 the API was used in a way that cannot work at run time
//                                  (committing an outer transaction while an inner one is open,
//                                  running a statement while a fetch() range holds the
//                                  PostgreSQL connection, ...)
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "ctsql/connector/separate_compilation.hpp"

namespace ctsql {

namespace detail {
// Concatenates text pieces (std::string, std::string_view, literals) into one string. Used for
// messages instead of chains of operator+, on which g++ 12 at -O3 reports false -Wrestrict
// warnings inside libstdc++ ("literal" + std::to_string(n)).
template <class... Parts>
std::string join_text(const Parts&... parts) {
    const std::string_view views[] = {std::string_view(parts)...};
    std::size_t size = 0;
    for (std::string_view v : views) size += v.size();
    std::string out;
    out.reserve(size);
    for (std::string_view v : views) out.append(v.data(), v.size());
    return out;
}
}  // namespace detail

class database_error : public std::runtime_error {
public:
    // message: what went wrong (the database's message, or the connector's);
    // sql: the statement involved ("" when none); sqlstate: PostgreSQL's 5-character code;
    // native_code: SQLite's extended result code.
    // Cold (optimized for size, out of the hot paths): errors are built on throw paths only.
    [[gnu::cold]] explicit database_error(std::string message, std::string sql = {}, std::string sqlstate = {},
                                          int native_code = 0);
    CTSQL_EXCEPTION_KEY_FUNCTION(database_error);

    // The database's (or the connector's) message, without the SQL.
    const std::string& message() const noexcept { return message_; }
    // The statement that failed, or "".
    const std::string& sql() const noexcept { return sql_; }
    // PostgreSQL's SQLSTATE ("23505"); "" for SQLite and for errors raised by the connector.
    const std::string& sqlstate() const noexcept { return sqlstate_; }
    // SQLite's extended result code (SQLITE_CONSTRAINT_UNIQUE = 2067); 0 for PostgreSQL.
    int native_code() const noexcept { return native_code_; }

private:
    [[gnu::cold]] static std::string describe(std::string_view message, std::string_view sql, std::string_view sqlstate,
                                              int native_code);

    std::string message_;
    std::string sql_;
    std::string sqlstate_;
    int native_code_;
};

class connection_error : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(connection_error);
};

class constraint_violation : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(constraint_violation);
};
class unique_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
    CTSQL_EXCEPTION_KEY_FUNCTION(unique_violation);
};
class foreign_key_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
    CTSQL_EXCEPTION_KEY_FUNCTION(foreign_key_violation);
};
class not_null_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
    CTSQL_EXCEPTION_KEY_FUNCTION(not_null_violation);
};
class check_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
    CTSQL_EXCEPTION_KEY_FUNCTION(check_violation);
};

class conversion_error : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(conversion_error);
};

class row_count_error : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(row_count_error);
};

class busy_error : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(busy_error);
};

class serialization_failure : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(serialization_failure);
};

class usage_error : public database_error {
public:
    using database_error::database_error;
    CTSQL_EXCEPTION_KEY_FUNCTION(usage_error);
};

}  // namespace ctsql

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/error_inl.hpp"
#endif
