// postgresql_connection: typed exceptions with the SQL, the server's message and SQLSTATE; a
// lost connection; notices.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
using pg = raw_statement<raw_sql<"", Text>, Parameters, Row>;

struct owners_t {
    static constexpr ctsql::fixed_string sql_name = "owners";
    struct id_c : ctsql::column<owners_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct email_c : ctsql::column<owners_t, "email", std::string, ctsql::unique> {} email;
};
struct pets_t {
    static constexpr ctsql::fixed_string sql_name = "pets";
    struct id_c : ctsql::column<pets_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct owner_c : ctsql::column<pets_t, "owner_id", std::int64_t, ctsql::references<owners_t::id_c>> {} owner;
    struct name_c : ctsql::column<pets_t, "name", std::string> {} name;
};
using app = ctsql::schema<owners_t, pets_t>;

using add_owner = pg<"INSERT INTO owners (id, email) VALUES ($1, $2)",
                     type_list<parameter<"id", std::int64_t>, parameter<"email", std::string>>>;
using add_pet = pg<"INSERT INTO pets (owner_id, name) VALUES ($1, $2)",
                   type_list<parameter<"owner_id", std::int64_t>, parameter<"name", std::optional<std::string>>>>;
using add_checked = pg<"INSERT INTO checked (n) VALUES ($1)", type_list<parameter<"n", std::int64_t>>>;
using count_owners = pg<"SELECT count(*) FROM owners", type_list<>, row<field<"n", std::int64_t>>>;
using backend_pid = pg<"SELECT pg_backend_pid()", type_list<>, row<field<"pid", std::int32_t>>>;
using terminate = pg<"SELECT pg_terminate_backend($1)", type_list<parameter<"pid", std::int32_t>>, row<field<"ok", bool>>>;

template <class Exception, class F>
Exception expect(F&& run) {
    try {
        run();
    } catch (const Exception& e) {
        return e;
    } catch (const std::exception& e) {
        FAIL("unexpected exception: " << e.what());
    }
    FAIL("no exception");
    throw;
}

}  // namespace

TEST_CASE("postgresql errors: constraint violations have their own types and SQLSTATEs", "[postgresql][errors]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    db.execute(pg<"CREATE TABLE checked (n BIGINT CHECK (n > 0))">{});
    db.execute(add_owner{}, 1, "a@example.com");

    const auto unique = expect<ctsql::unique_violation>([&] { db.execute(add_owner{}, 2, "a@example.com"); });
    CHECK(unique.sqlstate() == "23505");
    CHECK(unique.sql() == ctsql::sql<ctsql::postgresql<>>(add_owner{}));
    CHECK_THAT(unique.message(), Catch::Contains("duplicate key value") && Catch::Contains("a@example.com"));
    CHECK_THAT(unique.what(), Catch::Contains("INSERT INTO owners") && Catch::Contains("23505"));
    CHECK(unique.native_code() == 0);
    CHECK(expect<ctsql::unique_violation>([&] { db.execute(add_owner{}, 1, "b@example.com"); }).sqlstate() == "23505");
    CHECK(expect<ctsql::foreign_key_violation>([&] { db.execute(add_pet{}, 99, "rex"); }).sqlstate() == "23503");
    CHECK(expect<ctsql::not_null_violation>([&] { db.execute(add_pet{}, 1, std::nullopt); }).sqlstate() == "23502");
    CHECK(expect<ctsql::check_violation>([&] { db.execute(add_checked{}, -1); }).sqlstate() == "23514");
    CHECK_THROWS_AS(db.execute(add_owner{}, 1, "c@example.com"), ctsql::constraint_violation);

    // Still usable; the prepared statements survive errors.
    CHECK(db.execute(add_owner{}, 2, "b@example.com") == 1);
    CHECK(db.fetch_one<std::int64_t>(count_owners{}) == 2);
}

TEST_CASE("postgresql errors: bad SQL, server-side conversions", "[postgresql][errors]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    using bad_syntax = pg<"SELEC 1", type_list<>, row<field<"x", std::int32_t>>>;
    const auto syntax = expect<ctsql::database_error>([&] { (void)db.fetch_all(bad_syntax{}); });
    CHECK(syntax.sqlstate() == "42601");
    CHECK(syntax.sql() == "SELEC 1");
    using missing = pg<"SELECT x FROM no_such_table", type_list<>, row<field<"x", std::int32_t>>>;
    CHECK(expect<ctsql::database_error>([&] { (void)db.fetch_all(missing{}); }).sqlstate() == "42P01");
    db.execute(pg<"CREATE TABLE no_such_table (x INTEGER)">{});
    CHECK(db.fetch_all(missing{}).empty());  // prepared now that the table exists

    using division = pg<"SELECT 1 / $1", type_list<parameter<"d", std::int32_t>>, row<field<"q", std::int32_t>>>;
    CHECK(expect<ctsql::conversion_error>([&] { (void)db.fetch_one(division{}, 0); }).sqlstate() == "22012");
    using narrowing = pg<"SELECT $1::int2", type_list<parameter<"v", std::int32_t>>, row<field<"v", std::int16_t>>>;
    CHECK(expect<ctsql::conversion_error>([&] { (void)db.fetch_one(narrowing{}, 70000); }).sqlstate() == "22003");
    CHECK(db.fetch_one(narrowing{}, 7).get<0>() == 7);
}

TEST_CASE("postgresql errors: a lost connection is connection_error, reconnect() recovers", "[postgresql][errors]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    db.execute(add_owner{}, 1, "a@example.com");
    CHECK(db.ping());

    const std::int32_t pid = db.fetch_one(backend_pid{}).get<0>();
    CHECK(schema.admin().fetch_one(terminate{}, pid).get<0>());

    const auto lost = expect<ctsql::connection_error>([&] { (void)db.fetch_one<std::int64_t>(count_owners{}); });
    CHECK_THAT(lost.what(), Catch::Contains("SELECT count(*) FROM owners"));
    CHECK_THROWS_AS(db.execute(add_owner{}, 2, "b@example.com"), ctsql::connection_error);
    CHECK_FALSE(db.ping());
    {
        // A transaction on a lost connection: BEGIN fails cleanly.
        CHECK_THROWS_AS(db.transaction(), ctsql::connection_error);
        CHECK(db.transaction_depth() == 0);
    }

    db.reconnect();
    CHECK(db.ping());
    CHECK(db.fetch_one(backend_pid{}).get<0>() != pid);
    // Statements are prepared again on the new session.
    CHECK(db.fetch_one<std::int64_t>(count_owners{}) == 1);
    CHECK(db.execute(add_owner{}, 2, "b@example.com") == 1);

    SECTION("lost inside a transaction: the rollback in the destructor does not throw") {
        const std::int32_t again = db.fetch_one(backend_pid{}).get<0>();
        {
            auto tx = db.transaction();
            db.execute(add_owner{}, 3, "c@example.com");
            schema.admin().fetch_one(terminate{}, again);
            CHECK_THROWS_AS(tx.commit(), ctsql::connection_error);
            CHECK_FALSE(tx.active());
        }
        CHECK(db.transaction_depth() == 0);
        db.reconnect();
        CHECK(db.fetch_one<std::int64_t>(count_owners{}) == 2);
    }
    SECTION("lost while a fetch() range is being read") {
        using many = pg<"SELECT g FROM generate_series(1, 1000000) AS g", type_list<>, row<field<"g", std::int32_t>>>;
        const std::int32_t again = db.fetch_one(backend_pid{}).get<0>();
        CHECK_THROWS_AS(
            [&] {
                for (const auto& [g] : db.fetch(many{}))
                    if (g == 1) schema.admin().fetch_one(terminate{}, again);
            }(),
            ctsql::connection_error);
        db.reconnect();
        CHECK(db.fetch_one<std::int64_t>(count_owners{}) == 2);
    }
}

TEST_CASE("postgresql errors: notices go to on_notice, not to stderr", "[postgresql][errors]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    using drop_missing = pg<"DROP TABLE IF EXISTS never_created">;
    db.execute(drop_missing{});  // dropped silently by default
    std::vector<std::string> notices;
    db.on_notice([&](std::string_view severity, std::string_view message) {
        notices.push_back(std::string(severity) + ": " + std::string(message));
    });
    db.execute(drop_missing{});
    REQUIRE(notices.size() == 1);
    CHECK_THAT(notices[0], Catch::StartsWith("NOTICE: ") && Catch::Contains("never_created"));
    db.on_notice([](std::string_view, std::string_view) { throw std::runtime_error("ignored"); });
    CHECK_NOTHROW(db.execute(drop_missing{}));
}
