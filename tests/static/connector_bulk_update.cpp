// What bulk_update accepts (connector/bulk_update.hpp), and the exact SQL of its PostgreSQL path
// (CREATE TEMP TABLE + COPY, then UPDATE ... FROM + DROP) and of its SQLite path (the UPDATE
// itself, run once per row).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include <ctsql/connector/bulk_update.hpp>

#include "query_fixtures.hpp"

using namespace fx;
using ctsql::param;
using ctsql::update;
using ctsql::detail::is_bulk_update_statement;
using lite = ctsql::sqlite<>;
using pg = ctsql::postgresql<>;

template <class S>
using verdict_rule = ctsql::detail::rule_of<decltype(ctsql::detail::check_bulk_update_statement<S>())>;

// ---- accepted ----------------------------------------------------------------------------------

// One SET column, the primary key (either way round).
constexpr auto set_name = update(users).set(users.name.to(param<"name">)).where(users.id == param<"id">);
static_assert(is_bulk_update_statement<decltype(set_name)>);
static_assert(is_bulk_update_statement<decltype(update(users).set(users.name.to(param<"name">)).where(param<"id"> == users.id))>);
// Several SET columns, nullable ones included, keyed by a unique column.
constexpr auto by_email = update(users)
                              .set(users.name.to(param<"name">), users.age.to(param<"age">), users.score.to(param<"score">))
                              .where(users.email == param<"email">);
static_assert(is_bulk_update_statement<decltype(by_email)>);
// A composite primary key, in any order of its terms.
constexpr auto group_parent = update(qx::groups)
                                  .set(qx::groups.parent_code.to(param<"parent_code">))
                                  .where(qx::groups.code == param<"code"> && qx::groups.org == param<"org">);
static_assert(is_bulk_update_statement<decltype(group_parent)>);
// More terms than the key: still at most one row per element.
static_assert(is_bulk_update_statement<decltype(update(users).set(users.age.to(param<"age">)).where(
                  users.id == param<"id"> && users.name == param<"name">))>);

// ---- refused -----------------------------------------------------------------------------------

// E130: not an UPDATE, no WHERE, RETURNING.
static_assert(std::is_same_v<verdict_rule<decltype(ctsql::insert_into(users).columns(users.name))>,
                             ctsql::error::bulk_update_takes_keyed_update<decltype(ctsql::insert_into(users).columns(users.name))>>);
static_assert(!is_bulk_update_statement<decltype(update(users).set(users.name.to(param<"name">)))>);
static_assert(!is_bulk_update_statement<decltype(set_name.returning(users.id))>);
// E131: a SET value that is not the parameter named after its column.
using wrong_value = decltype(update(users).set(users.name.to(param<"new_name">)).where(users.id == param<"id">));
static_assert(std::is_same_v<verdict_rule<wrong_value>, ctsql::error::bulk_update_value_is_not_its_parameter<users_t, users_t::name_c>>);
static_assert(!is_bulk_update_statement<decltype(update(users).set(users.name.to(users.email)).where(users.id == param<"id">))>);
// E132: a WHERE term that is not `key == param<"key">`.
using range_term = decltype(update(users).set(users.name.to(param<"name">)).where(users.id > param<"id">));
static_assert(!is_bulk_update_statement<range_term>);
static_assert(!is_bulk_update_statement<decltype(update(users).set(users.name.to(param<"name">)).where(
                  users.id == param<"id"> || users.email == param<"email">))>);
static_assert(!is_bulk_update_statement<decltype(update(users).set(users.name.to(param<"name">)).where(users.id == param<"user">))>);
// E133: a key column also assigned.
using assigns_key = decltype(update(users).set(users.email.to(param<"email">)).where(users.email == param<"email">));
static_assert(std::is_same_v<verdict_rule<assigns_key>, ctsql::error::bulk_update_assigns_key_column<users_t, users_t::email_c>>);
// E134: keys that do not include a primary or unique key (a part of the composite key, a plain column).
static_assert(!is_bulk_update_statement<decltype(update(qx::groups).set(qx::groups.parent_code.to(param<"parent_code">)).where(
                  qx::groups.org == param<"org">))>);
static_assert(!is_bulk_update_statement<decltype(update(users).set(users.age.to(param<"age">)).where(users.name == param<"name">))>);

// ---- rows --------------------------------------------------------------------------------------

static_assert(ctsql::detail::bulk_update_verdict<decltype(set_name), pg, std::tuple<std::string, std::int64_t>>::ok);
static_assert(!ctsql::detail::bulk_update_verdict<decltype(set_name), pg, std::tuple<std::int64_t, std::string>>::ok);
static_assert(!ctsql::detail::bulk_update_verdict<decltype(set_name), pg, std::tuple<std::string>>::ok);

// ---- SQL ---------------------------------------------------------------------------------------

// SQLite runs the statement itself once per row.
static_assert(ctsql::sql<lite>(set_name) == R"(UPDATE "users" SET "name" = ?1 WHERE ("id" = ?2))");

// PostgreSQL: the temporary table (one column per parameter, real SQL types, then the row's
// position) and the COPY into it ...
constexpr std::string_view copy_one = ctsql::detail::bulk_update_copy_sql<pg, decltype(set_name)>();
static_assert(copy_one == R"(CREATE TEMP TABLE "ctsql_bulk_update" ("name" TEXT, "id" BIGINT, "ctsql_row" BIGINT); )"
                          R"(COPY pg_temp."ctsql_bulk_update" ("name", "id", "ctsql_row") FROM STDIN (FORMAT binary))");
// ... then ANALYZE (row counts for the planner) and, when no key occurs twice in the rows, a
// plain UPDATE ... FROM, and DROP ...
constexpr std::string_view apply_one = ctsql::detail::bulk_update_apply_sql<pg, decltype(set_name)>();
static_assert(apply_one == R"(ANALYZE pg_temp."ctsql_bulk_update"; UPDATE "users" SET "name" = "ctsql_input"."name" FROM pg_temp."ctsql_bulk_update" AS "ctsql_input" )"
                           R"(WHERE "users"."id" = "ctsql_input"."id"; DROP TABLE pg_temp."ctsql_bulk_update")");
// ... or, when one may, the last row of each key applied and the matched input rows counted.
constexpr std::string_view dedupe_one = ctsql::detail::bulk_update_dedupe_apply_sql<pg, decltype(set_name)>();
static_assert(dedupe_one ==
              R"(ANALYZE pg_temp."ctsql_bulk_update"; WITH "ctsql_last" AS (SELECT DISTINCT ON ("id") "name", "id", count(*) OVER (PARTITION BY "id") AS "ctsql_rows" )"
              R"(FROM pg_temp."ctsql_bulk_update" ORDER BY "id", "ctsql_row" DESC), )"
              R"("ctsql_updated" AS (UPDATE "users" SET "name" = "ctsql_last"."name" FROM "ctsql_last" )"
              R"(WHERE "users"."id" = "ctsql_last"."id" RETURNING "ctsql_last"."ctsql_rows") )"
              R"(SELECT CAST(coalesce(sum("ctsql_rows"), 0) AS BIGINT) FROM "ctsql_updated"; )"
              R"(DROP TABLE pg_temp."ctsql_bulk_update")");
// Whether the keys' bytes decide their equality (a float key always takes the second form).
static_assert(ctsql::detail::keys_equal_by_bytes<decltype(set_name)::parameters, 1>);
static_assert(!ctsql::detail::keys_equal_by_bytes<ctsql::type_list<ctsql::parameter<"a", std::string>, ctsql::parameter<"f", double>>, 1>);
static_assert(ctsql::detail::keys_equal_by_bytes<ctsql::type_list<ctsql::parameter<"f", std::optional<float>>, ctsql::parameter<"k", std::int32_t>>, 1>);

// Several SET columns with nullable types; a composite key; unsigned and small integer types.
static_assert(std::string_view(ctsql::detail::bulk_update_copy_sql<pg, decltype(by_email)>()) ==
              R"(CREATE TEMP TABLE "ctsql_bulk_update" ("name" TEXT, "age" INTEGER, "score" DOUBLE PRECISION, "email" TEXT, )"
              R"("ctsql_row" BIGINT); COPY pg_temp."ctsql_bulk_update" ("name", "age", "score", "email", "ctsql_row") )"
              R"(FROM STDIN (FORMAT binary))");
static_assert(std::string_view(ctsql::detail::bulk_update_apply_sql<pg, decltype(group_parent)>()) ==
              R"(ANALYZE pg_temp."ctsql_bulk_update"; UPDATE "groups" SET "parent_code" = "ctsql_input"."parent_code" FROM pg_temp."ctsql_bulk_update" AS "ctsql_input" )"
              R"(WHERE "groups"."code" = "ctsql_input"."code" AND "groups"."org" = "ctsql_input"."org"; )"
              R"(DROP TABLE pg_temp."ctsql_bulk_update")");
static_assert(std::string_view(ctsql::detail::bulk_update_dedupe_apply_sql<pg, decltype(group_parent)>()) ==
              R"(ANALYZE pg_temp."ctsql_bulk_update"; WITH "ctsql_last" AS (SELECT DISTINCT ON ("code", "org") "parent_code", "code", "org", )"
              R"(count(*) OVER (PARTITION BY "code", "org") AS "ctsql_rows" )"
              R"(FROM pg_temp."ctsql_bulk_update" ORDER BY "code", "org", "ctsql_row" DESC), )"
              R"("ctsql_updated" AS (UPDATE "groups" SET "parent_code" = "ctsql_last"."parent_code" FROM "ctsql_last" )"
              R"(WHERE "groups"."code" = "ctsql_last"."code" AND "groups"."org" = "ctsql_last"."org" )"
              R"(RETURNING "ctsql_last"."ctsql_rows") )"
              R"(SELECT CAST(coalesce(sum("ctsql_rows"), 0) AS BIGINT) FROM "ctsql_updated"; )"
              R"(DROP TABLE pg_temp."ctsql_bulk_update")");
