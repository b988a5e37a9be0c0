// E002: two tables of one schema have the same SQL name.
// Mistake: accounts_t is also called "users". Control: it is called "accounts" and the
// whole schema renders.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
struct accounts_t {
#ifdef CTSQL_COMPILE_FAIL
    static constexpr ctsql::fixed_string sql_name = "users";
#else
    static constexpr ctsql::fixed_string sql_name = "accounts";
#endif
    struct id_c : ctsql::column<accounts_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
using app = ctsql::schema<users_t, accounts_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
