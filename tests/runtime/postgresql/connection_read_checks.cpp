// postgresql_connection: the checks kept on the fast read path. A cell's NULL is told from an
// empty value (libpq reports length 0 for both; PQgetisnull decides), NULL into a field that is
// not std::optional is a conversion_error naming the column, and the result column types a
// prepared statement's first result had are re-used only while the server keeps them (it
// refuses to run the statement once a table change would alter them).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

// Declared NOT NULL in C++; the table below (made by raw SQL) lets NULL in, so reads must check.
struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<items_t, "name", std::string> {} name;
    struct note_c : ctsql::column<items_t, "note", std::optional<std::string>> {} note;
    struct amount_c : ctsql::column<items_t, "amount", std::int64_t> {} amount;
    struct small_c : ctsql::column<items_t, "small", std::int32_t> {} small;
    struct ratio_c : ctsql::column<items_t, "ratio", double> {} ratio;
};
constexpr items_t items{};

template <ctsql::fixed_string Text>
using pg = ctsql::raw_statement<ctsql::raw_sql<"", Text>>;

constexpr auto all_items =
    ctsql::select(items.id, items.name, items.note, items.amount, items.small, items.ratio).from(items).order_by(items.id);
constexpr auto item_by_id = ctsql::select(items.id, items.name, items.note, items.amount, items.small, items.ratio)
                                .from(items)
                                .where(items.id == ctsql::param<"id">);
constexpr auto insert_item =
    ctsql::insert_into(items).columns(items.id, items.name, items.note, items.amount, items.small, items.ratio).values();

void fill(ctsql::postgresql_connection& db) {
    db.execute(pg<"CREATE TABLE items (id bigint PRIMARY KEY, name text, note text, amount bigint, small integer, "
                  "ratio double precision)">{});
    db.execute(insert_item, 1, "one", "first", 10, 1, 0.5);
    db.execute(insert_item, 2, "", "", 0, 0, 0.0);  // empty texts and zeros: values, not NULL
}

// The read of item 2 fails with a conversion_error naming `column` (NULL), on every path.
void check_null_rejected(ctsql::postgresql_connection& db, const char* column) {
    try {
        (void)db.fetch_all(all_items);
        FAIL("fetch_all read NULL into a field that is not std::optional");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains(std::string("column \"") + column + "\"") && Catch::Contains("NULL"));
    }
    CHECK_THROWS_AS(db.fetch_one(item_by_id, 2), ctsql::conversion_error);
    CHECK_THROWS_AS(db.fetch_optional(item_by_id, 2), ctsql::conversion_error);
    CHECK_THROWS_AS([&] { for (const auto& row : db.fetch(all_items)) (void)row; }(), ctsql::conversion_error);
    CHECK(db.fetch_one(item_by_id, 1).get<"name">() == "one");  // still usable
}

}  // namespace

TEST_CASE("postgresql reads: empty values are not NULL, NULL into a NOT NULL field is an error",
          "[postgresql][read-checks]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    for (int round = 0; round != 2; ++round) {  // the second with the result types cached
        const auto row = db.fetch_one(item_by_id, 2);
        CHECK(row.get<"name">().empty());
        REQUIRE(row.get<"note">().has_value());
        CHECK(row.get<"note">()->empty());
        CHECK(row.get<"amount">() == 0);
        CHECK(row.get<"small">() == 0);
        CHECK(row.get<"ratio">() == 0.0);
        const auto all = db.fetch_all(all_items);
        REQUIRE(all.size() == 2);
        CHECK(all[0].get<"note">() == "first");
        CHECK(all[1].get<"name">().empty());
    }

    db.execute(pg<"UPDATE items SET note = NULL WHERE id = 2">{});
    CHECK_FALSE(db.fetch_one(item_by_id, 2).get<"note">().has_value());
    CHECK_FALSE(db.fetch_all(all_items)[1].get<"note">().has_value());

    db.execute(pg<"UPDATE items SET name = NULL WHERE id = 2">{});
    check_null_rejected(db, "name");
    db.execute(pg<"UPDATE items SET name = '', amount = NULL WHERE id = 2">{});
    check_null_rejected(db, "amount");
    db.execute(pg<"UPDATE items SET amount = 0, small = NULL WHERE id = 2">{});
    check_null_rejected(db, "small");
    db.execute(pg<"UPDATE items SET small = 0, ratio = NULL WHERE id = 2">{});
    check_null_rejected(db, "ratio");
}

TEST_CASE("postgresql reads: a table change that alters a prepared statement's result types is an error, "
          "never a misread",
          "[postgresql][read-checks]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fill(db);
    CHECK(db.fetch_one(item_by_id, 1).get<"amount">() == 10);  // prepared; result types remembered
    db.execute(pg<"ALTER TABLE items ALTER COLUMN amount TYPE text">{});
    CHECK_THROWS_AS(db.fetch_one(item_by_id, 1), ctsql::database_error);
    CHECK_THROWS_AS(db.fetch_all(all_items), ctsql::database_error);
    // A new connection prepares again and sees text where the field is an integer.
    auto fresh = schema.connect();
    try {
        (void)fresh.fetch_one(item_by_id, 1);
        FAIL("read text into an integer field");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"amount\"") && Catch::Contains("text"));
    }
}
