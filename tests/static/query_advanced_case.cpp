// CASE WHEN ... THEN ... [ELSE ...] END: exact text for SQLite and PostgreSQL (several WHENs,
// with and without ELSE, in items, WHERE, ORDER BY, inside an aggregate); its value type (the
// branches' common type, numbers widened) and nullability (optional when a branch can be NULL or
// there is no ELSE); parameters typed from the first typed branch and numbered in text order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::as;
using ctsql::case_when;
using ctsql::field;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::select;
using ctsql::sql;
using ctsql::type_list;

template <class S>
using row_of = ctsql::result_row_t<S>;
template <class S>
using params_of = ctsql::parameters_t<S>;
template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;

// ---- Several WHENs, ELSE ------------------------------------------------------------------------

constexpr auto band = case_when(users.age < lit<18>, lit<"minor">).when(users.age < lit<65>, lit<"adult">).else_(lit<"senior">);
constexpr auto q_band = select(users.name, as<"band">(band)).from(users);
static_assert(sql<lite>(q_band) ==
              R"(SELECT "users"."name", CASE WHEN ("users"."age" < 18) THEN 'minor' WHEN ("users"."age" < 65) THEN 'adult' )"
              R"(ELSE 'senior' END AS "band" FROM "users")");
static_assert(sql<pg>(q_band) ==
              R"(SELECT "users"."name", CASE WHEN ("users"."age" < 18) THEN 'minor' WHEN ("users"."age" < 65) THEN 'adult' )"
              R"(ELSE 'senior' END AS "band" FROM "users")");
// Every branch NOT NULL and an ELSE: not optional (even though the conditions read a nullable column).
static_assert(same<row_of<decltype(q_band)>, ctsql::row<field<"name", std::string>, field<"band", std::string>>>);
static_assert(params_of<decltype(q_band)>::size == 0);

// One WHEN, no ELSE: NULL when nothing matches, so optional.
constexpr auto q_no_else = select(as<"retired">(case_when(users.age >= lit<65>, lit<"yes">))).from(users);
static_assert(sql<lite>(q_no_else) == R"(SELECT CASE WHEN ("users"."age" >= 65) THEN 'yes' END AS "retired" FROM "users")");
static_assert(sql<pg>(q_no_else) == R"(SELECT CASE WHEN ("users"."age" >= 65) THEN 'yes' END AS "retired" FROM "users")");
static_assert(same<row_of<decltype(q_no_else)>, ctsql::row<field<"retired", std::optional<std::string>>>>);

// Three WHENs, no ELSE; conditions of any boolean kind (a boolean column, IS NULL, LIKE).
constexpr auto q_three = select(case_when(posts.published, lit<1>)
                                    .when(is_null(users.age), lit<2>)
                                    .when(users.name.like(lit<"a%">), lit<3>))
                             .from(users, posts);
static_assert(sql<lite>(q_three) ==
              R"(SELECT CASE WHEN "posts"."published" THEN 1 WHEN ("users"."age" IS NULL) THEN 2 )"
              R"(WHEN ("users"."name" LIKE 'a%') THEN 3 END FROM "users", "posts")");
static_assert(sql<pg>(q_three) == sql<lite>(q_three));
static_assert(same<row_of<decltype(q_three)>, ctsql::row<field<"", std::optional<std::int64_t>>>>);

// ---- Value type and nullability -----------------------------------------------------------------

template <class E>
using case_type = typename row_of<expr_statement<E>>::template type_at<0>;

// A nullable branch makes the CASE optional even with an ELSE.
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, users.age).else_(lit<0>))>, std::optional<std::int64_t>>);
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, lit<0>).else_(users.score))>, std::optional<double>>);
// Numbers take the widest type: int32 with int32 stays int32; with int64 (integer literals are
// 64-bit) it is int64; with a real it is double.
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, users.age).else_(users.age))>, std::optional<std::int32_t>>);
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, users.age).else_(users.id))>, std::optional<std::int64_t>>);
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, users.id).else_(ctsql::real_lit<"0.5">))>, double>);
static_assert(same<case_type<decltype(case_when(users.id > lit<1>, users.id).when(posts.published, users.age).else_(users.score))>,
                   std::optional<double>>);
// Text, boolean and timestamp branches keep their type.
static_assert(same<case_type<decltype(case_when(posts.published, posts.title).else_(users.name))>, std::string>);
static_assert(same<case_type<decltype(case_when(posts.published, users.id > lit<1>).else_(lit<false>))>, bool>);
static_assert(same<case_type<decltype(case_when(posts.published, posts.created_at).else_(ctsql::current_timestamp))>,
                   ctsql::timestamp>);
// The conditions do not count: a nullable column in a condition leaves a NOT NULL CASE.
static_assert(same<case_type<decltype(case_when(users.score > lit<1>, lit<"x">).else_(lit<"y">))>, std::string>);

// The outer side of a LEFT JOIN makes its columns' branches nullable.
constexpr auto q_left = select(users.name, as<"title">(case_when(posts.published, posts.title).else_(lit<"draft">)),
                               as<"flag">(case_when(posts.published, lit<"p">).else_(lit<"d">)))
                            .from(users)
                            .left_join(posts).on(posts.author_id == users.id);
static_assert(sql<lite>(q_left) ==
              R"(SELECT "users"."name", CASE WHEN "posts"."published" THEN "posts"."title" ELSE 'draft' END AS "title", )"
              R"(CASE WHEN "posts"."published" THEN 'p' ELSE 'd' END AS "flag" FROM "users" )"
              R"(LEFT JOIN "posts" ON ("posts"."author_id" = "users"."id"))");
static_assert(same<row_of<decltype(q_left)>, ctsql::row<field<"name", std::string>, field<"title", std::optional<std::string>>,
                                                      field<"flag", std::string>>>);

// ---- Parameters ---------------------------------------------------------------------------------

// A parameter in a condition takes its type from the comparison; a parameter as a branch value
// takes the type of the first typed branch before it (here users.name: std::string). Numbered in
// text order: condition, value, condition, value, ELSE.
constexpr auto labelled = case_when(users.age < param<"young">, users.name)
                              .when(users.score > param<"high">, param<"label">)
                              .else_(param<"other">);
constexpr auto q_params = select(users.id, as<"label">(labelled)).from(users).where(users.id > param<"min_id">);
static_assert(sql<lite>(q_params) ==
              R"(SELECT "users"."id", CASE WHEN ("users"."age" < ?1) THEN "users"."name" WHEN ("users"."score" > ?2) THEN ?3 )"
              R"(ELSE ?4 END AS "label" FROM "users" WHERE ("users"."id" > ?5))");
static_assert(sql<pg>(q_params) ==
              R"(SELECT "users"."id", CASE WHEN ("users"."age" < $1) THEN "users"."name" WHEN ("users"."score" > $2) THEN $3 )"
              R"(ELSE $4 END AS "label" FROM "users" WHERE ("users"."id" > $5))");
static_assert(same<params_of<decltype(q_params)>,
                   type_list<parameter<"young", std::int32_t>, parameter<"high", double>, parameter<"label", std::string>,
                             parameter<"other", std::string>, parameter<"min_id", std::int64_t>>>);
static_assert(same<row_of<decltype(q_params)>, ctsql::row<field<"id", std::int64_t>, field<"label", std::string>>>);
static_assert(ctsql::parameter_count_v<decltype(q_params)> == 5);
static_assert(ctsql::parameter_names_v<decltype(q_params)>[2] == "label");

// The first typed branch of a nullable column: the parameter binds its value type (not optional),
// the CASE is optional. A numeric literal first: the parameter is a 64-bit integer.
constexpr auto q_param_types = select(as<"a">(case_when(users.id == lit<1>, users.age).else_(param<"age">)),
                                      as<"b">(case_when(users.id == lit<2>, lit<0>).when(posts.published, param<"n">)),
                                      as<"c">(case_when(users.id == lit<3>, users.score).else_(param<"s">)))
                                   .from(users, posts);
static_assert(sql<lite>(q_param_types) ==
              R"(SELECT CASE WHEN ("users"."id" = 1) THEN "users"."age" ELSE ?1 END AS "a", )"
              R"(CASE WHEN ("users"."id" = 2) THEN 0 WHEN "posts"."published" THEN ?2 END AS "b", )"
              R"(CASE WHEN ("users"."id" = 3) THEN "users"."score" ELSE ?3 END AS "c" FROM "users", "posts")");
static_assert(same<params_of<decltype(q_param_types)>,
                   type_list<parameter<"age", std::int32_t>, parameter<"n", std::int64_t>, parameter<"s", double>>>);
static_assert(same<row_of<decltype(q_param_types)>,
                   ctsql::row<field<"a", std::optional<std::int32_t>>, field<"b", std::optional<std::int64_t>>,
                              field<"c", std::optional<double>>>>);

// A stated type: param<"x", T>; an optional one makes the CASE optional.
constexpr auto q_stated = select(as<"v">(case_when(users.id == lit<1>, users.name).else_(param<"fallback", std::optional<std::string>>)))
                              .from(users);
static_assert(sql<pg>(q_stated) == R"(SELECT CASE WHEN ("users"."id" = 1) THEN "users"."name" ELSE $1 END AS "v" FROM "users")");
static_assert(same<params_of<decltype(q_stated)>, type_list<parameter<"fallback", std::optional<std::string>>>>);
static_assert(same<row_of<decltype(q_stated)>, ctsql::row<field<"v", std::optional<std::string>>>>);

// A name used twice binds once, with its first number.
constexpr auto q_twice = select(as<"v">(case_when(users.name == param<"q">, lit<1>).when(users.email == param<"q">, lit<2>).else_(lit<3>)))
                             .from(users);
static_assert(sql<lite>(q_twice) ==
              R"(SELECT CASE WHEN ("users"."name" = ?1) THEN 1 WHEN ("users"."email" = ?1) THEN 2 ELSE 3 END AS "v" FROM "users")");
static_assert(sql<pg>(q_twice) ==
              R"(SELECT CASE WHEN ("users"."name" = $1) THEN 1 WHEN ("users"."email" = $1) THEN 2 ELSE 3 END AS "v" FROM "users")");
static_assert(same<params_of<decltype(q_twice)>, type_list<parameter<"q", std::string>>>);

// ---- In WHERE, ORDER BY, GROUP BY, and inside an aggregate -------------------------------------

// A boolean CASE is a condition; boolean literals differ per dialect.
constexpr auto q_where = select(users.id).from(users).where(case_when(users.age.is_null(), lit<true>).else_(users.age > param<"min">));
static_assert(sql<lite>(q_where) ==
              R"(SELECT "users"."id" FROM "users" WHERE CASE WHEN ("users"."age" IS NULL) THEN 1 ELSE ("users"."age" > ?1) END)");
static_assert(sql<pg>(q_where) ==
              R"(SELECT "users"."id" FROM "users" WHERE CASE WHEN ("users"."age" IS NULL) THEN TRUE ELSE ("users"."age" > $1) END)");
static_assert(same<params_of<decltype(q_where)>, type_list<parameter<"min", std::int32_t>>>);

// ORDER BY a CASE (a custom sort order).
constexpr auto q_order = select(users.name).from(users).order_by(
    ctsql::asc(case_when(users.name == param<"first">, lit<0>).else_(lit<1>)), users.name);
static_assert(sql<lite>(q_order) ==
              R"(SELECT "users"."name" FROM "users" ORDER BY CASE WHEN ("users"."name" = ?1) THEN 0 ELSE 1 END ASC, "users"."name")");
static_assert(sql<pg>(q_order) ==
              R"(SELECT "users"."name" FROM "users" ORDER BY CASE WHEN ("users"."name" = $1) THEN 0 ELSE 1 END ASC, "users"."name")");

// Conditional aggregation: SUM(CASE ...) per group; the grouped CASE as an item.
constexpr auto published_count = ctsql::sum(case_when(posts.published, lit<1>).else_(lit<0>));
constexpr auto q_agg = select(posts.author_id, as<"published">(published_count), as<"all">(ctsql::count()))
                           .from(posts)
                           .group_by(posts.author_id)
                           .having(published_count > param<"n">);
static_assert(sql<lite>(q_agg) ==
              R"(SELECT "posts"."author_id", SUM(CASE WHEN "posts"."published" THEN 1 ELSE 0 END) AS "published", COUNT(*) AS "all" )"
              R"(FROM "posts" GROUP BY "posts"."author_id" HAVING (SUM(CASE WHEN "posts"."published" THEN 1 ELSE 0 END) > ?1))");
static_assert(sql<pg>(q_agg) ==
              R"(SELECT "posts"."author_id", SUM(CASE WHEN "posts"."published" THEN 1 ELSE 0 END) AS "published", COUNT(*) AS "all" )"
              R"(FROM "posts" GROUP BY "posts"."author_id" HAVING (SUM(CASE WHEN "posts"."published" THEN 1 ELSE 0 END) > $1))");
static_assert(same<row_of<decltype(q_agg)>, ctsql::row<field<"author_id", std::int64_t>, field<"published", std::optional<std::int64_t>>,
                                                     field<"all", std::int64_t>>>);
static_assert(same<params_of<decltype(q_agg)>, type_list<parameter<"n", std::int64_t>>>);

constexpr auto age_band = case_when(users.age < lit<30>, lit<"young">).else_(lit<"old">);
constexpr auto q_group = select(as<"band">(age_band), as<"n">(ctsql::count())).from(users).group_by(age_band);
static_assert(sql<lite>(q_group) ==
              R"(SELECT CASE WHEN ("users"."age" < 30) THEN 'young' ELSE 'old' END AS "band", COUNT(*) AS "n" FROM "users" )"
              R"(GROUP BY CASE WHEN ("users"."age" < 30) THEN 'young' ELSE 'old' END)");
static_assert(sql<pg>(q_group) == sql<lite>(q_group));

// A CASE inside an expression, and an expression in a branch.
constexpr auto q_nested = select(as<"v">(case_when(users.age > lit<10>, users.age * lit<2>).else_(-users.age) + lit<1>)).from(users);
static_assert(sql<lite>(q_nested) ==
              R"(SELECT (CASE WHEN ("users"."age" > 10) THEN ("users"."age" * 2) ELSE (- "users"."age") END + 1) AS "v" FROM "users")");
static_assert(same<row_of<decltype(q_nested)>, ctsql::row<field<"v", std::optional<std::int64_t>>>>);

// ---- NULL as a branch; a parameter before the first typed branch --------------------------------

// NULL as ELSE or THEN: the CASE is typed by its other branches and can be NULL.
constexpr auto q_else_null = select(as<"v">(case_when(users.age > lit<1>, users.name).else_(ctsql::null))).from(users);
static_assert(sql<lite>(q_else_null) == R"(SELECT CASE WHEN ("users"."age" > 1) THEN "users"."name" ELSE NULL END AS "v" FROM "users")");
static_assert(sql<pg>(q_else_null) == sql<lite>(q_else_null));
static_assert(same<row_of<decltype(q_else_null)>, ctsql::row<field<"v", std::optional<std::string>>>>);
constexpr auto q_then_null = select(as<"v">(case_when(users.age > lit<1>, ctsql::null).else_(users.name))).from(users);
static_assert(sql<lite>(q_then_null) == R"(SELECT CASE WHEN ("users"."age" > 1) THEN NULL ELSE "users"."name" END AS "v" FROM "users")");
static_assert(same<row_of<decltype(q_then_null)>, ctsql::row<field<"v", std::optional<std::string>>>>);
// NULL between typed branches; numbers still widen over the typed ones.
constexpr auto q_mid_null =
    select(as<"v">(case_when(users.age > lit<60>, users.age).when(users.age > lit<30>, ctsql::null).else_(ctsql::real_lit<"2.5">))).from(users);
static_assert(sql<lite>(q_mid_null) ==
              R"(SELECT CASE WHEN ("users"."age" > 60) THEN "users"."age" WHEN ("users"."age" > 30) THEN NULL ELSE 2.5 END AS "v" FROM "users")");
static_assert(same<row_of<decltype(q_mid_null)>, ctsql::row<field<"v", std::optional<double>>>>);

// A parameter as the first branch takes the type of the first typed branch, wherever it is.
constexpr auto q_first_param = select(as<"v">(case_when(users.age > lit<1>, param<"x">).else_(users.name))).from(users);
static_assert(sql<lite>(q_first_param) == R"(SELECT CASE WHEN ("users"."age" > 1) THEN ?1 ELSE "users"."name" END AS "v" FROM "users")");
static_assert(sql<pg>(q_first_param) == R"(SELECT CASE WHEN ("users"."age" > 1) THEN $1 ELSE "users"."name" END AS "v" FROM "users")");
static_assert(same<params_of<decltype(q_first_param)>, type_list<parameter<"x", std::string>>>);
static_assert(same<row_of<decltype(q_first_param)>, ctsql::row<field<"v", std::string>>>);
// Several parameters and a NULL before the typed branch, which is a WHEN; text order numbering.
constexpr auto q_params_first = select(as<"v">(case_when(users.age > lit<60>, param<"a">)
                                                   .when(users.age > lit<30>, ctsql::null)
                                                   .when(users.age > lit<10>, param<"b">)
                                                   .when(users.age > lit<5>, users.id)
                                                   .else_(param<"c">)))
                                    .from(users);
static_assert(sql<pg>(q_params_first) ==
              R"(SELECT CASE WHEN ("users"."age" > 60) THEN $1 WHEN ("users"."age" > 30) THEN NULL WHEN ("users"."age" > 10) THEN $2 )"
              R"(WHEN ("users"."age" > 5) THEN "users"."id" ELSE $3 END AS "v" FROM "users")");
static_assert(same<params_of<decltype(q_params_first)>,
                   type_list<parameter<"a", std::int64_t>, parameter<"b", std::int64_t>, parameter<"c", std::int64_t>>>);
static_assert(same<row_of<decltype(q_params_first)>, ctsql::row<field<"v", std::optional<std::int64_t>>>>);
// Until it has a typed branch a CASE is typed like a parameter: by the other side of a
// comparison, or by the typed branch of an enclosing CASE.
constexpr auto q_param_case_cmp = select(users.id).from(users).where(users.name == case_when(users.age > lit<1>, param<"x">));
static_assert(sql<lite>(q_param_case_cmp) ==
              R"(SELECT "users"."id" FROM "users" WHERE ("users"."name" = CASE WHEN ("users"."age" > 1) THEN ?1 END))");
static_assert(same<params_of<decltype(q_param_case_cmp)>, type_list<parameter<"x", std::string>>>);
constexpr auto q_param_case_nested =
    select(as<"v">(case_when(users.age > lit<1>, case_when(users.age > lit<2>, param<"x">)).else_(users.age))).from(users);
static_assert(sql<pg>(q_param_case_nested) ==
              R"(SELECT CASE WHEN ("users"."age" > 1) THEN CASE WHEN ("users"."age" > 2) THEN $1 END ELSE "users"."age" END AS "v" FROM "users")");
static_assert(same<params_of<decltype(q_param_case_nested)>, type_list<parameter<"x", std::int32_t>>>);
static_assert(same<row_of<decltype(q_param_case_nested)>, ctsql::row<field<"v", std::optional<std::int32_t>>>>);
