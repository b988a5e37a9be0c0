// postgresql_connection: RAII transactions, savepoints, isolation levels, failed transactions.
#include <cstdint>
#include <stdexcept>
#include <string>

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

using create_notes = pg<"CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL UNIQUE)">;
using add_note = pg<"INSERT INTO notes (body) VALUES ($1)", type_list<parameter<"body", std::string>>>;
using count_notes = pg<"SELECT count(*) FROM notes", type_list<>, row<field<"n", std::int64_t>>>;
using isolation = pg<"SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')",
                     type_list<>, row<field<"isolation", std::string>, field<"read_only", std::string>>>;

std::int64_t notes(ctsql::postgresql_connection& db) { return db.fetch_one<std::int64_t>(count_notes{}); }

}  // namespace

TEST_CASE("postgresql transactions: commit keeps, everything else rolls back", "[postgresql][transaction]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    auto observer = schema.connect();
    db.execute(create_notes{});

    {
        auto tx = db.transaction();
        db.execute(add_note{}, "kept");
        CHECK(notes(observer) == 0);  // not visible before COMMIT
        tx.commit();
        CHECK_FALSE(tx.active());
    }
    CHECK(notes(observer) == 1);
    {
        auto tx = db.transaction();
        db.execute(add_note{}, "dropped at scope exit");
    }
    CHECK(db.transaction_depth() == 0);
    CHECK_THROWS_AS(
        [&] {
            auto tx = db.transaction();
            db.execute(add_note{}, "dropped by the exception");
            throw std::runtime_error("boom");
        }(),
        std::runtime_error);
    {
        auto tx = db.transaction();
        db.execute(add_note{}, "rolled back explicitly");
        tx.rollback();
        CHECK_THROWS_AS(tx.commit(), ctsql::usage_error);
    }
    CHECK(notes(db) == 1);
}

TEST_CASE("postgresql transactions: savepoints recover from a failed statement", "[postgresql][transaction]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(create_notes{});

    {
        auto outer = db.transaction();
        db.execute(add_note{}, "a");
        {
            auto inner = db.transaction();
            CHECK(inner.depth() == 2);
            CHECK_THROWS_AS(db.execute(add_note{}, "a"), ctsql::unique_violation);
        }  // ROLLBACK TO SAVEPOINT: the outer transaction works again
        db.execute(add_note{}, "b");
        {
            auto inner = db.transaction();
            db.execute(add_note{}, "c");
            inner.commit();
        }
        {
            auto inner = db.transaction();
            auto innermost = db.transaction();
            CHECK_THROWS_AS(inner.commit(), ctsql::usage_error);
            db.execute(add_note{}, "d, rolled back with inner");
            innermost.commit();
        }
        outer.commit();
    }
    CHECK(notes(db) == 3);

    // A savepoint takes no options.
    auto tx = db.transaction();
    CHECK_THROWS_AS(db.transaction(ctsql::isolation_level::serializable), ctsql::usage_error);
}

TEST_CASE("postgresql transactions: COMMIT of a failed transaction is an error, not a silent rollback",
          "[postgresql][transaction]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(create_notes{});
    auto tx = db.transaction();
    db.execute(add_note{}, "lost");
    CHECK_THROWS_AS(db.execute(add_note{}, "lost"), ctsql::unique_violation);
    // The transaction is aborted: statements fail until it ends.
    try {
        (void)notes(db);
        FAIL("a statement ran in an aborted transaction");
    } catch (const ctsql::database_error& e) {
        CHECK(e.sqlstate() == "25P02");
    }
    try {
        tx.commit();
        FAIL("COMMIT of an aborted transaction succeeded");
    } catch (const ctsql::database_error& e) {
        CHECK(e.sqlstate() == "25P02");
        CHECK_THAT(e.what(), Catch::Contains("rolled the transaction back"));
    }
    CHECK_FALSE(tx.active());
    CHECK(db.transaction_depth() == 0);
    CHECK(notes(db) == 0);
}

TEST_CASE("postgresql transactions: isolation levels, read only, deferrable", "[postgresql][transaction]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(create_notes{});
    const std::pair<ctsql::isolation_level, const char*> levels[] = {
        {ctsql::isolation_level::read_uncommitted, "read uncommitted"},
        {ctsql::isolation_level::read_committed, "read committed"},
        {ctsql::isolation_level::repeatable_read, "repeatable read"},
        {ctsql::isolation_level::serializable, "serializable"},
    };
    for (const auto& [level, name] : levels) {
        auto tx = db.transaction(level);
        CHECK(db.fetch_one(isolation{}).get<"isolation">() == name);
        tx.commit();
    }
    {
        auto tx = db.transaction({.isolation = ctsql::isolation_level::serializable, .read_only = true, .deferrable = true});
        const auto [level, read_only] = db.fetch_one(isolation{});
        CHECK(level == "serializable");
        CHECK(read_only == "on");
        try {
            db.execute(add_note{}, "refused");
            FAIL("wrote in a read-only transaction");
        } catch (const ctsql::database_error& e) {
            CHECK(e.sqlstate() == "25006");
        }
    }

    SECTION("repeatable read sees one snapshot") {
        auto other = schema.connect();
        auto tx = db.transaction(ctsql::isolation_level::repeatable_read);
        CHECK(notes(db) == 0);
        other.execute(add_note{}, "committed meanwhile");
        CHECK(notes(db) == 0);
        tx.commit();
        CHECK(notes(db) == 1);
    }
    SECTION("serializable conflicts are serialization_failure") {
        auto other = schema.connect();
        auto a = db.transaction(ctsql::isolation_level::serializable);
        auto b = other.transaction(ctsql::isolation_level::serializable);
        const std::int64_t seen_by_a = notes(db);
        const std::int64_t seen_by_b = notes(other);
        db.execute(add_note{}, ctsql_conn_test::numbered("a saw ", seen_by_a));
        other.execute(add_note{}, ctsql_conn_test::numbered("b saw ", seen_by_b));
        a.commit();
        try {
            b.commit();
            FAIL("write skew committed under SERIALIZABLE");
        } catch (const ctsql::serialization_failure& e) {
            CHECK(e.sqlstate() == "40001");
        }
        CHECK(notes(db) == 1);
    }
}
