// E006 (default_now): CURRENT_TIMESTAMP is a default for ctsql::timestamp columns only.
// Mistake: default_now on a std::string column. Control: the column is ctsql::timestamp.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct created_c : ctsql::column<users_t, "created_at", std::string, ctsql::default_now> {} created_at;
#else
    struct created_c : ctsql::column<users_t, "created_at", ctsql::timestamp, ctsql::default_now> {} created_at;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(users));
