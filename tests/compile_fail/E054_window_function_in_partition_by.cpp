// E054: window functions are allowed only in SELECT items and ORDER BY.
// Mistake: a window partitioned by a window function, PARTITION BY (ROW_NUMBER() OVER (...)).
// Control: partitioned by a column.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

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

inline constexpr auto by_id = ctsql::window().order_by(users.id);

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto by_rank = ctsql::window().partition_by(ctsql::row_number().over(by_id));
#else
inline constexpr auto by_rank = ctsql::window().partition_by(users.age);
#endif

inline constexpr auto query = ctsql::select(ctsql::as<"n">(ctsql::count().over(by_rank))).from(users);
inline constexpr auto text = ctsql::sql<ctsql::postgresql<>>(query);
