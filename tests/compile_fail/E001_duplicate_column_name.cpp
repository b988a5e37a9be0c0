// E001: two columns of one table have the same SQL name.
// Mistake: users_t declares "name" twice (name and name2). Control: the second column is
// renamed "nickname" and the table renders.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#ifdef CTSQL_COMPILE_FAIL
    struct name2_c : ctsql::column<users_t, "name", std::string> {} name2;
#else
    struct name2_c : ctsql::column<users_t, "nickname", std::string> {} name2;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(users));
