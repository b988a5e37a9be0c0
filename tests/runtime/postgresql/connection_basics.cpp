// postgresql_connection: connecting, execute / fetch_all / fetch_one / fetch_optional / fetch
// (single-row mode), the prepared-statement cache, row mapping and argument conversions.
#include <atomic>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

template <ctsql::fixed_string Text, class Parameters = type_list<>, class Row = void>
using pg = raw_statement<raw_sql<"", Text>, Parameters, Row>;  // PostgreSQL text only

using create_people = pg<"CREATE TABLE people (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, age INTEGER, "
                         "score DOUBLE PRECISION)">;
using insert_person = pg<"INSERT INTO people (name, age, score) VALUES ($1, $2, $3)",
                         type_list<parameter<"name", std::string>, parameter<"age", std::optional<std::int32_t>>,
                                   parameter<"score", std::optional<double>>>>;
using person_row = row<field<"id", std::int64_t>, field<"name", std::string>, field<"age", std::optional<std::int32_t>>,
                       field<"score", std::optional<double>>>;
using people_from = pg<"SELECT id, name, age, score FROM people WHERE id >= $1 ORDER BY id",
                       type_list<parameter<"min_id", std::int64_t>>, person_row>;
using person_by_name = pg<"SELECT id, name, age, score FROM people WHERE name = $1", type_list<parameter<"name", std::string>>,
                          person_row>;
using names = pg<"SELECT name FROM people ORDER BY id", type_list<>, row<field<"name", std::string>>>;
using count_people = pg<"SELECT count(*) FROM people", type_list<>, row<field<"n", std::int64_t>>>;
using birthday = pg<"UPDATE people SET age = age + 1 WHERE age IS NOT NULL">;
using delete_named = pg<"DELETE FROM people WHERE name = $1", type_list<parameter<"name", std::string>>>;
using prepared_count = pg<"SELECT count(*) FROM pg_prepared_statements", type_list<>, row<field<"n", std::int64_t>>>;

struct person {
    std::int64_t id;
    std::string name;
    std::optional<std::int64_t> age;
    std::optional<double> score;
};

void fill(ctsql::postgresql_connection& db) {
    db.execute(create_people{});
    db.execute(insert_person{}, "ada", 36, 9.5);
    db.execute(insert_person{}, "bob", std::nullopt, std::nullopt);
    db.execute(insert_person{}, "cy", 17, 1.25);
}

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};

}  // namespace

TEST_CASE("postgresql connection: connects from PG* variables, conninfo strings and URLs", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    using current = pg<"SELECT current_schema(), current_setting('client_encoding')", type_list<>,
                       row<field<"schema", std::string>, field<"encoding", std::string>>>;

    auto db = schema.connect();  // PG* variables + options='-c search_path=...'
    const auto [name, encoding] = db.fetch_one(current{});
    CHECK(name == schema.name());
    CHECK(encoding == "UTF8");

    ctsql::postgresql_connection from_environment("");
    CHECK(from_environment.fetch_one(current{}).get<"encoding">() == "UTF8");

    const char* host = std::getenv("PGHOST");
    const char* port = std::getenv("PGPORT");
    REQUIRE(host != nullptr);
    REQUIRE(port != nullptr);
    ctsql::postgresql_connection by_url("postgresql:///postgres?host=" + std::string(host) + "&port=" + port +
                                        "&options=-csearch_path%3D" + schema.name());
    CHECK(by_url.fetch_one(current{}).get<"schema">() == schema.name());

    CHECK_THROWS_AS(ctsql::postgresql_connection("host=/nonexistent/socket/dir port=1"), ctsql::connection_error);
    CHECK_THROWS_AS(ctsql::postgresql_connection("dbname=no_such_database_ctsql"), ctsql::connection_error);
    try {
        ctsql::basic_postgresql_connection<ctsql::postgresql<99>> future("");
        FAIL("connected with a dialect newer than the server");
    } catch (const ctsql::connection_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("older than the connection's dialect"));
    }

    ctsql::postgresql_connection moved = std::move(db);
    CHECK(moved.fetch_one(current{}).get<"schema">() == schema.name());
}

TEST_CASE("postgresql connection: execute returns the affected rows", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    CHECK(db.execute(create_people{}) == 0);
    CHECK(db.execute(insert_person{}, "ada", 36, 9.5) == 1);
    CHECK(db.execute(insert_person{}, "bob", std::nullopt, std::nullopt) == 1);
    CHECK(db.execute(insert_person{}, "cy", 17, std::nullopt) == 1);
    CHECK(db.execute(birthday{}) == 2);
    CHECK(db.execute(delete_named{}, "nobody") == 0);
    CHECK(db.execute(people_from{}, 2) == 2);  // a query: the rows it returned
    CHECK(db.execute(delete_named{}, "bob") == 1);
    CHECK(db.fetch_one<std::int64_t>(count_people{}) == 2);
}

TEST_CASE("postgresql connection: fetch_all, fetch_one, fetch_optional", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);

    const std::vector<person_row> all = db.fetch_all(people_from{}, 0);
    REQUIRE(all.size() == 3);
    CHECK(all[0].get<"name">() == "ada");
    CHECK(all[0].get<"age">() == 36);
    CHECK(all[0].get<"score">() == 9.5);
    CHECK_FALSE(all[1].get<"age">().has_value());
    const auto& [id, name, age, score] = all[2];
    CHECK(id == 3);
    CHECK(name == "cy");
    CHECK(age == 17);
    CHECK(score == 1.25);
    CHECK(db.fetch_all(people_from{}, 100).empty());

    CHECK(db.fetch_one(person_by_name{}, "bob").get<"id">() == 2);
    CHECK_THROWS_AS(db.fetch_one(person_by_name{}, "nobody"), ctsql::row_count_error);
    CHECK_THROWS_AS(db.fetch_one(people_from{}, 0), ctsql::row_count_error);
    CHECK(db.fetch_optional(person_by_name{}, "cy")->get<"age">() == 17);
    CHECK_FALSE(db.fetch_optional(person_by_name{}, "nobody").has_value());
    CHECK_THROWS_AS(db.fetch_optional(people_from{}, 0), ctsql::row_count_error);
}

TEST_CASE("postgresql connection: fetch reads rows one at a time (single-row mode)", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    using range = decltype(db.fetch(people_from{}, 0));
    STATIC_REQUIRE(std::ranges::input_range<range>);

    SECTION("range-for with structured bindings") {
        std::vector<std::string> seen;
        for (const auto& [id, name, age, score] : db.fetch(people_from{}, 0)) seen.push_back(name);
        CHECK(seen == std::vector<std::string>{"ada", "bob", "cy"});
        CHECK(db.fetch_all(names{}).size() == 3);  // the connection is free again
    }
    SECTION("rows arrive as iterated: an error on a later row comes after the first rows") {
        using failing = pg<"SELECT 10 / (3 - g) FROM generate_series(1, 5) AS g", type_list<>, row<field<"v", std::int32_t>>>;
        std::vector<std::int32_t> seen;
        CHECK_THROWS_AS(
            [&] {
                for (const auto& [v] : db.fetch(failing{})) seen.push_back(v);
            }(),
            ctsql::database_error);
        CHECK(seen == std::vector<std::int32_t>{5, 10});
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 3);
    }
    SECTION("a large result, broken off early: the rest is discarded and the connection works") {
        using many = pg<"SELECT g FROM generate_series(1, 200000) AS g", type_list<>, row<field<"g", std::int32_t>>>;
        std::int64_t sum = 0;
        for (const auto& [g] : db.fetch(many{})) {
            sum += g;
            if (g == 10) break;
        }
        CHECK(sum == 55);
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 3);
        std::int64_t all = 0;
        for (const auto& [g] : db.fetch(many{})) all += g;
        CHECK(all == std::int64_t{200000} * 200001 / 2);
    }
    SECTION("while a range is open the connection runs nothing else") {
        auto rows = db.fetch(people_from{}, 0);
        auto it = rows.begin();
        CHECK(it->get<"name">() == "ada");
        CHECK_THROWS_AS(db.fetch_all(names{}), ctsql::usage_error);
        CHECK_THROWS_AS(db.execute(birthday{}), ctsql::usage_error);
        ++it;
        CHECK(it->get<"name">() == "bob");
    }
    SECTION("an empty result") {
        int n = 0;
        for (const auto& r : db.fetch(people_from{}, 100)) n += static_cast<int>(r.get<"id">());
        CHECK(n == 0);
    }
    SECTION("into a struct") {
        std::vector<std::string> seen;
        for (const person& p : db.fetch<person>(people_from{}, 2)) seen.push_back(p.name);
        CHECK(seen == std::vector<std::string>{"bob", "cy"});
    }
}

TEST_CASE("postgresql connection: each statement type is prepared once per connection", "[postgresql][connection][cache]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    const std::int64_t before = db.fetch_one<std::int64_t>(prepared_count{});
    for (int i = 0; i != 100; ++i) {
        db.execute(insert_person{}, ctsql_conn_test::numbered("x", i), i, 0.5);
        CHECK(db.fetch_one(person_by_name{}, ctsql_conn_test::numbered("x", i)).get<"age">() == i);
    }
    CHECK(db.fetch_one<std::int64_t>(prepared_count{}) == before + 1);  // person_by_name is new

    // Binary parameters with explicit types: the server sees the declared types.
    using declared = pg<"SELECT parameter_types::text FROM pg_prepared_statements WHERE statement = $1", type_list<parameter<"sql", std::string>>,
                        row<field<"types", std::string>>>;
    CHECK(db.fetch_one(declared{}, ctsql::sql<ctsql::postgresql<>>(insert_person{})).get<0>() ==
          "{text,integer,\"double precision\"}");

    SECTION("statements the server forgot (DEALLOCATE ALL) are prepared again") {
        ctsql_conn_test::pg_exec(db.native_handle(), "DEALLOCATE ALL");
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 103);  // retried transparently
        ctsql_conn_test::pg_exec(db.native_handle(), "DEALLOCATE ALL");
        {
            auto tx = db.transaction();  // inside a transaction the failure aborted it: no retry
            CHECK_THROWS_AS(db.fetch_one<std::int64_t>(count_people{}), ctsql::database_error);
        }
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 103);
        CHECK(db.fetch_all(names{}).size() == 103);
        ctsql_conn_test::pg_exec(db.native_handle(), "DISCARD ALL");
        std::vector<std::string> seen;
        CHECK_THROWS_AS([&] { for (const auto& [n] : db.fetch(names{})) seen.push_back(n); }(), ctsql::database_error);
        CHECK(db.fetch_all(names{}).size() == 103);  // prepared again after the range's failure
    }
    SECTION("connections in several threads, each with its own cache") {
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t != 4; ++t)
            threads.emplace_back([&] {
                try {
                    auto local = schema.connect();
                    for (int i = 0; i != 50; ++i) local.execute(insert_person{}, "thread", i, 1.0);
                    if (local.fetch_one<std::int64_t>(prepared_count{}) != 2) ++failures;
                } catch (...) {
                    ++failures;
                }
            });
        for (auto& thread : threads) thread.join();
        CHECK(failures == 0);
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 303);
    }
}

TEST_CASE("postgresql connection: scripts, DDL and statement checks", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    using app = ctsql::schema<users_t>;
    db.execute(ctsql::create_all<app>());
    db.execute(ctsql::drop_all<app>());
    db.execute(ctsql::create_table(users_t{}));
    using wrong_row = pg<"SELECT 1, 2", type_list<>, row<field<"a", std::int32_t>>>;
    CHECK_THROWS_AS(db.fetch_all(wrong_row{}), ctsql::usage_error);
    using two = pg<"SELECT 1; SELECT 2">;
    CHECK_THROWS_AS(db.execute(two{}), ctsql::database_error);  // cannot be prepared
}

TEST_CASE("postgresql connection: rows into structs, tuples, other rows and single values", "[postgresql][connection][rows]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    const std::vector<person> people = db.fetch_all<person>(people_from{}, 0);
    REQUIRE(people.size() == 3);
    CHECK(people[0].name == "ada");
    CHECK(people[0].age == 36);
    CHECK_FALSE(people[1].age.has_value());
    using as_tuple = std::tuple<std::int64_t, std::string, std::optional<std::int32_t>, std::optional<double>>;
    CHECK(std::get<2>(db.fetch_one<as_tuple>(person_by_name{}, "cy")) == 17);
    CHECK(db.fetch_one<std::int64_t>(count_people{}) == 3);
    CHECK(db.fetch_all<std::string>(names{}) == std::vector<std::string>{"ada", "bob", "cy"});
}

TEST_CASE("postgresql connection: arguments convert without loss", "[postgresql][connection][arguments]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    const std::string name = "ada";
    const std::string_view view = "bob";
    const char* c_string = "cy";
    CHECK(db.fetch_one(person_by_name{}, name).get<"id">() == 1);
    CHECK(db.fetch_one(person_by_name{}, view).get<"id">() == 2);
    CHECK(db.fetch_one(person_by_name{}, c_string).get<"id">() == 3);
    const char* no_string = nullptr;
    CHECK_THROWS_AS(db.fetch_all(person_by_name{}, no_string), ctsql::conversion_error);  // not NULL, not ""
    CHECK(db.fetch_all(people_from{}, short{2}).size() == 2);
    CHECK(db.fetch_all(people_from{}, 2u).size() == 2);
    db.execute(insert_person{}, std::string_view("dan"), std::optional<std::int16_t>(50), std::optional<float>());
    db.execute(insert_person{}, "eve", std::int16_t{20}, 2.5f);
    CHECK(db.fetch_one(person_by_name{}, "dan").get<"age">() == 50);
    CHECK(db.fetch_one(person_by_name{}, "eve").get<"score">() == 2.5);
}

TEST_CASE("postgresql connection: the query DSL's statements run unchanged", "[postgresql][connection][dsl]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    constexpr users_t users{};
    db.execute(ctsql::create_table(users));
    constexpr auto add = ctsql::insert_into(users).columns(users.name, users.age).values();
    CHECK(db.execute(add, "ada", 36) == 1);
    CHECK(db.execute(add, "bob", std::nullopt) == 1);
    constexpr auto adults = ctsql::select(users.id, users.name).from(users).where(users.age >= ctsql::param<"min_age">);
    const auto rows = db.fetch_all(adults, 18);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].get<"name">() == "ada");
}
