// Which C++ values may stand for which, decided at compile time. Shared by the argument checks
// (an argument for a parameter) and the row mapping (a result column into a struct field).
//
// A conversion is allowed when it can never lose information:
//   integers     to an integer type that holds every value of the source type
//                (int -> std::int64_t, std::uint16_t -> std::int32_t; not int -> std::int16_t,
//                not int -> std::uint64_t: a negative value would not fit)
//   integers     to float when they have at most 24 value bits, to double with at most 53
//   float        to double
//   text         std::string from anything convertible to std::string_view
//                (const char*, string literals, std::string_view)
//   binary       ctsql::blob from anything convertible to std::span<const std::byte>
//   time points  ctsql::timestamp from a std::chrono::sys_time whose duration converts to
//                microseconds exactly (seconds, milliseconds; not nanoseconds: floor<> first)
// Everything else is narrowing (double -> int, double -> float, int64 -> double, ...) or
// incompatible (text for a number, bool for an integer, ...).
#pragma once

// Only the clocks and durations (see schema/sql_type.hpp): libstdc++'s <chrono> adds calendars,
// time zones and formatting (<sstream>).
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "ctsql/schema/sql_type.hpp"

namespace ctsql::detail {

enum class conversion : unsigned char { exact, lossless, narrowing, incompatible };

template <class T>
inline constexpr bool is_sys_time = false;
template <class Duration>
inline constexpr bool is_sys_time<std::chrono::time_point<std::chrono::system_clock, Duration>> = true;

template <class From, class To>
constexpr bool integer_fits() noexcept {
    if constexpr (std::is_signed_v<From> == std::is_signed_v<To>) return sizeof(From) <= sizeof(To);
    else if constexpr (std::is_unsigned_v<From>) return sizeof(From) < sizeof(To);
    else return false;  // signed -> unsigned: negative values do not fit
}

// How a value of type From (no optional, no reference) becomes a value of column value type To.
template <class To, class From>
constexpr conversion value_conversion() noexcept {
    if constexpr (std::is_same_v<From, To>) {
        return conversion::exact;
    } else if constexpr (is_sql_integer<To>) {
        if constexpr (is_sql_integer<From>)
            return integer_fits<From, To>() ? conversion::lossless : conversion::narrowing;
        else if constexpr (std::is_floating_point_v<From>) return conversion::narrowing;
        else return conversion::incompatible;
    } else if constexpr (std::is_floating_point_v<To>) {
        if constexpr (std::is_floating_point_v<From>)
            return std::numeric_limits<From>::digits <= std::numeric_limits<To>::digits &&
                           std::numeric_limits<From>::max_exponent <= std::numeric_limits<To>::max_exponent
                       ? conversion::lossless
                       : conversion::narrowing;
        else if constexpr (is_sql_integer<From>)
            return std::numeric_limits<From>::digits <= std::numeric_limits<To>::digits ? conversion::lossless
                                                                                         : conversion::narrowing;
        else return conversion::incompatible;
    } else if constexpr (std::is_same_v<To, std::string>) {
        return std::is_convertible_v<const From&, std::string_view> && !std::is_same_v<From, std::nullptr_t>
                   ? conversion::lossless
                   : conversion::incompatible;
    } else if constexpr (std::is_same_v<To, blob>) {
        return std::is_convertible_v<const From&, std::span<const std::byte>> ? conversion::lossless
                                                                              : conversion::incompatible;
    } else if constexpr (std::is_same_v<To, timestamp>) {
        if constexpr (is_sys_time<From>)
            return std::is_convertible_v<typename From::duration, std::chrono::microseconds> ? conversion::lossless
                                                                                             : conversion::narrowing;
        else return conversion::incompatible;
    } else {
        return conversion::incompatible;  // bool takes bool only
    }
}

}  // namespace ctsql::detail
