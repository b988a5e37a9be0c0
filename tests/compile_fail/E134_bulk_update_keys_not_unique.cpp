// E134 (bulk update): the WHERE's keys must include the primary key or a unique key.
// Mistake: keyed by users.name, which is not unique (one element could update many rows).
// Control: keyed by the unique users.email.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
constexpr users_t users;

void run(ctsql::sqlite_connection& db, const std::vector<std::tuple<std::optional<std::int32_t>, std::string>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_update(ctsql::update(users).set(users.age.to(ctsql::param<"age">)).where(users.name == ctsql::param<"name">),
                   rows);
#else
    db.bulk_update(ctsql::update(users).set(users.age.to(ctsql::param<"age">)).where(users.email == ctsql::param<"email">),
                   rows);
#endif
}
