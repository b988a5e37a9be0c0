// The C++ types a column may have, and the dialect-neutral SQL type each maps to.
// Nullability is not part of the SQL type: std::optional<T> is a nullable T.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

// Only std::chrono::sys_time is needed here. libstdc++'s <chrono> adds calendars, time zones
// and formatting: 0.1 s and 16 MB of every TU that includes <ctsql/ctsql.hpp> (a quarter of its
// cost), so take the part that declares the clocks when it is there.
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

namespace ctsql {

// Binary data.
using blob = std::vector<std::byte>;

// A point in time, UTC, microsecond precision (PostgreSQL's resolution). Stored as
// TIMESTAMP WITH TIME ZONE on PostgreSQL and as ISO-8601 text 'YYYY-MM-DD HH:MM:SS[.ffffff]'
// (UTC, the format of SQLite's CURRENT_TIMESTAMP, so it sorts and compares as text) on SQLite.
using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

enum class type_kind : unsigned char { boolean, integer, real, text, blob, timestamp };

// Dialect-neutral SQL type: kind plus, for numbers, width in bytes and signedness.
struct sql_type {
    type_kind kind{};
    unsigned char bytes = 0;
    bool is_unsigned = false;
    constexpr bool operator==(const sql_type&) const = default;
};

namespace detail {

template <class T>
struct optional_traits {
    using value_type = T;
    static constexpr bool is_optional = false;
};
template <class T>
struct optional_traits<std::optional<T>> {
    using value_type = T;
    static constexpr bool is_optional = true;
};

template <class T>
inline constexpr bool is_character_type =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
    std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

template <class T>
inline constexpr bool is_sql_integer =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !is_character_type<T>;

}  // namespace detail

// Strips std::optional: the type a non-NULL value has.
template <class T>
using value_type_t = typename detail::optional_traits<T>::value_type;

template <class T>
inline constexpr bool is_optional_v = detail::optional_traits<T>::is_optional;

// True for the C++ types a column can hold (optional-wrapped or not).
template <class T>
inline constexpr bool is_column_type_v = [] {
    using V = value_type_t<T>;
    if constexpr (is_optional_v<V>) return false;  // optional<optional<T>> has no SQL meaning
    else
        return std::is_same_v<V, bool> || detail::is_sql_integer<V> || std::is_same_v<V, float> ||
               std::is_same_v<V, double> || std::is_same_v<V, std::string> ||
               std::is_same_v<V, blob> || std::is_same_v<V, timestamp>;
}();

// The SQL type of a supported C++ value type.
template <class T>
    requires is_column_type_v<T>
inline constexpr sql_type sql_type_of = [] {
    using V = value_type_t<T>;
    if constexpr (std::is_same_v<V, bool>) return sql_type{type_kind::boolean, 1, false};
    else if constexpr (detail::is_sql_integer<V>)
        return sql_type{type_kind::integer, sizeof(V), std::is_unsigned_v<V>};
    else if constexpr (std::is_floating_point_v<V>) return sql_type{type_kind::real, sizeof(V), false};
    else if constexpr (std::is_same_v<V, std::string>) return sql_type{type_kind::text, 0, false};
    else if constexpr (std::is_same_v<V, blob>) return sql_type{type_kind::blob, 0, false};
    else return sql_type{type_kind::timestamp, 8, false};
}();

}  // namespace ctsql
