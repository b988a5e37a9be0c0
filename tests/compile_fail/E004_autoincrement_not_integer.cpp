// E004: autoincrement needs an integer column.
// Mistake: the autoincrement primary key users.id is a std::string.
// Control: it is std::int64_t.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
#ifdef CTSQL_COMPILE_FAIL
    struct id_c : ctsql::column<users_t, "id", std::string, ctsql::primary_key, ctsql::autoincrement> {} id;
#else
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
#endif
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
