// E010 (table name): a table name must not contain a NUL character (SQLite would cut the name
// at it, PostgreSQL rejects it). Mistake: sql_name = "us\0ers". Control: "users".
#include <ctsql/ctsql.hpp>

struct users_t {
#ifdef CTSQL_COMPILE_FAIL
    static constexpr ctsql::fixed_string sql_name = "us\0ers";
#else
    static constexpr ctsql::fixed_string sql_name = "users";
#endif
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
