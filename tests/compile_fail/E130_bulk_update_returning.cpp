// E130 (bulk update): bulk_update takes update(table).set(...).where(...) without RETURNING.
// Mistake: an UPDATE with RETURNING (the rows are applied by one UPDATE ... FROM, which returns
// nothing per input row). Control: the same UPDATE without RETURNING.
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
constexpr users_t users;

constexpr auto rename_user =
    ctsql::update(users).set(users.name.to(ctsql::param<"name">)).where(users.id == ctsql::param<"id">);

void run(ctsql::postgresql_connection& db, const std::vector<std::tuple<std::string, std::int64_t>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_update(rename_user.returning(users.id), rows);
#else
    db.bulk_update(rename_user, rows);
#endif
}
