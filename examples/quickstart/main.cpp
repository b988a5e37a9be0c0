// ctsql quick start: declare a schema once as C++ types, get its DDL for SQLite and
// PostgreSQL as compile-time constants, and create it in an SQLite file database.
#include <cstdio>
#include <string>

#include <sqlite3.h>

#include "schema.hpp"

namespace {

// The DDL is checked and rendered by the compiler: these are constants in read-only data.
constexpr std::string_view sqlite_ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<blog::schema>());
constexpr std::string_view postgresql_ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<blog::schema>());
constexpr std::string_view drop_ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::drop_all<blog::schema>().if_exists());

bool exec(sqlite3* db, std::string_view sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "SQLite error: %s\nin: %.*s\n", message ? message : "?", static_cast<int>(sql.size()),
                     sql.data());
        sqlite3_free(message);
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "quickstart.db";

    std::printf("-- SQLite\n%.*s\n", static_cast<int>(sqlite_ddl.size()), sqlite_ddl.data());
    std::printf("-- PostgreSQL\n%.*s\n", static_cast<int>(postgresql_ddl.size()), postgresql_ddl.data());

    sqlite3* db = nullptr;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        std::fprintf(stderr, "cannot open %s: %s\n", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return 1;
    }
    const bool ok = exec(db, "PRAGMA foreign_keys = ON") && exec(db, drop_ddl) && exec(db, sqlite_ddl);
    if (ok) {
        // Read back what SQLite stored, to show the schema really exists.
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid",
                           -1, &stmt, nullptr);
        std::printf("-- created in %s:\n", path);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            std::printf("   %s %s\n", reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                        reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return ok ? 0 : 1;
}
