// E066 (rows): a field's type must hold every value of its column's type.
// Mistake: id (std::int64_t column) into an int field. Control: std::int64_t.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

using users_by_age = ctsql::raw_statement<
    ctsql::raw_sql<"SELECT id, name, age FROM users WHERE age >= ?1">,
    ctsql::type_list<ctsql::parameter<"min_age", std::int32_t>>,
    ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>,
               ctsql::field<"age", std::optional<std::int32_t>>>>;
using add_user = ctsql::raw_statement<ctsql::raw_sql<"INSERT INTO users (name, age) VALUES (?1, ?2)">,
                                      ctsql::type_list<ctsql::parameter<"name", std::string>,
                                                       ctsql::parameter<"age", std::optional<std::int32_t>>>>;

struct user {
#ifdef CTSQL_COMPILE_FAIL
    int id;
#else
    std::int64_t id;
#endif
    std::string name;
    std::optional<std::int32_t> age;
};

void run(ctsql::sqlite_connection& db) { (void)db.fetch_all<user>(users_by_age{}, 18); }
