// E060 (arguments): execute/fetch take exactly one argument per parameter of the statement.
// Mistake: add_user has two parameters (name, age); one argument is given. Control: both.
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
    db.execute(add_user{}, "ada");
#else
    db.execute(add_user{}, "ada", 36);
#endif
}
