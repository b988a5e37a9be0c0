// E101: two different CTEs with one name read by the members of a UNION (the members' CTEs are
// hoisted into one WITH before the whole compound, which keeps one body per name).
// Mistake: each member reads its own CTE "picked". Control: "low" and "high".
#include <cstdint>
#include <string>

#include <ctsql/ctsql.hpp>

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
inline constexpr users_t users{};

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto high = ctsql::cte<"picked">(ctsql::select(users.id).from(users).where(users.id > ctsql::lit<10>));
inline constexpr auto low = ctsql::cte<"picked">(ctsql::select(users.id).from(users).where(users.id < ctsql::lit<5>));
#else
inline constexpr auto high = ctsql::cte<"high">(ctsql::select(users.id).from(users).where(users.id > ctsql::lit<10>));
inline constexpr auto low = ctsql::cte<"low">(ctsql::select(users.id).from(users).where(users.id < ctsql::lit<5>));
#endif

inline constexpr auto extremes = ctsql::union_(ctsql::select(high.c<"id">).from(high), ctsql::select(low.c<"id">).from(low));
inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(extremes);
