// Database URLs of the migration CLI, in SQLAlchemy's spelling:
//
//   sqlite:///app.db            app.db, relative to the working directory
//   sqlite:////var/lib/app.db   /var/lib/app.db (four slashes: the path is absolute)
//   sqlite://  or  sqlite:///:memory:
//                               a private in-memory database (gone when the command ends: only
//                               useful with --sql, --dry-run, show and tests)
//   postgresql://user@host:5432/db?sslmode=require   handed to libpq unchanged (its URI syntax);
//   postgres://...              the same; postgresql:///db?host=/run/postgresql uses a socket dir.
//   An empty authority and path ("postgresql://") connects with libpq's PG* environment variables.
//
// Pure text: no client library is needed to parse a URL.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "ctsql/dialect/dialect.hpp"

namespace ctsql::tools {

// The command line could not be understood (exit code 2): an unknown command or option, a
// missing argument, a malformed URL.
class command_line_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct database_url {
    dialect_family family = dialect_family::sqlite;
    // SQLite: the file name (":memory:" for an in-memory database); PostgreSQL: the libpq
    // connection string (the URL itself).
    std::string target;

    bool in_memory() const noexcept { return family == dialect_family::sqlite && target == ":memory:"; }
};

inline database_url parse_database_url(std::string_view url) {
    constexpr std::string_view sqlite_scheme = "sqlite://";
    if (url.starts_with(sqlite_scheme)) {
        std::string_view rest = url.substr(sqlite_scheme.size());
        if (rest.empty() || rest == "/:memory:" || rest == ":memory:") return {dialect_family::sqlite, ":memory:"};
        if (!rest.starts_with('/'))
            throw command_line_error("malformed SQLite URL \"" + std::string(url) +
                                     "\": expected sqlite:///relative/path.db or sqlite:////absolute/path.db");
        rest.remove_prefix(1);  // sqlite:///x -> "x", sqlite:////x -> "/x"
        if (rest.empty() || rest.back() == '/')
            throw command_line_error("malformed SQLite URL \"" + std::string(url) + "\": no database file name");
        if (rest.find('?') != std::string_view::npos)
            throw command_line_error("SQLite URL \"" + std::string(url) + "\": query parameters are not supported");
        return {dialect_family::sqlite, std::string(rest)};
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        return {dialect_family::postgresql, std::string(url)};
    throw command_line_error("unsupported database URL \"" + std::string(url) +
                             "\": expected sqlite:///path.db, sqlite:////absolute/path.db, sqlite:// (in memory) "
                             "or postgresql://...");
}

}  // namespace ctsql::tools
