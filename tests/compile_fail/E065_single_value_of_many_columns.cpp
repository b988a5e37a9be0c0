// E065 (rows): a single value can only hold a one-column result.
// Mistake: fetch_one<std::int64_t> of a three-column row. Control: a one-column count.
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

using count_users = ctsql::raw_statement<ctsql::raw_sql<"SELECT count(*) FROM users">, ctsql::type_list<>,
                                         ctsql::row<ctsql::field<"n", std::int64_t>>>;

void run(ctsql::sqlite_connection& db) {
#ifdef CTSQL_COMPILE_FAIL
    (void)db.fetch_one<std::int64_t>(users_by_age{}, 18);
#else
    (void)db.fetch_one<std::int64_t>(count_users{});
#endif
}
