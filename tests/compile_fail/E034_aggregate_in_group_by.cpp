// E034: GROUP BY cannot group by an aggregate.
// Mistake: GROUP BY count(*). Control: GROUP BY name.
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
inline constexpr auto query = ctsql::select(ctsql::count()).from(users).group_by(ctsql::count());
#else
inline constexpr auto query = ctsql::select(ctsql::count()).from(users).group_by(users.name);
#endif
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
