// E007: a foreign key references a column type that is not a member of its table.
// Mistake: users_t declares the nested type uid_c but no member object of it, so it is not a
// column of users; posts.author references it. Control: users_t has the member `uid`.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct uid_c : ctsql::column<users_t, "uid", std::int64_t, ctsql::unique> {};
#else
    struct uid_c : ctsql::column<users_t, "uid", std::int64_t, ctsql::unique> {} uid;
#endif
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::uid_c>> {} author;
};
using app = ctsql::schema<users_t, posts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
