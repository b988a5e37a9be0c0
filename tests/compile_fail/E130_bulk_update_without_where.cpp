// E130 (bulk update): bulk_update takes update(table).set(...).where(...).
// Mistake: an UPDATE without WHERE (nothing says which row each element updates). Control: the
// UPDATE keyed by the primary key.
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

void run(ctsql::sqlite_connection& db, const std::vector<std::tuple<std::string, std::int64_t>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_update(ctsql::update(users).set(users.name.to(ctsql::param<"name">)), rows);
#else
    db.bulk_update(ctsql::update(users).set(users.name.to(ctsql::param<"name">)).where(users.id == ctsql::param<"id">),
                   rows);
#endif
}
