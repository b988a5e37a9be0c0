// E014 (two constraints): two primary_key_on<...> in one table.
// Mistake: constraints<primary_key_on<post_c, tag_c>, primary_key_on<tag_c>>.
// Control: the second one is unique_on<tag_c>.
#include <ctsql/ctsql.hpp>

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>, ctsql::primary_key_on<tag_c>>;
#else
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>, ctsql::unique_on<tag_c>>;
#endif
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(tags));
