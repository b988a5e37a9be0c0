// E061 (arguments): an argument's type cannot stand for the parameter's type.
// Mistake: a string for min_age (std::int32_t). Control: an int.
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
    (void)db.fetch_all(users_by_age{}, "eighteen");
#else
    (void)db.fetch_all(users_by_age{}, 18);
#endif
}
