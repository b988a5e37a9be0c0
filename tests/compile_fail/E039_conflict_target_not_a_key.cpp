// E039: ON CONFLICT columns must be the primary key or a unique key (or unique index).
// Mistake: ON CONFLICT (name): name is not unique. Control: ON CONFLICT (email), a unique column.
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
inline constexpr auto query = ctsql::insert_into(users).columns(users.name, users.email).values()
                                  .on_conflict(users.name).do_nothing();
#else
inline constexpr auto query = ctsql::insert_into(users).columns(users.name, users.email).values()
                                  .on_conflict(users.email).do_nothing();
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
