// E006: the default value must fit the column's type.
// Mistake: default_value<300> on a std::int8_t column (range -128..127).
// Control: default_value<100>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct level_c : ctsql::column<users_t, "level", std::int8_t, ctsql::default_value<300>> {} level;
#else
    struct level_c : ctsql::column<users_t, "level", std::int8_t, ctsql::default_value<100>> {} level;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
