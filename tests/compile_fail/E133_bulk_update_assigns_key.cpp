// E133 (bulk update): a key column of the WHERE cannot also be assigned in SET.
// Mistake: users.email both assigned and used as the key. Control: keyed by users.id.
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
};
constexpr users_t users;

void run(ctsql::postgresql_connection& db, const std::vector<std::tuple<std::string, std::int64_t>>& by_id,
         const std::vector<std::string>& emails) {
#ifdef CTSQL_COMPILE_FAIL
    (void)by_id;
    db.bulk_update(ctsql::update(users).set(users.email.to(ctsql::param<"email">)).where(users.email == ctsql::param<"email">),
                   emails);
#else
    (void)emails;
    db.bulk_update(ctsql::update(users).set(users.email.to(ctsql::param<"email">)).where(users.id == ctsql::param<"id">),
                   by_id);
#endif
}
