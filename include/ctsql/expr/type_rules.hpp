// Which value types may meet in comparisons, arithmetic and assignments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>

#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

enum class type_class : unsigned char { boolean, numeric, text, blob, timestamp, null, unknown };

template <class V>
inline constexpr type_class type_class_of = [] {
    if constexpr (std::is_same_v<V, bool>) return type_class::boolean;
    else if constexpr (std::is_arithmetic_v<V>) return type_class::numeric;
    else if constexpr (std::is_same_v<V, std::string>) return type_class::text;
    else if constexpr (std::is_same_v<V, blob>) return type_class::blob;
    else if constexpr (std::is_same_v<V, timestamp>) return type_class::timestamp;
    else if constexpr (std::is_same_v<V, std::nullptr_t>) return type_class::null;
    else return type_class::unknown;
}();

// Values of A and B can be compared: same class (integers and reals together).
template <class A, class B>
inline constexpr bool comparable_v = type_class_of<A> == type_class_of<B> && type_class_of<A> != type_class::unknown &&
                                     type_class_of<A> != type_class::null;

template <class A, class B>
inline constexpr bool both_numeric_v = type_class_of<A> == type_class::numeric && type_class_of<B> == type_class::numeric;

// A value of type V may be stored in a column of value type C: same class, and no real into
// an integer column (an integer into a real column is exact enough for SQL too).
template <class V, class C>
inline constexpr bool assignable_v = [] {
    if constexpr (type_class_of<V> != type_class_of<C>) return false;
    else if constexpr (type_class_of<V> == type_class::numeric)
        return std::is_floating_point_v<C> || std::is_integral_v<V>;
    else return type_class_of<V> != type_class::unknown;
}();

namespace detail {
// 64-bit when either side is 64-bit or an unsigned 32-bit (stored as BIGINT on PostgreSQL).
template <class A, class B>
inline constexpr bool needs_64_bits = (sizeof(A) > 4) || (sizeof(B) > 4) ||
                                      (sizeof(A) == 4 && std::is_unsigned_v<A>) ||
                                      (sizeof(B) == 4 && std::is_unsigned_v<B>);
}  // namespace detail

// Result type of arithmetic on A and B.
template <class A, class B>
using arithmetic_result_t =
    std::conditional_t<std::is_floating_point_v<A> || std::is_floating_point_v<B>, double,
                       std::conditional_t<detail::needs_64_bits<A, B>, std::int64_t, std::int32_t>>;

}  // namespace ctsql
