// The package tests' consumer (find_package/, add_subdirectory/, fetch_content/ and pkg-config):
// declares a table, renders its DDL at compile time and runs it on an in-memory SQLite database
// with the raw C API. Exit status 0 means the installed/embedded ctsql works.
#include <ctsql/ctsql.hpp>

#include <sqlite3.h>

#include <cstdint>      // std::int64_t column type
#include <cstdio>       // std::printf, std::fprintf
#include <string>       // std::string column type
#include <string_view>  // the rendered DDL

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
inline constexpr users_t users{};

constexpr std::string_view ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
static_assert(ddl.starts_with("CREATE TABLE"));

namespace {
int run(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s\n  failed: %s\n", sql, error ? error : "?");
        sqlite3_free(error);
        return 1;
    }
    return 0;
}
}  // namespace

int main() {
    sqlite3* db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        std::fprintf(stderr, "cannot open an in-memory database\n");
        return 1;
    }
    std::printf("%.*s\n", static_cast<int>(ddl.size()), ddl.data());
    const int failed = run(db, ctsql::c_str<ctsql::sqlite<>>(ctsql::create_table(users)))
                    || run(db, "INSERT INTO users (name) VALUES ('ada')")
                    || run(db, "SELECT id, name FROM users");
    sqlite3_close(db);
    return failed;
}
