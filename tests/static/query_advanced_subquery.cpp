// Subqueries as expressions: EXISTS / NOT EXISTS, x IN (SELECT ...) / NOT IN, scalar subqueries
// in SELECT items and WHERE; correlated ones (reading the outer statement's columns, also through
// a table alias); nested ones; inner ORDER BY / LIMIT / GROUP BY / HAVING. Exact text for SQLite
// and PostgreSQL, parameters numbered in text order across the outer and inner statements (a
// name used in both binds once), result types (EXISTS is a NOT NULL bool, IN and a scalar
// subquery can be NULL).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::as;
using ctsql::count;
using ctsql::desc;
using ctsql::exists;
using ctsql::field;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::scalar;
using ctsql::select;
using ctsql::sql;
using ctsql::type_list;

template <class S>
using row_of = ctsql::result_row_t<S>;
template <class S>
using params_of = ctsql::parameters_t<S>;
template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;

// ---- EXISTS, NOT EXISTS (correlated) ---------------------------------------------------------------

constexpr auto posts_of_user = select(posts.id).from(posts).where(posts.author_id == users.id);
constexpr auto q_exists = select(users.name).from(users).where(exists(posts_of_user));
static_assert(sql<lite>(q_exists) ==
              R"(SELECT "users"."name" FROM "users" WHERE (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id"))))");
static_assert(sql<pg>(q_exists) == sql<lite>(q_exists));

constexpr auto q_not_exists = select(users.name).from(users).where(!exists(posts_of_user));
static_assert(sql<lite>(q_not_exists) ==
              R"(SELECT "users"."name" FROM "users" WHERE (NOT (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id")))))");
static_assert(sql<pg>(q_not_exists) == sql<lite>(q_not_exists));

// EXISTS as an item: a NOT NULL bool; combined with other conditions.
constexpr auto q_exists_item = select(users.name, as<"has_posts">(exists(posts_of_user)))
                                   .from(users)
                                   .where(users.age > param<"min_age"> && exists(select(lit<1>).from(posts).where(posts.author_id == users.id && posts.published)));
static_assert(sql<lite>(q_exists_item) ==
              R"(SELECT "users"."name", (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id"))) AS "has_posts" )"
              R"(FROM "users" WHERE (("users"."age" > ?1) AND (EXISTS (SELECT 1 FROM "posts" )"
              R"(WHERE (("posts"."author_id" = "users"."id") AND "posts"."published")))))");
static_assert(sql<pg>(q_exists_item) ==
              R"(SELECT "users"."name", (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id"))) AS "has_posts" )"
              R"(FROM "users" WHERE (("users"."age" > $1) AND (EXISTS (SELECT 1 FROM "posts" )"
              R"(WHERE (("posts"."author_id" = "users"."id") AND "posts"."published")))))");
static_assert(same<row_of<decltype(q_exists_item)>, ctsql::row<field<"name", std::string>, field<"has_posts", bool>>>);

// ---- IN (SELECT ...), NOT IN -----------------------------------------------------------------------

// Member and free forms; a parameter inside is typed by the inner column.
constexpr auto authors_with = select(posts.author_id).from(posts).where(posts.title == param<"title">);
constexpr auto q_in = select(users.name).from(users).where(users.id.in(authors_with) && !ctsql::in(users.id, select(posts.id).from(posts)));
static_assert(sql<lite>(q_in) ==
              R"(SELECT "users"."name" FROM "users" WHERE (("users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE ("posts"."title" = ?1))) )"
              R"(AND (NOT ("users"."id" IN (SELECT "posts"."id" FROM "posts")))))");
static_assert(sql<pg>(q_in) ==
              R"(SELECT "users"."name" FROM "users" WHERE (("users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE ("posts"."title" = $1))) )"
              R"(AND (NOT ("users"."id" IN (SELECT "posts"."id" FROM "posts")))))");
static_assert(same<params_of<decltype(q_in)>, type_list<parameter<"title", std::string>>>);

// Comparable types are enough: int32 IN (SELECT int64), an expression on the left.
constexpr auto q_in_expr = select(users.id).from(users).where(ctsql::in(users.age + lit<1>, select(posts.id).from(posts)));
static_assert(sql<lite>(q_in_expr) ==
              R"(SELECT "users"."id" FROM "users" WHERE (("users"."age" + 1) IN (SELECT "posts"."id" FROM "posts")))");

// IN with an inner GROUP BY / HAVING (its aggregates are its own).
constexpr auto q_in_grouped = select(users.name).from(users).where(
    users.id.in(select(posts.author_id).from(posts).group_by(posts.author_id).having(count() >= param<"min_posts">)));
static_assert(sql<lite>(q_in_grouped) ==
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."id" IN (SELECT "posts"."author_id" FROM "posts" )"
              R"(GROUP BY "posts"."author_id" HAVING (COUNT(*) >= ?1))))");
static_assert(same<params_of<decltype(q_in_grouped)>, type_list<parameter<"min_posts", std::int64_t>>>);

// x IN (SELECT ...) can be NULL (x NULL, or no match and a NULL in the list): optional as an item.
constexpr auto q_in_item = select(as<"wrote">(users.id.in(select(posts.author_id).from(posts)))).from(users);
static_assert(same<row_of<decltype(q_in_item)>, ctsql::row<field<"wrote", std::optional<bool>>>>);

// ---- Scalar subqueries -----------------------------------------------------------------------------

// In the items, correlated, with its own ORDER BY and LIMIT: optional even for a NOT NULL column
// (no row gives NULL). Aggregates in it are its own: the outer query is not aggregated.
constexpr auto latest_title = scalar(select(posts.title).from(posts).where(posts.author_id == users.id).order_by(desc(posts.created_at)).limit(lit<1>));
constexpr auto post_count = scalar(select(count()).from(posts).where(posts.author_id == users.id));
constexpr auto q_scalar = select(users.name, as<"latest">(latest_title), as<"posts">(post_count)).from(users);
static_assert(sql<lite>(q_scalar) ==
              R"(SELECT "users"."name", (SELECT "posts"."title" FROM "posts" WHERE ("posts"."author_id" = "users"."id") )"
              R"(ORDER BY "posts"."created_at" DESC LIMIT 1) AS "latest", )"
              R"((SELECT COUNT(*) FROM "posts" WHERE ("posts"."author_id" = "users"."id")) AS "posts" FROM "users")");
static_assert(sql<pg>(q_scalar) == sql<lite>(q_scalar));
static_assert(same<row_of<decltype(q_scalar)>, ctsql::row<field<"name", std::string>, field<"latest", std::optional<std::string>>,
                                                        field<"posts", std::optional<std::int64_t>>>>);

// In WHERE, uncorrelated, over the same table; the inner item's alias stays inside.
constexpr auto q_scalar_where = select(users.name).from(users).where(users.score > scalar(select(as<"mean">(ctsql::avg(users.score))).from(users)));
static_assert(sql<lite>(q_scalar_where) ==
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."score" > (SELECT AVG("users"."score") AS "mean" FROM "users")))");
static_assert(sql<pg>(q_scalar_where) == sql<lite>(q_scalar_where));

// A scalar subquery inside an expression; its value type is the inner item's.
constexpr auto q_scalar_expr = select(as<"share">(cast<double>(users.id) / scalar(select(ctsql::sum(posts.id)).from(posts)))).from(users);
static_assert(sql<lite>(q_scalar_expr) ==
              R"(SELECT (CAST("users"."id" AS REAL) / (SELECT SUM("posts"."id") FROM "posts")) AS "share" FROM "users")");
static_assert(sql<pg>(q_scalar_expr) ==
              R"(SELECT (CAST("users"."id" AS DOUBLE PRECISION) / (SELECT SUM("posts"."id") FROM "posts")) AS "share" FROM "users")");
static_assert(same<row_of<decltype(q_scalar_expr)>, ctsql::row<field<"share", std::optional<double>>>>);

// Correlated through a table alias: the boss's name, the number of direct reports.
constexpr auto boss = ctsql::alias<"boss">(employees);
constexpr auto q_alias = select(employees.name,
                                as<"boss_name">(scalar(select(boss[employees.name]).from(boss).where(boss[employees.id] == employees.boss_id))),
                                as<"reports">(scalar(select(count()).from(boss).where(boss[employees.boss_id] == employees.id))))
                             .from(employees);
static_assert(sql<lite>(q_alias) ==
              R"(SELECT "employees"."name", (SELECT "boss"."name" FROM "employees" AS "boss" WHERE ("boss"."id" = "employees"."boss_id")) AS "boss_name", )"
              R"((SELECT COUNT(*) FROM "employees" AS "boss" WHERE ("boss"."boss_id" = "employees"."id")) AS "reports" FROM "employees")");
static_assert(sql<pg>(q_alias) == sql<lite>(q_alias));

// A correlated scalar subquery in a grouped query reads a grouped column.
constexpr auto q_grouped = select(posts.author_id, as<"n">(count()),
                                  as<"author">(scalar(select(users.name).from(users).where(users.id == posts.author_id))))
                               .from(posts)
                               .group_by(posts.author_id);
static_assert(sql<lite>(q_grouped) ==
              R"(SELECT "posts"."author_id", COUNT(*) AS "n", (SELECT "users"."name" FROM "users" WHERE ("users"."id" = "posts"."author_id")) AS "author" )"
              R"(FROM "posts" GROUP BY "posts"."author_id")");

// ---- Nesting ---------------------------------------------------------------------------------------

// EXISTS around a subquery holding IN (SELECT ...) that reads the outermost table.
constexpr auto q_nested = select(users.name).from(users).where(exists(
    select(posts.id).from(posts).where(posts.author_id == users.id &&
                                       posts.id.in(select(memberships.user_id).from(memberships).where(memberships.user_id == users.id)))));
static_assert(sql<lite>(q_nested) ==
              R"(SELECT "users"."name" FROM "users" WHERE (EXISTS (SELECT "posts"."id" FROM "posts" WHERE (("posts"."author_id" = "users"."id") )"
              R"(AND ("posts"."id" IN (SELECT "memberships"."user_id" FROM "memberships" WHERE ("memberships"."user_id" = "users"."id")))))))");
static_assert(sql<pg>(q_nested) == sql<lite>(q_nested));

// ---- Parameters across outer and inner statements, in text order -----------------------------------

// items (scalar with a parameter) -> WHERE (outer, EXISTS inner, IN inner reusing a name) -> LIMIT
constexpr auto q_params = select(users.name, as<"recent">(scalar(select(count()).from(posts).where(posts.author_id == users.id &&
                                                                                                    posts.created_at > param<"since">))))
                              .from(users)
                              .where(users.age >= param<"min_age"> &&
                                     exists(select(posts.id).from(posts).where(posts.author_id == users.id && posts.title.like(param<"pattern">))) &&
                                     users.id.in(select(posts.author_id).from(posts).where(posts.created_at > param<"since">).limit(param<"top">)))
                              .limit(param<"n">);
static_assert(sql<lite>(q_params) ==
              R"(SELECT "users"."name", (SELECT COUNT(*) FROM "posts" WHERE (("posts"."author_id" = "users"."id") AND ("posts"."created_at" > ?1))) AS "recent" )"
              R"(FROM "users" WHERE ((("users"."age" >= ?2) AND (EXISTS (SELECT "posts"."id" FROM "posts" WHERE (("posts"."author_id" = "users"."id") )"
              R"(AND ("posts"."title" LIKE ?3))))) AND ("users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE ("posts"."created_at" > ?1) LIMIT ?4))) )"
              R"(LIMIT ?5)");
static_assert(sql<pg>(q_params) ==
              R"(SELECT "users"."name", (SELECT COUNT(*) FROM "posts" WHERE (("posts"."author_id" = "users"."id") AND ("posts"."created_at" > $1))) AS "recent" )"
              R"(FROM "users" WHERE ((("users"."age" >= $2) AND (EXISTS (SELECT "posts"."id" FROM "posts" WHERE (("posts"."author_id" = "users"."id") )"
              R"(AND ("posts"."title" LIKE $3))))) AND ("users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE ("posts"."created_at" > $1) LIMIT $4))) )"
              R"(LIMIT $5)");
static_assert(same<params_of<decltype(q_params)>,
                   type_list<parameter<"since", ctsql::timestamp>, parameter<"min_age", std::int32_t>, parameter<"pattern", std::string>,
                             parameter<"top", std::int64_t>, parameter<"n", std::int64_t>>>);
static_assert(ctsql::parameter_count_v<decltype(q_params)> == 5);
static_assert(ctsql::parameter_names_v<decltype(q_params)>[3] == "top");
static_assert(same<row_of<decltype(q_params)>, ctsql::row<field<"name", std::string>, field<"recent", std::optional<std::int64_t>>>>);

// ---- Subqueries in INSERT ... SELECT, UPDATE and DELETE (uncorrelated) ----------------------------

// UPDATE/DELETE write their own table's columns unqualified; an uncorrelated subquery's columns
// then resolve inside the subquery, so the statement means what the C++ says.
constexpr auto q_delete = ctsql::delete_from(users).where(users.id.in(select(posts.author_id).from(posts).where(posts.published)));
static_assert(sql<lite>(q_delete) ==
              R"(DELETE FROM "users" WHERE ("id" IN (SELECT "posts"."author_id" FROM "posts" WHERE "posts"."published")))");
constexpr auto q_update = ctsql::update(users).set(users.score.to(scalar(select(ctsql::avg(users.score)).from(users)))).where(users.id == param<"id">);
static_assert(sql<pg>(q_update) == R"(UPDATE "users" SET "score" = (SELECT AVG("users"."score") FROM "users") WHERE ("id" = $1))");

constexpr auto q_delete_correlated = ctsql::delete_from(users).where(exists(select(posts.id).from(posts).where(posts.author_id == users.id)));
static_assert(sql<lite>(q_delete_correlated) ==
              R"(DELETE FROM "users" WHERE (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id"))))");
constexpr auto q_update_correlated = ctsql::update(users).set(users.age.to(scalar(select(count()).from(posts).where(posts.author_id == users.id))));
static_assert(sql<pg>(q_update_correlated) ==
              R"(UPDATE "users" SET "age" = (SELECT COUNT(*) FROM "posts" WHERE ("posts"."author_id" = "users"."id")))");
