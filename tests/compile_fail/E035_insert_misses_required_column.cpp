// E035: an INSERT must give every NOT NULL column that has no default and is not autoincrement.
// Mistake: users.email (NOT NULL, no default) is left out. Control: it is given.
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
inline constexpr auto query = ctsql::insert_into(users).values(users.name.to(param<"name">), users.age.to(param<"age">));
#else
inline constexpr auto query = ctsql::insert_into(users).values(users.name.to(param<"name">), users.age.to(param<"age">),
                                                               users.email.to(param<"email">));
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
