// E019: a key lists the same column twice.
// Mistake: primary_key_on<post_c, post_c>. Control: primary_key_on<post_c, tag_c>.
#include <ctsql/ctsql.hpp>

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, post_c>>;
#else
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>>;
#endif
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(tags));
