// Runtime checks of the query DSL shared by the SQLite and PostgreSQL test files: every
// statement kind and expression runs on a real database through the connector, and the values
// (and NULLs, as std::optional) read back are the expected ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/ctsql.hpp>

namespace qcase {

using ctsql::column;
using ctsql::lit;
using ctsql::param;

struct teams_t {
    static constexpr ctsql::fixed_string sql_name = "q_teams";
    struct id_c : column<teams_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : column<teams_t, "name", std::string, ctsql::unique> {} name;
};
inline constexpr teams_t teams{};

struct people_t {
    static constexpr ctsql::fixed_string sql_name = "q_people";
    struct id_c : column<people_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : column<people_t, "name", std::string> {} name;
    struct email_c : column<people_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : column<people_t, "age", std::optional<std::int32_t>> {} age;
    struct score_c : column<people_t, "score", double, ctsql::default_value<"1.5">> {} score;
    struct team_c : column<people_t, "team", std::optional<std::int64_t>,
                           ctsql::references<teams_t::id_c>::on_delete<ctsql::fk_action::set_null>> {} team;
};
inline constexpr people_t people{};

struct events_t {  // every column has a default: INSERT ... DEFAULT VALUES
    static constexpr ctsql::fixed_string sql_name = "q_events";
    struct id_c : column<events_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct kind_c : column<events_t, "kind", std::string, ctsql::default_value<"tick">> {} kind;
    struct at_c : column<events_t, "at", ctsql::timestamp, ctsql::default_now> {} at;
};
inline constexpr events_t events{};

using schema = ctsql::schema<teams_t, people_t, events_t>;

// Statements (each one constant, checked at compile time).
inline constexpr auto add_team = ctsql::insert_into(teams).columns(teams.name).values().returning(teams.id);
inline constexpr auto add_person = ctsql::insert_into(people).values(
    people.name.to(param<"name">), people.email.to(param<"email">), people.age.to(param<"age">),
    people.team.to(param<"team">));
inline constexpr auto add_two = ctsql::insert_into(people)
                                    .values(people.name.to(param<"n1">), people.email.to(param<"e1">))
                                    .values(people.name.to(param<"n2">), people.email.to(param<"e2">));
inline constexpr auto add_event = ctsql::insert_into(events).default_values().returning(events.id, events.kind, events.at);
inline constexpr auto upsert_email =
    ctsql::insert_into(people)
        .values(people.name.to(param<"name">), people.email.to(param<"email">), people.age.to(param<"age">))
        .on_conflict(people.email)
        .do_update(people.name.to(ctsql::excluded(people.name)), people.age.to(ctsql::excluded(people.age)))
        .returning(people.id, people.name);
inline constexpr auto insert_ignore = ctsql::insert_into(people)
                                          .values(people.name.to(param<"name">), people.email.to(param<"email">))
                                          .on_conflict(people.email)
                                          .do_nothing();
inline constexpr auto by_age = ctsql::select(people.id, people.name, people.age)
                                   .from(people)
                                   .where(people.age >= param<"min"> && people.age <= param<"max">)
                                   .order_by(people.age.desc(), people.id)
                                   .limit(param<"n">)
                                   .offset(param<"skip">);
inline constexpr auto same_param_twice =
    ctsql::select(people.name).from(people).where(people.name == param<"x"> || people.email == param<"x">);
inline constexpr auto with_team = ctsql::select(people.name, teams.name.as<"team_name">())
                                      .from(people)
                                      .left_join(teams)
                                      .on(teams.id == people.team)
                                      .order_by(people.name);
inline constexpr auto team_sizes = ctsql::select(teams.name, ctsql::as<"members">(ctsql::count(people.id)),
                                                 ctsql::as<"avg_age">(ctsql::avg(people.age)),
                                                 ctsql::as<"oldest">(ctsql::max(people.age)))
                                       .from(teams)
                                       .left_join(people)
                                       .on(people.team == teams.id)
                                       .group_by(teams.name)
                                       .having(ctsql::count(people.id) >= param<"at_least">)
                                       .order_by(teams.name);
inline constexpr auto expressions = ctsql::select(
    ctsql::as<"upper">(ctsql::upper(people.name)), ctsql::as<"len">(ctsql::length(people.name)),
    ctsql::as<"greeting">(lit<"hi "> + people.name), ctsql::as<"age_or_zero">(ctsql::coalesce(people.age, lit<0>)),
    ctsql::as<"double_score">(people.score * lit<2>), ctsql::as<"rounded">(ctsql::round(people.score)),
    ctsql::as<"no_bob">(ctsql::nullif(people.name, lit<"bob">)), ctsql::as<"age_text">(ctsql::cast<std::string>(people.age)),
    ctsql::as<"is_old">(people.age > lit<40>))
                                        .from(people)
                                        .where(people.email == param<"email">);
inline constexpr auto matching = ctsql::select(people.name)
                                     .from(people)
                                     .where(people.name.like(param<"pattern">) && people.id.in(param<"a">, param<"b">, param<"c">) &&
                                            people.age.is_not_null() && people.age.between(lit<1>, lit<200>))
                                     .order_by(people.name);
inline constexpr auto names_distinct = ctsql::select_distinct(people.score).from(people).order_by(people.score);
inline constexpr auto now_query = ctsql::select(ctsql::as<"now">(ctsql::current_timestamp));
inline constexpr auto rename = ctsql::update(people)
                                   .set(people.name.to(param<"name">), people.age.to(people.age + lit<1>))
                                   .where(people.email == param<"email">)
                                   .returning(people.name, people.age);
inline constexpr auto remove = ctsql::delete_from(people).where(people.email == param<"email">).returning(people.id);
inline constexpr auto count_people = ctsql::select(ctsql::as<"n">(ctsql::count())).from(people);

template <class Connection>
void run_all(Connection& db) {
    db.execute(ctsql::create_all<schema>());

    // INSERT ... RETURNING, parameter rows, several rows, DEFAULT VALUES
    const std::int64_t red = db.fetch_one(add_team, std::string("red")).template get<"id">();
    const std::int64_t blue = db.fetch_one(add_team, std::string("blue")).template get<"id">();
    CHECK(blue != red);
    CHECK(db.execute(add_person, std::string("ann"), std::string("ann@x"), std::optional<std::int32_t>(30), std::optional<std::int64_t>(red)) == 1);
    CHECK(db.execute(add_person, std::string("bob"), std::string("bob@x"), std::optional<std::int32_t>(45), std::optional<std::int64_t>(red)) == 1);
    CHECK(db.execute(add_person, std::string("cy"), std::string("cy@x"), std::optional<std::int32_t>{}, std::optional<std::int64_t>(blue)) == 1);
    CHECK(db.execute(add_two, std::string("dee"), std::string("dee@x"), std::string("eve"), std::string("eve@x")) == 2);
    const auto event = db.fetch_one(add_event);
    CHECK(event.template get<"kind">() == "tick");
    CHECK(event.template get<"at">().time_since_epoch().count() > 0);

    // ON CONFLICT: DO UPDATE with the excluded row, DO NOTHING
    const auto upserted = db.fetch_one(upsert_email, std::string("Ann"), std::string("ann@x"), std::optional<std::int32_t>(31));
    CHECK(upserted.template get<"name">() == "Ann");
    CHECK(db.execute(insert_ignore, std::string("dup"), std::string("bob@x")) == 0);
    CHECK(db.fetch_one(count_people).template get<"n">() == 5);

    // WHERE with bound parameters, ORDER BY, LIMIT/OFFSET
    const auto middle = db.fetch_all(by_age, std::int32_t{1}, std::int32_t{100}, std::int64_t{10}, std::int64_t{0});
    REQUIRE(middle.size() == 2);
    CHECK(middle[0].template get<"name">() == "bob");
    CHECK(middle[1].template get<"age">() == std::optional<std::int32_t>(31));
    CHECK(db.fetch_all(by_age, std::int32_t{1}, std::int32_t{100}, std::int64_t{1}, std::int64_t{1}).size() == 1);

    // a named parameter used twice binds once
    const auto twice = db.fetch_all(same_param_twice, std::string("cy@x"));
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].template get<0>() == "cy");

    // LEFT JOIN: the outer side comes back as std::optional
    const auto joined = db.fetch_all(with_team);
    REQUIRE(joined.size() == 5);
    for (const auto& [name, team] : joined) {
        if (name == "dee" || name == "eve") CHECK_FALSE(team.has_value());
        else CHECK(team.has_value());
    }

    // GROUP BY / HAVING with aggregates (nullable: avg and max over no rows)
    const auto sizes = db.fetch_all(team_sizes, std::int64_t{1});
    REQUIRE(sizes.size() == 2);
    CHECK(sizes[0].template get<"name">() == "blue");
    CHECK(sizes[0].template get<"members">() == 1);
    CHECK_FALSE(sizes[0].template get<"avg_age">().has_value());  // cy has no age
    CHECK(sizes[1].template get<"members">() == 2);
    CHECK(*sizes[1].template get<"avg_age">() == Approx(38.0));
    CHECK(sizes[1].template get<"oldest">() == std::optional<std::int32_t>(45));

    // functions and operators
    const auto e = db.fetch_one(expressions, std::string("bob@x"));
    CHECK(e.template get<"upper">() == "BOB");
    CHECK(e.template get<"len">() == 3);
    CHECK(e.template get<"greeting">() == "hi bob");
    CHECK(e.template get<"age_or_zero">() == 45);
    CHECK(e.template get<"double_score">() == Approx(3.0));
    CHECK(e.template get<"rounded">() == Approx(2.0));
    CHECK_FALSE(e.template get<"no_bob">().has_value());
    CHECK(e.template get<"age_text">() == std::optional<std::string>("45"));
    CHECK(e.template get<"is_old">() == std::optional<bool>(true));
    const auto none = db.fetch_one(expressions, std::string("cy@x"));
    CHECK(none.template get<"age_or_zero">() == 0);
    CHECK_FALSE(none.template get<"is_old">().has_value());

    // LIKE, IN, IS NOT NULL, BETWEEN
    const auto found = db.fetch_all(matching, std::string("%b%"), std::int64_t{1}, std::int64_t{2}, std::int64_t{3});
    REQUIRE(found.size() == 1);
    CHECK(found[0].template get<0>() == "bob");
    CHECK(db.fetch_all(names_distinct).size() == 1);
    CHECK(db.fetch_one(now_query).template get<"now">().time_since_epoch().count() > 0);

    // UPDATE / DELETE ... RETURNING
    const auto renamed = db.fetch_all(rename, std::string("Bob"), std::string("bob@x"));
    REQUIRE(renamed.size() == 1);
    CHECK(renamed[0].template get<"name">() == "Bob");
    CHECK(renamed[0].template get<"age">() == std::optional<std::int32_t>(46));
    CHECK(db.fetch_all(remove, std::string("eve@x")).size() == 1);
    CHECK(db.fetch_all(remove, std::string("eve@x")).empty());
    CHECK(db.fetch_one(count_people).template get<"n">() == 4);

    db.execute(ctsql::drop_all<schema>());
}

}  // namespace qcase
