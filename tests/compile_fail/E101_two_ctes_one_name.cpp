// E101: two different CTEs with one name in a statement (the WITH clause keeps one body per
// name, so both references would read the first one's rows).
// Mistake: both CTEs are called "picked". Control: "low" and "high"; and the same CTE joined
// with itself, which is one CTE.
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
inline constexpr auto self_join = ctsql::select(high.c<"id">).from(high).where(ctsql::exists(ctsql::select(high.c<"id">).from(high)));
static_assert(ctsql::sql<ctsql::sqlite<>>(self_join) ==
              std::string_view(R"(WITH "high" AS (SELECT "users"."id" FROM "users" WHERE ("users"."id" > 10)) )"
                               R"(SELECT "high"."id" FROM "high" WHERE (EXISTS (WITH "high" AS (SELECT "users"."id" FROM "users" WHERE ("users"."id" > 10)) SELECT "high"."id" FROM "high")))"));
#endif

inline constexpr auto query = ctsql::select(users.name).from(users).join(high).on(high.c<"id"> == users.id).join(low).on(low.c<"id"> == users.id);
inline constexpr auto text = ctsql::sql<ctsql::postgresql<>>(query);
