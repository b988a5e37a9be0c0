// E032 (dynamic queries): a WHERE conjunct added at run time is boolean, as in a static WHERE.
// Mistake: users.age alone. Control: a comparison.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

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

using dialect = ctsql::sqlite_connection::dialect;
inline constexpr auto people = ctsql::select(users.id, users.name).from(users);

std::size_t count(ctsql::sqlite_connection& db) {
    auto q = ctsql::dynamic<dialect>(people);
#ifdef CTSQL_COMPILE_FAIL
    q.where(users.age);
#else
    q.where(users.age.is_not_null());
#endif
    return db.fetch_all(q).size();
}
