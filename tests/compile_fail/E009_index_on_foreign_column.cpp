// E009 (index): an index lists a column of another table.
// Mistake: posts_t's index "posts_by_author" names users_t::name_c as second column.
// Control: the index is on posts' own author_c and title_c.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::id_c>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
#ifdef CTSQL_COMPILE_FAIL
    using by_author = ctsql::index<"posts_by_author", author_c, users_t::name_c>;
#else
    using by_author = ctsql::index<"posts_by_author", author_c, title_c>;
#endif
    using indexes = ctsql::indexes<by_author>;
};
using app = ctsql::schema<users_t, posts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
