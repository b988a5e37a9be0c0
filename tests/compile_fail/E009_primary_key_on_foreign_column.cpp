// E009: a primary_key_on<...> lists a column of another table.
// Mistake: tags_t's key names posts_t::id_c instead of its own post_c.
// Control: primary_key_on<post_c, tag_c>.
#include <ctsql/ctsql.hpp>

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<ctsql::primary_key_on<posts_t::id_c, tag_c>>;
#else
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>>;
#endif
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(tags));
