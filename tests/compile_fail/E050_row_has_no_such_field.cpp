// E050: the result row has no field with this name.
// Mistake: row.get<"mail">() on a row of "id", "email". Control: row.get<"email">().
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

using ctsql::lit;
using ctsql::param;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
inline constexpr users_t users{};

#ifdef CTSQL_COMPILE_FAIL
inline std::string email_of(const ctsql::result_row_t<decltype(ctsql::select(users.id, users.email).from(users))>& row) {
    return row.get<"mail">();
}
#else
inline std::string email_of(const ctsql::result_row_t<decltype(ctsql::select(users.id, users.email).from(users))>& row) {
    return row.get<"email">();
}
#endif
