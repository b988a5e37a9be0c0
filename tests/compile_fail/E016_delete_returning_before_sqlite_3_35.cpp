// E016: DELETE ... RETURNING needs SQLite 3.35.
// Mistake: rendered for SQLite 3.34. Control: SQLite 3.35.
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

inline constexpr auto query = ctsql::delete_from(users).where(users.id == param<"id">).returning(users.name);

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'034'000>>(query);
#else
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'035'000>>(query);
#endif
