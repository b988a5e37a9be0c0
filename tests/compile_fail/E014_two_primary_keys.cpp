// E014: a table has at most one primary key.
// Mistake: tags.post is a column-level primary_key AND the table declares
// primary_key_on<post_c, tag_c>. Control: only the composite primary_key_on.
#include <ctsql/ctsql.hpp>

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
#ifdef CTSQL_COMPILE_FAIL
    struct post_c : ctsql::column<tags_t, "post", std::int64_t, ctsql::primary_key> {} post;
#else
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
#endif
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>>;
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(tags));
