// E016: INSERT ... ON CONFLICT needs PostgreSQL 9.5.
// Mistake: rendered for PostgreSQL 9.4 (postgresql<90'400>). Control: postgresql<90'500>.
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

inline constexpr auto query = ctsql::insert_into(users).columns(users.name, users.email).values()
                                  .on_conflict(users.email).do_update(users.name.to(ctsql::excluded(users.name)));

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto text = ctsql::sql<ctsql::postgresql<90'400>>(query);
#else
inline constexpr auto text = ctsql::sql<ctsql::postgresql<90'500>>(query);
#endif
