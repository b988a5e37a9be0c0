// Exact UPDATE and DELETE text for SQLite and PostgreSQL: SET (member .to() and ctsql::set),
// WHERE, RETURNING; columns unqualified (one table in scope); parameters in text order.
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::delete_from;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::parameters_t;
using ctsql::result_row_t;
using ctsql::sql;
using ctsql::type_list;
using ctsql::update;

// ---- UPDATE -----------------------------------------------------------------------------------

constexpr auto u_one = update(users).set(users.name.to(param<"name">)).where(users.id == param<"id">);
static_assert(sql<lite>(u_one) == R"(UPDATE "users" SET "name" = ?1 WHERE ("id" = ?2))");
static_assert(sql<pg>(u_one) == R"(UPDATE "users" SET "name" = $1 WHERE ("id" = $2))");
static_assert(std::is_same_v<parameters_t<decltype(u_one)>,
                             type_list<parameter<"name", std::string>, parameter<"id", std::int64_t>>>);
static_assert(std::is_void_v<result_row_t<decltype(u_one)>>);

// Several columns, NULL, literals and expressions over the old values; ctsql::set(column, value).
constexpr auto u_many = update(users)
                            .set(users.age.to(users.age + lit<1>), ctsql::set(users.score, ctsql::null),
                                 users.email.to(ctsql::lower(users.email)), users.name.to(lit<"it's">))
                            .where(users.age.is_not_null() && users.name.like(param<"pattern">));
static_assert(sql<lite>(u_many) == R"(UPDATE "users" SET "age" = ("age" + 1), "score" = NULL, "email" = LOWER("email"), )"
                                    R"("name" = 'it''s' WHERE (("age" IS NOT NULL) AND ("name" LIKE ?1)))");
static_assert(sql<pg>(u_many) == R"(UPDATE "users" SET "age" = ("age" + 1), "score" = NULL, "email" = LOWER("email"), )"
                                  R"("name" = 'it''s' WHERE (("age" IS NOT NULL) AND ("name" LIKE $1)))");
static_assert(std::is_same_v<parameters_t<decltype(u_many)>, type_list<parameter<"pattern", std::string>>>);

// Without WHERE: every row.
constexpr auto u_all = update(posts).set(posts.published.to(lit<false>));
static_assert(sql<lite>(u_all) == R"(UPDATE "posts" SET "published" = 0)");
static_assert(sql<pg>(u_all) == R"(UPDATE "posts" SET "published" = FALSE)");

// A nullable column's parameter accepts NULL; a name used in SET and WHERE binds once.
constexpr auto u_nullable = update(users).set(users.age.to(param<"age">), users.score.to(param<"score">)).where(users.id == param<"id">);
static_assert(sql<lite>(u_nullable) == R"(UPDATE "users" SET "age" = ?1, "score" = ?2 WHERE ("id" = ?3))");
static_assert(sql<pg>(u_nullable) == R"(UPDATE "users" SET "age" = $1, "score" = $2 WHERE ("id" = $3))");
static_assert(std::is_same_v<parameters_t<decltype(u_nullable)>,
                             type_list<parameter<"age", std::optional<std::int32_t>>, parameter<"score", std::optional<double>>,
                                       parameter<"id", std::int64_t>>>);
constexpr auto u_reuse = update(users).set(users.name.to(param<"name">)).where(users.name != param<"name"> || users.email == param<"name">);
static_assert(sql<lite>(u_reuse) == R"(UPDATE "users" SET "name" = ?1 WHERE (("name" <> ?1) OR ("email" = ?1)))");
static_assert(sql<pg>(u_reuse) == R"(UPDATE "users" SET "name" = $1 WHERE (("name" <> $1) OR ("email" = $1)))");
static_assert(ctsql::parameter_count_v<decltype(u_reuse)> == 1);
// A name used in a nullable column's SET and in a comparison binds once, as std::optional.
constexpr auto u_nullable_reuse = update(users).set(users.age.to(param<"age">)).where(users.age != param<"age">);
static_assert(sql<lite>(u_nullable_reuse) == R"(UPDATE "users" SET "age" = ?1 WHERE ("age" <> ?1))");
static_assert(std::is_same_v<parameters_t<decltype(u_nullable_reuse)>, type_list<parameter<"age", std::optional<std::int32_t>>>>);

// Every column type through its parameter.
constexpr auto u_types = update(types).set(types.i8.to(param<"i8">), types.u64.to(param<"u64">), types.b.to(param<"b">),
                                           types.f.to(param<"f">), types.blob.to(param<"blob">), types.ts.to(param<"ts">),
                                           types.opt.to(param<"opt">));
static_assert(sql<lite>(u_types) == R"(UPDATE "types" SET "i8" = ?1, "u64" = ?2, "b" = ?3, "f" = ?4, "blob" = ?5, "ts" = ?6, "opt" = ?7)");
static_assert(sql<pg>(u_types) == R"(UPDATE "types" SET "i8" = $1, "u64" = $2, "b" = $3, "f" = $4, "blob" = $5, "ts" = $6, "opt" = $7)");
static_assert(std::is_same_v<parameters_t<decltype(u_types)>,
                             type_list<parameter<"i8", std::int8_t>, parameter<"u64", std::uint64_t>, parameter<"b", bool>,
                                       parameter<"f", float>, parameter<"blob", ctsql::blob>,
                                       parameter<"ts", ctsql::timestamp>, parameter<"opt", std::optional<std::string>>>>);

// An integer value into a real column; a narrower integer into a wider one.
constexpr auto u_widen = update(types).set(types.d.to(types.i32), types.i64.to(types.u8 * lit<2>));
static_assert(sql<pg>(u_widen) == R"(UPDATE "types" SET "d" = "i32", "i64" = ("u8" * 2))");

// Quoted names.
constexpr auto u_quoted = update(quoted).set(quoted.quote.to(lit<"\"">)).where(quoted.select == param<"s">);
static_assert(sql<lite>(u_quoted) == R"(UPDATE "order" SET "say ""hi""" = '"' WHERE ("select" = ?1))");
static_assert(sql<pg>(u_quoted) == R"(UPDATE "order" SET "say ""hi""" = '"' WHERE ("select" = $1))");

// RETURNING: unqualified, after WHERE; the row holds the new values.
constexpr auto u_returning = update(users).set(users.age.to(users.age + param<"years">)).where(users.id == param<"id">)
                                 .returning(users.id, users.age, ctsql::as<"next">(users.age + lit<1>));
static_assert(sql<lite>(u_returning) ==
              R"(UPDATE "users" SET "age" = ("age" + ?1) WHERE ("id" = ?2) RETURNING "id", "age", ("age" + 1) AS "next")");
static_assert(sql<pg>(u_returning) ==
              R"(UPDATE "users" SET "age" = ("age" + $1) WHERE ("id" = $2) RETURNING "id", "age", ("age" + 1) AS "next")");
static_assert(std::is_same_v<parameters_t<decltype(u_returning)>,
                             type_list<parameter<"years", std::int32_t>, parameter<"id", std::int64_t>>>);
static_assert(std::is_same_v<result_row_t<decltype(u_returning)>,
                             ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"age", std::optional<std::int32_t>>,
                                        ctsql::field<"next", std::optional<std::int64_t>>>>);
static_assert(sql<ctsql::sqlite<3'035'000>>(u_returning) == sql<lite>(u_returning));

// RETURNING without WHERE.
constexpr auto u_returning_all = update(posts).set(posts.published.to(lit<true>)).returning(posts.id);
static_assert(sql<lite>(u_returning_all) == R"(UPDATE "posts" SET "published" = 1 RETURNING "id")");
static_assert(sql<pg>(u_returning_all) == R"(UPDATE "posts" SET "published" = TRUE RETURNING "id")");

// ---- DELETE -----------------------------------------------------------------------------------

constexpr auto d_all = delete_from(users);
static_assert(sql<lite>(d_all) == R"(DELETE FROM "users")");
static_assert(sql<pg>(d_all) == R"(DELETE FROM "users")");
static_assert(ctsql::parameter_count_v<decltype(d_all)> == 0);
static_assert(std::is_void_v<result_row_t<decltype(d_all)>>);

constexpr auto d_where = delete_from(posts).where(posts.author_id == param<"author"> && posts.created_at < param<"before">);
static_assert(sql<lite>(d_where) == R"(DELETE FROM "posts" WHERE (("author_id" = ?1) AND ("created_at" < ?2)))");
static_assert(sql<pg>(d_where) == R"(DELETE FROM "posts" WHERE (("author_id" = $1) AND ("created_at" < $2)))");
static_assert(std::is_same_v<parameters_t<decltype(d_where)>,
                             type_list<parameter<"author", std::int64_t>, parameter<"before", ctsql::timestamp>>>);

constexpr auto d_in = delete_from(users).where(users.id.in(param<"a">, param<"b">, lit<0>));
static_assert(sql<lite>(d_in) == R"(DELETE FROM "users" WHERE ("id" IN (?1, ?2, 0)))");
static_assert(sql<pg>(d_in) == R"(DELETE FROM "users" WHERE ("id" IN ($1, $2, 0)))");

constexpr auto d_returning = delete_from(users).where(users.id == param<"id">).returning(users.name, users.score);
static_assert(sql<lite>(d_returning) == R"(DELETE FROM "users" WHERE ("id" = ?1) RETURNING "name", "score")");
static_assert(sql<pg>(d_returning) == R"(DELETE FROM "users" WHERE ("id" = $1) RETURNING "name", "score")");
static_assert(std::is_same_v<result_row_t<decltype(d_returning)>,
                             ctsql::row<ctsql::field<"name", std::string>, ctsql::field<"score", std::optional<double>>>>);

constexpr auto d_returning_all = delete_from(events).returning(events.id);
static_assert(sql<lite>(d_returning_all) == R"(DELETE FROM "events" RETURNING "id")");
static_assert(sql<pg>(d_returning_all) == R"(DELETE FROM "events" RETURNING "id")");

constexpr auto d_quoted = delete_from(quoted).where(quoted.quote == lit<"it's">);
static_assert(sql<lite>(d_quoted) == R"(DELETE FROM "order" WHERE ("say ""hi""" = 'it''s'))");
static_assert(sql<pg>(d_quoted) == R"(DELETE FROM "order" WHERE ("say ""hi""" = 'it''s'))");

// ---- One constant per statement -----------------------------------------------------------------

static_assert(sql<pg>(u_one).data() == sql<pg>(update(users).set(ctsql::set(users.name, param<"name">)).where(users.id == param<"id">)).data());
static_assert(sql<lite>(d_where).data() == sql<lite>(std::remove_cvref_t<decltype(d_where)>{}).data());
constinit const char* delete_text = ctsql::c_str<lite>(d_returning);
