// E065 (rows), PostgreSQL fetch_all_into: the vector's element type needs one field per column.
// Mistake: a struct of one field for a two-column result. Control: two fields.
#include <cstdint>
#include <string>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

using names = ctsql::raw_statement<ctsql::raw_sql<"", "SELECT id, name FROM users">, ctsql::type_list<>,
                                   ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>>>;

struct user {
    std::int64_t id;
#ifndef CTSQL_COMPILE_FAIL
    std::string name;
#endif
};

void run(ctsql::postgresql_connection& db) {
    std::vector<user> into;
    (void)db.fetch_all_into(into, names{});
}
