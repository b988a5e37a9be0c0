// sqlite_connection: RAII transactions, savepoints, DEFERRED / IMMEDIATE / EXCLUSIVE.
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

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

using create_notes = raw_statement<raw_sql<"CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)">>;
using add_note = raw_statement<raw_sql<"INSERT INTO notes (body) VALUES (?1)">, type_list<parameter<"body", std::string>>>;
using count_notes = raw_statement<raw_sql<"SELECT count(*) FROM notes">, type_list<>, row<field<"n", std::int64_t>>>;

std::int64_t notes(ctsql::sqlite_connection& db) { return db.fetch_one<std::int64_t>(count_notes{}); }

ctsql::sqlite_transaction begin_and_add(ctsql::sqlite_connection& db, const char* body) {
    auto tx = db.transaction();
    db.execute(add_note{}, body);
    return tx;  // a transaction moves out of a function
}

}  // namespace

TEST_CASE("sqlite transactions: commit keeps, everything else rolls back", "[sqlite][transaction]") {
    ctsql::sqlite_connection db;
    db.execute(create_notes{});

    {
        auto tx = db.transaction();
        CHECK(tx.active());
        CHECK(tx.depth() == 1);
        CHECK(db.transaction_depth() == 1);
        db.execute(add_note{}, "kept");
        tx.commit();
        CHECK_FALSE(tx.active());
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(notes(db) == 1);

    {
        auto tx = db.transaction();
        db.execute(add_note{}, "dropped at scope exit");
    }
    CHECK(notes(db) == 1);

    CHECK_THROWS_AS(
        [&] {
            auto tx = db.transaction();
            db.execute(add_note{}, "dropped by the exception");
            throw std::runtime_error("boom");
        }(),
        std::runtime_error);
    CHECK(notes(db) == 1);
    CHECK(db.transaction_depth() == 0);

    {
        auto tx = db.transaction();
        db.execute(add_note{}, "rolled back explicitly");
        tx.rollback();
        CHECK_FALSE(tx.active());
        CHECK_THROWS_AS(tx.commit(), ctsql::usage_error);
        CHECK_THROWS_AS(tx.rollback(), ctsql::usage_error);
    }
    CHECK(notes(db) == 1);

    {
        auto tx = begin_and_add(db, "moved");
        CHECK(tx.active());
        tx.commit();
    }
    CHECK(notes(db) == 2);
}

TEST_CASE("sqlite transactions: nested transactions are savepoints", "[sqlite][transaction]") {
    ctsql::sqlite_connection db;
    db.execute(create_notes{});

    {
        auto outer = db.transaction();
        db.execute(add_note{}, "outer 1");
        {
            auto inner = db.transaction();
            CHECK(inner.depth() == 2);
            db.execute(add_note{}, "inner, rolled back");
            {
                auto innermost = db.transaction();
                CHECK(db.transaction_depth() == 3);
                db.execute(add_note{}, "innermost, committed into inner");
                innermost.commit();
            }
            CHECK(notes(db) == 3);
            CHECK_THROWS_AS(outer.commit(), ctsql::usage_error);  // inner is still open
            CHECK(outer.active());
        }
        CHECK(notes(db) == 1);
        {
            auto inner = db.transaction();
            db.execute(add_note{}, "inner, committed");
            inner.commit();
        }
        outer.commit();
    }
    CHECK(notes(db) == 2);

    {
        auto outer = db.transaction();
        {
            auto inner = db.transaction();
            db.execute(add_note{}, "committed into an outer transaction that rolls back");
            inner.commit();
        }
    }
    CHECK(notes(db) == 2);

    // A savepoint takes no mode.
    auto outer = db.transaction(ctsql::sqlite_transaction_mode::immediate);
    CHECK_THROWS_AS(db.transaction(ctsql::sqlite_transaction_mode::exclusive), ctsql::usage_error);
    CHECK(db.transaction_depth() == 1);
}

TEST_CASE("sqlite transactions: DEFERRED, IMMEDIATE and EXCLUSIVE locking", "[sqlite][transaction]") {
    ctsql_conn_test::temp_dir dir;
    const std::string path = dir.file("locks.db");
    const ctsql::sqlite_options no_wait{.busy_timeout = std::chrono::milliseconds(0)};
    ctsql::sqlite_connection a(path, no_wait);
    ctsql::sqlite_connection b(path, no_wait);
    a.execute(create_notes{});

    SECTION("deferred: no lock until the first write") {
        auto tx = a.transaction(ctsql::sqlite_transaction_mode::deferred);
        b.execute(add_note{}, "b writes while a's deferred transaction has not touched the file");
        CHECK(notes(a) == 1);
        a.execute(add_note{}, "a now holds the write lock");
        CHECK_THROWS_AS(b.execute(add_note{}, "b is locked out"), ctsql::busy_error);
        tx.commit();
        CHECK(notes(b) == 2);
    }
    SECTION("immediate: the write lock at BEGIN; readers still read") {
        auto tx = a.transaction(ctsql::sqlite_transaction_mode::immediate);
        try {
            auto other = b.transaction(ctsql::sqlite_transaction_mode::immediate);
            FAIL("two IMMEDIATE transactions at once");
        } catch (const ctsql::busy_error& e) {
            CHECK((e.native_code() & 0xff) == 5);  // SQLITE_BUSY
        }
        CHECK(b.transaction_depth() == 0);
        CHECK(notes(b) == 0);
        tx.commit();
        auto other = b.transaction(ctsql::sqlite_transaction_mode::immediate);
        other.commit();
    }
    SECTION("exclusive: not even readers") {
        auto tx = a.transaction(ctsql::sqlite_transaction_mode::exclusive);
        CHECK_THROWS_AS(notes(b), ctsql::busy_error);
        tx.rollback();
        CHECK(notes(b) == 0);
    }
}

TEST_CASE("sqlite transactions: a failing COMMIT keeps the transaction for rollback", "[sqlite][transaction]") {
    ctsql::sqlite_connection db;
    db.execute(raw_statement<raw_sql<"CREATE TABLE parent (id INTEGER PRIMARY KEY)">>{});
    db.execute(raw_statement<raw_sql<"CREATE TABLE child (id INTEGER PRIMARY KEY, "
                                     "parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)">>{});
    using add_child = raw_statement<raw_sql<"INSERT INTO child (parent_id) VALUES (?1)">,
                                    type_list<parameter<"parent_id", std::int64_t>>>;
    using count_children = raw_statement<raw_sql<"SELECT count(*) FROM child">, type_list<>, row<field<"n", std::int64_t>>>;
    {
        auto tx = db.transaction();
        db.execute(add_child{}, 42);  // deferred: checked at COMMIT
        CHECK_THROWS_AS(tx.commit(), ctsql::foreign_key_violation);
        CHECK(tx.active());
        CHECK(db.transaction_depth() == 1);
    }  // rolled back here
    CHECK(db.transaction_depth() == 0);
    CHECK(db.fetch_one<std::int64_t>(count_children{}) == 0);
}
