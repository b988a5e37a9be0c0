// E062 (arguments): an integer type wider than the parameter's would be narrowed.
// Mistake: an std::int64_t for min_age (std::int32_t). Control: an std::int16_t, which fits.
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

void run(ctsql::sqlite_connection& db, std::int64_t wide, std::int16_t narrow) {
#ifdef CTSQL_COMPILE_FAIL
    (void)narrow;
    (void)db.fetch_all(users_by_age{}, wide);
#else
    (void)wide;
    (void)db.fetch_all(users_by_age{}, narrow);
#endif
}
