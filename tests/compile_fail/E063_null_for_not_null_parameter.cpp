// E063 (arguments): NULL (std::nullopt or a std::optional) for a parameter that cannot be NULL.
// Mistake: std::nullopt for name (std::string). Control: a name; age may be std::nullopt.
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

void run(ctsql::sqlite_connection& db) {
#ifdef CTSQL_COMPILE_FAIL
    db.execute(add_user{}, std::nullopt, 36);
#else
    db.execute(add_user{}, "ada", std::nullopt);
#endif
}
