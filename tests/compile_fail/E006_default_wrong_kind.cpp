// E006 (wrong kind of literal): a text default on an integer column.
// Mistake: default_value<"0"> on an int column. Control: default_value<0>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct visits_c : ctsql::column<users_t, "visits", int, ctsql::default_value<"0">> {} visits;
#else
    struct visits_c : ctsql::column<users_t, "visits", int, ctsql::default_value<0>> {} visits;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(users));
