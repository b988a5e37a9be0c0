// E066 (rows), fetch_all_into: the vector's element type is the target, checked like
// fetch_all<Target>. Mistake: a std::vector<int> for the std::int64_t column id. Control:
// std::vector<std::int64_t>.
#include <cstdint>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

using ids = ctsql::raw_statement<ctsql::raw_sql<"SELECT id FROM users WHERE age >= ?1">,
                                 ctsql::type_list<ctsql::parameter<"min_age", std::int32_t>>,
                                 ctsql::row<ctsql::field<"id", std::int64_t>>>;

void run(ctsql::sqlite_connection& db) {
#ifdef CTSQL_COMPILE_FAIL
    std::vector<int> into;
#else
    std::vector<std::int64_t> into;
#endif
    (void)db.fetch_all_into(into, ids{}, 18);
}
