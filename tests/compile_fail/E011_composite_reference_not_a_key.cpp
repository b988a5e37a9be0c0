// E011 (composite): a composite foreign key must reference a whole key, not part of one.
// Mistake: memberships references (users.org) alone while users' key is (org, id).
// Control: it references columns<users_t::org_c, users_t::id_c>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct org_c : ctsql::column<users_t, "org", std::int64_t> {} org;
    struct id_c : ctsql::column<users_t, "id", std::int64_t> {} id;
    using constraints = ctsql::constraints<ctsql::primary_key_on<org_c, id_c>>;
};
struct memberships_t {
    static constexpr ctsql::fixed_string sql_name = "memberships";
    struct org_c : ctsql::column<memberships_t, "org", std::int64_t> {} org;
    struct user_c : ctsql::column<memberships_t, "user", std::int64_t> {} user;
#ifdef CTSQL_COMPILE_FAIL
    using constraints = ctsql::constraints<
        ctsql::foreign_key<ctsql::columns<org_c>, ctsql::columns<users_t::org_c>>>;
#else
    using constraints = ctsql::constraints<
        ctsql::foreign_key<ctsql::columns<org_c, user_c>, ctsql::columns<users_t::org_c, users_t::id_c>>>;
#endif
};
using app = ctsql::schema<users_t, memberships_t>;

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_all<app>());
