// E006 (floating point): a double column's default is written as a decimal string.
// Mistake: default_value<"2,5"> (comma, not a number). Control: default_value<"2.5">.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct score_c : ctsql::column<users_t, "score", double, ctsql::default_value<"2,5">> {} score;
#else
    struct score_c : ctsql::column<users_t, "score", double, ctsql::default_value<"2.5">> {} score;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
