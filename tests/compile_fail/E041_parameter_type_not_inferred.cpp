// E041: a parameter's type cannot come from its context.
// Mistake: param<"a"> = param<"b">: neither side has a type. Control: one is stated, param<"a", std::int64_t>.
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
inline constexpr auto query = ctsql::select(users.id).from(users).where(param<"a"> == param<"b">);
#else
inline constexpr auto query = ctsql::select(users.id).from(users).where(param<"a", std::int64_t> == param<"b">);
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);

#if 0  // FIXME(ctsql): an untyped parameter as the first (or only) operand is reported with the
       // wrong ID, or with none, and then cascades (about 60 lines on g++): in(param<"a">, lit<1>),
       // like(param<"p">, users.name), between(param<"x">, ..), coalesce(param<"x">, users.name),
       // nullif(param<"x">, ..), -param<"x"> give ctsql[E030]; lower/abs(param<"x">) ctsql[E045];
       // !param<"x"> ctsql[E044]; is_null(param<"x">) and as<"x">(param<"x">) no ctsql ID at all
       // ("'render<Context>' is not a member of 'ctsql::untyped_parameter<...>'").
       // Expected ctsql[E041] (or the type inferred from the other operands) for each.
inline constexpr auto in_text = ctsql::sql<ctsql::sqlite<>>(
    ctsql::select(users.id).from(users).where(ctsql::in(param<"a">, lit<1>)));
inline constexpr auto is_null_text = ctsql::sql<ctsql::sqlite<>>(
    ctsql::select(users.id).from(users).where(ctsql::is_null(param<"x">)));
#endif
