// The README's opening example, compiled: keep the two in sync.
#include <ctsql/ctsql.hpp>
struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c    : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c  : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c   : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
inline constexpr users_t users{};
constexpr auto create = ctsql::create_table(users);
constexpr auto adults = ctsql::select(users.id, users.name)
                            .from(users)
                            .where(users.age >= ctsql::param<"min_age">)
                            .order_by(users.name.asc());
static_assert(ctsql::sql<ctsql::postgresql<>>(adults) ==
    R"(SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."age" >= $1) ORDER BY "users"."name" ASC)");
static_assert(ctsql::sql<ctsql::sqlite<>>(create) ==
    R"(CREATE TABLE "users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, )"
    R"("email" TEXT NOT NULL UNIQUE, "age" INTEGER))");
using adult_row = ctsql::result_row_t<decltype(adults)>;
static_assert(std::is_same_v<adult_row, ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>>>);
static_assert(std::is_same_v<ctsql::parameters_t<decltype(adults)>, ctsql::type_list<ctsql::parameter<"min_age", std::int32_t>>>);
