// Runtime checks of CASE, window functions, subqueries and set operations, shared by the SQLite
// and PostgreSQL test files (tests/runtime/{sqlite,postgresql}/query_advanced.cpp): each statement
// runs through the connector on a real database seeded with the rows below, and the values read
// back (NULLs as std::optional) are the expected ones. Each run_* function gets a freshly seeded
// database.
//
//   a_teams   id name        a_people  id name team age  score     a_posts  id author title likes published
//             1  red                   1  ann  1    30   9.5                1  1      a1    10    true
//             2  blue                  2  bob  1    45   7.0                2  1      a2    3     false
//                                      3  cy   2    NULL 8.0                3  2      b1    7     true
//                                      4  dee  NULL 17   6.5                4  3      c1    0     true
//                                      5  eve  2    70   8.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/ctsql.hpp>

namespace acase {

using ctsql::as;
using ctsql::column;
using ctsql::lit;
using ctsql::param;
using ctsql::select;

struct teams_t {
    static constexpr ctsql::fixed_string sql_name = "a_teams";
    struct id_c : column<teams_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : column<teams_t, "name", std::string, ctsql::unique> {} name;
};
inline constexpr teams_t teams{};

struct people_t {
    static constexpr ctsql::fixed_string sql_name = "a_people";
    struct id_c : column<people_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : column<people_t, "name", std::string> {} name;
    struct team_c : column<people_t, "team", std::optional<std::int64_t>, ctsql::references<teams_t::id_c>> {} team;
    struct age_c : column<people_t, "age", std::optional<std::int32_t>> {} age;
    struct score_c : column<people_t, "score", double> {} score;
};
inline constexpr people_t people{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "a_posts";
    struct id_c : column<posts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_id_c : column<posts_t, "author_id", std::int64_t, ctsql::references<people_t::id_c>> {} author_id;
    struct title_c : column<posts_t, "title", std::string> {} title;
    struct likes_c : column<posts_t, "likes", std::int32_t> {} likes;
    struct published_c : column<posts_t, "published", bool> {} published;
};
inline constexpr posts_t posts{};

using schema = ctsql::schema<teams_t, people_t, posts_t>;

using opt_i32 = std::optional<std::int32_t>;
using opt_i64 = std::optional<std::int64_t>;
using opt_str = std::optional<std::string>;
using opt_f64 = std::optional<double>;
using strings = std::vector<std::string>;

// The values of one field, row by row.
template <ctsql::fixed_string Name, class Rows>
auto field_values(const Rows& rows) {
    using T = std::remove_cvref_t<decltype(rows.front().template get<Name>())>;
    std::vector<T> out;
    for (const auto& r : rows) out.push_back(r.template get<Name>());
    return out;
}

inline constexpr auto add_team = ctsql::insert_into(teams).values(teams.id.to(param<"id">), teams.name.to(param<"name">));
inline constexpr auto add_person =
    ctsql::insert_into(people).values(people.id.to(param<"id">), people.name.to(param<"name">), people.team.to(param<"team">),
                                      people.age.to(param<"age">), people.score.to(param<"score">));
inline constexpr auto add_post =
    ctsql::insert_into(posts).values(posts.id.to(param<"id">), posts.author_id.to(param<"author">), posts.title.to(param<"title">),
                                     posts.likes.to(param<"likes">), posts.published.to(param<"published">));

template <class Connection>
void seed(Connection& db) {
    db.execute(ctsql::create_all<schema>());
    db.execute(add_team, std::int64_t{1}, std::string("red"));
    db.execute(add_team, std::int64_t{2}, std::string("blue"));
    db.execute(add_person, std::int64_t{1}, std::string("ann"), opt_i64(1), opt_i32(30), 9.5);
    db.execute(add_person, std::int64_t{2}, std::string("bob"), opt_i64(1), opt_i32(45), 7.0);
    db.execute(add_person, std::int64_t{3}, std::string("cy"), opt_i64(2), opt_i32(), 8.0);
    db.execute(add_person, std::int64_t{4}, std::string("dee"), opt_i64(), opt_i32(17), 6.5);
    db.execute(add_person, std::int64_t{5}, std::string("eve"), opt_i64(2), opt_i32(70), 8.0);
    db.execute(add_post, std::int64_t{1}, std::int64_t{1}, std::string("a1"), std::int32_t{10}, true);
    db.execute(add_post, std::int64_t{2}, std::int64_t{1}, std::string("a2"), std::int32_t{3}, false);
    db.execute(add_post, std::int64_t{3}, std::int64_t{2}, std::string("b1"), std::int32_t{7}, true);
    db.execute(add_post, std::int64_t{4}, std::int64_t{3}, std::string("c1"), std::int32_t{0}, true);
}

// ---- CASE ----------------------------------------------------------------------------------------

inline constexpr auto case_band =
    select(people.id, as<"band">(ctsql::case_when(people.age < lit<18>, lit<"minor">).when(people.age < lit<65>, lit<"adult">).else_(lit<"senior">)),
           as<"retired">(ctsql::case_when(people.age >= lit<65>, lit<"yes">)))
        .from(people)
        .order_by(people.id);
inline constexpr auto case_params =
    select(as<"label">(ctsql::case_when(people.age < param<"young">, people.name).when(people.score > param<"high">, param<"label">).else_(param<"other">)))
        .from(people)
        .order_by(people.id);
inline constexpr auto case_widened =
    select(as<"v">(ctsql::case_when(people.age.is_null(), people.score).else_(people.age))).from(people).order_by(people.id);
inline constexpr auto case_in_sum =
    select(posts.author_id, as<"published">(ctsql::sum(ctsql::case_when(posts.published, lit<1>).else_(lit<0>))),
           as<"likes">(ctsql::sum(posts.likes)))
        .from(posts)
        .group_by(posts.author_id)
        .order_by(posts.author_id);
inline constexpr auto case_in_where =
    select(people.id).from(people).where(ctsql::case_when(people.team.is_null(), lit<true>).else_(people.age > param<"min">)).order_by(people.id);
inline constexpr auto case_in_order_by =
    select(people.name).from(people).order_by(ctsql::asc(ctsql::case_when(people.name == param<"first">, lit<0>).else_(lit<1>)), people.name);
// NULL as ELSE and as THEN: typed by the other branch, optional.
inline constexpr auto case_else_null =
    select(as<"v">(ctsql::case_when(people.age >= lit<18>, people.name).else_(ctsql::null))).from(people).order_by(people.id);
inline constexpr auto case_then_null =
    select(as<"v">(ctsql::case_when(people.team.is_null(), ctsql::null).else_(people.score))).from(people).order_by(people.id);
// A parameter as the first branch, typed by a later branch (text; an integer).
inline constexpr auto case_first_param =
    select(as<"v">(ctsql::case_when(people.score > param<"high">, param<"label">).else_(people.name))).from(people).order_by(people.id);
inline constexpr auto case_first_param_int =
    select(as<"v">(ctsql::case_when(people.age.is_null(), param<"fallback">).else_(people.age))).from(people).order_by(people.id);

template <class Connection>
void run_case(Connection& db) {
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(case_band)>,
                                 ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"band", std::string>, ctsql::field<"retired", opt_str>>>);
    const auto bands = db.fetch_all(case_band);
    CHECK(field_values<"band">(bands) == strings{"adult", "adult", "senior", "minor", "senior"});  // cy: NULL age falls to ELSE
    CHECK(field_values<"retired">(bands) == std::vector<opt_str>{{}, {}, {}, {}, "yes"});

    // young, high, label, other
    const auto labels = db.fetch_all(case_params, std::int32_t{18}, 8.5, std::string("star"), std::string("-"));
    CHECK(field_values<"label">(labels) == strings{"star", "-", "-", "dee", "-"});

    const auto widened = db.fetch_all(case_widened);
    static_assert(std::is_same_v<decltype(widened.front().template get<"v">()), const opt_f64&>);
    CHECK(field_values<"v">(widened) == std::vector<opt_f64>{30.0, 45.0, 8.0, 17.0, 70.0});

    const auto sums = db.fetch_all(case_in_sum);
    CHECK(field_values<"author_id">(sums) == std::vector<std::int64_t>{1, 2, 3});
    CHECK(field_values<"published">(sums) == std::vector<opt_i64>{1, 1, 1});
    CHECK(field_values<"likes">(sums) == std::vector<opt_i64>{13, 7, 0});

    // no team, or older than 40 (cy: NULL age, so the CASE is NULL and the row is left out)
    CHECK(field_values<"id">(db.fetch_all(case_in_where, std::int32_t{40})) == std::vector<std::int64_t>{2, 4, 5});
    CHECK(field_values<"name">(db.fetch_all(case_in_order_by, std::string("eve"))) == strings{"eve", "ann", "bob", "cy", "dee"});

    // adults by name, others (dee 17, cy NULL age) NULL
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(case_else_null)>, ctsql::row<ctsql::field<"v", opt_str>>>);
    CHECK(field_values<"v">(db.fetch_all(case_else_null)) == std::vector<opt_str>{"ann", "bob", {}, {}, "eve"});
    // NULL for dee (no team), else the score
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(case_then_null)>, ctsql::row<ctsql::field<"v", opt_f64>>>);
    CHECK(field_values<"v">(db.fetch_all(case_then_null)) == std::vector<opt_f64>{9.5, 7.0, 8.0, {}, 8.0});

    // high (from score), label (from the ELSE, people.name)
    static_assert(std::is_same_v<ctsql::parameters_t<decltype(case_first_param)>,
                                 ctsql::type_list<ctsql::parameter<"high", double>, ctsql::parameter<"label", std::string>>>);
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(case_first_param)>, ctsql::row<ctsql::field<"v", std::string>>>);
    CHECK(field_values<"v">(db.fetch_all(case_first_param, 8.5, std::string("star"))) == strings{"star", "bob", "cy", "dee", "eve"});
    // fallback typed from people.age
    static_assert(std::is_same_v<ctsql::parameters_t<decltype(case_first_param_int)>, ctsql::type_list<ctsql::parameter<"fallback", std::int32_t>>>);
    CHECK(field_values<"v">(db.fetch_all(case_first_param_int, std::int32_t{-1})) == std::vector<opt_i32>{30, 45, -1, 17, 70});
}

// ---- Window functions ------------------------------------------------------------------------------

inline constexpr auto score_order = ctsql::window().order_by(people.score.desc());
inline constexpr auto win_ranks = select(people.name, as<"n">(ctsql::row_number().over(ctsql::window().order_by(people.score.desc(), people.id.asc()))),
                                         as<"r">(ctsql::rank().over(score_order)), as<"d">(ctsql::dense_rank().over(score_order)),
                                         as<"in_team">(ctsql::row_number().over(ctsql::window().partition_by(people.team).order_by(people.id))),
                                         as<"best_in_team">(ctsql::first_value(people.name).over(
                                             ctsql::window().partition_by(people.team).order_by(people.score.desc(), people.id.asc()))))
                                      .from(people)
                                      .order_by(people.id);
inline constexpr auto by_id = ctsql::window().order_by(people.id);
inline constexpr auto win_lag = select(people.id, as<"prev">(ctsql::lag(people.name).over(by_id)), as<"prev2">(ctsql::lag(people.name, lit<2>).over(by_id)),
                                       as<"next_age">(ctsql::lead(people.age).over(by_id)), as<"next2">(ctsql::lead(people.id, lit<2>).over(by_id)))
                                    .from(people)
                                    .order_by(people.id);
// LEAD(x, $1): the offset parameter is a std::int32_t (PostgreSQL has lead(anyelement, integer), no bigint form).
inline constexpr auto win_lead_param = select(as<"ahead">(ctsql::lead(people.name, param<"k">).over(by_id))).from(people).order_by(people.id);
inline constexpr auto post_order = ctsql::window().order_by(posts.id);
inline constexpr auto win_frames =
    select(posts.id,
           as<"running">(ctsql::sum(posts.likes).over(ctsql::window().partition_by(posts.author_id).order_by(posts.id).rows_between(ctsql::unbounded_preceding, ctsql::current_row))),
           as<"moving">(ctsql::sum(posts.likes).over(post_order.rows_between(ctsql::preceding<1>, ctsql::following<1>))),
           as<"before">(ctsql::sum(posts.likes).over(post_order.rows_between(ctsql::preceding<2>, ctsql::preceding<1>))),
           as<"rest">(ctsql::sum(posts.likes).over(post_order.range_between(ctsql::current_row, ctsql::unbounded_following))),
           as<"mean">(ctsql::avg(posts.likes).over(post_order.range_between(ctsql::unbounded_preceding, ctsql::unbounded_following))),
           as<"total">(ctsql::sum(posts.likes).over(ctsql::window())),
           as<"per_author">(ctsql::count().over(ctsql::window().partition_by(posts.author_id))),
           as<"top">(ctsql::max(posts.likes).over(post_order.rows_between(ctsql::current_row, ctsql::following<2>))))
        .from(posts)
        .order_by(posts.id);
inline constexpr auto win_order_by = select(people.name).from(people).order_by(ctsql::desc(ctsql::row_number().over(by_id)));
inline constexpr auto win_grouped = select(posts.author_id, as<"n">(ctsql::count()),
                                           as<"place">(ctsql::rank().over(ctsql::window().order_by(ctsql::desc(ctsql::count())))))
                                        .from(posts)
                                        .group_by(posts.author_id)
                                        .order_by(posts.author_id);

template <class Connection>
void run_window(Connection& db) {
    const auto ranks = db.fetch_all(win_ranks);
    CHECK(field_values<"name">(ranks) == strings{"ann", "bob", "cy", "dee", "eve"});
    CHECK(field_values<"n">(ranks) == std::vector<std::int64_t>{1, 4, 2, 5, 3});
    CHECK(field_values<"r">(ranks) == std::vector<std::int64_t>{1, 4, 2, 5, 2});
    CHECK(field_values<"d">(ranks) == std::vector<std::int64_t>{1, 3, 2, 4, 2});
    CHECK(field_values<"in_team">(ranks) == std::vector<std::int64_t>{1, 2, 1, 1, 2});
    CHECK(field_values<"best_in_team">(ranks) == strings{"ann", "ann", "cy", "dee", "cy"});

    const auto lags = db.fetch_all(win_lag);
    CHECK(field_values<"prev">(lags) == std::vector<opt_str>{{}, "ann", "bob", "cy", "dee"});
    CHECK(field_values<"prev2">(lags) == std::vector<opt_str>{{}, {}, "ann", "bob", "cy"});
    CHECK(field_values<"next_age">(lags) == std::vector<opt_i32>{45, {}, 17, 70, {}});  // cy's age is NULL too
    CHECK(field_values<"next2">(lags) == std::vector<opt_i64>{3, 4, 5, {}, {}});

    const auto frames = db.fetch_all(win_frames);  // likes by id: 10, 3, 7, 0
    CHECK(field_values<"running">(frames) == std::vector<opt_i64>{10, 13, 7, 0});
    CHECK(field_values<"moving">(frames) == std::vector<opt_i64>{13, 20, 10, 7});
    CHECK(field_values<"before">(frames) == std::vector<opt_i64>{{}, 10, 13, 10});  // an empty frame: NULL
    CHECK(field_values<"rest">(frames) == std::vector<opt_i64>{20, 10, 7, 0});
    CHECK(field_values<"mean">(frames) == std::vector<opt_f64>{5.0, 5.0, 5.0, 5.0});
    CHECK(field_values<"total">(frames) == std::vector<opt_i64>{20, 20, 20, 20});
    CHECK(field_values<"per_author">(frames) == std::vector<std::int64_t>{2, 2, 1, 1});
    CHECK(field_values<"top">(frames) == std::vector<opt_i32>{10, 7, 7, 0});

    CHECK(field_values<"name">(db.fetch_all(win_order_by)) == strings{"eve", "dee", "cy", "bob", "ann"});

    const auto grouped = db.fetch_all(win_grouped);
    CHECK(field_values<"n">(grouped) == std::vector<std::int64_t>{2, 1, 1});
    CHECK(field_values<"place">(grouped) == std::vector<std::int64_t>{1, 2, 2});

    // first_value over the outer side of a LEFT JOIN is optional: dee and eve have no post.
    constexpr auto first_post = select(people.name, as<"first">(ctsql::first_value(posts.title).over(ctsql::window().partition_by(people.id).order_by(posts.id))))
                                    .from(people).left_join(posts).on(posts.author_id == people.id).order_by(people.id, posts.id);
    const auto firsts = db.fetch_all(first_post);
    REQUIRE(firsts.size() == 6);
    CHECK(firsts[0].template get<"first">() == opt_str("a1"));
    CHECK(firsts[4].template get<"first">() == opt_str());
}

// ---- Subqueries ------------------------------------------------------------------------------------

inline constexpr auto sub_exists =
    select(people.name).from(people).where(ctsql::exists(select(posts.id).from(posts).where(posts.author_id == people.id && posts.published))).order_by(people.id);
inline constexpr auto sub_not_exists =
    select(people.name).from(people).where(!ctsql::exists(select(lit<1>).from(posts).where(posts.author_id == people.id))).order_by(people.id);
inline constexpr auto liked_authors = select(posts.author_id).from(posts).where(posts.likes >= param<"min">);
inline constexpr auto sub_in = select(people.name).from(people).where(people.id.in(liked_authors)).order_by(people.id);
inline constexpr auto sub_not_in = select(people.name).from(people).where(!ctsql::in(people.id, liked_authors)).order_by(people.id);
inline constexpr auto sub_scalar_items =
    select(people.name, as<"top">(ctsql::scalar(select(ctsql::max(posts.likes)).from(posts).where(posts.author_id == people.id))),
           as<"latest">(ctsql::scalar(select(posts.title).from(posts).where(posts.author_id == people.id).order_by(ctsql::desc(posts.id)).limit(lit<1>))),
           as<"has_posts">(ctsql::exists(select(posts.id).from(posts).where(posts.author_id == people.id))),
           as<"liked">(people.id.in(select(posts.author_id).from(posts).where(posts.likes > lit<5>))))
        .from(people)
        .order_by(people.id);
inline constexpr auto sub_scalar_where =
    select(people.name).from(people).where(people.score > ctsql::scalar(select(ctsql::avg(people.score)).from(people))).order_by(people.id);
inline constexpr auto sub_params =
    select(people.name, as<"n">(ctsql::scalar(select(ctsql::count()).from(posts).where(posts.author_id == people.id && posts.likes >= param<"min_likes">))))
        .from(people)
        .where(people.score >= param<"min_score"> &&
               ctsql::exists(select(posts.id).from(posts).where(posts.author_id == people.id && posts.title.like(param<"pattern">))))
        .order_by(people.id)
        .limit(param<"n">);
inline constexpr auto other = ctsql::alias<"other">(people);
inline constexpr auto sub_alias =
    select(people.name, as<"as_good">(ctsql::scalar(select(ctsql::count()).from(other).where(other[people.team] == people.team &&
                                                                                                   other[people.score] >= people.score &&
                                                                                                   other[people.id] != people.id))))
        .from(people)
        .order_by(people.id);
inline constexpr auto sub_grouped = select(people.name)
                                        .from(people)
                                        .where(people.id.in(select(posts.author_id).from(posts).group_by(posts.author_id).having(ctsql::count() >= param<"n">)))
                                        .order_by(people.id);

template <class Connection>
void run_subquery(Connection& db) {
    CHECK(field_values<"name">(db.fetch_all(sub_exists)) == strings{"ann", "bob", "cy"});
    CHECK(field_values<"name">(db.fetch_all(sub_not_exists)) == strings{"dee", "eve"});
    CHECK(field_values<"name">(db.fetch_all(sub_in, std::int32_t{5})) == strings{"ann", "bob"});
    CHECK(field_values<"name">(db.fetch_all(sub_not_in, std::int32_t{5})) == strings{"cy", "dee", "eve"});

    const auto items = db.fetch_all(sub_scalar_items);
    CHECK(field_values<"top">(items) == std::vector<opt_i32>{10, 7, 0, {}, {}});
    CHECK(field_values<"latest">(items) == std::vector<opt_str>{"a2", "b1", "c1", {}, {}});
    CHECK(field_values<"has_posts">(items) == std::vector<bool>{true, true, true, false, false});
    CHECK(field_values<"liked">(items) == std::vector<std::optional<bool>>{true, true, false, false, false});

    CHECK(field_values<"name">(db.fetch_all(sub_scalar_where)) == strings{"ann", "cy", "eve"});  // mean score 7.8

    // min_likes (inner, in the items), min_score (outer), pattern (inner, in WHERE), n (outer LIMIT)
    const auto with_params = db.fetch_all(sub_params, std::int32_t{5}, 7.0, std::string("%1"), std::int64_t{10});
    CHECK(field_values<"name">(with_params) == strings{"ann", "bob", "cy"});
    CHECK(field_values<"n">(with_params) == std::vector<opt_i64>{1, 1, 0});
    CHECK(db.fetch_all(sub_params, std::int32_t{5}, 7.0, std::string("%1"), std::int64_t{1}).size() == 1);

    // teammates at least as good: bob has ann; cy and eve (8.0) have each other; dee has no team
    CHECK(field_values<"as_good">(db.fetch_all(sub_alias)) == std::vector<opt_i64>{0, 1, 1, 0, 1});
    CHECK(field_values<"name">(db.fetch_all(sub_grouped, std::int64_t{2})) == strings{"ann"});
}

// UPDATE and DELETE with (uncorrelated) subqueries.
inline constexpr auto set_to_best = ctsql::update(people)
                                        .set(people.score.to(ctsql::coalesce(ctsql::scalar(select(ctsql::max(people.score)).from(people)), ctsql::real_lit<"0">)))
                                        .where(people.id == param<"id">)
                                        .returning(people.score);
inline constexpr auto delete_posts_of_ageless =
    ctsql::delete_from(posts).where(posts.author_id.in(select(people.id).from(people).where(people.age.is_null())));
inline constexpr auto count_posts = select(as<"n">(ctsql::count())).from(posts);
inline constexpr auto count_people = select(as<"n">(ctsql::count())).from(people);

template <class Connection>
void run_subquery_modify(Connection& db) {
    const auto updated = db.fetch_all(set_to_best, std::int64_t{4});
    REQUIRE(updated.size() == 1);
    CHECK(updated[0].template get<"score">() == 9.5);
    CHECK(db.execute(delete_posts_of_ageless) == 1);  // cy's post
    CHECK(db.fetch_one(count_posts).template get<"n">() == 3);
    CHECK(db.fetch_one(count_people).template get<"n">() == 5);

    constexpr auto delete_without_posts =
        ctsql::delete_from(people).where(!ctsql::exists(select(lit<1>).from(posts).where(posts.author_id == people.id)));
    CHECK(db.execute(delete_without_posts) == 3);  // cy (whose post went above), dee, eve
    CHECK(field_values<"name">(db.fetch_all(select(people.name).from(people).order_by(people.id))) == strings{"ann", "bob"});
}

// ---- Set operations --------------------------------------------------------------------------------

inline constexpr auto person_names = select(people.name).from(people);
inline constexpr auto post_titles = select(posts.title).from(posts);
inline constexpr auto set_union = ctsql::union_(person_names, post_titles).order_by(ctsql::by<"name">);
inline constexpr auto set_union_page = ctsql::union_(person_names, post_titles).order_by(ctsql::by<"name">.desc()).limit(param<"n">).offset(param<"skip">);
inline constexpr auto set_teams_all = ctsql::union_all(select(people.team).from(people), select(teams.id).from(teams));
inline constexpr auto set_teams = ctsql::union_(select(people.team).from(people), select(teams.id).from(teams)).order_by(ctsql::by<"team">.asc().nulls_first());
inline constexpr auto set_intersect = ctsql::intersect(select(people.id).from(people).where(people.age > lit<20>), select(posts.author_id).from(posts))
                                          .order_by(ctsql::by<"id">);
inline constexpr auto set_except = ctsql::except(select(people.id).from(people), select(posts.author_id).from(posts)).order_by(ctsql::by<"id">);
inline constexpr auto set_except_offset =
    ctsql::except(select(people.id).from(people), select(posts.author_id).from(posts)).order_by(ctsql::by<"id">).offset(lit<1>);
inline constexpr auto set_widened = ctsql::union_all(select(people.name, people.age, people.score).from(people).where(people.id == param<"a">),
                                                     select(posts.title, posts.id, posts.likes).from(posts).where(posts.id == param<"b">))
                                        .order_by(ctsql::by<"name">);
// (A UNION B) EXCEPT C, UNION and EXCEPT being equal in precedence on both databases.
inline constexpr auto set_chain = ctsql::except(ctsql::union_(select(people.id).from(people).where(people.id <= lit<2>),
                                                             select(posts.author_id).from(posts)),
                                                select(people.id).from(people).where(people.age > lit<40>))
                                      .order_by(ctsql::by<"id">.desc());
inline constexpr auto set_chain_all = ctsql::union_all(ctsql::union_all(person_names, post_titles), select(teams.name).from(teams));
inline constexpr auto set_params = ctsql::union_(select(people.name).from(people).where(people.id == param<"a">),
                                                 select(posts.title).from(posts).where(posts.author_id == param<"a"> && posts.likes > param<"min">))
                                       .order_by(ctsql::by<"name">)
                                       .limit(param<"n">);

template <class Connection>
void run_compound(Connection& db) {
    CHECK(field_values<"name">(db.fetch_all(set_union)) == strings{"a1", "a2", "ann", "b1", "bob", "c1", "cy", "dee", "eve"});
    CHECK(field_values<"name">(db.fetch_all(set_union_page, std::int64_t{3}, std::int64_t{1})) == strings{"dee", "cy", "c1"});

    const auto all_teams = db.fetch_all(set_teams_all);
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(set_teams_all)>, ctsql::row<ctsql::field<"team", opt_i64>>>);
    CHECK(all_teams.size() == 7);
    CHECK(field_values<"team">(db.fetch_all(set_teams)) == std::vector<opt_i64>{{}, 1, 2});

    CHECK(field_values<"id">(db.fetch_all(set_intersect)) == std::vector<std::int64_t>{1, 2});
    CHECK(field_values<"id">(db.fetch_all(set_except)) == std::vector<std::int64_t>{4, 5});
    CHECK(field_values<"id">(db.fetch_all(set_except_offset)) == std::vector<std::int64_t>{5});

    // int32? with int64 -> int64?; double with int32 -> double
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(set_widened)>,
                                 ctsql::row<ctsql::field<"name", std::string>, ctsql::field<"age", opt_i64>, ctsql::field<"score", double>>>);
    const auto widened = db.fetch_all(set_widened, std::int64_t{3}, std::int64_t{1});
    CHECK(field_values<"name">(widened) == strings{"a1", "cy"});
    CHECK(field_values<"age">(widened) == std::vector<opt_i64>{1, {}});
    CHECK(field_values<"score">(widened) == std::vector<double>{10.0, 8.0});

    CHECK(field_values<"id">(db.fetch_all(set_chain)) == std::vector<std::int64_t>{3, 1});  // {1,2} + {1,2,3} - {2,5}
    CHECK(db.fetch_all(set_chain_all).size() == 11);
    CHECK(field_values<"name">(db.fetch_all(set_params, std::int64_t{1}, std::int32_t{5}, std::int64_t{10})) == strings{"a1", "ann"});
    CHECK(field_values<"name">(db.fetch_all(set_params, std::int64_t{1}, std::int32_t{5}, std::int64_t{1})) == strings{"a1"});

    constexpr auto set_precedence = ctsql::intersect(ctsql::union_(select(people.id).from(people).where(people.id <= lit<2>),
                                                                   select(posts.author_id).from(posts).where(posts.author_id == lit<3>)),
                                                     select(people.id).from(people).where(people.id >= lit<2> && people.id <= lit<4>))
                                        .order_by(ctsql::by<"id">);
    CHECK(field_values<"id">(db.fetch_all(set_precedence)) == std::vector<std::int64_t>{2, 3});
}

}  // namespace acase
