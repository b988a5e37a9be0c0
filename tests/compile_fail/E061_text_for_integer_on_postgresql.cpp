// E061 (arguments), PostgreSQL connector: the same rule for postgresql_connection.
// Mistake: a std::string for an std::int64_t parameter. Control: an std::int64_t.
#include <cstdint>
#include <string>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

using delete_user = ctsql::raw_statement<ctsql::raw_sql<"", "DELETE FROM users WHERE id = $1">,
                                         ctsql::type_list<ctsql::parameter<"id", std::int64_t>>>;

void run(ctsql::postgresql_connection& db, const std::string& id) {
#ifdef CTSQL_COMPILE_FAIL
    db.execute(delete_user{}, id);
#else
    db.execute(delete_user{}, std::stoll(id));
#endif
}
