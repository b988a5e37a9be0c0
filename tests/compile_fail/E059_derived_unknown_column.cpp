// E059: a derived table or CTE is read by a column name its SELECT does not have.
// Mistake: counts.c<"nope"> (the columns are "author_id" and "n"). Control: counts.c<"n">.
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

inline constexpr auto counts =
    ctsql::derived<"counts">(ctsql::select(posts.author_id, ctsql::as<"n">(ctsql::count())).from(posts).group_by(posts.author_id));

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::select(users.name, counts.c<"nope">).from(users).join(counts).on(counts.c<"author_id"> == users.id);
#else
inline constexpr auto query = ctsql::select(users.name, counts.c<"n">).from(users).join(counts).on(counts.c<"author_id"> == users.id);
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
