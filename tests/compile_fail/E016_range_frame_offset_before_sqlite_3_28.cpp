// E016: the target dialect or its version lacks this feature.
// Mistake: a RANGE frame with N PRECEDING / N FOLLOWING for SQLite 3.27 (feature::range_frame_offset,
// SQLite 3.28). Control: the same statement for SQLite 3.28.
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

inline constexpr auto query =
    ctsql::select(ctsql::as<"near">(ctsql::count().over(ctsql::window().order_by(users.age).range_between(ctsql::preceding<5>, ctsql::current_row))))
        .from(users);

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'027'000>>(query);
#else
inline constexpr auto text = ctsql::sql<ctsql::sqlite<3'028'000>>(query);
#endif
