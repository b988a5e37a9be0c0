// E008: a foreign key column must have the referenced column's type.
// Mistake: posts.author is int but references users.id, a std::int64_t.
// Control: posts.author is std::int64_t.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct author_c : ctsql::column<posts_t, "author", int, ctsql::references<users_t::id_c>> {} author;
#else
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::id_c>> {} author;
#endif
};
using app = ctsql::schema<users_t, posts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
