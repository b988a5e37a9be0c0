// E016: window functions need SQLite 3.25.
// Mistake: ROW_NUMBER() OVER (...) rendered for SQLite 3.24. Control: SQLite 3.25.
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

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : ctsql::column<posts_t, "author_id", std::int64_t, ctsql::references<users_t::id_c>> {} author_id;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
};
inline constexpr posts_t posts{};

inline constexpr auto query =
    ctsql::select(users.name, ctsql::as<"n">(ctsql::row_number().over(ctsql::window().order_by(users.id)))).from(users);

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'024'000>>(query);
#else
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'025'000>>(query);
#endif
