// sqlite_connection: opening, execute / fetch_all / fetch_one / fetch_optional / fetch, the
// statement cache, row mapping and argument conversions.
#include <atomic>
#include <cstdint>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

using create_people = raw_statement<raw_sql<
    "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, score REAL)">>;
using insert_person = raw_statement<raw_sql<"INSERT INTO people (name, age, score) VALUES (?1, ?2, ?3)">,
                                    type_list<parameter<"name", std::string>, parameter<"age", std::optional<std::int32_t>>,
                                              parameter<"score", std::optional<double>>>>;
using person_row = row<field<"id", std::int64_t>, field<"name", std::string>, field<"age", std::optional<std::int32_t>>,
                       field<"score", std::optional<double>>>;
using people_from = raw_statement<raw_sql<"SELECT id, name, age, score FROM people WHERE id >= ?1 ORDER BY id">,
                                  type_list<parameter<"min_id", std::int64_t>>, person_row>;
using person_by_name = raw_statement<raw_sql<"SELECT id, name, age, score FROM people WHERE name = ?1">,
                                     type_list<parameter<"name", std::string>>, person_row>;
using names = raw_statement<raw_sql<"SELECT name FROM people ORDER BY id">, type_list<>, row<field<"name", std::string>>>;
using count_people = raw_statement<raw_sql<"SELECT count(*) FROM people">, type_list<>, row<field<"n", std::int64_t>>>;
using birthday = raw_statement<raw_sql<"UPDATE people SET age = age + 1 WHERE age IS NOT NULL">>;
using delete_named = raw_statement<raw_sql<"DELETE FROM people WHERE name = ?1">, type_list<parameter<"name", std::string>>>;

struct person {
    std::int64_t id;
    std::string name;
    std::optional<std::int64_t> age;  // wider than the column's std::int32_t: allowed
    std::optional<double> score;
};

void fill(ctsql::sqlite_connection& db) {
    db.execute(create_people{});
    db.execute(insert_person{}, "ada", 36, 9.5);
    db.execute(insert_person{}, "bob", std::nullopt, std::nullopt);
    db.execute(insert_person{}, "cy", 17, 1.25);
}

std::int64_t pragma_value(ctsql::sqlite_connection& db, std::string_view pragma) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db.native_handle(), std::string(pragma).c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

// Number of statements prepared on the connection.
int prepared_statements(sqlite3* db) {
    int n = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr; s = sqlite3_next_stmt(db, s)) ++n;
    return n;
}

// How many times the connection's prepared statement with this exact text ran.
int runs_of(sqlite3* db, std::string_view sql) {
    for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr; s = sqlite3_next_stmt(db, s))
        if (sql == sqlite3_sql(s)) return sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0);
    return -1;
}

struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct label_c : ctsql::column<items_t, "label", std::string, ctsql::unique> {} label;
    using by_label = ctsql::index<"items_by_label", label_c>;
    using indexes = ctsql::indexes<by_label>;
};
using app = ctsql::schema<items_t>;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};

}  // namespace

TEST_CASE("sqlite connection: opens :memory:, files and URIs with its options", "[sqlite][connection]") {
    ctsql_conn_test::temp_dir dir;

    SECTION("in-memory, with foreign keys on and the busy timeout set") {
        ctsql::sqlite_connection db;
        CHECK(pragma_value(db, "PRAGMA foreign_keys") == 1);
        CHECK(pragma_value(db, "PRAGMA busy_timeout") == 5000);
        ctsql::sqlite_connection other(":memory:", {.busy_timeout = std::chrono::milliseconds(250), .foreign_keys = false});
        CHECK(pragma_value(other, "PRAGMA foreign_keys") == 0);
        CHECK(pragma_value(other, "PRAGMA busy_timeout") == 250);
    }
    SECTION("a file keeps its data across connections") {
        const std::string path = dir.file("people.db");
        {
            ctsql::sqlite_connection db(path);
            fill(db);
        }
        ctsql::sqlite_connection db(path);
        CHECK(db.fetch_one<std::int64_t>(count_people{}) == 3);
    }
    SECTION("WAL on a file; an error for an in-memory database") {
        ctsql::sqlite_connection db(dir.file("wal.db"), {.wal = true});
        CHECK(db.fetch_one<std::string>(raw_statement<raw_sql<"PRAGMA journal_mode">, type_list<>,
                                                      row<field<"journal_mode", std::string>>>{}) == "wal");
        CHECK_THROWS_AS(ctsql::sqlite_connection(":memory:", {.wal = true}), ctsql::connection_error);
    }
    SECTION("a URI, read-only through the URI or the options") {
        const std::string path = dir.file("ro.db");
        {
            ctsql::sqlite_connection db(path);
            fill(db);
        }
        ctsql::sqlite_connection by_uri("file:" + path + "?mode=ro");
        CHECK(by_uri.fetch_one<std::int64_t>(count_people{}) == 3);
        CHECK_THROWS_AS(by_uri.execute(insert_person{}, "dan", 1, 1.0), ctsql::database_error);
        ctsql::sqlite_connection by_option(path, {.read_only = true});
        try {
            by_option.execute(birthday{});
            FAIL("a read-only connection wrote");
        } catch (const ctsql::database_error& e) {
            CHECK((e.native_code() & 0xff) == SQLITE_READONLY);
        }
        ctsql::sqlite_connection shared_memory("file:shared_mem?mode=memory&cache=shared");
        ctsql::sqlite_connection same_memory("file:shared_mem?mode=memory&cache=shared");
        fill(shared_memory);
        CHECK(same_memory.fetch_one<std::int64_t>(count_people{}) == 3);
    }
    SECTION("failures to open are connection_error") {
        CHECK_THROWS_AS(ctsql::sqlite_connection(dir.file("missing.db"), {.create = false}), ctsql::connection_error);
        CHECK_THROWS_AS(ctsql::sqlite_connection(dir.file("missing.db"), {.read_only = true}), ctsql::connection_error);
        CHECK_THROWS_AS(ctsql::sqlite_connection(dir.file("no/such/dir/x.db")), ctsql::connection_error);
        try {
            ctsql::basic_sqlite_connection<ctsql::sqlite<99'000'000>> future(":memory:");
            FAIL("opened a connection whose dialect is newer than the library");
        } catch (const ctsql::connection_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("older than the connection's dialect"));
        }
    }
    SECTION("connections move") {
        ctsql::sqlite_connection a;
        fill(a);
        ctsql::sqlite_connection b = std::move(a);
        CHECK(b.fetch_one<std::int64_t>(count_people{}) == 3);
    }
}

TEST_CASE("sqlite connection: execute returns the affected rows", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    CHECK(db.execute(create_people{}) == 0);
    CHECK(db.execute(insert_person{}, "ada", 36, 9.5) == 1);
    CHECK(db.execute(insert_person{}, "bob", std::nullopt, std::nullopt) == 1);
    CHECK(db.execute(insert_person{}, "cy", 17, std::nullopt) == 1);
    CHECK(db.execute(birthday{}) == 2);
    CHECK(db.execute(delete_named{}, "nobody") == 0);  // not the previous statement's count
    CHECK(db.execute(raw_statement<raw_sql<"CREATE INDEX people_age ON people (age)">>{}) == 0);
    CHECK(db.execute(people_from{}, 2) == 2);  // a query: the rows it returned
    CHECK(db.execute(delete_named{}, "bob") == 1);
    CHECK(db.fetch_one<std::int64_t>(count_people{}) == 2);
}

TEST_CASE("sqlite connection: fetch_all, fetch_one, fetch_optional", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    fill(db);

    const std::vector<person_row> all = db.fetch_all(people_from{}, 0);
    REQUIRE(all.size() == 3);
    CHECK(all[0].get<"name">() == "ada");
    CHECK(all[0].get<"age">() == 36);
    CHECK(all[0].get<"score">() == 9.5);
    CHECK_FALSE(all[1].get<"age">().has_value());
    CHECK_FALSE(all[1].get<3>().has_value());
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

    // After a row_count_error the statement is reset: it runs again at once.
    CHECK(db.fetch_all(people_from{}, 0).size() == 3);
}

TEST_CASE("sqlite connection: fetch is a lazy input range", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    fill(db);
    using range = decltype(db.fetch(people_from{}, 0));
    STATIC_REQUIRE(std::ranges::input_range<range>);

    SECTION("range-for, structured bindings") {
        std::vector<std::string> seen;
        for (const auto& [id, name, age, score] : db.fetch(people_from{}, 0)) seen.push_back(name);
        CHECK(seen == std::vector<std::string>{"ada", "bob", "cy"});
    }
    SECTION("rows are read as iterated: an error on the third row comes after two rows") {
        using failing = raw_statement<
            raw_sql<"SELECT CASE WHEN id < 3 THEN id ELSE abs(-9223372036854775807 - 1) END FROM people ORDER BY id">,
            type_list<>, row<field<"v", std::int64_t>>>;
        std::vector<std::int64_t> seen;
        CHECK_THROWS_AS(
            [&] {
                for (const auto& [v] : db.fetch(failing{})) seen.push_back(v);
            }(),
            ctsql::database_error);
        CHECK(seen == std::vector<std::int64_t>{1, 2});
    }
    SECTION("breaking out early resets the statement; it runs again") {
        for (const auto& r : db.fetch(people_from{}, 0)) {
            CHECK(r.get<"name">() == "ada");
            break;
        }
        CHECK(db.fetch_all(people_from{}, 0).size() == 3);
    }
    SECTION("the same statement nested in its own iteration, and other statements meanwhile") {
        int pairs = 0;
        for (const auto& outer : db.fetch(people_from{}, 0)) {
            for (const auto& inner : db.fetch(people_from{}, outer.get<"id">())) {
                CHECK(inner.get<"id">() >= outer.get<"id">());
                ++pairs;
            }
            db.execute(raw_statement<raw_sql<"UPDATE people SET score = 0 WHERE id = ?1">,
                                     type_list<parameter<"id", std::int64_t>>>{},
                       outer.get<"id">());
        }
        CHECK(pairs == 6);
    }
    SECTION("arguments may be temporaries: the range keeps its own copies") {
        auto rows = db.fetch(person_by_name{}, std::string("cy"));
        std::string scratch(100, 'x');  // reuse the freed memory, if any
        std::vector<std::string> seen;
        for (const auto& r : rows) seen.push_back(r.get<"name">());
        CHECK(seen == std::vector<std::string>{"cy"});
    }
    SECTION("into a struct") {
        std::vector<std::string> seen;
        for (const person& p : db.fetch<person>(people_from{}, 2)) seen.push_back(p.name);
        CHECK(seen == std::vector<std::string>{"bob", "cy"});
    }
}

TEST_CASE("sqlite connection: the statement cache prepares each statement type once", "[sqlite][connection][cache]") {
    ctsql::sqlite_connection db;
    fill(db);
    const int before = prepared_statements(db.native_handle());
    for (int i = 0; i != 200; ++i) {
        db.execute(insert_person{}, ctsql_conn_test::numbered("x", i), i, 0.5);
        CHECK(db.fetch_one(person_by_name{}, ctsql_conn_test::numbered("x", i)).get<"age">() == i);
    }
    CHECK(prepared_statements(db.native_handle()) == before + 1);  // person_by_name is new
    CHECK(runs_of(db.native_handle(), ctsql::sql<ctsql::sqlite<>>(insert_person{})) == 203);
    CHECK(runs_of(db.native_handle(), ctsql::sql<ctsql::sqlite<>>(person_by_name{})) == 200);

    SECTION("each connection has its own cache") {
        ctsql::sqlite_connection other;
        fill(other);
        CHECK(runs_of(other.native_handle(), ctsql::sql<ctsql::sqlite<>>(insert_person{})) == 3);
        CHECK(runs_of(db.native_handle(), ctsql::sql<ctsql::sqlite<>>(insert_person{})) == 203);
    }
    SECTION("connections in several threads assign slots safely") {
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t != 4; ++t)
            threads.emplace_back([&failures, t] {
                try {
                    ctsql::sqlite_connection local;
                    local.execute(create_people{});
                    for (int i = 0; i != 100; ++i) local.execute(insert_person{}, "t", t, i * 1.0);
                    if (local.fetch_one<std::int64_t>(count_people{}) != 100) ++failures;
                    if (local.fetch_all(names{}).size() != 100) ++failures;
                } catch (...) {
                    ++failures;
                }
            });
        for (auto& thread : threads) thread.join();
        CHECK(failures == 0);
    }
}

TEST_CASE("sqlite connection: scripts, DDL statements and statement text checks", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    CHECK(db.execute(raw_statement<raw_sql<"INSERT INTO items (label) VALUES ('a'), ('b')">>{}) == 2);
    db.execute(ctsql::drop_all<app>());
    db.execute(ctsql::create_table(items_t{}));
    db.execute(ctsql::drop_table(items_t{}));

    // One statement per raw statement: a second one is refused, never silently ignored.
    using two = raw_statement<raw_sql<"CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER)">>;
    CHECK_THROWS_AS(db.execute(two{}), ctsql::usage_error);
    using trailing = raw_statement<raw_sql<"CREATE TABLE c (x INTEGER);  \n">>;
    CHECK_NOTHROW(db.execute(trailing{}));
    // A declared row that does not match what the statement returns.
    using wrong_row = raw_statement<raw_sql<"SELECT 1, 2">, type_list<>, row<field<"a", std::int64_t>>>;
    CHECK_THROWS_AS(db.fetch_all(wrong_row{}), ctsql::usage_error);
}

TEST_CASE("sqlite connection: rows into structs, tuples, other rows and single values", "[sqlite][connection][rows]") {
    ctsql::sqlite_connection db;
    fill(db);

    const std::vector<person> people = db.fetch_all<person>(people_from{}, 0);
    REQUIRE(people.size() == 3);
    CHECK(people[0].name == "ada");
    CHECK(people[0].age == 36);
    CHECK_FALSE(people[1].age.has_value());

    using as_tuple = std::tuple<std::int64_t, std::string, std::optional<std::int32_t>, std::optional<double>>;
    const as_tuple cy = db.fetch_one<as_tuple>(person_by_name{}, "cy");
    CHECK(std::get<1>(cy) == "cy");
    CHECK(std::get<2>(cy) == 17);

    using renamed = row<field<"key", std::int64_t>, field<"label", std::string>, field<"years", std::optional<std::int64_t>>,
                        field<"points", std::optional<double>>>;
    CHECK(db.fetch_one<renamed>(person_by_name{}, "ada").get<"years">() == 36);

    CHECK(db.fetch_one<std::int64_t>(count_people{}) == 3);
    CHECK(db.fetch_all<std::string>(names{}) == std::vector<std::string>{"ada", "bob", "cy"});
    using ages = raw_statement<raw_sql<"SELECT age FROM people ORDER BY id">, type_list<>,
                               row<field<"age", std::optional<std::int32_t>>>>;
    CHECK(db.fetch_all<std::optional<std::int64_t>>(ages{}) ==
          std::vector<std::optional<std::int64_t>>{36, std::nullopt, 17});
    CHECK_FALSE(db.fetch_optional<std::int64_t>(raw_statement<raw_sql<"SELECT 1 WHERE 0">, type_list<>,
                                                               row<field<"one", std::int64_t>>>{}));
}

TEST_CASE("sqlite connection: arguments convert without loss", "[sqlite][connection][arguments]") {
    ctsql::sqlite_connection db;
    fill(db);
    const std::string name = "ada";
    const std::string_view view = "bob";
    const char* c_string = "cy";
    CHECK(db.fetch_one(person_by_name{}, name).get<"id">() == 1);
    CHECK(db.fetch_one(person_by_name{}, view).get<"id">() == 2);
    CHECK(db.fetch_one(person_by_name{}, c_string).get<"id">() == 3);
    const char* no_string = nullptr;
    CHECK_THROWS_AS(db.fetch_all(person_by_name{}, no_string), ctsql::conversion_error);  // not NULL, not ""
    CHECK(db.fetch_one(person_by_name{}, "ada").get<"id">() == 1);

    const short small = 2;
    const unsigned int unsigned_int = 2;
    CHECK(db.fetch_all(people_from{}, small).size() == 2);  // short -> std::int64_t
    CHECK(db.fetch_all(people_from{}, unsigned_int).size() == 2);
    CHECK(db.fetch_all(people_from{}, std::int8_t{3}).size() == 1);

    const std::optional<std::int16_t> age = 50;
    const std::optional<float> score;
    db.execute(insert_person{}, std::string_view("dan"), age, score);  // optional<short> for optional<int32>
    db.execute(insert_person{}, "eve", std::int16_t{20}, 2.5f);        // float -> double
    const auto dan = db.fetch_one(person_by_name{}, "dan");
    CHECK(dan.get<"age">() == 50);
    CHECK_FALSE(dan.get<"score">().has_value());
    CHECK(db.fetch_one(person_by_name{}, "eve").get<"score">() == 2.5);
}

TEST_CASE("sqlite connection: the query DSL's statements run unchanged", "[sqlite][connection][dsl]") {
    constexpr users_t users{};
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_table(users));
    constexpr auto add = ctsql::insert_into(users).columns(users.name, users.age).values();
    CHECK(db.execute(add, "ada", 36) == 1);
    CHECK(db.execute(add, "bob", std::nullopt) == 1);
    constexpr auto adults = ctsql::select(users.id, users.name).from(users).where(users.age >= ctsql::param<"min_age">);
    const auto rows = db.fetch_all(adults, 18);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].get<"name">() == "ada");
    struct user {
        std::int64_t id;
        std::string name;
    };
    CHECK(db.fetch_one<user>(adults, 30).name == "ada");
}
