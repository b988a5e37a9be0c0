// The package tests' consumer (find_package/, add_subdirectory/, fetch_content/ and pkg-config):
// declares a table, renders its DDL at compile time and runs it on an in-memory SQLite database,
// with the raw C API and through ctsql::sqlite_connection (whose non-template code, with
// CTSQL_SEPARATE_COMPILATION, comes from the installed/embedded static library: opening,
// preparing, and an error thrown there and caught here by its type). Exit status 0 means the
// installed/embedded ctsql works.
#include <ctsql/ctsql.hpp>
#include <ctsql/connector/sqlite.hpp>

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
constexpr auto add_user = ctsql::insert_into(users).columns(users.id, users.name).values();
constexpr auto user_name = ctsql::select(users.name).from(users).where(users.id == ctsql::param<"id">);

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
    if (failed) return failed;

    try {
        ctsql::sqlite_connection connection(":memory:");
        connection.execute(ctsql::create_table(users));
        connection.execute(add_user, std::int64_t{1}, "ada");
        const auto [name] = connection.fetch_one(user_name, std::int64_t{1});
        if (name != "ada") {
            std::fprintf(stderr, "read back \"%s\" instead of \"ada\"\n", name.c_str());
            return 1;
        }
        try {
            connection.execute(add_user, std::int64_t{1}, "grace");
            std::fprintf(stderr, "a duplicate primary key was accepted\n");
            return 1;
        } catch (const ctsql::unique_violation& e) {
            std::printf("caught as expected: %s\n", e.what());
        }
    } catch (const ctsql::database_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
