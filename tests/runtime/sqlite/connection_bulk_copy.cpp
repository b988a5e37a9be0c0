// sqlite_connection::bulk_insert: the same API as PostgreSQL's COPY-based bulk_insert, here one
// prepared INSERT reused in one transaction (execute_many).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace {

using ctsql::field;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

struct bulk_values_t {
    static constexpr ctsql::fixed_string sql_name = "bulk values";
    struct id_c : ctsql::column<bulk_values_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct small_c : ctsql::column<bulk_values_t, "small", std::optional<std::int16_t>> {} small;
    struct medium_c : ctsql::column<bulk_values_t, "medium", std::optional<std::int32_t>> {} medium;
    struct big_c : ctsql::column<bulk_values_t, "big", std::optional<std::int64_t>> {} big;
    struct flag_c : ctsql::column<bulk_values_t, "flag", std::optional<bool>> {} flag;
    struct ratio_c : ctsql::column<bulk_values_t, "ratio", std::optional<double>> {} ratio;
    struct note_c : ctsql::column<bulk_values_t, "note", std::optional<std::string>> {} note;
    struct data_c : ctsql::column<bulk_values_t, "data", std::optional<ctsql::blob>> {} data;
    struct at_c : ctsql::column<bulk_values_t, "at", std::optional<ctsql::timestamp>> {} at;
};
constexpr bulk_values_t bulk_values;

struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<items_t, "name", std::string, ctsql::unique> {} name;
    struct price_c : ctsql::column<items_t, "price", double> {} price;
    struct active_c : ctsql::column<items_t, "active", bool> {} active;
};
constexpr items_t items;

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct tag_c : ctsql::column<tags_t, "tag", std::string, ctsql::primary_key> {} tag;
};
constexpr tags_t tags;

using app = ctsql::schema<bulk_values_t, items_t, tags_t>;

struct value_row {
    std::int64_t id;
    std::optional<std::int16_t> small;
    std::optional<std::int32_t> medium;
    std::optional<std::int64_t> big;
    std::optional<bool> flag;
    std::optional<double> ratio;
    std::optional<std::string> note;
    std::optional<ctsql::blob> data;
    std::optional<ctsql::timestamp> at;
    bool operator==(const value_row&) const = default;
};

struct item {
    std::int64_t id;
    std::string name;
    double price;
    bool active;
};

using read_values = raw_statement<
    raw_sql<R"(SELECT id, small, medium, big, flag, ratio, note, data, at FROM "bulk values" ORDER BY id)">, type_list<>,
    row<field<"id", std::int64_t>, field<"small", std::optional<std::int16_t>>, field<"medium", std::optional<std::int32_t>>,
        field<"big", std::optional<std::int64_t>>, field<"flag", std::optional<bool>>, field<"ratio", std::optional<double>>,
        field<"note", std::optional<std::string>>, field<"data", std::optional<ctsql::blob>>,
        field<"at", std::optional<ctsql::timestamp>>>>;
using count_items = raw_statement<raw_sql<"SELECT count(*) FROM items">, type_list<>, row<field<"n", std::int64_t>>>;
using count_tags = raw_statement<raw_sql<"SELECT count(*) FROM tags">, type_list<>, row<field<"n", std::int64_t>>>;

constexpr auto insert_values =
    ctsql::insert_into(bulk_values)
        .columns(bulk_values.id, bulk_values.small, bulk_values.medium, bulk_values.big, bulk_values.flag, bulk_values.ratio,
                 bulk_values.note, bulk_values.data, bulk_values.at);
constexpr auto insert_items = ctsql::insert_into(items).columns(items.id, items.name, items.price, items.active);

std::vector<item> numbered_items(std::int64_t first, std::int64_t count) {
    std::vector<item> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = first; i != first + count; ++i)
        rows.push_back({i, ctsql_conn_test::numbered("item ", i), static_cast<double>(i) / 4, i % 3 == 0});
    return rows;
}

}  // namespace

TEST_CASE("sqlite bulk_insert: every type round-trips, NULLs, widths, NUL in text, unicode, blobs", "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());

    using namespace std::chrono;
    ctsql::blob every_byte;
    for (int b = 0; b != 256; ++b) every_byte.push_back(static_cast<std::byte>(b));
    const ctsql::timestamp old = sys_days{year{1900} / 1 / 1} + microseconds{1};
    const ctsql::timestamp now = time_point_cast<microseconds>(system_clock::now());
    const std::vector<value_row> rows = {
        {1, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int32_t>::min(),
         std::numeric_limits<std::int64_t>::min(), false, -0.5, "", ctsql::blob{}, old},
        {2, std::numeric_limits<std::int16_t>::max(), std::numeric_limits<std::int32_t>::max(),
         std::numeric_limits<std::int64_t>::max(), true, 1e308, "héllo wörld ✓ 日本語 🎉", every_byte, now},
        {3, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
        {4, 0, 0, 0, true, 0.1, std::string(200'000, 'x'), ctsql::blob(300'000, std::byte{0x5a}), ctsql::timestamp{}},
        {5, -1, -1, -1, false, 2.5, std::string("nul\0inside", 10), std::nullopt, now},
    };
    CHECK(db.bulk_insert(insert_values, rows) == rows.size());
    CHECK(db.transaction_depth() == 0);
    const std::vector<value_row> back = db.fetch_all<value_row>(read_values{});
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i != rows.size(); ++i) {
        INFO("row " << rows[i].id);
        CHECK(back[i] == rows[i]);
    }
}

TEST_CASE("sqlite bulk_insert: 10000 rows, tuples, other ranges, single values, empty ranges", "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    CHECK(db.bulk_insert(insert_items, numbered_items(1, 10'000)) == 10'000);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10'000);

    std::deque<std::tuple<std::int64_t, std::string, float, bool>> generated;
    for (std::int64_t i = 20'001; i != 20'101; ++i) generated.emplace_back(i, ctsql_conn_test::numbered("gen ", i), 1.5f, true);
    CHECK(db.bulk_insert(insert_items, generated) == 100);
    CHECK(db.bulk_insert(ctsql::insert_into(tags).columns(tags.tag), std::vector<std::string>{"a", "b"}) == 2);
    CHECK(db.fetch_one<std::int64_t>(count_tags{}) == 2);
    CHECK(db.bulk_insert(insert_items, std::vector<item>{}) == 0);
    CHECK(db.bulk_insert(insert_items.values(), std::vector<item>{}) == 0);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10'100);
}

TEST_CASE("sqlite bulk_insert: a unique violation mid-stream inserts nothing, in or out of a transaction",
          "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    CHECK(db.bulk_insert(insert_items, numbered_items(1, 10)) == 10);

    std::vector<item> rows = numbered_items(1000, 5'000);
    rows[4'000].name = "item 5";
    try {
        db.bulk_insert(insert_items, rows);
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        CHECK(e.native_code() == 2067);  // SQLITE_CONSTRAINT_UNIQUE
        CHECK(e.sql() == ctsql::sql<ctsql::sqlite<>>(insert_items));
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10);
    CHECK(db.bulk_insert(insert_items, numbered_items(100, 5)) == 5);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_insert(insert_items, numbered_items(200, 1'000)) == 1'000);
        CHECK(db.fetch_one<std::int64_t>(count_items{}) == 1'015);
        tx.rollback();
    }
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 15);
}
