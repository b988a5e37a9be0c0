// E031: a column of a CTE is read by a statement that does not have the CTE in FROM or JOIN
// (defining a CTE does not bring it into every query). Mistake: recent.c<"title"> FROM users.
// Control: the CTE joined.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
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

inline constexpr auto recent = ctsql::cte<"recent">(ctsql::select(posts.author_id, posts.title).from(posts).where(posts.id > ctsql::param<"after">));

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::select(users.name, recent.c<"title">).from(users);
#else
inline constexpr auto query = ctsql::select(users.name, recent.c<"title">).from(users).join(recent).on(recent.c<"author_id"> == users.id);
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
