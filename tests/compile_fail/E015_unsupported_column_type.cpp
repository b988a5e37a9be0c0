// E015: a column's C++ type must be one ctsql maps to SQL.
// Mistake: users.name is a std::string_view (a non-owning view, not a supported type).
// Control: std::string.
#include <ctsql/ctsql.hpp>

#include <string_view>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct name_c : ctsql::column<users_t, "name", std::string_view> {} name;
#else
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
