// postgresql_connection::bulk_insert: COPY ... FROM STDIN (FORMAT binary) for
// insert_into(table).columns(...), every supported type, failures mid-stream, transactions.
// Shared cases: bulk_copy_cases.hpp.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "bulk_copy_cases.hpp"
#include "connector_test_pg.hpp"

namespace {

namespace bc = bulk_case;
using bc::insert_items;
using bc::insert_values;
using bc::item;
using bc::numbered_items;
using bc::value_row;

template <ctsql::fixed_string Text, class Parameters = ctsql::type_list<>, class Row = void>
using pg = ctsql::raw_statement<ctsql::raw_sql<"", Text>, Parameters, Row>;

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
    db.execute(ctsql::create_all<bc::app>());

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
    bc::check_round_trip(db, rows);
    CHECK(idle(db));

    SECTION("tuples with narrower argument types and nullopt") {
        const std::vector<std::tuple<int, std::int8_t, std::int16_t, std::int32_t, bool, float, float, const char*,
                                     std::nullopt_t, std::optional<ctsql::timestamp>>>
            tuples = {{10, std::int8_t{-7}, std::int16_t{300}, 70'000, true, 0.5f, 2.0f, "tuple", std::nullopt, std::nullopt}};
        CHECK(db.bulk_insert(insert_values, tuples) == 1);
        const auto last = db.fetch_all<value_row>(bc::read_values{}).back();
        CHECK(last == value_row{10, -7, 300, 70'000, true, 0.5, 2.0f, "tuple", std::nullopt, std::nullopt});
    }
}

TEST_CASE("postgresql bulk_insert: 100000 rows, other ranges, single values, empty ranges", "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<bc::app>());

    bc::check_many_rows(db, 100'000);

    std::deque<std::tuple<std::int64_t, std::string, double, bool>> generated;
    for (std::int64_t i = 200'001; i != 210'001; ++i) generated.emplace_back(i, ctsql_conn_test::numbered("gen ", i), 1.0, false);
    bc::check_other_ranges(db, generated, {"a", "b", "c"}, 100'000);
    CHECK(idle(db));
}

TEST_CASE("postgresql bulk_insert: a unique violation mid-stream inserts nothing and throws unique_violation",
          "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<bc::app>());
    // Far past the first 64 KiB chunk.
    bc::check_unique_violation_mid_stream(db, 20'000, 15'000, [](const ctsql::unique_violation& e) {
        CHECK(e.sqlstate() == "23505");
        CHECK(e.sql() == R"(COPY "items" ("id", "name", "price", "active") FROM STDIN (FORMAT binary))");
        CHECK_THAT(e.message(), Catch::Contains("duplicate key value") && Catch::Contains("item 5"));
    });
    CHECK(idle(db));
    CHECK(db.ping());

    // Duplicates inside the rows themselves.
    std::vector<item> twice = numbered_items(100, 3);
    twice.push_back(twice.front());
    CHECK_THROWS_AS(db.bulk_insert(insert_items, twice), ctsql::unique_violation);
    CHECK(bc::item_count(db) == 10);

    // The connection is usable for everything afterwards, including another COPY.
    CHECK(db.execute_many(insert_items, numbered_items(500, 5)) == 5);
    CHECK(db.bulk_insert(insert_items, numbered_items(600, 5)) == 5);
    CHECK(bc::item_count(db) == 20);
}

TEST_CASE("postgresql bulk_insert: a value that cannot be encoded ends the COPY and throws conversion_error",
          "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<bc::app>());

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
    CHECK(bc::item_count(db) == 0);

    // Also the first row, before anything was flushed; then a good COPY.
    rows[8'000].name = "fine";
    rows[0].name = std::string(1, '\0');
    CHECK_THROWS_AS(db.bulk_insert(insert_items, rows), ctsql::conversion_error);
    rows[0].name = "first";
    CHECK(db.bulk_insert(insert_items, rows) == 10'000);
    CHECK(bc::item_count(db) == 10'000);

    // An error from the server before the COPY starts (no such table).
    db.execute(pg<"DROP TABLE tags">{});
    CHECK_THROWS_AS(db.bulk_insert(bc::insert_tags, std::vector<std::string>{"x"}),
                    ctsql::database_error);
    CHECK(idle(db));
    CHECK(db.ping());
}

TEST_CASE("postgresql bulk_insert: inside an open transaction, rolled back or committed", "[postgresql][bulk]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<bc::app>());
    bc::check_rolled_back(db, 1, 12'000);
    CHECK(bc::item_count(db) == 0);
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
    CHECK(bc::item_count(db) == 150);
}
