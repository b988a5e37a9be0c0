// E010 (index name): an index name must be non-empty.
// Mistake: ctsql::index<"", name_c>. Control: ctsql::index<"users_by_name", name_c>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
#ifdef CTSQL_COMPILE_FAIL
    using by_name = ctsql::index<"", name_c>;
#else
    using by_name = ctsql::index<"users_by_name", name_c>;
#endif
    using indexes = ctsql::indexes<by_name>;
};
using app = ctsql::schema<users_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_all<app>());
