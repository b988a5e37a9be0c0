// E042: a C++ run-time value cannot be part of a statement (values are bound parameters).
// Mistake: users.id == id with a function argument. Control: users.id == param<"id">, id bound at execution.
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
constexpr auto find_user(std::int64_t id) {
    return ctsql::select(users.name).from(users).where(users.id == id);
}
#else
constexpr auto find_user(std::int64_t) {
    return ctsql::select(users.name).from(users).where(users.id == param<"id">);
}
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(find_user(1));
