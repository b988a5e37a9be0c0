// E003 (composite key): every column of a primary_key_on<...> must be non-nullable.
// Mistake: tags.tag, the second column of primary_key_on<post_c, tag_c>, is
// std::optional<std::string>. Control: it is std::string.
#include <ctsql/ctsql.hpp>

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
#ifdef CTSQL_COMPILE_FAIL
    struct tag_c : ctsql::column<tags_t, "tag", std::optional<std::string>> {} tag;
#else
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
#endif
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, tag_c>>;
};
inline constexpr tags_t tags{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(tags));
