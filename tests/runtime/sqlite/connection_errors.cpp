// sqlite_connection: typed exceptions with the SQL, SQLite's message and extended code.
#include <cstdint>
#include <optional>
#include <string>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

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

using add_owner = raw_statement<raw_sql<"INSERT INTO owners (id, email) VALUES (?1, ?2)">,
                                type_list<parameter<"id", std::int64_t>, parameter<"email", std::string>>>;
using add_pet = raw_statement<raw_sql<"INSERT INTO pets (owner_id, name) VALUES (?1, ?2)">,
                              type_list<parameter<"owner_id", std::int64_t>, parameter<"name", std::optional<std::string>>>>;
using add_checked = raw_statement<raw_sql<"INSERT INTO checked (n) VALUES (?1)">, type_list<parameter<"n", std::int64_t>>>;
using count_owners = raw_statement<raw_sql<"SELECT count(*) FROM owners">, type_list<>, row<field<"n", std::int64_t>>>;

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
    throw;  // unreachable
}

ctsql::sqlite_connection open_app() {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    db.execute(raw_statement<raw_sql<"CREATE TABLE checked (n INTEGER CHECK (n > 0))">>{});
    db.execute(add_owner{}, 1, "a@example.com");
    return db;
}

}  // namespace

TEST_CASE("sqlite errors: constraint violations have their own types", "[sqlite][errors]") {
    ctsql::sqlite_connection db = open_app();

    const auto unique = expect<ctsql::unique_violation>([&] { db.execute(add_owner{}, 2, "a@example.com"); });
    CHECK(unique.native_code() == SQLITE_CONSTRAINT_UNIQUE);
    CHECK(unique.sql() == ctsql::sql<ctsql::sqlite<>>(add_owner{}));
    CHECK_THAT(unique.message(), Catch::Contains("UNIQUE constraint failed: owners.email"));
    CHECK_THAT(unique.what(), Catch::Contains("INSERT INTO owners") && Catch::Contains("UNIQUE constraint failed"));
    CHECK(unique.sqlstate().empty());

    const auto primary = expect<ctsql::unique_violation>([&] { db.execute(add_owner{}, 1, "b@example.com"); });
    CHECK(primary.native_code() == SQLITE_CONSTRAINT_PRIMARYKEY);

    const auto foreign = expect<ctsql::foreign_key_violation>([&] { db.execute(add_pet{}, 99, "rex"); });
    CHECK(foreign.native_code() == SQLITE_CONSTRAINT_FOREIGNKEY);

    const auto not_null = expect<ctsql::not_null_violation>([&] { db.execute(add_pet{}, 1, std::nullopt); });
    CHECK(not_null.native_code() == SQLITE_CONSTRAINT_NOTNULL);
    CHECK_THAT(not_null.message(), Catch::Contains("pets.name"));

    const auto check = expect<ctsql::check_violation>([&] { db.execute(add_checked{}, -1); });
    CHECK(check.native_code() == SQLITE_CONSTRAINT_CHECK);

    // All of them are constraint_violations and database_errors; the connection stays usable.
    CHECK_THROWS_AS(db.execute(add_owner{}, 1, "c@example.com"), ctsql::constraint_violation);
    CHECK_THROWS_AS(db.execute(add_owner{}, 1, "c@example.com"), ctsql::database_error);
    CHECK(db.execute(add_owner{}, 2, "b@example.com") == 1);
    CHECK(db.execute(add_pet{}, 2, "rex") == 1);
    CHECK(db.fetch_one<std::int64_t>(count_owners{}) == 2);
}

TEST_CASE("sqlite errors: bad SQL, missing tables, busy databases", "[sqlite][errors]") {
    ctsql::sqlite_connection db = open_app();
    using bad_syntax = raw_statement<raw_sql<"SELEC 1">, type_list<>, row<field<"x", std::int64_t>>>;
    const auto syntax = expect<ctsql::database_error>([&] { (void)db.fetch_all(bad_syntax{}); });
    CHECK(syntax.native_code() == SQLITE_ERROR);
    CHECK(syntax.sql() == "SELEC 1");
    CHECK_THAT(syntax.message(), Catch::Contains("syntax error"));

    using missing = raw_statement<raw_sql<"SELECT x FROM no_such_table">, type_list<>, row<field<"x", std::int64_t>>>;
    CHECK_THROWS_WITH(db.fetch_all(missing{}), Catch::Contains("no such table"));
    // The failed statement is not cached: once the table exists it runs.
    db.execute(raw_statement<raw_sql<"CREATE TABLE no_such_table (x INTEGER)">>{});
    CHECK(db.fetch_all(missing{}).empty());

    // Runtime errors raised by SQL functions.
    using overflow = raw_statement<raw_sql<"SELECT abs(-9223372036854775807 - 1)">, type_list<>, row<field<"x", std::int64_t>>>;
    CHECK_THROWS_AS(db.fetch_one(overflow{}), ctsql::database_error);
}
