// E051: every row of a multi-row INSERT assigns the same columns in the same order.
// Mistake: the second row gives email before name. Control: the same order.
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
inline constexpr auto query = ctsql::insert_into(users)
                                  .values(users.name.to(param<"n1">), users.email.to(param<"e1">))
                                  .values(users.email.to(param<"e2">), users.name.to(param<"n2">));
#else
inline constexpr auto query = ctsql::insert_into(users)
                                  .values(users.name.to(param<"n1">), users.email.to(param<"e1">))
                                  .values(users.name.to(param<"n2">), users.email.to(param<"e2">));
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
