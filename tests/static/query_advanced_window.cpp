// Window functions: exact text for SQLite and PostgreSQL of row_number, rank, dense_rank,
// lag/lead (with and without an offset), first_value and aggregates OVER (...), with PARTITION BY,
// ORDER BY and ROWS / RANGE frames (UNBOUNDED, N PRECEDING, CURRENT ROW, N FOLLOWING); window
// functions in ORDER BY and over a grouped query; result types (ranks never NULL, lag/lead always
// optional, first_value as its argument, aggregates as without OVER); parameters in text order;
// the SQLite version they need (3.25, ctsql[E016] before: tests/compile_fail/).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::as;
using ctsql::current_row;
using ctsql::desc;
using ctsql::field;
using ctsql::following;
using ctsql::lit;
using ctsql::param;
using ctsql::parameter;
using ctsql::preceding;
using ctsql::select;
using ctsql::sql;
using ctsql::type_list;
using ctsql::unbounded_following;
using ctsql::unbounded_preceding;
using ctsql::window;

template <class S>
using row_of = ctsql::result_row_t<S>;
template <class S>
using params_of = ctsql::parameters_t<S>;
template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;

// ---- Ranking: row_number, rank, dense_rank --------------------------------------------------------

constexpr auto by_score = window().order_by(users.score.desc(), desc(users.id));
constexpr auto per_age = window().partition_by(users.age).order_by(desc(users.score));
constexpr auto q_rank = select(users.name, as<"n">(ctsql::row_number().over(by_score)), as<"r">(ctsql::rank().over(per_age)),
                               as<"d">(ctsql::dense_rank().over(per_age)))
                            .from(users);
static_assert(sql<lite>(q_rank) ==
              R"(SELECT "users"."name", ROW_NUMBER() OVER (ORDER BY "users"."score" DESC, "users"."id" DESC) AS "n", )"
              R"(RANK() OVER (PARTITION BY "users"."age" ORDER BY "users"."score" DESC) AS "r", )"
              R"(DENSE_RANK() OVER (PARTITION BY "users"."age" ORDER BY "users"."score" DESC) AS "d" FROM "users")");
static_assert(sql<pg>(q_rank) == sql<lite>(q_rank));
// Ranks are never NULL.
static_assert(same<row_of<decltype(q_rank)>, ctsql::row<field<"name", std::string>, field<"n", std::int64_t>,
                                                      field<"r", std::int64_t>, field<"d", std::int64_t>>>);

// An empty window, a window with only PARTITION BY (several keys), an unnamed item.
constexpr auto q_empty = select(ctsql::row_number().over(window()), ctsql::count().over(window().partition_by(users.name, users.age)))
                             .from(users);
static_assert(sql<lite>(q_empty) ==
              R"(SELECT ROW_NUMBER() OVER (), COUNT(*) OVER (PARTITION BY "users"."name", "users"."age") FROM "users")");
static_assert(sql<pg>(q_empty) == sql<lite>(q_empty));
static_assert(same<row_of<decltype(q_empty)>, ctsql::row<field<"", std::int64_t>, field<"", std::int64_t>>>);

// Sort keys with NULLS ordering inside a window (SQLite >= 3.30 for the NULLS part; before:
// ctsql[E016], tests/compile_fail/E016_window_nulls_last_before_sqlite_3_30.cpp).
constexpr auto q_nulls = select(as<"n">(ctsql::row_number().over(window().order_by(desc(users.age).nulls_last())))).from(users);
static_assert(sql<lite>(q_nulls) == R"(SELECT ROW_NUMBER() OVER (ORDER BY "users"."age" DESC NULLS LAST) AS "n" FROM "users")");
static_assert(sql<pg>(q_nulls) == sql<lite>(q_nulls));
static_assert(sql<ctsql::sqlite<3'030'000>>(q_nulls) == sql<lite>(q_nulls));

// A window ORDER BY may mix sort keys and plain expressions, as SELECT's ORDER BY does.
constexpr auto q_mixed_keys = select(ctsql::row_number().over(window().order_by(users.score.desc(), users.id))).from(users);
static_assert(sql<lite>(q_mixed_keys) == R"(SELECT ROW_NUMBER() OVER (ORDER BY "users"."score" DESC, "users"."id") FROM "users")");
static_assert(sql<pg>(q_mixed_keys) == sql<lite>(q_mixed_keys));
constexpr auto q_mixed_params = select(ctsql::row_number().over(window().order_by(users.id + param<"a">, desc(users.score * param<"b">)))).from(users);
static_assert(sql<pg>(q_mixed_params) == R"(SELECT ROW_NUMBER() OVER (ORDER BY ("users"."id" + $1), ("users"."score" * $2) DESC) FROM "users")");
static_assert(same<params_of<decltype(q_mixed_params)>, type_list<parameter<"a", std::int64_t>, parameter<"b", double>>>);

// ---- lag, lead, first_value -----------------------------------------------------------------------

constexpr auto by_id = window().order_by(users.id);
constexpr auto q_lag = select(users.id, as<"prev">(ctsql::lag(users.name).over(by_id)), as<"prev2">(ctsql::lag(users.name, lit<2>).over(by_id)),
                              as<"next">(ctsql::lead(users.age).over(by_id)), as<"next3">(ctsql::lead(users.id, lit<3>).over(by_id)),
                              as<"first">(ctsql::first_value(users.name).over(window().partition_by(users.age).order_by(users.id))),
                              as<"first_age">(ctsql::first_value(users.age).over(by_id)))
                           .from(users);
static_assert(sql<lite>(q_lag) ==
              R"(SELECT "users"."id", LAG("users"."name") OVER (ORDER BY "users"."id") AS "prev", )"
              R"(LAG("users"."name", 2) OVER (ORDER BY "users"."id") AS "prev2", )"
              R"(LEAD("users"."age") OVER (ORDER BY "users"."id") AS "next", )"
              R"(LEAD("users"."id", 3) OVER (ORDER BY "users"."id") AS "next3", )"
              R"(FIRST_VALUE("users"."name") OVER (PARTITION BY "users"."age" ORDER BY "users"."id") AS "first", )"
              R"(FIRST_VALUE("users"."age") OVER (ORDER BY "users"."id") AS "first_age" FROM "users")");
static_assert(sql<pg>(q_lag) == sql<lite>(q_lag));
// lag/lead are NULL at the edges: always optional. first_value is as nullable as its argument.
static_assert(same<row_of<decltype(q_lag)>,
                   ctsql::row<field<"id", std::int64_t>, field<"prev", std::optional<std::string>>,
                              field<"prev2", std::optional<std::string>>, field<"next", std::optional<std::int32_t>>,
                              field<"next3", std::optional<std::int64_t>>, field<"first", std::string>,
                              field<"first_age", std::optional<std::int32_t>>>>);

// The offset as a parameter: a 32-bit integer (PostgreSQL's lag/lead take an `integer`).
constexpr auto q_lead_param = select(as<"ahead">(ctsql::lead(users.name, param<"k">).over(by_id))).from(users);
static_assert(sql<lite>(q_lead_param) == R"(SELECT LEAD("users"."name", ?1) OVER (ORDER BY "users"."id") AS "ahead" FROM "users")");
static_assert(sql<pg>(q_lead_param) == R"(SELECT LEAD("users"."name", $1) OVER (ORDER BY "users"."id") AS "ahead" FROM "users")");
static_assert(same<params_of<decltype(q_lead_param)>, type_list<parameter<"k", std::int32_t>>>);

// ---- Aggregates over windows, frames ---------------------------------------------------------------

constexpr auto running = window().partition_by(posts.author_id).order_by(posts.created_at, posts.id);
constexpr auto q_frames = select(
    posts.id,
    as<"running">(ctsql::count().over(running.rows_between(unbounded_preceding, current_row))),
    as<"moving">(ctsql::sum(posts.id).over(running.rows_between(preceding<2>, following<1>))),
    as<"ahead">(ctsql::max(posts.id).over(running.rows_between(current_row, following<3>))),
    as<"behind">(ctsql::min(posts.id).over(running.rows_between(preceding<1>, preceding<1>))),
    as<"whole">(ctsql::avg(posts.id).over(running.range_between(unbounded_preceding, unbounded_following))),
    as<"rest">(ctsql::sum(posts.id).over(window().order_by(posts.id).range_between(current_row, unbounded_following))),
    as<"total">(ctsql::sum(posts.id).over(window())))
                            .from(posts);
static_assert(sql<lite>(q_frames) ==
              R"(SELECT "posts"."id", )"
              R"(COUNT(*) OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."created_at", "posts"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "running", )"
              R"(SUM("posts"."id") OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."created_at", "posts"."id" ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS "moving", )"
              R"(MAX("posts"."id") OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."created_at", "posts"."id" ROWS BETWEEN CURRENT ROW AND 3 FOLLOWING) AS "ahead", )"
              R"(MIN("posts"."id") OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."created_at", "posts"."id" ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS "behind", )"
              R"(AVG("posts"."id") OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."created_at", "posts"."id" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "whole", )"
              R"(SUM("posts"."id") OVER (ORDER BY "posts"."id" RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS "rest", )"
              R"(SUM("posts"."id") OVER () AS "total" FROM "posts")");
static_assert(sql<pg>(q_frames) == sql<lite>(q_frames));
// Aggregates keep their types: COUNT never NULL; SUM/MIN/MAX/AVG optional (an empty frame).
static_assert(same<row_of<decltype(q_frames)>,
                   ctsql::row<field<"id", std::int64_t>, field<"running", std::int64_t>, field<"moving", std::optional<std::int64_t>>,
                              field<"ahead", std::optional<std::int64_t>>, field<"behind", std::optional<std::int64_t>>,
                              field<"whole", std::optional<double>>, field<"rest", std::optional<std::int64_t>>,
                              field<"total", std::optional<std::int64_t>>>>);

// A frame without PARTITION BY or ORDER BY; a RANGE frame with offsets (SQLite >= 3.28, PostgreSQL >= 11;
// before: ctsql[E016], tests/compile_fail/E016_range_frame_offset_*).
constexpr auto q_frame_only = select(ctsql::sum(users.score).over(window().rows_between(unbounded_preceding, unbounded_following)),
                                     ctsql::count(users.age).over(window().order_by(users.age).range_between(preceding<5>, following<5>)))
                                  .from(users);
static_assert(sql<lite>(q_frame_only) ==
              R"(SELECT SUM("users"."score") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), )"
              R"(COUNT("users"."age") OVER (ORDER BY "users"."age" RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) FROM "users")");
static_assert(same<row_of<decltype(q_frame_only)>, ctsql::row<field<"", std::optional<double>>, field<"", std::int64_t>>>);
static_assert(sql<ctsql::sqlite<3'028'000>>(q_frame_only) == sql<lite>(q_frame_only));
static_assert(sql<ctsql::postgresql<11>>(q_frame_only) == sql<lite>(q_frame_only));
// ROWS frames with offsets need nothing beyond window functions.
static_assert(sql<ctsql::sqlite<3'025'000>>(q_frames) == sql<lite>(q_frames));
static_assert(sql<ctsql::postgresql<10>>(q_frames) == sql<lite>(q_frames));

// ---- In ORDER BY, over a grouped query ------------------------------------------------------------

constexpr auto q_order = select(users.name).from(users).order_by(desc(ctsql::row_number().over(by_id)), ctsql::rank().over(by_score));
static_assert(sql<lite>(q_order) ==
              R"(SELECT "users"."name" FROM "users" ORDER BY ROW_NUMBER() OVER (ORDER BY "users"."id") DESC, )"
              R"(RANK() OVER (ORDER BY "users"."score" DESC, "users"."id" DESC))");
static_assert(sql<pg>(q_order) == sql<lite>(q_order));

// A window over the groups: rank authors by their post count. A window function does not make
// the query aggregated; its arguments and keys obey GROUP BY like any item (else ctsql[E033]).
constexpr auto q_grouped = select(posts.author_id, as<"posts">(ctsql::count()),
                                  as<"place">(ctsql::rank().over(window().order_by(desc(ctsql::count())))),
                                  as<"prev_author">(ctsql::lag(posts.author_id).over(window().order_by(posts.author_id))))
                               .from(posts)
                               .group_by(posts.author_id);
static_assert(sql<lite>(q_grouped) ==
              R"(SELECT "posts"."author_id", COUNT(*) AS "posts", RANK() OVER (ORDER BY COUNT(*) DESC) AS "place", )"
              R"(LAG("posts"."author_id") OVER (ORDER BY "posts"."author_id") AS "prev_author" FROM "posts" GROUP BY "posts"."author_id")");
static_assert(sql<pg>(q_grouped) == sql<lite>(q_grouped));
static_assert(same<row_of<decltype(q_grouped)>, ctsql::row<field<"author_id", std::int64_t>, field<"posts", std::int64_t>,
                                                         field<"place", std::int64_t>, field<"prev_author", std::optional<std::int64_t>>>>);

// A window function in a CASE, in a SELECT item.
constexpr auto q_case = select(as<"first">(ctsql::case_when(ctsql::row_number().over(by_id) == lit<1>, lit<"yes">).else_(lit<"no">)))
                            .from(users);
static_assert(sql<lite>(q_case) ==
              R"(SELECT CASE WHEN (ROW_NUMBER() OVER (ORDER BY "users"."id") = 1) THEN 'yes' ELSE 'no' END AS "first" FROM "users")");

// ---- Parameters: arguments, PARTITION BY, ORDER BY, then the rest of the statement, in text order -

constexpr auto w_params = window().partition_by(users.age + param<"bucket">).order_by(desc(users.score * param<"weight">));
constexpr auto q_params = select(users.id, as<"v">(ctsql::lag(users.name, param<"back">).over(w_params)))
                              .from(users)
                              .where(users.id > param<"min_id">)
                              .order_by(ctsql::rank().over(window().order_by(users.name == param<"back_name">)));
static_assert(sql<lite>(q_params) ==
              R"(SELECT "users"."id", LAG("users"."name", ?1) OVER (PARTITION BY ("users"."age" + ?2) ORDER BY ("users"."score" * ?3) DESC) AS "v" )"
              R"(FROM "users" WHERE ("users"."id" > ?4) ORDER BY RANK() OVER (ORDER BY ("users"."name" = ?5)))");
static_assert(sql<pg>(q_params) ==
              R"(SELECT "users"."id", LAG("users"."name", $1) OVER (PARTITION BY ("users"."age" + $2) ORDER BY ("users"."score" * $3) DESC) AS "v" )"
              R"(FROM "users" WHERE ("users"."id" > $4) ORDER BY RANK() OVER (ORDER BY ("users"."name" = $5)))");
static_assert(same<params_of<decltype(q_params)>,
                   type_list<parameter<"back", std::int32_t>, parameter<"bucket", std::int32_t>, parameter<"weight", double>,
                             parameter<"min_id", std::int64_t>, parameter<"back_name", std::string>>>);

// ---- Dialect versions: SQLite has window functions since 3.25 -------------------------------------

static_assert(sql<ctsql::sqlite<3'025'000>>(q_rank) == sql<lite>(q_rank));
static_assert(sql<ctsql::postgresql<90'500>>(q_rank) == sql<pg>(q_rank));

// ---- Outer joins: first_value is NULL when its argument is -----------------------------------------

// A column of the LEFT JOINed table is NULL for an unmatched row, so first_value of it is optional.
constexpr auto q_first_left = select(users.name, as<"first">(ctsql::first_value(posts.title).over(window().order_by(posts.id))))
                                  .from(users)
                                  .left_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(q_first_left)>,
                   ctsql::row<field<"name", std::string>, field<"first", std::optional<std::string>>>>);
// The preserved side stays as declared; lag/lead stay optional either way.
constexpr auto q_first_inner_side = select(as<"first">(ctsql::first_value(users.name).over(window().order_by(users.id))),
                                           as<"prev">(ctsql::lag(posts.title).over(window().order_by(users.id))),
                                           as<"n">(ctsql::count(posts.title).over(window())))
                                        .from(users)
                                        .left_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(q_first_inner_side)>,
                   ctsql::row<field<"first", std::string>, field<"prev", std::optional<std::string>>, field<"n", std::int64_t>>>);

// A window function inside an aggregate or as an argument of another window function is ctsql[E054]
// (tests/compile_fail/E054_window_function_in_aggregate.cpp, E054_window_function_in_window_function.cpp).
