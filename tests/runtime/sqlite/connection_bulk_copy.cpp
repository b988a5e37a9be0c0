// sqlite_connection::bulk_insert: the same API as PostgreSQL's COPY-based bulk_insert, here one
// prepared INSERT reused in one transaction (execute_many). Shared cases: bulk_copy_cases.hpp.
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

#include "bulk_copy_cases.hpp"
#include "connector_test_support.hpp"

namespace bc = bulk_case;

TEST_CASE("sqlite bulk_insert: every type round-trips, NULLs, widths, NUL in text, unicode, blobs", "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<bc::app>());

    using namespace std::chrono;
    ctsql::blob every_byte;
    for (int b = 0; b != 256; ++b) every_byte.push_back(static_cast<std::byte>(b));
    const ctsql::timestamp old = sys_days{year{1900} / 1 / 1} + microseconds{1};
    const ctsql::timestamp now = time_point_cast<microseconds>(system_clock::now());
    bc::check_round_trip(
        db, {
                {1, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int32_t>::min(),
                 std::numeric_limits<std::int64_t>::min(), false, -0.5, -1.5f, "", ctsql::blob{}, old},
                {2, std::numeric_limits<std::int16_t>::max(), std::numeric_limits<std::int32_t>::max(),
                 std::numeric_limits<std::int64_t>::max(), true, 1e308, std::numeric_limits<float>::max(), "héllo wörld ✓ 日本語 🎉",
                 every_byte, now},
                {3, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                 std::nullopt},
                {4, 0, 0, 0, true, 0.1, 0.25f, std::string(200'000, 'x'), ctsql::blob(300'000, std::byte{0x5a}), ctsql::timestamp{}},
                {5, -1, -1, -1, false, 2.5, std::numeric_limits<float>::lowest(), std::string("nul\0inside", 10), std::nullopt, now},
            });
}

TEST_CASE("sqlite bulk_insert: 10000 rows, tuples, other ranges, single values, empty ranges", "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<bc::app>());
    bc::check_many_rows(db, 10'000);

    std::deque<std::tuple<std::int64_t, std::string, float, bool>> generated;
    for (std::int64_t i = 20'001; i != 20'101; ++i) generated.emplace_back(i, ctsql_conn_test::numbered("gen ", i), 1.5f, true);
    bc::check_other_ranges(db, generated, {"a", "b"}, 10'000);
}

TEST_CASE("sqlite bulk_insert: a unique violation mid-stream inserts nothing, in or out of a transaction",
          "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<bc::app>());
    bc::check_unique_violation_mid_stream(db, 5'000, 4'000, [](const ctsql::unique_violation& e) {
        CHECK(e.native_code() == 2067);  // SQLITE_CONSTRAINT_UNIQUE
        CHECK(e.sql() == ctsql::sql<ctsql::sqlite<>>(bc::insert_items));
    });
    CHECK(db.bulk_insert(bc::insert_items, bc::numbered_items(100, 5)) == 5);
    bc::check_rolled_back(db, 200, 1'000);
    CHECK(bc::item_count(db) == 15);
}
