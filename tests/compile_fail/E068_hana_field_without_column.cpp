// E068 (rows): every field of a Hana struct needs a result column of the same name.
// Mistake: a field "email" that the query does not select. Control: "name".
#include <boost/hana/define_struct.hpp>

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

#include <ctsql/connector/hana_rows.hpp>

struct person {
#ifdef CTSQL_COMPILE_FAIL
    BOOST_HANA_DEFINE_STRUCT(person, (std::int64_t, id), (std::string, email));
#else
    BOOST_HANA_DEFINE_STRUCT(person, (std::int64_t, id), (std::string, name));
#endif
};

void run(ctsql::sqlite_connection& db) { (void)db.fetch_all<person>(users_by_age{}, 18); }
