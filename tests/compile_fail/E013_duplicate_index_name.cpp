// E013: index names are unique per schema (one namespace in both SQLite and PostgreSQL).
// Mistake: users and posts both declare an index named "by_name".
// Control: they are "users_by_name" and "posts_by_title".
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#ifdef CTSQL_COMPILE_FAIL
    using by_name = ctsql::index<"by_name", name_c>;
#else
    using by_name = ctsql::index<"users_by_name", name_c>;
#endif
    using indexes = ctsql::indexes<by_name>;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
#ifdef CTSQL_COMPILE_FAIL
    using by_title = ctsql::unique_index<"by_name", title_c>;
#else
    using by_title = ctsql::unique_index<"posts_by_title", title_c>;
#endif
    using indexes = ctsql::indexes<by_title>;
};
using app = ctsql::schema<users_t, posts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
