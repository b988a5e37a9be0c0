// E052: INSERT ... SELECT: a column that can be NULL does not fill a NOT NULL column.
// Mistake: archive.name (NOT NULL) filled from posts.title through a LEFT JOIN (can be NULL).
// Control: an inner join.
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

struct archive_t {
    static constexpr ctsql::fixed_string sql_name = "archive";
    struct id_c : ctsql::column<archive_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<archive_t, "name", std::string> {} name;
};
inline constexpr archive_t archive{};

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::insert_into(archive).columns(archive.id, archive.name)
                                  .select(ctsql::select(users.id, posts.title).from(users)
                                              .left_join(posts).on(posts.author_id == users.id));
#else
inline constexpr auto query = ctsql::insert_into(archive).columns(archive.id, archive.name)
                                  .select(ctsql::select(users.id, posts.title).from(users)
                                              .join(posts).on(posts.author_id == users.id));
#endif

inline constexpr auto text = ctsql::sql<ctsql::postgresql<>>(query);
