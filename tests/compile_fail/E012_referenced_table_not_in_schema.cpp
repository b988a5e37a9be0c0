// E012: every table a foreign key references must be in the schema.
// Mistake: posts.author references users, but the schema lists only posts.
// Control: ctsql::schema<posts_t, users_t>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::id_c>> {} author;
};
#ifdef CTSQL_COMPILE_FAIL
using app = ctsql::schema<posts_t>;
#else
using app = ctsql::schema<posts_t, users_t>;
#endif

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
