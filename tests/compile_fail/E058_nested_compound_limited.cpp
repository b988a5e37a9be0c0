// E058: a UNION/INTERSECT/EXCEPT member takes no ORDER BY, LIMIT or OFFSET, a nested compound neither.
// Mistake: a limited union as the left member of another. Control: the limit on the outer union.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

using ctsql::lit;
using ctsql::param;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
inline constexpr users_t users{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : ctsql::column<posts_t, "author_id", std::int64_t, ctsql::references<users_t::id_c>> {} author_id;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
};
inline constexpr posts_t posts{};

inline constexpr auto names = ctsql::union_(ctsql::select(users.name).from(users), ctsql::select(posts.title).from(posts));
#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::union_(names.order_by(ctsql::by<"name">).limit(lit<1>), ctsql::select(users.email).from(users));
#else
inline constexpr auto query = ctsql::union_(names, ctsql::select(users.email).from(users)).order_by(ctsql::by<"name">).limit(lit<1>);
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
