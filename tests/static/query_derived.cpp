// Derived tables: a SELECT in FROM with an alias (derived<"name">), CTEs (cte<"name">) hoisted
// into one WITH before the outermost statement (also out of a CTE that reads another, and out of
// the members of a compound), recursive CTEs (recursive_cte<"name">(base).union_all(step)) walking
// a self-referencing table. Exact text for SQLite and PostgreSQL; columns by name (t.c<"col">)
// with their types and nullability (NULL on the outer side of a join, and from either part of a
// recursive CTE); parameters numbered in text order inside and outside.
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
using ctsql::count;
using ctsql::cte;
using ctsql::derived;
using ctsql::exists;
using ctsql::field;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::recursive_cte;
using ctsql::select;
using ctsql::sql;
using ctsql::type_list;

template <class S>
using row_of = ctsql::result_row_t<S>;
template <class S>
using params_of = ctsql::parameters_t<S>;
template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;
template <class Column>
using value_of = typename Column::value_type;

inline constexpr fx::nodes_t nodes{};

// ---- A derived table in FROM ------------------------------------------------------------------------

// Posts per author, joined to users: (SELECT ...) AS "counts", its columns qualified by the alias.
constexpr auto counts = derived<"counts">(select(posts.author_id, as<"n">(count())).from(posts).group_by(posts.author_id));
constexpr auto q_counts = select(users.name, counts.c<"n">).from(users).join(counts).on(counts.c<"author_id"> == users.id);
static_assert(sql<lite>(q_counts) ==
              R"(SELECT "users"."name", "counts"."n" FROM "users" INNER JOIN )"
              R"((SELECT "posts"."author_id", COUNT(*) AS "n" FROM "posts" GROUP BY "posts"."author_id") AS "counts" )"
              R"(ON ("counts"."author_id" = "users"."id"))");
static_assert(sql<pg>(q_counts) == sql<lite>(q_counts));
static_assert(same<row_of<decltype(q_counts)>, ctsql::row<field<"name", std::string>, field<"n", std::int64_t>>>);

// The columns are named after the SELECT's fields (column names or aliases) and keep their types.
static_assert(same<value_of<decltype(counts.c<"author_id">)>, std::int64_t>);
static_assert(same<value_of<decltype(counts.c<"n">)>, std::int64_t>);
static_assert(decltype(counts.c<"n">)::sql_name.view() == "n");

// Nullability: a nullable column stays nullable; the whole derived table on the outer side of a
// LEFT JOIN makes every column of it nullable (a user without posts: NULL count).
constexpr auto ages = derived<"ages">(select(users.id, users.age, users.name).from(users));
constexpr auto q_nullable = select(ages.c<"id">, ages.c<"age">, ages.c<"name">).from(ages);
static_assert(same<row_of<decltype(q_nullable)>,
                   ctsql::row<field<"id", std::int64_t>, field<"age", std::optional<std::int32_t>>, field<"name", std::string>>>);
static_assert(sql<lite>(q_nullable) ==
              R"(SELECT "ages"."id", "ages"."age", "ages"."name" FROM (SELECT "users"."id", "users"."age", "users"."name" FROM "users") AS "ages")");

constexpr auto q_left = select(users.name, counts.c<"n">).from(users).left_join(counts).on(counts.c<"author_id"> == users.id).order_by(users.id);
static_assert(sql<lite>(q_left) ==
              R"(SELECT "users"."name", "counts"."n" FROM "users" LEFT JOIN )"
              R"((SELECT "posts"."author_id", COUNT(*) AS "n" FROM "posts" GROUP BY "posts"."author_id") AS "counts" )"
              R"(ON ("counts"."author_id" = "users"."id") ORDER BY "users"."id")");
static_assert(sql<pg>(q_left) == sql<lite>(q_left));
static_assert(same<row_of<decltype(q_left)>, ctsql::row<field<"name", std::string>, field<"n", std::optional<std::int64_t>>>>);

// On the left of a RIGHT JOIN the derived table is the nullable side too.
constexpr auto q_right = select(users.name, counts.c<"n">).from(counts).right_join(users).on(counts.c<"author_id"> == users.id);
static_assert(same<row_of<decltype(q_right)>, ctsql::row<field<"name", std::string>, field<"n", std::optional<std::int64_t>>>>);

// An expression of derived columns, and a derived table with a WHERE and a grouped outer query.
constexpr auto q_outer_group = select(counts.c<"n">, as<"authors">(count())).from(counts).where(counts.c<"n"> > lit<1>).group_by(counts.c<"n">);
static_assert(sql<lite>(q_outer_group) ==
              R"(SELECT "counts"."n", COUNT(*) AS "authors" FROM )"
              R"((SELECT "posts"."author_id", COUNT(*) AS "n" FROM "posts" GROUP BY "posts"."author_id") AS "counts" )"
              R"(WHERE ("counts"."n" > 1) GROUP BY "counts"."n")");

// In an aggregate: SUM of a derived column is optional, as always.
constexpr auto q_sum = select(as<"total">(ctsql::sum(counts.c<"n">))).from(counts);
static_assert(sql<lite>(q_sum) ==
              R"(SELECT SUM("counts"."n") AS "total" FROM (SELECT "posts"."author_id", COUNT(*) AS "n" FROM "posts" GROUP BY "posts"."author_id") AS "counts")");
static_assert(same<row_of<decltype(q_sum)>, ctsql::row<field<"total", std::optional<std::int64_t>>>>);

// ---- Parameters inside and outside a derived table --------------------------------------------------

// Numbered in text order: the items, then the derived table's own, then ON, then WHERE.
constexpr auto titled = derived<"titled">(select(posts.id, posts.author_id, posts.title).from(posts).where(posts.title.like(param<"pattern">)));
constexpr auto q_params = select(as<"shifted">(users.id + param<"shift">), titled.c<"title">)
                              .from(users)
                              .join(titled)
                              .on(titled.c<"author_id"> == users.id && users.age > param<"min_age">)
                              .where(users.name != param<"name">);
static_assert(sql<lite>(q_params) ==
              R"(SELECT ("users"."id" + ?1) AS "shifted", "titled"."title" FROM "users" INNER JOIN )"
              R"((SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."title" LIKE ?2)) AS "titled" )"
              R"(ON (("titled"."author_id" = "users"."id") AND ("users"."age" > ?3)) WHERE ("users"."name" <> ?4))");
static_assert(sql<pg>(q_params) ==
              R"(SELECT ("users"."id" + $1) AS "shifted", "titled"."title" FROM "users" INNER JOIN )"
              R"((SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."title" LIKE $2)) AS "titled" )"
              R"(ON (("titled"."author_id" = "users"."id") AND ("users"."age" > $3)) WHERE ("users"."name" <> $4))");
static_assert(same<params_of<decltype(q_params)>,
                   type_list<parameter<"shift", std::int64_t>, parameter<"pattern", std::string>, parameter<"min_age", std::int32_t>,
                             parameter<"name", std::string>>>);

// A name used inside and outside binds once.
constexpr auto q_same_name = select(titled.c<"id">).from(titled).where(titled.c<"title"> != param<"pattern">);
static_assert(sql<pg>(q_same_name) ==
              R"(SELECT "titled"."id" FROM (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" )"
              R"(WHERE ("posts"."title" LIKE $1)) AS "titled" WHERE ("titled"."title" <> $1))");
static_assert(same<params_of<decltype(q_same_name)>, type_list<parameter<"pattern", std::string>>>);

// A derived table of a compound keeps the compound's ORDER BY and LIMIT (and its parameter).
constexpr auto names = derived<"names">(ctsql::union_(select(users.name).from(users), select(posts.title).from(posts)).order_by(by<"name">).limit(param<"top">));
constexpr auto q_derived_compound = select(names.c<"name">).from(names).where(names.c<"name"> != param<"skip">);
static_assert(sql<lite>(q_derived_compound) ==
              R"(SELECT "names"."name" FROM (SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" )"
              R"(ORDER BY "name" LIMIT ?1) AS "names" WHERE ("names"."name" <> ?2))");
static_assert(sql<pg>(q_derived_compound) ==
              R"(SELECT "names"."name" FROM (SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" )"
              R"(ORDER BY "name" LIMIT $1) AS "names" WHERE ("names"."name" <> $2))");
static_assert(same<params_of<decltype(q_derived_compound)>, type_list<parameter<"top", std::int64_t>, parameter<"skip", std::string>>>);

// ---- CTEs ---------------------------------------------------------------------------------------------

// In FROM: the definition goes into WITH, FROM names it; its parameters come first.
constexpr auto recent = cte<"recent">(select(posts.id, posts.author_id, posts.title).from(posts).where(posts.id > param<"after">));
constexpr auto q_cte = select(recent.c<"title">).from(recent).where(recent.c<"author_id"> == param<"author">);
static_assert(sql<lite>(q_cte) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)) )"
              R"(SELECT "recent"."title" FROM "recent" WHERE ("recent"."author_id" = ?2))");
static_assert(sql<pg>(q_cte) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > $1)) )"
              R"(SELECT "recent"."title" FROM "recent" WHERE ("recent"."author_id" = $2))");
static_assert(same<params_of<decltype(q_cte)>, type_list<parameter<"after", std::int64_t>, parameter<"author", std::int64_t>>>);
static_assert(same<row_of<decltype(q_cte)>, ctsql::row<field<"title", std::string>>>);

// Two CTEs, one reading the other: one WITH, the one read first; each listed once.
constexpr auto prolific = cte<"prolific">(select(recent.c<"author_id">, as<"n">(count())).from(recent).group_by(recent.c<"author_id">).having(count() >= param<"min_posts">));
constexpr auto q_two = select(users.name, prolific.c<"n">).from(users).join(prolific).on(prolific.c<"author_id"> == users.id).where(users.age > param<"min_age">);
static_assert(sql<lite>(q_two) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)), )"
              R"("prolific" AS (SELECT "recent"."author_id", COUNT(*) AS "n" FROM "recent" GROUP BY "recent"."author_id" HAVING (COUNT(*) >= ?2)) )"
              R"(SELECT "users"."name", "prolific"."n" FROM "users" INNER JOIN "prolific" ON ("prolific"."author_id" = "users"."id") )"
              R"(WHERE ("users"."age" > ?3))");
static_assert(sql<pg>(q_two) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > $1)), )"
              R"("prolific" AS (SELECT "recent"."author_id", COUNT(*) AS "n" FROM "recent" GROUP BY "recent"."author_id" HAVING (COUNT(*) >= $2)) )"
              R"(SELECT "users"."name", "prolific"."n" FROM "users" INNER JOIN "prolific" ON ("prolific"."author_id" = "users"."id") )"
              R"(WHERE ("users"."age" > $3))");
static_assert(same<params_of<decltype(q_two)>,
                   type_list<parameter<"after", std::int64_t>, parameter<"min_posts", std::int64_t>, parameter<"min_age", std::int32_t>>>);
static_assert(same<row_of<decltype(q_two)>, ctsql::row<field<"name", std::string>, field<"n", std::int64_t>>>);

// Both CTEs read by the outer query directly: still one WITH, each once.
constexpr auto q_both = select(recent.c<"title">, prolific.c<"n">).from(recent).join(prolific).on(prolific.c<"author_id"> == recent.c<"author_id">);
static_assert(sql<lite>(q_both) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)), )"
              R"("prolific" AS (SELECT "recent"."author_id", COUNT(*) AS "n" FROM "recent" GROUP BY "recent"."author_id" HAVING (COUNT(*) >= ?2)) )"
              R"(SELECT "recent"."title", "prolific"."n" FROM "recent" INNER JOIN "prolific" ON ("prolific"."author_id" = "recent"."author_id"))");

// A CTE read in a subquery: the subquery is a complete statement and opens with its WITH.
constexpr auto q_in_subquery =
    select(users.name).from(users).where(users.age > param<"min_age"> && exists(select(recent.c<"id">).from(recent).where(recent.c<"author_id"> == users.id)));
static_assert(sql<lite>(q_in_subquery) ==
              R"(SELECT "users"."name" FROM "users" WHERE (("users"."age" > ?1) AND (EXISTS (WITH "recent" AS )"
              R"((SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?2)) )"
              R"(SELECT "recent"."id" FROM "recent" WHERE ("recent"."author_id" = "users"."id")))))");
static_assert(sql<pg>(q_in_subquery) ==
              R"(SELECT "users"."name" FROM "users" WHERE (("users"."age" > $1) AND (EXISTS (WITH "recent" AS )"
              R"((SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > $2)) )"
              R"(SELECT "recent"."id" FROM "recent" WHERE ("recent"."author_id" = "users"."id")))))");
static_assert(same<params_of<decltype(q_in_subquery)>, type_list<parameter<"min_age", std::int32_t>, parameter<"after", std::int64_t>>>);

// A CTE read by a compound's member (also the right one): one WITH before the whole compound,
// its parameters first.
constexpr auto q_compound = ctsql::union_(select(users.name).from(users).where(users.id == param<"user">),
                                          select(recent.c<"title">).from(recent).where(recent.c<"id"> != param<"post">))
                                .order_by(by<"name">)
                                .limit(param<"n">);
static_assert(sql<lite>(q_compound) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)) )"
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."id" = ?2) UNION )"
              R"(SELECT "recent"."title" FROM "recent" WHERE ("recent"."id" <> ?3) ORDER BY "name" LIMIT ?4)");
static_assert(sql<pg>(q_compound) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > $1)) )"
              R"(SELECT "users"."name" FROM "users" WHERE ("users"."id" = $2) UNION )"
              R"(SELECT "recent"."title" FROM "recent" WHERE ("recent"."id" <> $3) ORDER BY "name" LIMIT $4)");
static_assert(same<params_of<decltype(q_compound)>, type_list<parameter<"after", std::int64_t>, parameter<"user", std::int64_t>,
                                                              parameter<"post", std::int64_t>, parameter<"n", std::int64_t>>>);

// Both members read CTEs (one of them twice): each listed once.
constexpr auto q_compound_both = ctsql::union_all(select(recent.c<"title">).from(recent), select(recent.c<"title">).from(recent).join(prolific).on(prolific.c<"author_id"> == recent.c<"author_id">));
static_assert(sql<lite>(q_compound_both) ==
              R"(WITH "recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)), )"
              R"("prolific" AS (SELECT "recent"."author_id", COUNT(*) AS "n" FROM "recent" GROUP BY "recent"."author_id" HAVING (COUNT(*) >= ?2)) )"
              R"(SELECT "recent"."title" FROM "recent" UNION ALL )"
              R"(SELECT "recent"."title" FROM "recent" INNER JOIN "prolific" ON ("prolific"."author_id" = "recent"."author_id"))");

// A CTE whose body is a compound.
constexpr auto people = cte<"people">(ctsql::union_(select(users.name).from(users), select(employees.name).from(employees)));
constexpr auto q_cte_compound = select(people.c<"name">).from(people).order_by(people.c<"name">);
static_assert(sql<lite>(q_cte_compound) ==
              R"(WITH "people" AS (SELECT "users"."name" FROM "users" UNION SELECT "employees"."name" FROM "employees") )"
              R"(SELECT "people"."name" FROM "people" ORDER BY "people"."name")");
static_assert(sql<pg>(q_cte_compound) == sql<lite>(q_cte_compound));

// ---- Recursive CTEs ---------------------------------------------------------------------------------

// A tree walk over employees (boss_id references id): the roots at depth 0, then each report one
// deeper. The recursive part reads the CTE itself; WITH RECURSIVE on both dialects.
constexpr auto chain = recursive_cte<"chain">(select(employees.id, employees.name, as<"depth">(lit<0>)).from(employees).where(employees.boss_id.is_null()));
constexpr auto org = chain.union_all(select(employees.id, employees.name, as<"depth">(chain.c<"depth"> + lit<1>))
                                         .from(employees)
                                         .join(chain)
                                         .on(employees.boss_id == chain.c<"id">));
constexpr auto q_tree = select(org.c<"id">, org.c<"name">, org.c<"depth">).from(org).order_by(org.c<"depth">, org.c<"id">);
static_assert(sql<lite>(q_tree) ==
              R"(WITH RECURSIVE "chain" AS (SELECT "employees"."id", "employees"."name", 0 AS "depth" FROM "employees" )"
              R"(WHERE ("employees"."boss_id" IS NULL) UNION ALL SELECT "employees"."id", "employees"."name", ("chain"."depth" + 1) AS "depth" )"
              R"(FROM "employees" INNER JOIN "chain" ON ("employees"."boss_id" = "chain"."id")) )"
              R"(SELECT "chain"."id", "chain"."name", "chain"."depth" FROM "chain" ORDER BY "chain"."depth", "chain"."id")");
static_assert(sql<pg>(q_tree) == sql<lite>(q_tree));
static_assert(same<row_of<decltype(q_tree)>, ctsql::row<field<"id", std::int64_t>, field<"name", std::string>, field<"depth", std::int64_t>>>);

// From a root given as a parameter, bounded by another; the root's name binds once.
constexpr auto below = recursive_cte<"below">(select(nodes.id, as<"depth">(lit<0>)).from(nodes).where(nodes.id == param<"root">));
constexpr auto subtree = below.union_all(select(nodes.id, as<"depth">(below.c<"depth"> + lit<1>))
                                             .from(nodes)
                                             .join(below)
                                             .on(nodes.parent == below.c<"id">)
                                             .where(below.c<"depth"> < param<"max_depth">));
constexpr auto q_subtree = select(subtree.c<"id">, subtree.c<"depth">).from(subtree).where(subtree.c<"id"> != param<"root">);
static_assert(sql<lite>(q_subtree) ==
              R"(WITH RECURSIVE "below" AS (SELECT "nodes"."id", 0 AS "depth" FROM "nodes" WHERE ("nodes"."id" = ?1) UNION ALL )"
              R"(SELECT "nodes"."id", ("below"."depth" + 1) AS "depth" FROM "nodes" INNER JOIN "below" ON ("nodes"."parent" = "below"."id") )"
              R"(WHERE ("below"."depth" < ?2)) SELECT "below"."id", "below"."depth" FROM "below" WHERE ("below"."id" <> ?1))");
static_assert(sql<pg>(q_subtree) ==
              R"(WITH RECURSIVE "below" AS (SELECT "nodes"."id", 0 AS "depth" FROM "nodes" WHERE ("nodes"."id" = $1) UNION ALL )"
              R"(SELECT "nodes"."id", ("below"."depth" + 1) AS "depth" FROM "nodes" INNER JOIN "below" ON ("nodes"."parent" = "below"."id") )"
              R"(WHERE ("below"."depth" < $2)) SELECT "below"."id", "below"."depth" FROM "below" WHERE ("below"."id" <> $1))");
static_assert(same<params_of<decltype(q_subtree)>, type_list<parameter<"root", std::int64_t>, parameter<"max_depth", std::int64_t>>>);
static_assert(same<row_of<decltype(q_subtree)>, ctsql::row<field<"id", std::int64_t>, field<"depth", std::int64_t>>>);

// A column is nullable when it can be NULL in either part: 'root' is NOT NULL, the recursive
// part's LEFT JOINed name is not.
constexpr auto labels = recursive_cte<"labels">(select(employees.id, as<"label">(lit<"root">)).from(employees).where(employees.boss_id.is_null()));
constexpr auto labelled = labels.union_all(select(employees.id, users.name)
                                               .from(employees)
                                               .join(labels)
                                               .on(employees.boss_id == labels.c<"id">)
                                               .left_join(users)
                                               .on(users.id == employees.id));
constexpr auto q_labelled = select(labelled.c<"id">, labelled.c<"label">).from(labelled);
static_assert(same<row_of<decltype(q_labelled)>, ctsql::row<field<"id", std::int64_t>, field<"label", std::optional<std::string>>>>);
static_assert(sql<lite>(q_labelled) ==
              R"(WITH RECURSIVE "labels" AS (SELECT "employees"."id", 'root' AS "label" FROM "employees" WHERE ("employees"."boss_id" IS NULL) )"
              R"(UNION ALL SELECT "employees"."id", "users"."name" FROM "employees" INNER JOIN "labels" ON ("employees"."boss_id" = "labels"."id") )"
              R"(LEFT JOIN "users" ON ("users"."id" = "employees"."id")) SELECT "labels"."id", "labels"."label" FROM "labels")");

// A recursive CTE next to a plain one: one WITH RECURSIVE lists both.
constexpr auto q_mixed = select(org.c<"name">, recent.c<"title">).from(org).join(recent).on(recent.c<"author_id"> == org.c<"id">);
static_assert(sql<lite>(q_mixed) ==
              R"(WITH RECURSIVE "chain" AS (SELECT "employees"."id", "employees"."name", 0 AS "depth" FROM "employees" )"
              R"(WHERE ("employees"."boss_id" IS NULL) UNION ALL SELECT "employees"."id", "employees"."name", ("chain"."depth" + 1) AS "depth" )"
              R"(FROM "employees" INNER JOIN "chain" ON ("employees"."boss_id" = "chain"."id")), )"
              R"("recent" AS (SELECT "posts"."id", "posts"."author_id", "posts"."title" FROM "posts" WHERE ("posts"."id" > ?1)) )"
              R"(SELECT "chain"."name", "recent"."title" FROM "chain" INNER JOIN "recent" ON ("recent"."author_id" = "chain"."id"))");

