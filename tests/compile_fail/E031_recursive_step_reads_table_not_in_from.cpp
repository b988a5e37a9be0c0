// E031: the recursive part of a recursive CTE reads a table it does not have in FROM or JOIN
// (checked at .union_all(step), like any statement's columns). Mistake: users.name in a step
// over employees and the CTE. Control: the step reads the employee's own name.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

using ctsql::as;
using ctsql::lit;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
inline constexpr users_t users{};

struct employees_t {
    static constexpr ctsql::fixed_string sql_name = "employees";
    struct id_c : ctsql::column<employees_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<employees_t, "name", std::string> {} name;
    struct boss_id_c : ctsql::column<employees_t, "boss_id", std::optional<std::int64_t>, ctsql::references<id_c>> {} boss_id;
};
inline constexpr employees_t employees{};

inline constexpr auto chain =
    ctsql::recursive_cte<"chain">(ctsql::select(employees.id, employees.name, as<"depth">(lit<0>)).from(employees).where(employees.boss_id.is_null()));

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto org = chain.union_all(
    ctsql::select(employees.id, users.name, as<"depth">(chain.c<"depth"> + lit<1>)).from(employees).join(chain).on(employees.boss_id == chain.c<"id">));
#else
inline constexpr auto org = chain.union_all(
    ctsql::select(employees.id, employees.name, as<"depth">(chain.c<"depth"> + lit<1>)).from(employees).join(chain).on(employees.boss_id == chain.c<"id">));
#endif

inline constexpr auto query = ctsql::select(org.c<"id">, org.c<"name">, org.c<"depth">).from(org);
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
