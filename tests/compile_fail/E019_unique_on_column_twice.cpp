// E019 (unique key): unique_on lists the same column twice.
// Mistake: unique_on<tag_c, tag_c>. Control: unique_on<tag_c, post_c>.
#include <ctsql/ctsql.hpp>

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct id_c : ctsql::column<tags_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<ctsql::unique_on<tag_c, tag_c>>;
#else
    using constraints = ctsql::constraints<ctsql::unique_on<tag_c, post_c>>;
#endif
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(tags));
