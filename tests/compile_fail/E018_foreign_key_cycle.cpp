// E018: foreign keys between tables must not form a cycle (no table could be created first).
// Mistake: users.best_post references posts.id and posts.author references users.id.
// Control: users.best_post is a plain column, so users is created before posts.
#include <ctsql/ctsql.hpp>

// Columns declared at namespace scope: a cycle needs a column of each table before the other
// table is complete.
struct users_t;
struct posts_t;
struct users_id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {};
struct posts_id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {};
#ifdef CTSQL_COMPILE_FAIL
struct users_best_post_c : ctsql::column<users_t, "best_post", std::optional<std::int64_t>, ctsql::references<posts_id_c>> {};
#else
struct users_best_post_c : ctsql::column<users_t, "best_post", std::optional<std::int64_t>> {};
#endif
struct posts_author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_id_c>> {};

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    users_id_c id;
    users_best_post_c best_post;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    posts_id_c id;
    posts_author_c author;
};
using app = ctsql::schema<posts_t, users_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
