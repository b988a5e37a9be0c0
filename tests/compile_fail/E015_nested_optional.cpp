// E015 (nested optional): std::optional<std::optional<T>> has no SQL meaning.
// Mistake: users.age is std::optional<std::optional<int>>. Control: std::optional<int>.
#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
#ifdef CTSQL_COMPILE_FAIL
    struct age_c : ctsql::column<users_t, "age", std::optional<std::optional<int>>> {} age;
#else
    struct age_c : ctsql::column<users_t, "age", std::optional<int>> {} age;
#endif
};
inline constexpr users_t users{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(users));
