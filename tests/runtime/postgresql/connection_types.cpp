// postgresql_connection: exact round trips of every supported type through a table created by
// ctsql's own DDL (binary parameters and results), range checks, NUMERIC aggregates, NULL.
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

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
using namespace std::chrono_literals;

template <ctsql::fixed_string Text, class Parameters = type_list<>, class Row = void>
using pg = raw_statement<raw_sql<"", Text>, Parameters, Row>;

template <class T>
struct value_table_t {
    static constexpr ctsql::fixed_string sql_name = "value_table";
    struct v_c : ctsql::column<value_table_t, "v", std::optional<T>> {} v;
};

using drop_values = pg<"DROP TABLE IF EXISTS value_table">;
using clear_values = pg<"DELETE FROM value_table">;
template <class T>
using insert_value = pg<"INSERT INTO value_table (v) VALUES ($1)", type_list<parameter<"v", std::optional<T>>>>;
template <class T>
using select_value = pg<"SELECT v FROM value_table", type_list<>, row<field<"v", std::optional<T>>>>;
template <class T>
using select_not_null = pg<"SELECT v FROM value_table", type_list<>, row<field<"v", T>>>;
using column_type = pg<"SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                       "WHERE attrelid = 'value_table'::regclass AND attname = 'v'",
                       type_list<>, row<field<"type", std::string>>>;

template <class T>
void recreate(ctsql::postgresql_connection& db) {
    db.execute(drop_values{});
    db.execute(ctsql::create_table(value_table_t<T>{}));
}

template <class T>
std::optional<T> roundtrip(ctsql::postgresql_connection& db, const std::optional<T>& value) {
    db.execute(clear_values{});
    REQUIRE(db.execute(insert_value<T>{}, value) == 1);
    const std::optional<T> back = db.fetch_one<std::optional<T>>(select_value<T>{});
    if (value) {
        const T again = db.fetch_one(select_not_null<T>{}).template get<"v">();
        if constexpr (std::is_floating_point_v<T>) CHECK((again == *back || (std::isnan(again) && std::isnan(*back))));
        else CHECK(again == *back);
    }
    return back;
}

template <class T>
void check_roundtrips(ctsql::postgresql_connection& db, const char* sql_type, std::initializer_list<T> values) {
    recreate<T>(db);
    CHECK(db.fetch_one<std::string>(column_type{}) == sql_type);
    for (const T& value : values) {
        INFO("value " << +value);
        CHECK(roundtrip<T>(db, value) == value);
    }
    CHECK_FALSE(roundtrip<T>(db, std::nullopt).has_value());
}

template <class T>
using lim = std::numeric_limits<T>;

template <ctsql::fixed_string Text, class T>
using scalar = pg<Text, type_list<>, row<field<"v", T>>>;

template <class S>
void check_read_rejected(ctsql::postgresql_connection& db, const char* what = "column \"v\"") {
    try {
        (void)db.fetch_one(S{});
        FAIL("read a value that does not fit");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains(what));
    }
}

}  // namespace

TEST_CASE("postgresql types: every integer width round-trips at its limits", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    check_roundtrips<std::int8_t>(db, "smallint", {lim<std::int8_t>::min(), -1, 0, lim<std::int8_t>::max()});
    check_roundtrips<std::uint8_t>(db, "smallint", {0, 200, lim<std::uint8_t>::max()});
    check_roundtrips<std::int16_t>(db, "smallint", {lim<std::int16_t>::min(), -1, 0, lim<std::int16_t>::max()});
    check_roundtrips<std::uint16_t>(db, "integer", {0, 40000, lim<std::uint16_t>::max()});
    check_roundtrips<std::int32_t>(db, "integer", {lim<std::int32_t>::min(), -1, 0, lim<std::int32_t>::max()});
    check_roundtrips<std::uint32_t>(db, "bigint", {0, 3'000'000'000u, lim<std::uint32_t>::max()});
    check_roundtrips<std::int64_t>(db, "bigint", {lim<std::int64_t>::min(), -1, 0, lim<std::int64_t>::max()});
    check_roundtrips<std::uint64_t>(db, "bigint", {0, 1, static_cast<std::uint64_t>(lim<std::int64_t>::max())});
}

TEST_CASE("postgresql types: integers out of range are errors on bind and read", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<std::uint64_t>(db);
    for (const std::uint64_t too_big : {static_cast<std::uint64_t>(lim<std::int64_t>::max()) + 1, lim<std::uint64_t>::max()}) {
        try {
            db.execute(insert_value<std::uint64_t>{}, too_big);
            FAIL("bound a std::uint64_t above INT64_MAX");
        } catch (const ctsql::conversion_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("parameter \"v\"") && Catch::Contains(std::to_string(too_big)));
        }
    }
    CHECK(db.fetch_all(select_value<std::uint64_t>{}).empty());

    check_read_rejected<scalar<"SELECT 128::int2 AS v", std::int8_t>>(db);
    check_read_rejected<scalar<"SELECT (-129)::int4 AS v", std::int8_t>>(db);
    check_read_rejected<scalar<"SELECT 256::int2 AS v", std::uint8_t>>(db);
    check_read_rejected<scalar<"SELECT (-1)::int2 AS v", std::uint16_t>>(db);
    check_read_rejected<scalar<"SELECT 65536 AS v", std::uint16_t>>(db);
    check_read_rejected<scalar<"SELECT 2147483648::int8 AS v", std::int32_t>>(db);
    check_read_rejected<scalar<"SELECT 4294967296::int8 AS v", std::uint32_t>>(db);
    check_read_rejected<scalar<"SELECT (-1)::int8 AS v", std::uint64_t>>(db);
    check_read_rejected<scalar<"SELECT 2::int4 AS v", bool>>(db);  // not a boolean at all
    check_read_rejected<scalar<"SELECT 9007199254740993::int8 AS v", double>>(db);
    CHECK(db.fetch_one(scalar<"SELECT 2147483648::int8 AS v", std::uint32_t>{}).get<0>() == 2147483648u);
    CHECK(db.fetch_one(scalar<"SELECT 42::int2 AS v", std::int64_t>{}).get<0>() == 42);
    CHECK(db.fetch_one(scalar<"SELECT 42::int8 AS v", std::uint8_t>{}).get<0>() == 42);
    CHECK(db.fetch_one(scalar<"SELECT 7::int4 AS v", double>{}).get<0>() == 7.0);
}

TEST_CASE("postgresql types: NUMERIC results (aggregates) into integers and doubles", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    using create = pg<"CREATE TABLE amounts (n BIGINT NOT NULL)">;
    using add = pg<"INSERT INTO amounts (n) VALUES ($1)", type_list<parameter<"n", std::int64_t>>>;
    db.execute(create{});
    for (std::int64_t n : {lim<std::int64_t>::max(), lim<std::int64_t>::max(), std::int64_t{5}}) db.execute(add{}, n);
    // sum(bigint) is NUMERIC: this one does not fit a std::int64_t.
    check_read_rejected<scalar<"SELECT sum(n) AS v FROM amounts", std::int64_t>>(db);
    CHECK(db.fetch_one(scalar<"SELECT sum(n) AS v FROM amounts", double>{}).get<0>() == 2.0 * 9223372036854775807.0);
    db.execute(pg<"DELETE FROM amounts">{});
    for (std::int64_t n : {1, 2, 4}) db.execute(add{}, n);
    CHECK(db.fetch_one(scalar<"SELECT sum(n) AS v FROM amounts", std::int64_t>{}).get<0>() == 7);
    CHECK(db.fetch_one(scalar<"SELECT avg(n) AS v FROM amounts", double>{}).get<0>() == Approx(7.0 / 3));
    CHECK_FALSE(db.fetch_one(scalar<"SELECT sum(n) AS v FROM amounts WHERE false", std::optional<std::int64_t>>{})
                    .get<0>()
                    .has_value());
    CHECK(db.fetch_one(scalar<"SELECT (-123456789012345678)::numeric AS v", std::int64_t>{}).get<0>() == -123456789012345678);
    CHECK(db.fetch_one(scalar<"SELECT (-9223372036854775808)::numeric AS v", std::int64_t>{}).get<0>() ==
          lim<std::int64_t>::min());
    CHECK(db.fetch_one(scalar<"SELECT 10000::numeric AS v", std::int16_t>{}).get<0>() == 10000);
    CHECK(db.fetch_one(scalar<"SELECT 0::numeric AS v", std::uint8_t>{}).get<0>() == 0);
    CHECK(db.fetch_one(scalar<"SELECT 12.000::numeric AS v", std::int32_t>{}).get<0>() == 12);
    CHECK(db.fetch_one(scalar<"SELECT 0.000125::numeric AS v", double>{}).get<0>() == 0.000125);
    CHECK(db.fetch_one(scalar<"SELECT (-1234.5678)::numeric AS v", double>{}).get<0>() == -1234.5678);
    check_read_rejected<scalar<"SELECT 1.5::numeric AS v", std::int32_t>>(db, "fraction");
    check_read_rejected<scalar<"SELECT 0.5::numeric AS v", std::int32_t>>(db, "fraction");
    check_read_rejected<scalar<"SELECT 9223372036854775808::numeric AS v", std::int64_t>>(db);
    check_read_rejected<scalar<"SELECT 'NaN'::numeric AS v", std::int64_t>>(db);
    check_read_rejected<scalar<"SELECT 256::numeric AS v", std::uint8_t>>(db);
    check_read_rejected<scalar<"SELECT (-1)::numeric AS v", std::uint32_t>>(db);
    CHECK(std::isnan(db.fetch_one(scalar<"SELECT 'NaN'::numeric AS v", double>{}).get<0>()));
}

TEST_CASE("postgresql types: bool, real, double precision (NaN, infinities, -0)", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<bool>(db);
    CHECK(db.fetch_one<std::string>(column_type{}) == "boolean");
    CHECK(roundtrip<bool>(db, true) == true);
    CHECK(roundtrip<bool>(db, false) == false);
    CHECK_FALSE(roundtrip<bool>(db, std::nullopt).has_value());

    check_roundtrips<double>(db, "double precision",
                             {0.0, 0.1, -2.5, 3.141592653589793, lim<double>::max(), lim<double>::lowest(),
                              lim<double>::min(), lim<double>::denorm_min(), lim<double>::infinity(),
                              -lim<double>::infinity()});
    check_roundtrips<float>(db, "real",
                            {0.0f, 0.1f, -2.5f, lim<float>::max(), lim<float>::lowest(), lim<float>::min(),
                             lim<float>::denorm_min(), lim<float>::infinity()});
    recreate<double>(db);
    const std::optional<double> nan = roundtrip<double>(db, lim<double>::quiet_NaN());
    REQUIRE(nan.has_value());
    CHECK(std::isnan(*nan));
    const std::optional<double> negative_zero = roundtrip<double>(db, -0.0);
    REQUIRE(negative_zero.has_value());
    CHECK(std::signbit(*negative_zero));
    check_read_rejected<scalar<"SELECT 0.1::float8 AS v", float>>(db);  // no exact float
    CHECK(db.fetch_one(scalar<"SELECT 0.5::float8 AS v", float>{}).get<0>() == 0.5f);
    CHECK(db.fetch_one(scalar<"SELECT 0.1::float4 AS v", double>{}).get<0>() == static_cast<double>(0.1f));
}

TEST_CASE("postgresql types: text (UTF-8, megabytes, NUL is refused)", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<std::string>(db);
    CHECK(db.fetch_one<std::string>(column_type{}) == "text");
    std::string large(3 * 1024 * 1024 + 7, ' ');
    for (std::size_t i = 0; i != large.size(); ++i) large[i] = static_cast<char>('a' + i % 26);
    for (const std::string& value :
         {std::string(), std::string("plain"),
          std::string("h\xC3\xA9llo w\xC3\xB6rld \xE2\x9C\x93 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8E\x89"),
          std::string("it's \"quoted\" \\ -- /* */ $1"), large}) {
        const std::optional<std::string> back = roundtrip<std::string>(db, value);
        REQUIRE(back.has_value());
        CHECK(back->size() == value.size());
        CHECK(*back == value);
    }
    using is_empty = pg<"SELECT v = '' FROM value_table", type_list<>, row<field<"empty", bool>>>;
    roundtrip<std::string>(db, std::string());
    CHECK(db.fetch_one(is_empty{}).get<0>());  // '' and not NULL

    db.execute(clear_values{});
    try {
        db.execute(insert_value<std::string>{}, std::string("a\0b", 3));
        FAIL("stored text with a NUL in PostgreSQL");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("parameter \"v\"") && Catch::Contains("NUL"));
    }
    // Invalid UTF-8 is the server's conversion error (SQLSTATE 22021), not a crash.
    try {
        db.execute(insert_value<std::string>{}, std::string("\xff\xfe"));
        FAIL("stored invalid UTF-8");
    } catch (const ctsql::conversion_error& e) {
        CHECK(e.sqlstate() == "22021");
    }
    CHECK(db.fetch_all(select_value<std::string>{}).empty());
    CHECK(db.fetch_one(scalar<"SELECT 'abc'::varchar(10) AS v", std::string>{}).get<0>() == "abc");
    CHECK(db.fetch_one(scalar<"SELECT 'ab'::char(4) AS v", std::string>{}).get<0>() == "ab  ");
}

TEST_CASE("postgresql types: bytea, empty, with zero bytes and large", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<ctsql::blob>(db);
    CHECK(db.fetch_one<std::string>(column_type{}) == "bytea");
    ctsql::blob every_byte;
    for (int i = 0; i != 256; ++i) every_byte.push_back(static_cast<std::byte>(i));
    ctsql::blob large(2 * 1024 * 1024);
    for (std::size_t i = 0; i != large.size(); ++i) large[i] = static_cast<std::byte>(i * 7 % 251);
    for (const ctsql::blob& value : {ctsql::blob{}, ctsql::blob(3, std::byte{0}), every_byte, large}) {
        const std::optional<ctsql::blob> back = roundtrip<ctsql::blob>(db, value);
        REQUIRE(back.has_value());
        CHECK(*back == value);
    }
    using length = pg<"SELECT octet_length(v) FROM value_table", type_list<>, row<field<"n", std::optional<std::int32_t>>>>;
    roundtrip<ctsql::blob>(db, ctsql::blob{});
    CHECK(db.fetch_one(length{}).get<0>() == 0);  // empty, not NULL
    CHECK_FALSE(roundtrip<ctsql::blob>(db, std::nullopt).has_value());
    // Text with NUL bytes fits a blob.
    const std::string nul("a\0b", 3);
    const auto* bytes = reinterpret_cast<const std::byte*>(nul.data());
    CHECK(roundtrip<ctsql::blob>(db, ctsql::blob(bytes, bytes + 3)) == ctsql::blob(bytes, bytes + 3));
}

TEST_CASE("postgresql types: timestamps to the microsecond, before 1970 and after 2038", "[postgresql][types]") {
    using ctsql::timestamp;
    using std::chrono::sys_days;
    using namespace std::chrono;
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<timestamp>(db);
    CHECK(db.fetch_one<std::string>(column_type{}) == "timestamp with time zone");
    const timestamp now = floor<microseconds>(system_clock::now());
    const std::vector<timestamp> values = {
        timestamp{},
        now,
        timestamp{sys_days{1969y / December / 31} + 23h + 59min + 59s + 999999us},
        timestamp{sys_days{1900y / January / 1}},
        timestamp{sys_days{1y / January / 1}},
        timestamp{sys_days{year{-4000} / January / 1}},
        timestamp{sys_days{1999y / December / 31} + 23h + 59min + 59s + 999999us},
        timestamp{sys_days{2000y / January / 1}},
        timestamp{sys_days{2038y / January / 19} + 3h + 14min + 8s},
        timestamp{sys_days{2262y / April / 12} + 1us},
        timestamp{sys_days{32767y / December / 31} + 23h + 59min + 59s + 999999us},  // std::chrono::year's last
    };
    for (const timestamp& value : values) {
        INFO("value " << value.time_since_epoch().count());
        CHECK(roundtrip<timestamp>(db, value) == value);
    }
    CHECK_FALSE(roundtrip<timestamp>(db, std::nullopt).has_value());
    // The server stores the same instant: compare with its own text in UTC.
    using as_text = pg<"SELECT to_char(v AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM value_table", type_list<>,
                       row<field<"text", std::string>>>;
    roundtrip<timestamp>(db, timestamp{sys_days{2024y / February / 29} + 12h + 34min + 56s + 123456us});
    CHECK(db.fetch_one(as_text{}).get<0>() == "2024-02-29 12:34:56.123456");

    db.execute(clear_values{});
    db.execute(insert_value<timestamp>{}, sys_seconds{sys_days{2030y / May / 6}});
    CHECK(db.fetch_one<std::optional<timestamp>>(select_value<timestamp>{}) == timestamp{sys_days{2030y / May / 6}});
    CHECK(roundtrip<timestamp>(db, timestamp::max()) == timestamp::max());  // year 294247 fits TIMESTAMPTZ
    CHECK_THROWS_AS(db.execute(insert_value<timestamp>{}, timestamp::min()), ctsql::conversion_error);
    CHECK_THROWS_AS(db.execute(insert_value<timestamp>{}, timestamp{sys_days{year{-5000} / January / 1}}),
                    ctsql::conversion_error);  // before 4713 BC: the server's 22008
    check_read_rejected<scalar<"SELECT 'infinity'::timestamptz AS v", timestamp>>(db, "infinite");
    CHECK(db.fetch_one(scalar<"SELECT '2021-07-04 05:06:07+02'::timestamptz AS v", timestamp>{}).get<0>() ==
          timestamp{sys_days{2021y / July / 4} + 3h + 6min + 7s});
    CHECK(db.fetch_one(scalar<"SELECT '2021-07-04 05:06:07'::timestamp AS v", timestamp>{}).get<0>() ==
          timestamp{sys_days{2021y / July / 4} + 5h + 6min + 7s});
    CHECK(db.fetch_one(scalar<"SELECT '1960-02-03'::date AS v", timestamp>{}).get<0>() ==
          timestamp{sys_days{1960y / February / 3}});
    const timestamp server_now = db.fetch_one(scalar<"SELECT now() AS v", timestamp>{}).get<0>();
    CHECK(abs(server_now - now) < 60s);
}

TEST_CASE("postgresql types: NULL only into std::optional, type mismatches name the column", "[postgresql][types]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    recreate<std::int32_t>(db);
    db.execute(insert_value<std::int32_t>{}, std::nullopt);
    try {
        (void)db.fetch_one(select_not_null<std::int32_t>{});
        FAIL("read NULL into a non-optional field");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"v\"") && Catch::Contains("NULL"));
    }
    try {
        (void)db.fetch_one(scalar<"SELECT 'twelve'::text AS amount", std::int32_t>{});
        FAIL("read text as an integer");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("column \"v\"") && Catch::Contains("text"));
    }
    CHECK_THROWS_AS(db.fetch_one(scalar<"SELECT 12 AS v", std::string>{}), ctsql::conversion_error);
    CHECK_THROWS_AS(db.fetch_one(scalar<"SELECT 'x'::bytea AS v", std::string>{}), ctsql::conversion_error);
    CHECK_THROWS_AS(db.fetch_one(scalar<"SELECT 1.5::float8 AS v", std::int64_t>{}), ctsql::conversion_error);
    CHECK_THROWS_AS(db.fetch_one(scalar<"SELECT '{1}'::int[] AS v", std::int64_t>{}), ctsql::conversion_error);
    CHECK(db.fetch_all(select_value<std::int32_t>{}).size() == 1);  // still usable
}
