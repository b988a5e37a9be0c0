// E036: a real value does not fit an integer column.
// Mistake: users.age (std::int32_t) given a double parameter. Control: an integer parameter.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

using ctsql::lit;
using ctsql::param;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
inline constexpr users_t users{};

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">),
                                                               users.age.to(param<"age", double>));
#else
inline constexpr auto query = ctsql::insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">),
                                                               users.age.to(param<"age", std::int32_t>));
#endif

inline constexpr auto text = ctsql::sql<ctsql::postgresql<>>(query);
