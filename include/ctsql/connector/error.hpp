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
                            int native_code = 0)
        : std::runtime_error(describe(message, sql, sqlstate, native_code)),
          message_(std::move(message)),
          sql_(std::move(sql)),
          sqlstate_(std::move(sqlstate)),
          native_code_(native_code) {}

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
                                int native_code) {
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

    std::string message_;
    std::string sql_;
    std::string sqlstate_;
    int native_code_;
};

class connection_error : public database_error {
public:
    using database_error::database_error;
};

class constraint_violation : public database_error {
public:
    using database_error::database_error;
};
class unique_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
};
class foreign_key_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
};
class not_null_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
};
class check_violation : public constraint_violation {
public:
    using constraint_violation::constraint_violation;
};

class conversion_error : public database_error {
public:
    using database_error::database_error;
};

class row_count_error : public database_error {
public:
    using database_error::database_error;
};

class busy_error : public database_error {
public:
    using database_error::database_error;
};

class serialization_failure : public database_error {
public:
    using database_error::database_error;
};

class usage_error : public database_error {
public:
    using database_error::database_error;
};

}  // namespace ctsql
