// E065 (rows): a struct read by position needs exactly one field per result column.
// Mistake: user has two fields for three columns. Control: three fields.
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
    std::int64_t id;
    std::string name;
#ifndef CTSQL_COMPILE_FAIL
    std::optional<std::int32_t> age;
#endif
};

void run(ctsql::sqlite_connection& db) { (void)db.fetch_all<user>(users_by_age{}, 18); }
