// E016: the target dialect or its version lacks a feature.
// Mistake: INSERT ... RETURNING for SQLite 3.34 (RETURNING exists since 3.35). Control: SQLite 3.35.
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

inline constexpr auto query =
    ctsql::insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">)).returning(users.id);

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'034'000>>(query);
#else
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'035'000>>(query);
#endif
