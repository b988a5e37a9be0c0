// E072 (bulk insert): bulk_insert takes insert_into(table).columns(...) and nothing else.
// Mistake: an UPDATE (use execute_many for it). Control: execute_many with the UPDATE.
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
constexpr users_t users;

constexpr auto rename_user =
    ctsql::update(users).set(users.name.to(ctsql::param<"name">)).where(users.id == ctsql::param<"id">);

void run(ctsql::sqlite_connection& db, const std::vector<std::tuple<std::string, std::int64_t>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_insert(rename_user, rows);
#else
    db.execute_many(rename_user, rows);
#endif
}
