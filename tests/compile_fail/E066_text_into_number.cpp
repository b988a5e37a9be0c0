// E066 (rows), PostgreSQL connector: a text column cannot go into a numeric field.
// Mistake: name (std::string) into a double. Control: a std::string.
#include <cstdint>
#include <string>
#include <tuple>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

using names = ctsql::raw_statement<ctsql::raw_sql<"", "SELECT id, name FROM users">, ctsql::type_list<>,
                                   ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>>>;

void run(ctsql::postgresql_connection& db) {
#ifdef CTSQL_COMPILE_FAIL
    (void)db.fetch_all<std::tuple<std::int64_t, double>>(names{});
#else
    (void)db.fetch_all<std::tuple<std::int64_t, std::string>>(names{});
#endif
}
