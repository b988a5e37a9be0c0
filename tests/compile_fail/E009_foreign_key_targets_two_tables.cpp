// E009 (foreign key target): the referenced columns of one foreign_key must all belong to one
// table. Mistake: columns<users_t::org_c, teams_t::id_c>. Control: columns<users_t::org_c, users_t::id_c>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct org_c : ctsql::column<users_t, "org", std::int64_t> {} org;
    struct id_c : ctsql::column<users_t, "id", std::int64_t> {} id;
    using constraints = ctsql::constraints<ctsql::primary_key_on<org_c, id_c>>;
};
struct teams_t {
    static constexpr ctsql::fixed_string sql_name = "teams";
    struct id_c : ctsql::column<teams_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
struct memberships_t {
    static constexpr ctsql::fixed_string sql_name = "memberships";
    struct org_c : ctsql::column<memberships_t, "org", std::int64_t> {} org;
    struct user_c : ctsql::column<memberships_t, "user", std::int64_t> {} user;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<ctsql::foreign_key<ctsql::columns<org_c, user_c>,
                                                              ctsql::columns<users_t::org_c, teams_t::id_c>>>;
#else
    using constraints = ctsql::constraints<ctsql::foreign_key<ctsql::columns<org_c, user_c>,
                                                              ctsql::columns<users_t::org_c, users_t::id_c>>>;
#endif
};
using app = ctsql::schema<users_t, teams_t, memberships_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
