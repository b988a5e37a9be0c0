// E071 (rows): a row goes into the statement's row, an aggregate, a std::tuple or (one column)
// a value. Mistake: a class with a constructor (not an aggregate). Control: an aggregate.
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

#ifdef CTSQL_COMPILE_FAIL
class user {
public:
    user() = default;
    explicit user(std::int64_t id) : id_(id) {}

private:
    std::int64_t id_ = 0;
    std::string name_;
    std::optional<std::int32_t> age_;
};
#else
struct user {
    std::int64_t id;
    std::string name;
    std::optional<std::int32_t> age;
};
#endif

void run(ctsql::sqlite_connection& db) { (void)db.fetch_all<user>(users_by_age{}, 18); }
