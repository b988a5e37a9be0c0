// E053: a CASE needs a typed branch; NULL alone gives it no type.
// Mistake: THEN NULL, ELSE NULL. Control: ELSE a text column (the CASE is then text, nullable).
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

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto label = ctsql::case_when(users.age < lit<18>, ctsql::null).else_(ctsql::null);
#else
inline constexpr auto label = ctsql::case_when(users.age < lit<18>, ctsql::null).else_(users.name);
#endif

inline constexpr auto query = ctsql::select(ctsql::as<"label">(label)).from(users);
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
