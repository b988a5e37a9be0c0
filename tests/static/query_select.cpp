// Exact SELECT text for SQLite and PostgreSQL, clause by clause: items, DISTINCT, FROM, the
// five joins, table aliases, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET; parameter
// numbering across clauses; identifier quoting; the text as one constant.
#include <string_view>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::asc;
using ctsql::count;
using ctsql::desc;
using ctsql::lit;
using ctsql::param;
using ctsql::select;
using ctsql::sql;

// ---- Items, DISTINCT, FROM ----------------------------------------------------------------------

constexpr auto q_items = select(users.id, users.name).from(users);
static_assert(sql<lite>(q_items) == R"(SELECT "users"."id", "users"."name" FROM "users")");
static_assert(sql<pg>(q_items) == R"(SELECT "users"."id", "users"."name" FROM "users")");

constexpr auto q_distinct = ctsql::select_distinct(users.name, users.age).from(users);
static_assert(sql<lite>(q_distinct) == R"(SELECT DISTINCT "users"."name", "users"."age" FROM "users")");
static_assert(sql<pg>(q_distinct) == R"(SELECT DISTINCT "users"."name", "users"."age" FROM "users")");

// No FROM: only expressions that read no table.
constexpr auto q_no_from = select(lit<1>, lit<"x">);
static_assert(sql<lite>(q_no_from) == R"(SELECT 1, 'x')");
static_assert(sql<pg>(q_no_from) == R"(SELECT 1, 'x')");

// Several tables: an implicit cross join.
constexpr auto q_two_tables = select(users.name, posts.title).from(users, posts);
static_assert(sql<lite>(q_two_tables) == R"(SELECT "users"."name", "posts"."title" FROM "users", "posts")");
static_assert(sql<pg>(q_two_tables) == R"(SELECT "users"."name", "posts"."title" FROM "users", "posts")");

// Item aliases: free function and column member.
constexpr auto q_as = select(ctsql::as<"n">(users.name), users.email.as<"mail">(), ctsql::as<"total">(count()))
                          .from(users)
                          .group_by(users.name, users.email);
static_assert(sql<lite>(q_as) == R"(SELECT "users"."name" AS "n", "users"."email" AS "mail", COUNT(*) AS "total" )"
                                  R"(FROM "users" GROUP BY "users"."name", "users"."email")");
static_assert(sql<pg>(q_as) == R"(SELECT "users"."name" AS "n", "users"."email" AS "mail", COUNT(*) AS "total" )"
                                R"(FROM "users" GROUP BY "users"."name", "users"."email")");

// ---- Joins ------------------------------------------------------------------------------------

constexpr auto q_join = select(users.name, posts.title).from(users).join(posts).on(posts.author_id == users.id);
static_assert(sql<lite>(q_join) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                    R"(INNER JOIN "posts" ON ("posts"."author_id" = "users"."id"))");
static_assert(sql<pg>(q_join) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                  R"(INNER JOIN "posts" ON ("posts"."author_id" = "users"."id"))");

constexpr auto q_left = select(users.name, posts.title).from(users).left_join(posts).on(posts.author_id == users.id);
static_assert(sql<lite>(q_left) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                    R"(LEFT JOIN "posts" ON ("posts"."author_id" = "users"."id"))");
static_assert(sql<pg>(q_left) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                  R"(LEFT JOIN "posts" ON ("posts"."author_id" = "users"."id"))");

constexpr auto q_right = select(users.name, posts.title).from(users).right_join(posts).on(posts.author_id == users.id);
static_assert(sql<lite>(q_right) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                     R"(RIGHT JOIN "posts" ON ("posts"."author_id" = "users"."id"))");
static_assert(sql<pg>(q_right) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                   R"(RIGHT JOIN "posts" ON ("posts"."author_id" = "users"."id"))");

constexpr auto q_full = select(users.name, posts.title).from(users).full_join(posts).on(posts.author_id == users.id);
static_assert(sql<lite>(q_full) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                    R"(FULL JOIN "posts" ON ("posts"."author_id" = "users"."id"))");
static_assert(sql<pg>(q_full) == R"(SELECT "users"."name", "posts"."title" FROM "users" )"
                                  R"(FULL JOIN "posts" ON ("posts"."author_id" = "users"."id"))");

constexpr auto q_cross = select(users.name, posts.title).from(users).cross_join(posts);
static_assert(sql<lite>(q_cross) == R"(SELECT "users"."name", "posts"."title" FROM "users" CROSS JOIN "posts")");
static_assert(sql<pg>(q_cross) == R"(SELECT "users"."name", "posts"."title" FROM "users" CROSS JOIN "posts")");

// Joins chain in call order; a parameter in ON is numbered where it appears.
constexpr auto q_chain = select(users.name, posts.title, memberships.org)
                             .from(users)
                             .join(posts).on(posts.author_id == users.id && posts.published == param<"published">)
                             .left_join(memberships).on(memberships.user_id == users.id)
                             .where(users.age > param<"min_age">);
static_assert(sql<lite>(q_chain) ==
              R"(SELECT "users"."name", "posts"."title", "memberships"."org" FROM "users" )"
              R"(INNER JOIN "posts" ON (("posts"."author_id" = "users"."id") AND ("posts"."published" = ?1)) )"
              R"(LEFT JOIN "memberships" ON ("memberships"."user_id" = "users"."id") WHERE ("users"."age" > ?2))");
static_assert(sql<pg>(q_chain) ==
              R"(SELECT "users"."name", "posts"."title", "memberships"."org" FROM "users" )"
              R"(INNER JOIN "posts" ON (("posts"."author_id" = "users"."id") AND ("posts"."published" = $1)) )"
              R"(LEFT JOIN "memberships" ON ("memberships"."user_id" = "users"."id") WHERE ("users"."age" > $2))");
static_assert(ctsql::parameter_names_v<decltype(q_chain)>[0] == "published");
static_assert(ctsql::parameter_names_v<decltype(q_chain)>[1] == "min_age");

// ---- Table aliases ----------------------------------------------------------------------------

constexpr auto boss = ctsql::alias<"boss">(employees);
constexpr auto q_self = select(employees.name, ctsql::as<"boss_name">(boss[employees.name]))
                            .from(employees)
                            .left_join(boss).on(boss[employees.id] == employees.boss_id);
static_assert(sql<lite>(q_self) == R"(SELECT "employees"."name", "boss"."name" AS "boss_name" FROM "employees" )"
                                    R"(LEFT JOIN "employees" AS "boss" ON ("boss"."id" = "employees"."boss_id"))");
static_assert(sql<pg>(q_self) == R"(SELECT "employees"."name", "boss"."name" AS "boss_name" FROM "employees" )"
                                  R"(LEFT JOIN "employees" AS "boss" ON ("boss"."id" = "employees"."boss_id"))");

// An alias as the only FROM item, in WHERE and ORDER BY.
constexpr auto e = ctsql::alias<"e">(employees);
constexpr auto q_alias_from = select(e[employees.id]).from(e).where(e[employees.name] == param<"name">).order_by(desc(e[employees.id]));
static_assert(sql<lite>(q_alias_from) ==
              R"(SELECT "e"."id" FROM "employees" AS "e" WHERE ("e"."name" = ?1) ORDER BY "e"."id" DESC)");
static_assert(sql<pg>(q_alias_from) ==
              R"(SELECT "e"."id" FROM "employees" AS "e" WHERE ("e"."name" = $1) ORDER BY "e"."id" DESC)");

// ---- WHERE, GROUP BY, HAVING ------------------------------------------------------------------

constexpr auto q_where = select(users.id).from(users).where(users.name == param<"name"> && users.age.is_not_null());
static_assert(sql<lite>(q_where) ==
              R"(SELECT "users"."id" FROM "users" WHERE (("users"."name" = ?1) AND ("users"."age" IS NOT NULL)))");
static_assert(sql<pg>(q_where) ==
              R"(SELECT "users"."id" FROM "users" WHERE (("users"."name" = $1) AND ("users"."age" IS NOT NULL)))");

// A boolean column is a condition by itself.
constexpr auto q_where_bool = select(posts.title).from(posts).where(posts.published);
static_assert(sql<lite>(q_where_bool) == R"(SELECT "posts"."title" FROM "posts" WHERE "posts"."published")");
static_assert(sql<pg>(q_where_bool) == R"(SELECT "posts"."title" FROM "posts" WHERE "posts"."published")");

constexpr auto q_group = select(posts.author_id, posts.published, count())
                             .from(posts)
                             .where(posts.title != lit<"">)
                             .group_by(posts.author_id, posts.published)
                             .having(count() >= param<"min_posts">);
static_assert(sql<lite>(q_group) ==
              R"(SELECT "posts"."author_id", "posts"."published", COUNT(*) FROM "posts" WHERE ("posts"."title" <> '') )"
              R"(GROUP BY "posts"."author_id", "posts"."published" HAVING (COUNT(*) >= ?1))");
static_assert(sql<pg>(q_group) ==
              R"(SELECT "posts"."author_id", "posts"."published", COUNT(*) FROM "posts" WHERE ("posts"."title" <> '') )"
              R"(GROUP BY "posts"."author_id", "posts"."published" HAVING (COUNT(*) >= $1))");
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_group)>,
                             ctsql::type_list<ctsql::parameter<"min_posts", std::int64_t>>>);

// GROUP BY without aggregates in the items; HAVING on a grouped column.
constexpr auto q_group_only = select(users.age).from(users).group_by(users.age).having(users.age > lit<18>);
static_assert(sql<lite>(q_group_only) ==
              R"(SELECT "users"."age" FROM "users" GROUP BY "users"."age" HAVING ("users"."age" > 18))");
static_assert(sql<pg>(q_group_only) ==
              R"(SELECT "users"."age" FROM "users" GROUP BY "users"."age" HAVING ("users"."age" > 18))");

// Aggregates only: no GROUP BY needed.
constexpr auto q_aggregates = select(count(), ctsql::max(users.age)).from(users).where(users.score > param<"s">);
static_assert(sql<lite>(q_aggregates) == R"(SELECT COUNT(*), MAX("users"."age") FROM "users" WHERE ("users"."score" > ?1))");
static_assert(sql<pg>(q_aggregates) == R"(SELECT COUNT(*), MAX("users"."age") FROM "users" WHERE ("users"."score" > $1))");

// ---- ORDER BY ---------------------------------------------------------------------------------

constexpr auto q_order = select(users.id).from(users).order_by(desc(users.age), asc(users.name), users.id);
static_assert(sql<lite>(q_order) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC, "users"."name" ASC, "users"."id")");
static_assert(sql<pg>(q_order) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC, "users"."name" ASC, "users"."id")");

constexpr auto q_order_members = select(users.id).from(users).order_by(users.score.desc(), users.email.asc());
static_assert(sql<lite>(q_order_members) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."score" DESC, "users"."email" ASC)");
static_assert(sql<pg>(q_order_members) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."score" DESC, "users"."email" ASC)");

constexpr auto q_nulls = select(users.id).from(users).order_by(desc(users.age).nulls_last(), users.score.asc().nulls_first());
static_assert(sql<lite>(q_nulls) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC NULLS LAST, "users"."score" ASC NULLS FIRST)");
static_assert(sql<pg>(q_nulls) ==
              R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC NULLS LAST, "users"."score" ASC NULLS FIRST)");
// NULLS FIRST/LAST exist since SQLite 3.30.
static_assert(sql<ctsql::sqlite<3'030'000>>(q_nulls) == sql<lite>(q_nulls));

// An expression as a key; an aggregate key in a grouped query.
constexpr auto q_order_expr = select(posts.author_id, count())
                                  .from(posts)
                                  .group_by(posts.author_id)
                                  .order_by(desc(count()), ctsql::lower(ctsql::concat(lit<"a">, lit<"b">)));
static_assert(sql<lite>(q_order_expr) == R"(SELECT "posts"."author_id", COUNT(*) FROM "posts" GROUP BY "posts"."author_id" )"
                                          R"(ORDER BY COUNT(*) DESC, LOWER(('a' || 'b')))");
static_assert(sql<pg>(q_order_expr) == R"(SELECT "posts"."author_id", COUNT(*) FROM "posts" GROUP BY "posts"."author_id" )"
                                        R"(ORDER BY COUNT(*) DESC, LOWER(('a' || 'b')))");

// ---- LIMIT, OFFSET ----------------------------------------------------------------------------

constexpr auto q_limit_param = select(users.id).from(users).limit(param<"n">);
static_assert(sql<lite>(q_limit_param) == R"(SELECT "users"."id" FROM "users" LIMIT ?1)");
static_assert(sql<pg>(q_limit_param) == R"(SELECT "users"."id" FROM "users" LIMIT $1)");
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_limit_param)>,
                             ctsql::type_list<ctsql::parameter<"n", std::int64_t>>>);

constexpr auto q_limit_lit = select(users.id).from(users).limit(lit<10>);
static_assert(sql<lite>(q_limit_lit) == R"(SELECT "users"."id" FROM "users" LIMIT 10)");
static_assert(sql<pg>(q_limit_lit) == R"(SELECT "users"."id" FROM "users" LIMIT 10)");

constexpr auto q_limit_offset = select(users.id).from(users).limit(param<"n">).offset(param<"skip">);
static_assert(sql<lite>(q_limit_offset) == R"(SELECT "users"."id" FROM "users" LIMIT ?1 OFFSET ?2)");
static_assert(sql<pg>(q_limit_offset) == R"(SELECT "users"."id" FROM "users" LIMIT $1 OFFSET $2)");
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_limit_offset)>,
                             ctsql::type_list<ctsql::parameter<"n", std::int64_t>, ctsql::parameter<"skip", std::int64_t>>>);

// OFFSET alone: SQLite needs a LIMIT before it (-1: no limit); PostgreSQL does not.
constexpr auto q_offset = select(users.id).from(users).offset(lit<20>);
static_assert(sql<lite>(q_offset) == R"(SELECT "users"."id" FROM "users" LIMIT -1 OFFSET 20)");
static_assert(sql<pg>(q_offset) == R"(SELECT "users"."id" FROM "users" OFFSET 20)");

// A typed parameter keeps its type.
constexpr auto q_limit_typed = select(users.id).from(users).limit(param<"n", std::int32_t>);
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_limit_typed)>,
                             ctsql::type_list<ctsql::parameter<"n", std::int32_t>>>);

// ---- Every clause at once; parameters numbered in text order ----------------------------------

constexpr auto q_all = ctsql::select_distinct(users.name, ctsql::as<"posts">(count(posts.id)), ctsql::as<"bonus">(users.age + param<"bonus">))
                           .from(users)
                           .left_join(posts).on(posts.author_id == users.id && posts.title != param<"skip_title">)
                           .where(users.age.between(param<"lo">, param<"hi">) || users.name == param<"name">)
                           .group_by(users.name, users.age)
                           .having(count(posts.id) > param<"min_posts">)
                           .order_by(desc(count(posts.id)).nulls_last(), users.name)
                           .limit(param<"n">)
                           .offset(param<"skip">);
static_assert(sql<lite>(q_all) ==
              R"(SELECT DISTINCT "users"."name", COUNT("posts"."id") AS "posts", ("users"."age" + ?1) AS "bonus" )"
              R"(FROM "users" LEFT JOIN "posts" ON (("posts"."author_id" = "users"."id") AND ("posts"."title" <> ?2)) )"
              R"(WHERE (("users"."age" BETWEEN ?3 AND ?4) OR ("users"."name" = ?5)) )"
              R"(GROUP BY "users"."name", "users"."age" HAVING (COUNT("posts"."id") > ?6) )"
              R"(ORDER BY COUNT("posts"."id") DESC NULLS LAST, "users"."name" LIMIT ?7 OFFSET ?8)");
static_assert(sql<pg>(q_all) ==
              R"(SELECT DISTINCT "users"."name", COUNT("posts"."id") AS "posts", ("users"."age" + $1) AS "bonus" )"
              R"(FROM "users" LEFT JOIN "posts" ON (("posts"."author_id" = "users"."id") AND ("posts"."title" <> $2)) )"
              R"(WHERE (("users"."age" BETWEEN $3 AND $4) OR ("users"."name" = $5)) )"
              R"(GROUP BY "users"."name", "users"."age" HAVING (COUNT("posts"."id") > $6) )"
              R"(ORDER BY COUNT("posts"."id") DESC NULLS LAST, "users"."name" LIMIT $7 OFFSET $8)");
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_all)>,
                             ctsql::type_list<ctsql::parameter<"bonus", std::int32_t>,
                                              ctsql::parameter<"skip_title", std::string>,
                                              ctsql::parameter<"lo", std::int32_t>, ctsql::parameter<"hi", std::int32_t>,
                                              ctsql::parameter<"name", std::string>,
                                              ctsql::parameter<"min_posts", std::int64_t>,
                                              ctsql::parameter<"n", std::int64_t>, ctsql::parameter<"skip", std::int64_t>>>);
static_assert(ctsql::parameter_count_v<decltype(q_all)> == 8);

// ---- A name used twice binds once -------------------------------------------------------------

constexpr auto q_reuse = select(users.id)
                             .from(users)
                             .where(users.name == param<"q"> || users.email == param<"q"> || users.id > param<"min_id">)
                             .order_by(users.id)
                             .limit(param<"min_id", std::int64_t>);
static_assert(sql<lite>(q_reuse) == R"(SELECT "users"."id" FROM "users" )"
                                     R"(WHERE ((("users"."name" = ?1) OR ("users"."email" = ?1)) OR ("users"."id" > ?2)) )"
                                     R"(ORDER BY "users"."id" LIMIT ?2)");
static_assert(sql<pg>(q_reuse) == R"(SELECT "users"."id" FROM "users" )"
                                   R"(WHERE ((("users"."name" = $1) OR ("users"."email" = $1)) OR ("users"."id" > $2)) )"
                                   R"(ORDER BY "users"."id" LIMIT $2)");
static_assert(std::is_same_v<ctsql::parameters_t<decltype(q_reuse)>,
                             ctsql::type_list<ctsql::parameter<"q", std::string>, ctsql::parameter<"min_id", std::int64_t>>>);
static_assert(ctsql::parameter_count_v<decltype(q_reuse)> == 2);
static_assert(ctsql::parameter_names_v<decltype(q_reuse)>[0] == "q");
static_assert(ctsql::parameter_names_v<decltype(q_reuse)>[1] == "min_id");
static_assert(ctsql::parameter_names_v<decltype(q_reuse)>[2].empty());  // sentinel

// ---- Identifiers are always quoted, embedded quotes doubled -----------------------------------

constexpr auto q_quoted = select(quoted.select, quoted.quote.as<"a \"b\"">())
                              .from(quoted)
                              .where(quoted.quote == lit<"it's">)
                              .order_by(quoted.select);
static_assert(sql<lite>(q_quoted) == R"(SELECT "order"."select", "order"."say ""hi""" AS "a ""b""" FROM "order" )"
                                      R"(WHERE ("order"."say ""hi""" = 'it''s') ORDER BY "order"."select")");
static_assert(sql<pg>(q_quoted) == R"(SELECT "order"."select", "order"."say ""hi""" AS "a ""b""" FROM "order" )"
                                    R"(WHERE ("order"."say ""hi""" = 'it''s') ORDER BY "order"."select")");

constexpr auto q_quoted_alias = ctsql::alias<"x\"y">(quoted);
static_assert(sql<pg>(select(q_quoted_alias[quoted.select]).from(q_quoted_alias)) ==
              R"(SELECT "x""y"."select" FROM "order" AS "x""y")");

// ---- The text is one constant -----------------------------------------------------------------

// Built twice, spelled differently: the same array in read-only data.
static_assert(sql<lite>(q_items).data() == sql<lite>(select(users.id, users.name).from(users)).data());
static_assert(sql<pg>(q_all).data() == sql<pg>(std::remove_cvref_t<decltype(q_all)>{}).data());
static_assert(sql<lite>(q_items).data() != sql<pg>(q_items).data());
static_assert(ctsql::c_str<lite>(q_items) == sql<lite>(q_items).data());
static_assert(ctsql::c_str<pg>(q_all)[sql<pg>(q_all).size()] == '\0');
constinit std::string_view select_all_text = sql<pg>(q_all);
constinit const char* select_all_c_text = ctsql::c_str<lite>(q_all);
// Usable where a constant expression is needed.
static_assert(sql<lite>(q_limit_lit).size() == 41);
static_assert(sql<lite>(q_limit_lit)[sql<lite>(q_limit_lit).size() - 1] == '0');

// The statement protocol.
static_assert(ctsql::statement<decltype(q_all)>);
static_assert(ctsql::returns_rows<decltype(q_all)>);
