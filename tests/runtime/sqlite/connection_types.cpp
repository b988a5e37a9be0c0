// sqlite_connection: exact round trips of every supported type through a table created by
// ctsql's own DDL, range checks on bind and read, NULL handling.
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;
using namespace std::chrono_literals;

// One nullable column of type T, declared like any user table.
template <class T>
struct value_table_t {
    static constexpr ctsql::fixed_string sql_name = "value_table";
    struct v_c : ctsql::column<value_table_t, "v", std::optional<T>> {} v;
};

using drop_values = raw_statement<raw_sql<"DROP TABLE IF EXISTS value_table">>;
using clear_values = raw_statement<raw_sql<"DELETE FROM value_table">>;
template <class T>
using insert_value = raw_statement<raw_sql<"INSERT INTO value_table (v) VALUES (?1)">, type_list<parameter<"v", std::optional<T>>>>;
template <class T>
using select_value = raw_statement<raw_sql<"SELECT v FROM value_table">, type_list<>, row<field<"v", std::optional<T>>>>;
template <class T>
using select_not_null = raw_statement<raw_sql<"SELECT v FROM value_table">, type_list<>, row<field<"v", T>>>;
using stored_text = raw_statement<raw_sql<"SELECT CAST(v AS TEXT), typeof(v) FROM value_table">, type_list<>,
                                  row<field<"text", std::string>, field<"type", std::string>>>;

template <class T>
void recreate(ctsql::sqlite_connection& db) {
    db.execute(drop_values{});
    db.execute(ctsql::create_table(value_table_t<T>{}));
}

// Stores `value`, reads it back (as optional and, when not NULL, as T) and returns it.
template <class T>
std::optional<T> roundtrip(ctsql::sqlite_connection& db, const std::optional<T>& value) {
    db.execute(clear_values{});
    REQUIRE(db.execute(insert_value<T>{}, value) == 1);
    const std::optional<T> back = db.fetch_one<std::optional<T>>(select_value<T>{});
    if (value) CHECK(db.fetch_one(select_not_null<T>{}).template get<"v">() == *back);
    return back;
}

template <class T>
void check_roundtrips(ctsql::sqlite_connection& db, std::initializer_list<T> values) {
    recreate<T>(db);
    for (const T& value : values) {
        INFO("value " << +value);
        CHECK(roundtrip<T>(db, value) == value);
    }
    CHECK_FALSE(roundtrip<T>(db, std::nullopt).has_value());
}

template <class T>
using lim = std::numeric_limits<T>;

// Reads the stored value as T: a conversion_error naming the column.
template <class T>
void check_read_rejected(ctsql::sqlite_connection& db) {
    try {
        (void)db.fetch_one(select_value<T>{});
        FAIL("read a value that does not fit");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"v\""));
        CHECK_THAT(e.sql(), Catch::Contains("SELECT v FROM value_table"));
    }
}

std::string text_of(ctsql::sqlite_connection& db) { return db.fetch_one(stored_text{}).get<"text">(); }

}  // namespace

TEST_CASE("sqlite types: every integer width round-trips at its limits", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    check_roundtrips<std::int8_t>(db, {lim<std::int8_t>::min(), -1, 0, 1, lim<std::int8_t>::max()});
    check_roundtrips<std::uint8_t>(db, {0, 1, 200, lim<std::uint8_t>::max()});
    check_roundtrips<std::int16_t>(db, {lim<std::int16_t>::min(), -1, 0, lim<std::int16_t>::max()});
    check_roundtrips<std::uint16_t>(db, {0, 40000, lim<std::uint16_t>::max()});
    check_roundtrips<std::int32_t>(db, {lim<std::int32_t>::min(), -1, 0, lim<std::int32_t>::max()});
    check_roundtrips<std::uint32_t>(db, {0, 3'000'000'000u, lim<std::uint32_t>::max()});
    check_roundtrips<std::int64_t>(db, {lim<std::int64_t>::min(), -1, 0, lim<std::int64_t>::max()});
    check_roundtrips<std::uint64_t>(db, {0, 1, static_cast<std::uint64_t>(lim<std::int64_t>::max())});
}

TEST_CASE("sqlite types: integers out of range are errors on bind and read, never truncated", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    recreate<std::uint64_t>(db);
    for (const std::uint64_t too_big : {static_cast<std::uint64_t>(lim<std::int64_t>::max()) + 1, lim<std::uint64_t>::max()}) {
        try {
            db.execute(insert_value<std::uint64_t>{}, too_big);
            FAIL("bound a std::uint64_t above INT64_MAX");
        } catch (const ctsql::conversion_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("parameter \"v\""));
            CHECK_THAT(e.what(), Catch::Contains(std::to_string(too_big)));
        }
    }
    CHECK(db.fetch_all(select_value<std::uint64_t>{}).empty());  // nothing was stored

    recreate<std::int64_t>(db);
    auto store = [&](std::int64_t v) {
        db.execute(clear_values{});
        db.execute(insert_value<std::int64_t>{}, v);
    };
    store(128);
    check_read_rejected<std::int8_t>(db);
    CHECK(roundtrip<std::int64_t>(db, 128) == 128);
    store(-129);
    check_read_rejected<std::int8_t>(db);
    store(256);
    check_read_rejected<std::uint8_t>(db);
    store(-1);
    check_read_rejected<std::uint8_t>(db);
    check_read_rejected<std::uint16_t>(db);
    check_read_rejected<std::uint32_t>(db);
    check_read_rejected<std::uint64_t>(db);
    store(32768);
    check_read_rejected<std::int16_t>(db);
    store(65536);
    check_read_rejected<std::uint16_t>(db);
    store(std::int64_t{1} << 31);
    check_read_rejected<std::int32_t>(db);
    CHECK(db.fetch_one<std::optional<std::uint32_t>>(select_value<std::uint32_t>{}) == (std::uint32_t{1} << 31));
    store(std::int64_t{1} << 32);
    check_read_rejected<std::uint32_t>(db);
    store(2);
    check_read_rejected<bool>(db);
    store((std::int64_t{1} << 53) + 1);  // not exactly representable as a double
    check_read_rejected<double>(db);
    store(std::int64_t{1} << 53);
    CHECK(db.fetch_one<std::optional<double>>(select_value<double>{}) == 9007199254740992.0);

    // REAL values into integers: whole numbers in range only.
    recreate<double>(db);
    auto store_real = [&](double v) {
        db.execute(clear_values{});
        db.execute(insert_value<double>{}, v);
    };
    store_real(3.0);
    CHECK(db.fetch_one<std::optional<std::int32_t>>(select_value<std::int32_t>{}) == 3);
    store_real(2.5);
    check_read_rejected<std::int32_t>(db);
    store_real(1e19);
    check_read_rejected<std::int64_t>(db);
    CHECK(db.fetch_one<std::optional<std::uint64_t>>(select_value<std::uint64_t>{}) == 10'000'000'000'000'000'000u);
    store_real(0.1);
    check_read_rejected<float>(db);  // 0.1 has no exact float
}

TEST_CASE("sqlite types: bool, float, double", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    recreate<bool>(db);
    CHECK(roundtrip<bool>(db, true) == true);
    CHECK(roundtrip<bool>(db, false) == false);
    CHECK(text_of(db) == "0");
    CHECK_FALSE(roundtrip<bool>(db, std::nullopt).has_value());

    check_roundtrips<double>(db, {0.0, 0.1, -2.5, 3.141592653589793, lim<double>::max(), lim<double>::lowest(),
                                  lim<double>::min(), lim<double>::denorm_min(), lim<double>::epsilon(), 1e300,
                                  lim<double>::infinity(), -lim<double>::infinity()});
    check_roundtrips<float>(db, {0.0f, 0.1f, -2.5f, lim<float>::max(), lim<float>::lowest(), lim<float>::min(),
                                 lim<float>::denorm_min(), lim<float>::infinity()});

    // SQLite turns NaN into NULL: refused instead of lost.
    recreate<double>(db);
    CHECK_THROWS_AS(db.execute(insert_value<double>{}, lim<double>::quiet_NaN()), ctsql::conversion_error);
    CHECK_THROWS_AS(db.execute(insert_value<double>{}, lim<float>::quiet_NaN()), ctsql::conversion_error);
    CHECK(db.fetch_all(select_value<double>{}).empty());
}

TEST_CASE("sqlite types: text, with embedded NUL, UTF-8 and megabytes", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    recreate<std::string>(db);
    const std::string nul("a\0b\0", 4);
    std::string large(3 * 1024 * 1024 + 7, '\0');
    for (std::size_t i = 0; i != large.size(); ++i) large[i] = static_cast<char>('a' + i % 26);
    large[12345] = '\0';
    for (const std::string& value :
         {std::string(), std::string("plain"), nul, std::string("h\xC3\xA9llo w\xC3\xB6rld \xE2\x9C\x93 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8E\x89"),
          std::string("it's \"quoted\" \\ -- /* */"), large}) {
        const std::optional<std::string> back = roundtrip<std::string>(db, value);
        REQUIRE(back.has_value());
        CHECK(back->size() == value.size());
        CHECK(*back == value);
    }
    // The empty string stays an empty string, not NULL.
    roundtrip<std::string>(db, std::string());
    CHECK(db.fetch_one(stored_text{}).get<"type">() == "text");
}

TEST_CASE("sqlite types: blobs, empty, with zero bytes and large", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    recreate<ctsql::blob>(db);
    ctsql::blob every_byte;
    for (int i = 0; i != 256; ++i) every_byte.push_back(static_cast<std::byte>(i));
    ctsql::blob large(2 * 1024 * 1024);
    for (std::size_t i = 0; i != large.size(); ++i) large[i] = static_cast<std::byte>(i * 7 % 251);
    for (const ctsql::blob& value : {ctsql::blob{}, ctsql::blob(3, std::byte{0}), every_byte, large}) {
        const std::optional<ctsql::blob> back = roundtrip<ctsql::blob>(db, value);
        REQUIRE(back.has_value());
        CHECK(*back == value);
    }
    roundtrip<ctsql::blob>(db, ctsql::blob{});
    CHECK(db.fetch_one(stored_text{}).get<"type">() == "blob");  // not NULL
    CHECK_FALSE(roundtrip<ctsql::blob>(db, std::nullopt).has_value());

    // A span of bytes binds as a blob without a copy into a vector.
    const std::byte raw[] = {std::byte{1}, std::byte{0}, std::byte{2}};
    db.execute(clear_values{});
    db.execute(insert_value<ctsql::blob>{}, std::span<const std::byte>(raw));
    CHECK(db.fetch_one<std::optional<ctsql::blob>>(select_value<ctsql::blob>{}) == ctsql::blob(raw, raw + 3));
}

TEST_CASE("sqlite types: timestamps to the microsecond, before 1970 and after 2038", "[sqlite][types]") {
    using ctsql::timestamp;
    using std::chrono::sys_days;
    using namespace std::chrono;
    ctsql::sqlite_connection db;
    recreate<timestamp>(db);
    const timestamp now = floor<microseconds>(system_clock::now());
    const std::vector<timestamp> values = {
        timestamp{},
        now,
        timestamp{sys_days{1969y / December / 31} + 23h + 59min + 59s + 999999us},
        timestamp{sys_days{1900y / January / 1}},
        timestamp{sys_days{0y / January / 1}},
        timestamp{sys_days{1y / March / 1} + 1us},
        timestamp{sys_days{2038y / January / 19} + 3h + 14min + 8s},
        timestamp{sys_days{2262y / April / 12} + 1us},
        timestamp{sys_days{9999y / December / 31} + 23h + 59min + 59s + 999999us},
        timestamp{sys_days{2024y / February / 29} + 12h + 34min + 56s + 123456us},
    };
    for (const timestamp& value : values) {
        INFO("value " << value.time_since_epoch().count());
        CHECK(roundtrip<timestamp>(db, value) == value);
    }
    CHECK(text_of(db) == "2024-02-29 12:34:56.123456");  // the stored text is UTC, sortable
    roundtrip<timestamp>(db, timestamp{sys_days{2000y / January / 2} + 3h});
    CHECK(text_of(db) == "2000-01-02 03:00:00");  // no fraction when it is zero, like CURRENT_TIMESTAMP
    CHECK_FALSE(roundtrip<timestamp>(db, std::nullopt).has_value());

    // Coarser durations bind as timestamps; years SQLite text cannot represent are refused.
    db.execute(clear_values{});
    db.execute(insert_value<timestamp>{}, sys_seconds{sys_days{2030y / May / 6}});
    CHECK(db.fetch_one<std::optional<timestamp>>(select_value<timestamp>{}) == timestamp{sys_days{2030y / May / 6}});
    CHECK_THROWS_AS(db.execute(insert_value<timestamp>{}, timestamp{sys_days{10000y / January / 1}}), ctsql::conversion_error);
    CHECK_THROWS_AS(db.execute(insert_value<timestamp>{}, timestamp{sys_days{year{-1} / January / 1}}), ctsql::conversion_error);

    // Text written by SQLite itself or by hand.
    using text_as_timestamp = raw_statement<raw_sql<"SELECT ?1">, type_list<parameter<"text", std::string>>,
                                            row<field<"at", timestamp>>>;
    const timestamp expected{sys_days{2021y / July / 4} + 5h + 6min + 7s};
    CHECK(db.fetch_one(text_as_timestamp{}, "2021-07-04 05:06:07").get<0>() == expected);
    CHECK(db.fetch_one(text_as_timestamp{}, "2021-07-04T05:06:07Z").get<0>() == expected);
    CHECK(db.fetch_one(text_as_timestamp{}, "2021-07-04 05:06:07.5").get<0>() == expected + 500ms);
    CHECK(db.fetch_one(text_as_timestamp{}, "2021-07-04 05:06:07.000001+00:00").get<0>() == expected + 1us);
    CHECK(db.fetch_one(text_as_timestamp{}, "2021-07-04").get<0>() == timestamp{sys_days{2021y / July / 4}});
    for (const char* bad : {"2021-07-04 05:06:07.0000001", "2021-02-30 00:00:00", "yesterday", "2021-07-04 25:00:00",
                            "2021-07-04 05:06:07+02:00", ""}) {
        INFO(bad);
        CHECK_THROWS_AS(db.fetch_one(text_as_timestamp{}, bad), ctsql::conversion_error);
    }
    using current = raw_statement<raw_sql<"SELECT CURRENT_TIMESTAMP">, type_list<>, row<field<"at", timestamp>>>;
    const timestamp sqlite_now = db.fetch_one(current{}).get<0>();
    CHECK(abs(sqlite_now - now) < 60s);
}

TEST_CASE("sqlite types: NULL only into std::optional, type mismatches name the column", "[sqlite][types]") {
    ctsql::sqlite_connection db;
    recreate<std::int32_t>(db);
    db.execute(insert_value<std::int32_t>{}, std::nullopt);
    try {
        (void)db.fetch_one(select_not_null<std::int32_t>{});
        FAIL("read NULL into a non-optional field");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"v\"") && Catch::Contains("NULL"));
    }
    struct not_optional {
        std::int64_t v;
    };
    CHECK_THROWS_AS(db.fetch_all<not_optional>(select_not_null<std::int32_t>{}), ctsql::conversion_error);

    using text_as_int = raw_statement<raw_sql<"SELECT 'twelve' AS amount">, type_list<>, row<field<"amount", std::int32_t>>>;
    try {
        (void)db.fetch_one(text_as_int{});
        FAIL("read text as an integer");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"amount\"") && Catch::Contains("TEXT"));
    }
    using int_as_text = raw_statement<raw_sql<"SELECT 12 AS label">, type_list<>, row<field<"label", std::string>>>;
    CHECK_THROWS_AS(db.fetch_one(int_as_text{}), ctsql::conversion_error);
    using blob_as_time = raw_statement<raw_sql<"SELECT x'00' AS at">, type_list<>, row<field<"at", ctsql::timestamp>>>;
    CHECK_THROWS_AS(db.fetch_one(blob_as_time{}), ctsql::conversion_error);
    // The connection stays usable after conversion errors.
    CHECK(db.fetch_all(select_value<std::int32_t>{}).size() == 1);
}
