// Set operations: UNION, UNION ALL, INTERSECT, EXCEPT, chained on the left; ORDER BY result
// columns by name (ctsql::by<"name">), LIMIT / OFFSET on the whole (SQLite's LIMIT -1 OFFSET).
// Exact text for SQLite and PostgreSQL; the result row (names from the first member, a column
// nullable when either member's is, numbers widened); parameters in text order across members.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::as;
using ctsql::by;
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

constexpr auto user_names = select(users.name).from(users);
constexpr auto post_titles = select(posts.title).from(posts);

// ---- The four operators ---------------------------------------------------------------------------

constexpr auto q_union = ctsql::union_(user_names, post_titles);
static_assert(sql<lite>(q_union) == R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts")");
static_assert(sql<pg>(q_union) == sql<lite>(q_union));
static_assert(same<row_of<decltype(q_union)>, ctsql::row<field<"name", std::string>>>);
static_assert(params_of<decltype(q_union)>::size == 0);

constexpr auto q_union_all = ctsql::union_all(user_names, post_titles);
static_assert(sql<lite>(q_union_all) == R"(SELECT "users"."name" FROM "users" UNION ALL SELECT "posts"."title" FROM "posts")");
static_assert(sql<pg>(q_union_all) == sql<lite>(q_union_all));

constexpr auto q_intersect = ctsql::intersect(select(users.id).from(users), select(posts.author_id).from(posts));
static_assert(sql<lite>(q_intersect) == R"(SELECT "users"."id" FROM "users" INTERSECT SELECT "posts"."author_id" FROM "posts")");
static_assert(sql<pg>(q_intersect) == sql<lite>(q_intersect));
static_assert(same<row_of<decltype(q_intersect)>, ctsql::row<field<"id", std::int64_t>>>);

constexpr auto q_except = ctsql::except(select(users.id).from(users), select(posts.author_id).from(posts).where(posts.published));
static_assert(sql<lite>(q_except) ==
              R"(SELECT "users"."id" FROM "users" EXCEPT SELECT "posts"."author_id" FROM "posts" WHERE "posts"."published")");
static_assert(sql<pg>(q_except) == sql<lite>(q_except));

// Members may be DISTINCT, joined, grouped.
constexpr auto q_members = ctsql::union_all(
    ctsql::select_distinct(users.name).from(users).join(posts).on(posts.author_id == users.id),
    select(posts.title).from(posts).group_by(posts.title).having(ctsql::count() > lit<1>));
static_assert(sql<lite>(q_members) ==
              R"(SELECT DISTINCT "users"."name" FROM "users" INNER JOIN "posts" ON ("posts"."author_id" = "users"."id") )"
              R"(UNION ALL SELECT "posts"."title" FROM "posts" GROUP BY "posts"."title" HAVING (COUNT(*) > 1))");

// ---- Chained on the left --------------------------------------------------------------------------

constexpr auto q_chain = ctsql::union_all(ctsql::union_all(user_names, post_titles), select(users.email).from(users));
static_assert(sql<lite>(q_chain) ==
              R"(SELECT "users"."name" FROM "users" UNION ALL SELECT "posts"."title" FROM "posts" UNION ALL SELECT "users"."email" FROM "users")");
static_assert(sql<pg>(q_chain) == sql<lite>(q_chain));

// Different operators, left to right (SQLite's reading; PostgreSQL's where INTERSECT is not on the right).
constexpr auto q_chain_mixed = ctsql::except(ctsql::union_(select(users.id).from(users), select(posts.author_id).from(posts)),
                                             select(memberships.user_id).from(memberships));
static_assert(sql<lite>(q_chain_mixed) ==
              R"(SELECT "users"."id" FROM "users" UNION SELECT "posts"."author_id" FROM "posts" )"
              R"(EXCEPT SELECT "memberships"."user_id" FROM "memberships")");

// ---- ORDER BY result columns, LIMIT, OFFSET -------------------------------------------------------

constexpr auto q_ordered = ctsql::union_(user_names, post_titles).order_by(by<"name">.desc()).limit(param<"n">).offset(param<"skip">);
static_assert(sql<lite>(q_ordered) ==
              R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" ORDER BY "name" DESC LIMIT ?1 OFFSET ?2)");
static_assert(sql<pg>(q_ordered) ==
              R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" ORDER BY "name" DESC LIMIT $1 OFFSET $2)");
static_assert(same<params_of<decltype(q_ordered)>, type_list<parameter<"n", std::int64_t>, parameter<"skip", std::int64_t>>>);

// Several keys (a bare name, asc, ctsql::desc(by<>)); aliases name the result columns.
constexpr auto q_keys = ctsql::union_all(select(as<"who">(users.name), as<"n">(users.id)).from(users), select(posts.title, posts.id).from(posts))
                            .order_by(by<"who">, by<"n">.asc(), ctsql::desc(by<"who">))
                            .limit(lit<10>);
static_assert(sql<lite>(q_keys) ==
              R"(SELECT "users"."name" AS "who", "users"."id" AS "n" FROM "users" UNION ALL SELECT "posts"."title", "posts"."id" FROM "posts" )"
              R"(ORDER BY "who", "n" ASC, "who" DESC LIMIT 10)");
static_assert(sql<pg>(q_keys) == sql<lite>(q_keys));
static_assert(same<row_of<decltype(q_keys)>, ctsql::row<field<"who", std::string>, field<"n", std::int64_t>>>);

// NULLS ordering on a result column.
constexpr auto q_nulls = ctsql::union_(select(users.age).from(users), select(memberships.org).from(memberships)).order_by(by<"age">.desc().nulls_last());
static_assert(sql<pg>(q_nulls) ==
              R"(SELECT "users"."age" FROM "users" UNION SELECT "memberships"."org" FROM "memberships" ORDER BY "age" DESC NULLS LAST)");

// OFFSET alone: SQLite needs a LIMIT first (-1: none).
constexpr auto q_offset = ctsql::except(select(users.id).from(users), select(posts.author_id).from(posts)).offset(lit<3>);
static_assert(sql<lite>(q_offset) == R"(SELECT "users"."id" FROM "users" EXCEPT SELECT "posts"."author_id" FROM "posts" LIMIT -1 OFFSET 3)");
static_assert(sql<pg>(q_offset) == R"(SELECT "users"."id" FROM "users" EXCEPT SELECT "posts"."author_id" FROM "posts" OFFSET 3)");
constexpr auto q_offset_param = ctsql::union_(user_names, post_titles).order_by(by<"name">).offset(param<"skip">);
static_assert(sql<lite>(q_offset_param) ==
              R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" ORDER BY "name" LIMIT -1 OFFSET ?1)");
static_assert(sql<pg>(q_offset_param) ==
              R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" ORDER BY "name" OFFSET $1)");

// ---- Result row: names from the first member, nullability merged, numbers widened -----------------

constexpr auto q_types = ctsql::union_all(
    select(users.id, users.age, users.name, users.score, posts.published, posts.created_at).from(users, posts),
    select(posts.author_id, posts.id, posts.title, users.age, posts.published, posts.created_at).from(posts, users));
static_assert(same<row_of<decltype(q_types)>,
                   ctsql::row<field<"id", std::int64_t>,                    // int64 + int64
                              field<"age", std::optional<std::int64_t>>,   // int32? + int64 -> int64?
                              field<"name", std::string>,                   // text stays text
                              field<"score", std::optional<double>>,       // double? + int32? -> double?
                              field<"published", bool>,                     // bool stays bool
                              field<"created_at", ctsql::timestamp>>>);
// Nullable on either side: optional. A literal widens too (integer literals are 64-bit).
constexpr auto q_nullable_right = ctsql::union_(select(users.name, users.id).from(users),
                                                select(memberships.code, users.id).from(memberships).left_join(users).on(users.id == memberships.user_id));
static_assert(same<row_of<decltype(q_nullable_right)>, ctsql::row<field<"name", std::string>, field<"id", std::optional<std::int64_t>>>>);
constexpr auto q_outer = ctsql::union_(select(memberships.code, memberships.org).from(memberships),
                                       select(users.name, memberships.org).from(users).left_join(memberships).on(memberships.user_id == users.id));
static_assert(same<row_of<decltype(q_outer)>, ctsql::row<field<"code", std::string>, field<"org", std::optional<std::int32_t>>>>);
constexpr auto q_literal = ctsql::union_all(select(memberships.org).from(memberships), select(lit<0>));
static_assert(sql<lite>(q_literal) == R"(SELECT "memberships"."org" FROM "memberships" UNION ALL SELECT 0)");
static_assert(same<row_of<decltype(q_literal)>, ctsql::row<field<"org", std::int64_t>>>);
// Chained: merged step by step.
constexpr auto q_chain_types = ctsql::union_all(ctsql::union_all(select(memberships.org).from(memberships), select(users.age).from(users)),
                                                select(users.score).from(users));
static_assert(same<row_of<decltype(q_chain_types)>, ctsql::row<field<"org", std::optional<double>>>>);

// ---- Parameters in text order across members, then ORDER BY / LIMIT / OFFSET ---------------------

constexpr auto q_params = ctsql::except(
    ctsql::union_(select(users.name).from(users).where(users.id == param<"a">),
                  select(posts.title).from(posts).where(posts.id == param<"b"> || posts.author_id == param<"a">)),
    select(users.email).from(users).where(users.age > param<"c">))
                              .order_by(by<"name">)
                              .limit(param<"n">)
                              .offset(param<"o">);
static_assert(sql<lite>(q_params) ==
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."id" = ?1) UNION SELECT "posts"."title" FROM "posts" )"
              R"(WHERE (("posts"."id" = ?2) OR ("posts"."author_id" = ?1)) EXCEPT SELECT "users"."email" FROM "users" )"
              R"(WHERE ("users"."age" > ?3) ORDER BY "name" LIMIT ?4 OFFSET ?5)");
static_assert(sql<pg>(q_params) ==
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."id" = $1) UNION SELECT "posts"."title" FROM "posts" )"
              R"(WHERE (("posts"."id" = $2) OR ("posts"."author_id" = $1)) EXCEPT SELECT "users"."email" FROM "users" )"
              R"(WHERE ("users"."age" > $3) ORDER BY "name" LIMIT $4 OFFSET $5)");
static_assert(same<params_of<decltype(q_params)>,
                   type_list<parameter<"a", std::int64_t>, parameter<"b", std::int64_t>, parameter<"c", std::int32_t>,
                             parameter<"n", std::int64_t>, parameter<"o", std::int64_t>>>);
static_assert(ctsql::parameter_names_v<decltype(q_params)>[4] == "o");

// Members with subqueries, CASE and window functions.
constexpr auto q_rich = ctsql::union_all(
    select(users.name, as<"kind">(ctsql::case_when(users.age < lit<18>, lit<"minor">).else_(lit<"adult">))).from(users)
        .where(ctsql::exists(select(posts.id).from(posts).where(posts.author_id == users.id))),
    select(posts.title, as<"k">(ctsql::case_when(ctsql::row_number().over(ctsql::window().order_by(posts.id)) == lit<1>, lit<"first">).else_(lit<"later">))).from(posts));
static_assert(sql<lite>(q_rich) ==
              R"(SELECT "users"."name", CASE WHEN ("users"."age" < 18) THEN 'minor' ELSE 'adult' END AS "kind" FROM "users" )"
              R"(WHERE (EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id"))) )"
              R"(UNION ALL SELECT "posts"."title", CASE WHEN (ROW_NUMBER() OVER (ORDER BY "posts"."id") = 1) THEN 'first' ELSE 'later' END AS "k" FROM "posts")");
static_assert(same<row_of<decltype(q_rich)>, ctsql::row<field<"name", std::string>, field<"kind", std::string>>>);

// ---- Mixed operators: PostgreSQL gives INTERSECT precedence, so a UNION on its left is parenthesised ----

constexpr auto q_precedence = ctsql::intersect(ctsql::union_(user_names, post_titles), select(users.email).from(users));
static_assert(sql<lite>(q_precedence) ==
              R"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" INTERSECT SELECT "users"."email" FROM "users")");
static_assert(sql<pg>(q_precedence) ==
              R"((SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts") INTERSECT SELECT "users"."email" FROM "users")");

constexpr auto q_intersect_first = ctsql::union_(ctsql::intersect(user_names, post_titles), select(users.email).from(users));
static_assert(sql<pg>(q_intersect_first) ==
              R"(SELECT "users"."name" FROM "users" INTERSECT SELECT "posts"."title" FROM "posts" UNION SELECT "users"."email" FROM "users")");
