// E069 (rows): a BOOST_HANA_DEFINE_STRUCT struct maps by field name, which needs
// <ctsql/connector/hana_rows.hpp>. Mistake: the header is not included. Control: it is.
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

#ifndef CTSQL_COMPILE_FAIL
#include <ctsql/connector/hana_rows.hpp>
#endif

struct person {
    BOOST_HANA_DEFINE_STRUCT(person, (std::string, name), (std::int64_t, id));
};

void run(ctsql::sqlite_connection& db) { (void)db.fetch_all<person>(users_by_age{}, 18); }
