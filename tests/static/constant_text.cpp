// The SQL of a statement is one constant: rendered during compilation into a NUL-terminated
// array in read-only data, the same object for every use of the same statement type.
#include "fixtures.hpp"

using namespace fx;

constexpr auto create_users = ctsql::create_table(users);

// Same address however the statement is spelled (cv-qualifiers never split the constant).
static_assert(ctsql::sql<lite>(create_users).data() == ctsql::sql<lite>(ctsql::create_table(users)).data());
static_assert(ctsql::c_str<lite>(create_users) == ctsql::sql<lite>(create_users).data());
// One constant per dialect.
static_assert(ctsql::sql<lite>(create_users).data() != ctsql::sql<pg>(create_users).data());
// NUL-terminated, so c_str can go straight to sqlite3_prepare_v2 / PQexec.
static_assert(ctsql::c_str<lite>(create_users)[ctsql::sql<lite>(create_users).size()] == '\0');
// Constant-initialised: constinit rejects anything computed at run time.
constinit std::string_view users_ddl = ctsql::sql<pg>(create_users);
constinit const char* users_ddl_c = ctsql::c_str<pg>(create_users);
// Usable as a template argument's input and in constant expressions anywhere.
static_assert(ctsql::sql<lite>(create_users).size() == ctsql::detail::rendered_size<
                  ctsql::statement_renderer<lite, ctsql::create_table_statement<users_t>>>);
