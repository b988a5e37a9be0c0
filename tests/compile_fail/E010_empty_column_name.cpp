// E010: a column name must be non-empty.
// Mistake: users.name is declared with the SQL name "". Control: "name".
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct name_c : ctsql::column<users_t, "", std::string> {} name;
#else
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
