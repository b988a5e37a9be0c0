// Exact INSERT text for SQLite and PostgreSQL: VALUES (one row, several rows, rows of
// parameters named after the columns), DEFAULT VALUES, INSERT ... SELECT, ON CONFLICT
// DO NOTHING / DO UPDATE, RETURNING; parameter lists and RETURNING row types.
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::insert_into;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::parameters_t;
using ctsql::result_row_t;
using ctsql::sql;
using ctsql::type_list;

// ---- VALUES -----------------------------------------------------------------------------------

constexpr auto i_values = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">));
static_assert(sql<lite>(i_values) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2))");
static_assert(sql<pg>(i_values) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2))");
static_assert(std::is_same_v<parameters_t<decltype(i_values)>,
                             type_list<parameter<"name", std::string>, parameter<"email", std::string>>>);
static_assert(std::is_void_v<result_row_t<decltype(i_values)>>);
static_assert(!ctsql::returns_rows<decltype(i_values)>);

// Columns in the order written; a nullable column's parameter is std::optional (NULL can be bound).
constexpr auto i_order = insert_into(users).values(users.age.to(param<"age">), users.email.to(param<"email">),
                                                   users.name.to(param<"name">), users.score.to(param<"score">));
static_assert(sql<lite>(i_order) == R"(INSERT INTO "users" ("age", "email", "name", "score") VALUES (?1, ?2, ?3, ?4))");
static_assert(sql<pg>(i_order) == R"(INSERT INTO "users" ("age", "email", "name", "score") VALUES ($1, $2, $3, $4))");
static_assert(std::is_same_v<parameters_t<decltype(i_order)>,
                             type_list<parameter<"age", std::optional<std::int32_t>>, parameter<"email", std::string>,
                                       parameter<"name", std::string>, parameter<"score", std::optional<double>>>>);

// Literals, NULL, expressions and ctsql::set(column, value).
constexpr auto i_literals = insert_into(users).values(ctsql::set(users.name, lit<"O'Brien">), users.email.to(lit<"ob@x">),
                                                      users.age.to(ctsql::null), users.score.to(ctsql::real_lit<"0.5">));
static_assert(sql<lite>(i_literals) ==
              R"(INSERT INTO "users" ("name", "email", "age", "score") VALUES ('O''Brien', 'ob@x', NULL, 0.5))");
static_assert(sql<pg>(i_literals) ==
              R"(INSERT INTO "users" ("name", "email", "age", "score") VALUES ('O''Brien', 'ob@x', NULL, 0.5))");
static_assert(ctsql::parameter_count_v<decltype(i_literals)> == 0);

constexpr auto i_expr = insert_into(posts).values(posts.author_id.to(param<"author">), posts.title.to(ctsql::upper(param<"title", std::string>)),
                                                  posts.published.to(lit<true>), posts.created_at.to(ctsql::current_timestamp));
static_assert(sql<lite>(i_expr) ==
              R"(INSERT INTO "posts" ("author_id", "title", "published", "created_at") VALUES (?1, UPPER(?2), 1, CURRENT_TIMESTAMP))");
static_assert(sql<pg>(i_expr) ==
              R"(INSERT INTO "posts" ("author_id", "title", "published", "created_at") VALUES ($1, UPPER($2), TRUE, CURRENT_TIMESTAMP))");
static_assert(std::is_same_v<parameters_t<decltype(i_expr)>,
                             type_list<parameter<"author", std::int64_t>, parameter<"title", std::string>>>);

// Columns with defaults may be left out (posts.title, .published, .created_at; users.id is autoincrement).
constexpr auto i_defaults = insert_into(posts).values(posts.author_id.to(param<"author">));
static_assert(sql<lite>(i_defaults) == R"(INSERT INTO "posts" ("author_id") VALUES (?1))");
static_assert(sql<pg>(i_defaults) == R"(INSERT INTO "posts" ("author_id") VALUES ($1))");

// An explicit value for an autoincrement key.
constexpr auto i_with_id = insert_into(users).values(users.id.to(param<"id">), users.name.to(param<"name">), users.email.to(param<"email">));
static_assert(sql<pg>(i_with_id) == R"(INSERT INTO "users" ("id", "name", "email") VALUES ($1, $2, $3))");

// ---- Several rows -----------------------------------------------------------------------------

constexpr auto i_rows = insert_into(users)
                            .values(users.name.to(param<"n1">), users.email.to(param<"e1">))
                            .values(users.name.to(param<"n2">), users.email.to(param<"e2">))
                            .values(users.name.to(lit<"third">), users.email.to(param<"e1">));
static_assert(sql<lite>(i_rows) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2), (?3, ?4), ('third', ?2))");
static_assert(sql<pg>(i_rows) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2), ($3, $4), ('third', $2))");
static_assert(std::is_same_v<parameters_t<decltype(i_rows)>,
                             type_list<parameter<"n1", std::string>, parameter<"e1", std::string>,
                                       parameter<"n2", std::string>, parameter<"e2", std::string>>>);

// ---- A row of parameters named after the columns ----------------------------------------------

constexpr auto i_columns = insert_into(users).columns(users.name, users.email, users.age).values();
static_assert(sql<lite>(i_columns) == R"(INSERT INTO "users" ("name", "email", "age") VALUES (?1, ?2, ?3))");
static_assert(sql<pg>(i_columns) == R"(INSERT INTO "users" ("name", "email", "age") VALUES ($1, $2, $3))");
static_assert(std::is_same_v<parameters_t<decltype(i_columns)>,
                             type_list<parameter<"name", std::string>, parameter<"email", std::string>,
                                       parameter<"age", std::optional<std::int32_t>>>>);
// The column list converts to the same statement.
constexpr decltype(i_columns) i_columns_converted = insert_into(users).columns(users.name, users.email, users.age);
static_assert(sql<pg>(i_columns_converted).data() == sql<pg>(i_columns).data());

// Quoted names: the parameter is named after the column, whatever its spelling.
constexpr auto i_quoted = insert_into(quoted).columns(quoted.select, quoted.quote).values();
static_assert(sql<lite>(i_quoted) == R"(INSERT INTO "order" ("select", "say ""hi""") VALUES (?1, ?2))");
static_assert(sql<pg>(i_quoted) == R"(INSERT INTO "order" ("select", "say ""hi""") VALUES ($1, $2))");
static_assert(ctsql::parameter_names_v<decltype(i_quoted)>[1] == "say \"hi\"");

// ---- DEFAULT VALUES ---------------------------------------------------------------------------

constexpr auto i_default_values = insert_into(events).default_values();
static_assert(sql<lite>(i_default_values) == R"(INSERT INTO "events" DEFAULT VALUES)");
static_assert(sql<pg>(i_default_values) == R"(INSERT INTO "events" DEFAULT VALUES)");
static_assert(ctsql::parameter_count_v<decltype(i_default_values)> == 0);

// ---- INSERT ... SELECT ------------------------------------------------------------------------

constexpr auto i_select = insert_into(archive)
                              .columns(archive.id, archive.name, archive.age)
                              .select(ctsql::select(users.id, users.name, users.age).from(users).where(users.age > param<"min_age">));
static_assert(sql<lite>(i_select) == R"(INSERT INTO "archive" ("id", "name", "age") SELECT "users"."id", "users"."name", )"
                                      R"("users"."age" FROM "users" WHERE ("users"."age" > ?1))");
static_assert(sql<pg>(i_select) == R"(INSERT INTO "archive" ("id", "name", "age") SELECT "users"."id", "users"."name", )"
                                    R"("users"."age" FROM "users" WHERE ("users"."age" > $1))");
static_assert(std::is_same_v<parameters_t<decltype(i_select)>, type_list<parameter<"min_age", std::int32_t>>>);

// Expressions and literals fill columns; an inner join keeps the columns NOT NULL.
constexpr auto i_select_expr = insert_into(archive)
                                   .columns(archive.id, archive.name)
                                   .select(ctsql::select(posts.id, ctsql::concat(users.name, lit<": ">, posts.title))
                                               .from(posts)
                                               .join(users).on(users.id == posts.author_id)
                                               .order_by(posts.id)
                                               .limit(param<"n">));
static_assert(sql<lite>(i_select_expr) ==
              R"(INSERT INTO "archive" ("id", "name") SELECT "posts"."id", (("users"."name" || ': ') || "posts"."title") )"
              R"(FROM "posts" INNER JOIN "users" ON ("users"."id" = "posts"."author_id") ORDER BY "posts"."id" LIMIT ?1)");
static_assert(sql<pg>(i_select_expr) ==
              R"(INSERT INTO "archive" ("id", "name") SELECT "posts"."id", (("users"."name" || ': ') || "posts"."title") )"
              R"(FROM "posts" INNER JOIN "users" ON ("users"."id" = "posts"."author_id") ORDER BY "posts"."id" LIMIT $1)");

// ---- ON CONFLICT ------------------------------------------------------------------------------

constexpr auto i_nothing = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                               .on_conflict(users.email).do_nothing();
static_assert(sql<lite>(i_nothing) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) ON CONFLICT ("email") DO NOTHING)");
static_assert(sql<pg>(i_nothing) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT ("email") DO NOTHING)");
// ON CONFLICT since SQLite 3.24 and PostgreSQL 9.5.
static_assert(sql<ctsql::sqlite<3'024'000>>(i_nothing) == sql<lite>(i_nothing));
static_assert(sql<ctsql::postgresql<90'500>>(i_nothing) == sql<pg>(i_nothing));

// Without a target: any conflict.
constexpr auto i_nothing_any = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                                   .on_conflict().do_nothing();
static_assert(sql<lite>(i_nothing_any) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) ON CONFLICT DO NOTHING)");
static_assert(sql<pg>(i_nothing_any) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT DO NOTHING)");

// Targets: the primary key, a composite primary key, a composite unique constraint (any
// column order), a unique index.
constexpr auto i_pk = insert_into(users).values(users.id.to(param<"id">), users.name.to(param<"name">), users.email.to(param<"email">))
                          .on_conflict(users.id).do_nothing();
static_assert(sql<pg>(i_pk) == R"(INSERT INTO "users" ("id", "name", "email") VALUES ($1, $2, $3) ON CONFLICT ("id") DO NOTHING)");
constexpr auto i_composite = insert_into(memberships).columns(memberships.user_id, memberships.org, memberships.code).values()
                                 .on_conflict(memberships.user_id, memberships.org, memberships.code).do_nothing();
static_assert(sql<lite>(i_composite) == R"(INSERT INTO "memberships" ("user_id", "org", "code") VALUES (?1, ?2, ?3) )"
                                         R"(ON CONFLICT ("user_id", "org", "code") DO NOTHING)");
constexpr auto i_unique_reordered = insert_into(memberships).columns(memberships.user_id, memberships.org, memberships.code).values()
                                        .on_conflict(memberships.org, memberships.user_id, memberships.code).do_nothing();
static_assert(sql<pg>(i_unique_reordered) == R"(INSERT INTO "memberships" ("user_id", "org", "code") VALUES ($1, $2, $3) )"
                                              R"(ON CONFLICT ("org", "user_id", "code") DO NOTHING)");
constexpr auto i_unique_index = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                                    .on_conflict(users.age, users.score).do_nothing();
static_assert(sql<pg>(i_unique_index) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT ("age", "score") DO NOTHING)");

// DO UPDATE: excluded.<column> is the proposed row; columns of the table are qualified there.
constexpr auto i_upsert = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                              .on_conflict(users.email)
                              .do_update(users.name.to(ctsql::excluded(users.name)), users.age.to(users.age + lit<1>),
                                         users.score.to(param<"score">));
static_assert(sql<lite>(i_upsert) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) ON CONFLICT ("email") )"
                                      R"(DO UPDATE SET "name" = excluded."name", "age" = ("users"."age" + 1), "score" = ?3)");
static_assert(sql<pg>(i_upsert) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT ("email") )"
                                    R"(DO UPDATE SET "name" = excluded."name", "age" = ("users"."age" + 1), "score" = $3)");
static_assert(std::is_same_v<parameters_t<decltype(i_upsert)>,
                             type_list<parameter<"name", std::string>, parameter<"email", std::string>,
                                       parameter<"score", std::optional<double>>>>);

// A parameter of the row used again in DO UPDATE binds once.
constexpr auto i_upsert_reuse = insert_into(users).columns(users.name, users.email).values()
                                    .on_conflict(users.email).do_update(users.name.to(param<"name">));
static_assert(sql<lite>(i_upsert_reuse) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) ON CONFLICT ("email") )"
                                            R"(DO UPDATE SET "name" = ?1)");
static_assert(ctsql::parameter_count_v<decltype(i_upsert_reuse)> == 2);

// INSERT ... SELECT with ON CONFLICT.
// SQLite would parse "FROM t ON CONFLICT" as a join constraint: an upsert after INSERT ... SELECT gets WHERE true.
constexpr auto i_select_upsert = insert_into(archive).columns(archive.id, archive.name)
                                     .select(ctsql::select(users.id, users.name).from(users))
                                     .on_conflict(archive.id).do_nothing();
static_assert(sql<lite>(i_select_upsert) == R"(INSERT INTO "archive" ("id", "name") SELECT "users"."id", "users"."name" )"
                                             R"(FROM "users" WHERE true ON CONFLICT ("id") DO NOTHING)");
constexpr auto i_select_upsert_where = insert_into(archive).columns(archive.id, archive.name)
                                           .select(ctsql::select(users.id, users.name).from(users).where(users.age > lit<0>))
                                           .on_conflict(archive.id).do_update(archive.name.to(ctsql::excluded(archive.name)));
static_assert(sql<lite>(i_select_upsert_where) ==
              R"(INSERT INTO "archive" ("id", "name") SELECT "users"."id", "users"."name" FROM "users" )"
              R"(WHERE ("users"."age" > 0) ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name")");

// ---- RETURNING --------------------------------------------------------------------------------

constexpr auto i_returning = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                                 .returning(users.id, users.age, ctsql::as<"shout">(ctsql::upper(users.name)));
static_assert(sql<lite>(i_returning) ==
              R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) RETURNING "id", "age", UPPER("name") AS "shout")");
static_assert(sql<pg>(i_returning) ==
              R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) RETURNING "id", "age", UPPER("name") AS "shout")");
static_assert(std::is_same_v<result_row_t<decltype(i_returning)>,
                             ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"age", std::optional<std::int32_t>>,
                                        ctsql::field<"shout", std::string>>>);
static_assert(ctsql::returns_rows<decltype(i_returning)>);
// RETURNING since SQLite 3.35.
static_assert(sql<ctsql::sqlite<3'035'000>>(i_returning) == sql<lite>(i_returning));

constexpr auto i_upsert_returning = insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
                                        .on_conflict(users.email).do_update(users.name.to(ctsql::excluded(users.name)))
                                        .returning(users.id);
static_assert(sql<lite>(i_upsert_returning) == R"(INSERT INTO "users" ("name", "email") VALUES (?1, ?2) ON CONFLICT ("email") )"
                                                R"(DO UPDATE SET "name" = excluded."name" RETURNING "id")");
static_assert(sql<pg>(i_upsert_returning) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT ("email") )"
                                              R"(DO UPDATE SET "name" = excluded."name" RETURNING "id")");

constexpr auto i_default_returning = insert_into(events).default_values().returning(events.id, events.at);
static_assert(sql<lite>(i_default_returning) == R"(INSERT INTO "events" DEFAULT VALUES RETURNING "id", "at")");
static_assert(sql<pg>(i_default_returning) == R"(INSERT INTO "events" DEFAULT VALUES RETURNING "id", "at")");
static_assert(std::is_same_v<result_row_t<decltype(i_default_returning)>,
                             ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"at", ctsql::timestamp>>>);

constexpr auto i_rows_returning = insert_into(users).columns(users.name, users.email).values().returning(users.id);
static_assert(sql<pg>(i_rows_returning) == R"(INSERT INTO "users" ("name", "email") VALUES ($1, $2) RETURNING "id")");
