// E072 (bulk insert): bulk_insert takes insert_into(table).columns(...) and nothing else.
// Mistake: an upsert (ON CONFLICT cannot be loaded with COPY). Control: the plain column list.
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

void run(ctsql::postgresql_connection& db, const std::vector<std::tuple<std::int64_t, std::string>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_insert(ctsql::insert_into(users).columns(users.id, users.name).on_conflict(users.id).do_nothing(), rows);
#else
    db.bulk_insert(ctsql::insert_into(users).columns(users.id, users.name), rows);
#endif
}
