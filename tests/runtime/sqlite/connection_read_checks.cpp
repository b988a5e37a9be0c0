// sqlite_connection: the checks kept on the fast read path. Every column's storage class is
// checked (NULL into a field that is not std::optional, a class the field cannot hold: a
// conversion_error naming the column, never a silent 0 / "" / truncation), and fetch_one /
// fetch_optional report a second row unless the statement's type proves there is none (a whole
// declared key fixed by =, or LIMIT 1: connector/at_most_one_row.hpp).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace {

// The C++ declaration says NOT NULL INTEGER / TEXT / REAL; the table below (made by raw SQL, as
// an old or foreign database might be) lets any value in, so the reads must check.
struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct code_c : ctsql::column<items_t, "code", std::string, ctsql::unique> {} code;
    struct name_c : ctsql::column<items_t, "name", std::string> {} name;
    struct amount_c : ctsql::column<items_t, "amount", std::int64_t> {} amount;
    struct ratio_c : ctsql::column<items_t, "ratio", double> {} ratio;
};
constexpr items_t items{};

using create_loose_items = ctsql::raw_statement<ctsql::raw_sql<
    "CREATE TABLE items (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name, amount, ratio)">>;
using set_name_null = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET name = NULL WHERE id = 2">>;
using set_name_int = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET name = 12 WHERE id = 2">>;
using set_name_blob = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET name = x'41' WHERE id = 2">>;
using set_amount_real = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = 2.5 WHERE id = 2">>;
using set_amount_whole_real = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = 3.0 WHERE id = 2">>;
using set_amount_text = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = '7' WHERE id = 2">>;
using set_amount_null = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = NULL WHERE id = 2">>;
using set_ratio_text = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET ratio = 'x' WHERE id = 2">>;
using set_ratio_null = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET ratio = NULL WHERE id = 2">>;
using set_ratio_int = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET ratio = 4 WHERE id = 2">>;
using duplicate_name = ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET name = 'one' WHERE id = 2">>;

constexpr auto all_items = ctsql::select(items.id, items.name, items.amount, items.ratio).from(items).order_by(items.id);
constexpr auto item_by_id = ctsql::select(items.id, items.name, items.amount, items.ratio)
                                .from(items)
                                .where(items.id == ctsql::param<"id">);
constexpr auto item_by_code = ctsql::select(items.id, items.name).from(items).where(items.code == ctsql::param<"code">);
constexpr auto items_by_name = ctsql::select(items.id, items.name).from(items).where(items.name == ctsql::param<"name">);
constexpr auto first_item = ctsql::select(items.id, items.name).from(items).order_by(items.id).limit(ctsql::lit<1>);
constexpr auto insert_item = ctsql::insert_into(items).columns(items.id, items.code, items.name, items.amount, items.ratio).values();

static_assert(ctsql::detail::at_most_one_row<decltype(item_by_id)>);
static_assert(ctsql::detail::at_most_one_row<decltype(item_by_code)>);
static_assert(ctsql::detail::at_most_one_row<decltype(first_item)>);
static_assert(!ctsql::detail::at_most_one_row<decltype(items_by_name)>);

void fill(ctsql::sqlite_connection& db) {
    db.execute(create_loose_items{});
    db.execute(insert_item, 1, "1c", "one", 10, 0.5);
    db.execute(insert_item, 2, "2c", "two", 20, 1.5);
}

// The read of item 2 fails with a conversion_error naming `column`, on every path.
void check_rejected(ctsql::sqlite_connection& db, const char* column) {
    try {
        (void)db.fetch_all(all_items);
        FAIL("fetch_all read a value the field cannot hold");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains(std::string("column \"") + column + "\""));
    }
    CHECK_THROWS_AS(db.fetch_one(item_by_id, 2), ctsql::conversion_error);
    CHECK_THROWS_AS(db.fetch_optional(item_by_id, 2), ctsql::conversion_error);
    CHECK_THROWS_AS([&] { for (const auto& row : db.fetch(all_items)) (void)row; }(), ctsql::conversion_error);
    // Row 1 is fine, and the connection stays usable.
    CHECK(db.fetch_one(item_by_id, 1).get<"name">() == "one");
}

}  // namespace

TEST_CASE("sqlite reads: NULL into a NOT NULL field is an error for every field type", "[sqlite][read-checks]") {
    ctsql::sqlite_connection db;
    fill(db);
    const auto all = db.fetch_all(all_items);
    REQUIRE(all.size() == 2);
    CHECK(all[1].get<"name">() == "two");
    CHECK(all[1].get<"amount">() == 20);
    CHECK(all[1].get<"ratio">() == 1.5);

    db.execute(set_name_null{});
    try {
        (void)db.fetch_one(item_by_id, 2);
        FAIL("read NULL into a std::string");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"name\"") && Catch::Contains("NULL"));
    }
    check_rejected(db, "name");
    db.execute(duplicate_name{});
    db.execute(set_amount_null{});
    check_rejected(db, "amount");
    db.execute(ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = 20 WHERE id = 2">>{});
    db.execute(set_ratio_null{});
    check_rejected(db, "ratio");
}

TEST_CASE("sqlite reads: a storage class the field cannot hold is an error, exact conversions are kept",
          "[sqlite][read-checks]") {
    ctsql::sqlite_connection db;
    fill(db);
    // INTEGER or BLOB into text.
    db.execute(set_name_int{});
    check_rejected(db, "name");
    db.execute(set_name_blob{});
    check_rejected(db, "name");
    db.execute(ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET name = 'two' WHERE id = 2">>{});

    // REAL into an integer: whole numbers only (3.0 reads as 3, 2.5 is an error); TEXT never.
    db.execute(set_amount_real{});
    check_rejected(db, "amount");
    db.execute(set_amount_whole_real{});
    CHECK(db.fetch_one(item_by_id, 2).get<"amount">() == 3);
    db.execute(set_amount_text{});
    check_rejected(db, "amount");
    db.execute(ctsql::raw_statement<ctsql::raw_sql<"UPDATE items SET amount = 20 WHERE id = 2">>{});

    // TEXT into a double is an error; an INTEGER that a double holds exactly reads.
    db.execute(set_ratio_text{});
    check_rejected(db, "ratio");
    db.execute(set_ratio_int{});
    CHECK(db.fetch_one(item_by_id, 2).get<"ratio">() == 4.0);
}

TEST_CASE("sqlite reads: fetch_one and fetch_optional on statements with at most one row",
          "[sqlite][read-checks]") {
    const ctsql_conn_test::temp_dir dir;
    const std::string path = dir.file("items.db");
    ctsql::sqlite_connection db(path);
    fill(db);

    // Key lookups: the row, none, and the statement reusable at once.
    for (int round = 0; round != 2; ++round) {
        CHECK(db.fetch_one(item_by_id, 1).get<"name">() == "one");
        CHECK(db.fetch_one(item_by_id, 2).get<"name">() == "two");
        CHECK_THROWS_AS(db.fetch_one(item_by_id, 3), ctsql::row_count_error);
        CHECK_FALSE(db.fetch_optional(item_by_id, 3).has_value());
        CHECK(db.fetch_optional(item_by_code, "2c")->get<"id">() == 2);
        CHECK_FALSE(db.fetch_optional(item_by_code, "9c").has_value());
        CHECK(db.fetch_one(first_item).get<"id">() == 1);
    }

    // The statement read only its first row, yet it is reset: no read lock stays behind, so
    // another connection can write the file at once (rollback journal; no waiting).
    CHECK(db.fetch_one(item_by_id, 1).get<"id">() == 1);
    ctsql::sqlite_options no_wait;
    no_wait.busy_timeout = std::chrono::milliseconds(0);
    ctsql::sqlite_connection writer(path, no_wait);
    CHECK(writer.execute(insert_item, 3, "3c", "three", 30, 3.5) == 1);
    CHECK(db.fetch_one(item_by_id, 3).get<"name">() == "three");

    // Statements without that proof still look for a second row.
    db.execute(duplicate_name{});
    try {
        (void)db.fetch_one(items_by_name, "one");
        FAIL("fetch_one returned one of two rows");
    } catch (const ctsql::row_count_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("more than one row"));
    }
    CHECK_THROWS_AS(db.fetch_optional(items_by_name, "one"), ctsql::row_count_error);
    CHECK(db.fetch_one(items_by_name, "three").get<"id">() == 3);
}
