// E063 (arguments): a std::optional argument may be empty, so it cannot bind a NOT NULL parameter.
// Mistake: std::optional<std::string> for name. Control: *name after checking it.
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

void run(ctsql::sqlite_connection& db, const std::optional<std::string>& name) {
#ifdef CTSQL_COMPILE_FAIL
    db.execute(add_user{}, name, 36);
#else
    if (name) db.execute(add_user{}, *name, 36);
#endif
}
