// E011: a foreign key must reference the primary key or a unique key of the other table.
// Mistake: posts.author_name references users.name, which is neither. Control: users.name
// is declared ctsql::unique.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#else
    struct name_c : ctsql::column<users_t, "name", std::string, ctsql::unique> {} name;
#endif
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_name_c : ctsql::column<posts_t, "author_name", std::string, ctsql::references<users_t::name_c>> {} author_name;
};
using app = ctsql::schema<users_t, posts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
