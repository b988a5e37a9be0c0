// E019 (index): an index lists the same column twice.
// Mistake: ctsql::index<"users_by_name", name_c, name_c>. Control: <..., name_c, age_c>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct age_c : ctsql::column<users_t, "age", std::optional<int>> {} age;
#ifdef CTSQL_COMPILE_FAIL
    using by_name = ctsql::index<"users_by_name", name_c, name_c>;
#else
    using by_name = ctsql::index<"users_by_name", name_c, age_c>;
#endif
    using indexes = ctsql::indexes<by_name>;
};
using app = ctsql::schema<users_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
