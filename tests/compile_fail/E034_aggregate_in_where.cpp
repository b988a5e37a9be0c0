// E034: aggregate functions are not allowed in WHERE or ON.
// Mistake: WHERE COUNT(*) > 1. Control: the same condition in HAVING.
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
inline constexpr auto query =
    ctsql::select(users.age, ctsql::count()).from(users).where(ctsql::count() > lit<1>).group_by(users.age);
#else
inline constexpr auto query =
    ctsql::select(users.age, ctsql::count()).from(users).group_by(users.age).having(ctsql::count() > lit<1>);
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);

