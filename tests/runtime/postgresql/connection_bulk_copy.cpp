// postgresql_connection::bulk_insert: COPY ... FROM STDIN (FORMAT binary) for
// insert_into(table).columns(...), every supported type, failures mid-stream, transactions.
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

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

using ctsql::field;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

template <ctsql::fixed_string Text, class Parameters = type_list<>, class Row = void>
using pg = raw_statement<raw_sql<"", Text>, Parameters, Row>;

struct bulk_values_t {
    static constexpr ctsql::fixed_string sql_name = "bulk values";  // a name that needs quoting
    struct id_c : ctsql::column<bulk_values_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct small_c : ctsql::column<bulk_values_t, "small", std::optional<std::int16_t>> {} small;
    struct medium_c : ctsql::column<bulk_values_t, "medium", std::optional<std::int32_t>> {} medium;
    struct big_c : ctsql::column<bulk_values_t, "big", std::optional<std::int64_t>> {} big;
    struct flag_c : ctsql::column<bulk_values_t, "flag", std::optional<bool>> {} flag;
    struct ratio_c : ctsql::column<bulk_values_t, "ratio", std::optional<double>> {} ratio;
    struct single_c : ctsql::column<bulk_values_t, "single", std::optional<float>> {} single;
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
    std::optional<float> single;
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

using read_values = pg<"SELECT id, small, medium, big, flag, ratio, single, note, data, at FROM \"bulk values\" ORDER BY id",
                       type_list<>,
                       row<field<"id", std::int64_t>, field<"small", std::optional<std::int16_t>>,
                           field<"medium", std::optional<std::int32_t>>, field<"big", std::optional<std::int64_t>>,
                           field<"flag", std::optional<bool>>, field<"ratio", std::optional<double>>,
                           field<"single", std::optional<float>>, field<"note", std::optional<std::string>>,
                           field<"data", std::optional<ctsql::blob>>, field<"at", std::optional<ctsql::timestamp>>>>;
using count_items = pg<"SELECT count(*) FROM items", type_list<>, row<field<"n", std::int64_t>>>;
using count_tags = pg<"SELECT count(*) FROM tags", type_list<>, row<field<"n", std::int64_t>>>;
using item_sums = pg<"SELECT sum(id), sum(price), count(*) FILTER (WHERE active) FROM items", type_list<>,
                     row<field<"ids", std::int64_t>, field<"prices", double>, field<"active", std::int64_t>>>;

constexpr auto insert_values = ctsql::insert_into(bulk_values)
                                   .columns(bulk_values.id, bulk_values.small, bulk_values.medium, bulk_values.big,
                                            bulk_values.flag, bulk_values.ratio, bulk_values.single, bulk_values.note,
                                            bulk_values.data, bulk_values.at);
constexpr auto insert_items = ctsql::insert_into(items).columns(items.id, items.name, items.price, items.active);

std::vector<item> numbered_items(std::int64_t first, std::int64_t count) {
    std::vector<item> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = first; i != first + count; ++i)
        rows.push_back({i, ctsql_conn_test::numbered("item ", i), static_cast<double>(i) / 4, i % 3 == 0});
    return rows;
}

ctsql::blob bytes_of(std::initializer_list<int> values) {
    ctsql::blob out;
    for (int v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

bool idle(ctsql::postgresql_connection& db) { return PQtransactionStatus(db.native_handle()) == PQTRANS_IDLE; }

}  // namespace

TEST_CASE("postgresql bulk_insert: COPY text from the table and column names", "[postgresql][bulk]") {
    CHECK(std::string_view(ctsql::detail::copy_from_stdin_sql<decltype(insert_items)>()) ==
          R"(COPY "items" ("id", "name", "price", "active") FROM STDIN (FORMAT binary))");
    CHECK(std::string_view(ctsql::detail::copy_from_stdin_sql<decltype(insert_items.values())>()) ==
          R"(COPY "items" ("id", "name", "price", "active") FROM STDIN (FORMAT binary))");
    CHECK(std::string_view(ctsql::detail::copy_from_stdin_sql<decltype(insert_values)>()).starts_with(
        R"(COPY "bulk values" ("id", "small", "medium", "big", "flag")"));
}

TEST_CASE("postgresql bulk_insert: every type round-trips, NULLs, widths, unicode, long text, blobs", "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());

    using namespace std::chrono;
    ctsql::blob every_byte;
    for (int b = 0; b != 256; ++b) every_byte.push_back(static_cast<std::byte>(b));
    const std::string long_text(200'000, 'x');
    const ctsql::blob large_blob(300'000, std::byte{0x5a});
    const ctsql::timestamp epoch{};
    const ctsql::timestamp old = sys_days{year{1900} / 1 / 1} + microseconds{1};
    const ctsql::timestamp future = sys_days{year{2100} / 12 / 31} + hours{23} + minutes{59} + seconds{59} + microseconds{999'999};
    const ctsql::timestamp now = time_point_cast<microseconds>(system_clock::now());

    const std::vector<value_row> rows = {
        {1, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int32_t>::min(),
         std::numeric_limits<std::int64_t>::min(), false, -0.0, -1.5f, "", ctsql::blob{}, old},
        {2, std::numeric_limits<std::int16_t>::max(), std::numeric_limits<std::int32_t>::max(),
         std::numeric_limits<std::int64_t>::max(), true, 1e308, std::numeric_limits<float>::max(),
         "héllo wörld ✓ 日本語 🎉", every_byte, future},
        {3, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
         std::nullopt},
        {4, 0, 0, 0, true, std::numeric_limits<double>::infinity(), 0.25f, long_text, large_blob, epoch},
        {5, -1, -1, -1, false, 0.1, -0.0f, "quote \" and ' and \\ and \t tab\nnewline", bytes_of({0, 0, 0}), now},
    };
    CHECK(db.bulk_insert(insert_values, rows) == rows.size());
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));

    const std::vector<value_row> back = db.fetch_all<value_row>(read_values{});
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i != rows.size(); ++i) {
        INFO("row " << rows[i].id);
        CHECK(back[i] == rows[i]);
    }

    SECTION("tuples with narrower argument types and nullopt") {
        const std::vector<std::tuple<int, std::int8_t, std::int16_t, std::int32_t, bool, float, float, const char*,
                                     std::nullopt_t, std::optional<ctsql::timestamp>>>
            tuples = {{10, std::int8_t{-7}, std::int16_t{300}, 70'000, true, 0.5f, 2.0f, "tuple", std::nullopt, std::nullopt}};
        CHECK(db.bulk_insert(insert_values, tuples) == 1);
        const auto last = db.fetch_all<value_row>(read_values{}).back();
        CHECK(last == value_row{10, -7, 300, 70'000, true, 0.5, 2.0f, "tuple", std::nullopt, std::nullopt});
    }
}

TEST_CASE("postgresql bulk_insert: 100000 rows, other ranges, single values, empty ranges", "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());

    const std::vector<item> rows = numbered_items(1, 100'000);
    CHECK(db.bulk_insert(insert_items, rows) == 100'000);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 100'000);
    const auto [ids, prices, active] = db.fetch_one(item_sums{});
    CHECK(ids == 100'000LL * 100'001 / 2);
    CHECK(prices == 100'000.0 * 100'001 / 2 / 4);  // quarters: exact in a double
    CHECK(active == 33'333);

    // Tuples in a range that is not a vector.
    std::deque<std::tuple<std::int64_t, std::string, double, bool>> generated;
    for (std::int64_t i = 200'001; i != 210'001; ++i) generated.emplace_back(i, ctsql_conn_test::numbered("gen ", i), 1.0, false);
    CHECK(db.bulk_insert(insert_items, generated) == 10'000);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 110'000);

    // One column: the elements are the values.
    CHECK(db.bulk_insert(ctsql::insert_into(tags).columns(tags.tag), std::vector<std::string>{"a", "b", "c"}) == 3);
    CHECK(db.fetch_one<std::int64_t>(count_tags{}) == 3);

    CHECK(db.bulk_insert(insert_items, std::vector<item>{}) == 0);
    CHECK(db.bulk_insert(insert_items.values(), std::vector<item>{}) == 0);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 110'000);
    CHECK(idle(db));
}

TEST_CASE("postgresql bulk_insert: a unique violation mid-stream inserts nothing and throws unique_violation",
          "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    CHECK(db.bulk_insert(insert_items, numbered_items(1, 10)) == 10);

    std::vector<item> rows = numbered_items(1000, 20'000);
    rows[15'000].name = "item 5";  // already in the table, far past the first 64 KiB chunk
    try {
        db.bulk_insert(insert_items, rows);
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        CHECK(e.sqlstate() == "23505");
        CHECK(e.sql() == R"(COPY "items" ("id", "name", "price", "active") FROM STDIN (FORMAT binary))");
        CHECK_THAT(e.message(), Catch::Contains("duplicate key value") && Catch::Contains("item 5"));
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));
    CHECK(db.ping());
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10);

    // Duplicates inside the rows themselves.
    std::vector<item> twice = numbered_items(100, 3);
    twice.push_back(twice.front());
    CHECK_THROWS_AS(db.bulk_insert(insert_items, twice), ctsql::unique_violation);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10);

    // The connection is usable for everything afterwards, including another COPY.
    CHECK(db.execute_many(insert_items, numbered_items(500, 5)) == 5);
    CHECK(db.bulk_insert(insert_items, numbered_items(600, 5)) == 5);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 20);
}

TEST_CASE("postgresql bulk_insert: a value that cannot be encoded ends the COPY and throws conversion_error",
          "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());

    std::vector<item> rows = numbered_items(1, 10'000);
    rows[8'000].name = std::string("nul\0inside", 10);  // PostgreSQL text cannot hold NUL
    try {
        db.bulk_insert(insert_items, rows);
        FAIL("no exception");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.message(), Catch::Contains("NUL"));
        CHECK(e.sql() == R"(COPY "items" ("id", "name", "price", "active") FROM STDIN (FORMAT binary))");
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 0);

    // Also the first row, before anything was flushed; then a good COPY.
    rows[8'000].name = "fine";
    rows[0].name = std::string(1, '\0');
    CHECK_THROWS_AS(db.bulk_insert(insert_items, rows), ctsql::conversion_error);
    rows[0].name = "first";
    CHECK(db.bulk_insert(insert_items, rows) == 10'000);
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 10'000);

    // An error from the server before the COPY starts (no such table).
    db.execute(pg<"DROP TABLE tags">{});
    CHECK_THROWS_AS(db.bulk_insert(ctsql::insert_into(tags).columns(tags.tag), std::vector<std::string>{"x"}),
                    ctsql::database_error);
    CHECK(idle(db));
    CHECK(db.ping());
}

TEST_CASE("postgresql bulk_insert: inside an open transaction, rolled back or committed", "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    {
        auto tx = db.transaction();
        CHECK(db.bulk_insert(insert_items, numbered_items(1, 12'000)) == 12'000);
        CHECK(db.transaction_depth() == 1);
        CHECK(db.fetch_one<std::int64_t>(count_items{}) == 12'000);
        tx.rollback();
    }
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 0);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_insert(insert_items, numbered_items(1, 100)) == 100);
        {
            // A failing COPY in a nested transaction (a savepoint) leaves the outer one usable.
            auto nested = db.transaction();
            std::vector<item> rows = numbered_items(1000, 100);
            rows.back().name = "item 1";
            CHECK_THROWS_AS(db.bulk_insert(insert_items, rows), ctsql::unique_violation);
        }
        CHECK(db.transaction_depth() == 1);
        CHECK(db.bulk_insert(insert_items, numbered_items(2000, 50)) == 50);
        tx.commit();
    }
    CHECK(db.fetch_one<std::int64_t>(count_items{}) == 150);
}
