// E022: an autoincrement column gets its value from the database, so it cannot have a default.
// Mistake: id is autoincrement and default_value<1>.
// Control: id is autoincrement only.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
#ifdef CTSQL_COMPILE_FAIL
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement,
                                ctsql::default_value<1>> {} id;
#else
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
#endif
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(users));
