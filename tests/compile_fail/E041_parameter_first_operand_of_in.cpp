// E041: IN needs a typed left operand; an untyped parameter there has no type.
// Mistake: in(param<"a">, lit<1>). Control: in(users.id, param<"a">).
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
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(ctsql::select(users.id).from(users).where(ctsql::in(param<"a">, lit<1>)));
#else
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(ctsql::select(users.id).from(users).where(ctsql::in(users.id, param<"a">)));
#endif

