// Run-time value conversions shared by the connectors (no client library needed): range-checked
// integer conversion and the UTC text form of ctsql::timestamp that SQLite stores.
#pragma once

// Only the clocks and durations (see schema/sql_type.hpp): libstdc++'s <chrono> adds calendars,
// time zones and formatting (<sstream>).
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>

#include "ctsql/schema/sql_type.hpp"

namespace ctsql::detail {

// Whether `value` is representable in To (no truncation, no sign change).
template <class To, class From>
constexpr bool integer_in_range(From value) noexcept {
    static_assert(std::is_integral_v<To> && std::is_integral_v<From>);
    if constexpr (std::is_signed_v<From> == std::is_signed_v<To>) {
        return value >= std::numeric_limits<To>::min() && value <= std::numeric_limits<To>::max();
    } else if constexpr (std::is_signed_v<From>) {  // signed -> unsigned
        return value >= 0 && static_cast<std::make_unsigned_t<From>>(value) <= std::numeric_limits<To>::max();
    } else {  // unsigned -> signed
        return value <= static_cast<std::make_unsigned_t<To>>(std::numeric_limits<To>::max());
    }
}

// A double that is a whole number within To's range, converted exactly; nullopt otherwise.
template <class To>
constexpr std::optional<To> exact_integer(double value) noexcept {
    // 2^63 and 2^64 are exact doubles; the comparisons below are exact.
    constexpr double lower = std::is_signed_v<To> ? -static_cast<double>(std::uint64_t{1} << (sizeof(To) * 8 - 1)) : 0.0;
    constexpr double upper_exclusive = sizeof(To) == 8
                                           ? (std::is_signed_v<To> ? 9223372036854775808.0 : 18446744073709551616.0)
                                           : static_cast<double>(std::numeric_limits<To>::max()) + 1.0;
    if (!(value >= lower && value < upper_exclusive)) return std::nullopt;  // also NaN
    const To result = static_cast<To>(value);
    if (static_cast<double>(result) != value) return std::nullopt;  // a fraction
    return result;
}

// Days since 1970-01-01 to and from proleptic Gregorian dates (Howard Hinnant's algorithms, what
// std::chrono::year_month_day computes; the calendar types would bring all of <chrono>).
struct civil_date {
    std::int64_t year;
    unsigned month;  // 1-12
    unsigned day;    // 1-31
};

constexpr civil_date civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);                // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                   // [0, 11], from March
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr bool valid_date(std::int64_t y, unsigned m, unsigned d) noexcept {
    if (m < 1 || m > 12 || d < 1) return false;
    constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    return d <= lengths[m - 1] + (m == 2 && leap ? 1 : 0);
}

static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2000, 3, 1) == 11017 &&
              days_from_civil(1969, 12, 31) == -1);
static_assert(civil_from_days(11017).year == 2000 && civil_from_days(11017).month == 3 && civil_from_days(-1).day == 31);

// The text SQLite stores for a timestamp: "YYYY-MM-DD HH:MM:SS" plus ".ffffff" when the
// microseconds are not zero (the format of CURRENT_TIMESTAMP, so both compare and sort as text).
// Years outside 0000-9999 have no such form: returns 0. Otherwise the length written (19 or 26).
inline std::size_t format_timestamp(timestamp value, char (&out)[32]) noexcept {
    using namespace std::chrono;
    const auto day = floor<days>(value);
    const civil_date date = civil_from_days(day.time_since_epoch().count());
    const std::int64_t y = date.year;
    if (y < 0 || y > 9999) return 0;
    const auto in_day = value - day;  // [0, 24h)
    auto micro = static_cast<std::uint64_t>(in_day.count());
    const unsigned us = static_cast<unsigned>(micro % 1'000'000);
    micro /= 1'000'000;
    const unsigned s = static_cast<unsigned>(micro % 60);
    micro /= 60;
    const unsigned mi = static_cast<unsigned>(micro % 60);
    const unsigned h = static_cast<unsigned>(micro / 60);
    auto put = [&](std::size_t at, unsigned v, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
    };
    put(0, static_cast<unsigned>(y), 4);
    out[4] = '-';
    put(5, date.month, 2);
    out[7] = '-';
    put(8, date.day, 2);
    out[10] = ' ';
    put(11, h, 2);
    out[13] = ':';
    put(14, mi, 2);
    out[16] = ':';
    put(17, s, 2);
    std::size_t n = 19;
    if (us != 0) {
        out[19] = '.';
        put(20, us, 6);
        n = 26;
    }
    out[n] = '\0';
    return n;
}

// Parses "YYYY-MM-DD[ T]HH:MM[:SS[.f{1,6}]][Z|+00:00]" (UTC) and "YYYY-MM-DD" (midnight).
// More than 6 fraction digits would lose precision: nullopt, as for any other malformed text.
inline std::optional<timestamp> parse_timestamp(std::string_view text) noexcept {
    using namespace std::chrono;
    std::size_t i = 0;
    auto number = [&](std::size_t digits, unsigned& out) {
        if (text.size() < i + digits) return false;
        out = 0;
        for (std::size_t k = 0; k != digits; ++k) {
            const char c = text[i + k];
            if (c < '0' || c > '9') return false;
            out = out * 10 + static_cast<unsigned>(c - '0');
        }
        i += digits;
        return true;
    };
    auto literal = [&](char c) {
        if (i < text.size() && text[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, us = 0;
    if (!number(4, y) || !literal('-') || !number(2, mo) || !literal('-') || !number(2, d)) return std::nullopt;
    if (!valid_date(y, mo, d)) return std::nullopt;
    if (i != text.size()) {
        if (!literal(' ') && !literal('T')) return std::nullopt;
        if (!number(2, h) || !literal(':') || !number(2, mi)) return std::nullopt;
        if (literal(':')) {
            if (!number(2, s)) return std::nullopt;
            if (literal('.')) {
                std::size_t digits = 0;
                while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
                    if (++digits > 6) return std::nullopt;
                    us = us * 10 + static_cast<unsigned>(text[i] - '0');
                    ++i;
                }
                if (digits == 0) return std::nullopt;
                for (; digits < 6; ++digits) us *= 10;
            }
        }
        if (literal('Z')) {
        } else if (text.substr(i) == "+00:00" || text.substr(i) == "+00") {
            i = text.size();
        }
        if (i != text.size() || h > 23 || mi > 59 || s > 59) return std::nullopt;
    }
    return timestamp{days{days_from_civil(y, mo, d)}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}

}  // namespace ctsql::detail

namespace ctsql::detail {

// A short name of a column value type, for error messages.
template <class V>
constexpr std::string_view type_label() noexcept {
    if constexpr (std::is_same_v<V, bool>) return "bool";
    else if constexpr (is_sql_integer<V>) {
        constexpr std::string_view signed_names[] = {"std::int8_t", "std::int16_t", "", "std::int32_t", "", "", "", "std::int64_t"};
        constexpr std::string_view unsigned_names[] = {"std::uint8_t", "std::uint16_t", "", "std::uint32_t", "", "", "", "std::uint64_t"};
        return std::is_signed_v<V> ? signed_names[sizeof(V) - 1] : unsigned_names[sizeof(V) - 1];
    } else if constexpr (std::is_same_v<V, float>) return "float";
    else if constexpr (std::is_same_v<V, double>) return "double";
    else if constexpr (std::is_same_v<V, std::string>) return "std::string";
    else if constexpr (std::is_same_v<V, blob>) return "ctsql::blob";
    else if constexpr (std::is_same_v<V, timestamp>) return "ctsql::timestamp";
    else return "this type";
}

}  // namespace ctsql::detail
