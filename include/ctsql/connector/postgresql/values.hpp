// Binary encoding of parameters and decoding of results for PostgreSQL (network byte order).
//
// Parameters are sent in binary with explicit type OIDs taken from the C++ parameter type:
//   bool BOOLEAN; std::int8_t, std::uint8_t, std::int16_t SMALLINT; std::uint16_t, std::int32_t
//   INTEGER; std::uint32_t, std::int64_t, std::uint64_t BIGINT (a std::uint64_t above INT64_MAX:
//   conversion_error); float REAL; double DOUBLE PRECISION; text TEXT (NUL inside:
//   conversion_error, PostgreSQL text cannot hold it); blob BYTEA; timestamp TIMESTAMPTZ.
// Results are requested in binary and decoded by the column's actual type OID, range-checked
// into the field's C++ type: int2/int4/int8/oid/numeric into integers (numeric: whole numbers
// only), float4/float8/integers/numeric into floating point (exactly representable values only,
// numeric: nearest double), text-like types into std::string, bytea into blob,
// timestamptz/timestamp/date into timestamp, bool into bool.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#include <libpq-fe.h>

#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/separate_compilation.hpp"
#include "ctsql/connector/values.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql::detail::postgresql_impl {

// Built-in type OIDs (pg_type.dat; stable across versions).
namespace oid {
inline constexpr Oid boolean = 16, bytea = 17, character = 18, name = 19, int8 = 20, int2 = 21, int4 = 23,
                     text = 25, object_id = 26, json = 114, xml = 142, float4 = 700, float8 = 701, unknown = 705,
                     bpchar = 1042, varchar = 1043, date = 1082, timestamp = 1114, timestamptz = 1184,
                     numeric = 1700;
}

// Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01.
inline constexpr std::int64_t epoch_offset_us = 946'684'800'000'000;

// The OID a parameter of C++ type T is sent as.
template <class T>
constexpr Oid parameter_oid() noexcept {
    using U = value_type_t<T>;
    if constexpr (std::is_same_v<U, bool>) return oid::boolean;
    else if constexpr (is_sql_integer<U>) {
        constexpr std::size_t bytes = std::is_unsigned_v<U> && sizeof(U) < 8 ? sizeof(U) * 2 : sizeof(U);
        return bytes <= 2 ? oid::int2 : bytes <= 4 ? oid::int4 : oid::int8;
    } else if constexpr (std::is_same_v<U, float>) return oid::float4;
    else if constexpr (std::is_same_v<U, double>) return oid::float8;
    else if constexpr (std::is_same_v<U, std::string>) return oid::text;
    else if constexpr (std::is_same_v<U, blob>) return oid::bytea;
    else return oid::timestamptz;
}

template <class Parameters>
struct parameter_types;
template <class... Ps>
struct parameter_types<type_list<Ps...>> {
    static constexpr Oid oids[sizeof...(Ps) + 1] = {parameter_oid<typename Ps::type>()..., 0};
    static constexpr int formats[sizeof...(Ps) + 1] = {(static_cast<void>(sizeof(Ps)), 1)..., 1};
};

// Network byte order <-> host: one load or store plus a byte swap (std::byteswap is C++23).
template <class U>
constexpr U to_big_endian(U u) noexcept {
    static_assert(std::is_unsigned_v<U> && (sizeof(U) == 1 || sizeof(U) == 2 || sizeof(U) == 4 || sizeof(U) == 8));
    if constexpr (std::endian::native == std::endian::big || sizeof(U) == 1) return u;
    else if constexpr (sizeof(U) == 2) return __builtin_bswap16(u);
    else if constexpr (sizeof(U) == 4) return __builtin_bswap32(u);
    else return __builtin_bswap64(u);
}

template <class I>
inline void store_big_endian(char* out, I value) noexcept {
    const auto u = to_big_endian(static_cast<std::make_unsigned_t<I>>(value));
    std::memcpy(out, &u, sizeof(u));
}

template <class I>
inline I load_big_endian(const char* in) noexcept {
    std::make_unsigned_t<I> u;
    std::memcpy(&u, in, sizeof(u));
    return static_cast<I>(to_big_endian(u));
}

// The libpq arrays of one execution; fixed-width values are encoded into `scratch`.
template <std::size_t N>
struct parameter_buffers {
    std::array<const char*, N> values{};
    std::array<int, N> lengths{};
    std::array<std::array<char, 8>, N> scratch{};
};

[[noreturn]] void bind_conversion_failed(std::string_view parameter, std::string_view what, std::string_view sql);

template <class T, class A, std::size_t N>
void encode_value(parameter_buffers<N>& out, std::size_t i, const A& value, std::string_view name, std::string_view sql) {
    using U = value_type_t<T>;
    char* scratch = out.scratch[i].data();
    if constexpr (is_nullopt<A>) {
        out.values[i] = nullptr;
        out.lengths[i] = 0;
    } else if constexpr (is_optional_v<A>) {
        if (value.has_value()) {
            encode_value<T>(out, i, *value, name, sql);
        } else {
            out.values[i] = nullptr;
            out.lengths[i] = 0;
        }
    } else if constexpr (std::is_same_v<U, bool>) {
        scratch[0] = value ? 1 : 0;
        out.values[i] = scratch;
        out.lengths[i] = 1;
    } else if constexpr (is_sql_integer<U>) {
        constexpr Oid type = parameter_oid<T>();
        if constexpr (type == oid::int2) {
            store_big_endian(scratch, static_cast<std::int16_t>(value));
            out.lengths[i] = 2;
        } else if constexpr (type == oid::int4) {
            store_big_endian(scratch, static_cast<std::int32_t>(value));
            out.lengths[i] = 4;
        } else {
            if constexpr (std::is_unsigned_v<A> && sizeof(A) >= 8) {
                if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    bind_conversion_failed(
                        name, join_text("value ", std::to_string(value), " is above the largest BIGINT (9223372036854775807)"),
                        sql);
            }
            store_big_endian(scratch, static_cast<std::int64_t>(value));
            out.lengths[i] = 8;
        }
        out.values[i] = scratch;
    } else if constexpr (std::is_same_v<U, float>) {
        store_big_endian(scratch, std::bit_cast<std::uint32_t>(static_cast<float>(value)));
        out.values[i] = scratch;
        out.lengths[i] = 4;
    } else if constexpr (std::is_same_v<U, double>) {
        store_big_endian(scratch, std::bit_cast<std::uint64_t>(static_cast<double>(value)));
        out.values[i] = scratch;
        out.lengths[i] = 8;
    } else if constexpr (std::is_same_v<U, std::string>) {
        if constexpr (std::is_pointer_v<A>) {
            if (value == nullptr)
                bind_conversion_failed(name, "a null character pointer is not text (use std::nullopt for NULL)", sql);
        }
        const std::string_view text(value);
        if (text.find('\0') != std::string_view::npos)
            bind_conversion_failed(name, "text with an embedded NUL character cannot be stored in PostgreSQL (use a blob)",
                                   sql);
        if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            bind_conversion_failed(name, "text longer than 2 GiB", sql);
        out.values[i] = text.empty() ? "" : text.data();
        out.lengths[i] = static_cast<int>(text.size());
    } else if constexpr (std::is_same_v<U, blob>) {
        const std::span<const std::byte> bytes(value);
        if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            bind_conversion_failed(name, "blob longer than 2 GiB", sql);
        out.values[i] = bytes.empty() ? "" : reinterpret_cast<const char*>(bytes.data());
        out.lengths[i] = static_cast<int>(bytes.size());
    } else {
        static_assert(std::is_same_v<U, timestamp>);
        const timestamp point = value;  // lossless (checked at compile time)
        const std::int64_t us = point.time_since_epoch().count();
        std::int64_t since_2000;
        if (__builtin_sub_overflow(us, epoch_offset_us, &since_2000) ||
            since_2000 == std::numeric_limits<std::int64_t>::max() ||
            since_2000 == std::numeric_limits<std::int64_t>::min())
            bind_conversion_failed(name, "timestamp out of PostgreSQL's range", sql);
        store_big_endian(scratch, since_2000);
        out.values[i] = scratch;
        out.lengths[i] = 8;
    }
}

template <class Parameters>
struct encoder;
template <class... Ps>
struct encoder<type_list<Ps...>> {
    template <class... Args>
    static void encode(parameter_buffers<sizeof...(Ps)>& out, std::string_view sql, const Args&... args) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (encode_value<typename Ps::type>(out, I, args, Ps::name.view(), sql), ...);
        }(std::index_sequence_for<Ps...>{});
    }
};

// ---- Decoding -------------------------------------------------------------------------------

struct cell {
    Oid type;
    const char* data;
    int length;
};

[[noreturn]] void read_failed(std::string_view column, std::string_view what, std::string_view sql);

std::string type_oid_name(Oid type);

template <class V>
[[noreturn]] void wrong_type(const cell& c, std::string_view column, std::string_view sql) {
    read_failed(column, join_text("cannot read a PostgreSQL ", type_oid_name(c.type), " value as ", type_label<V>()), sql);
}

template <class V>
[[noreturn]] void out_of_range(std::string_view column, std::string_view value, std::string_view sql) {
    read_failed(column, join_text("value ", value, " is out of range for ", type_label<V>()), sql);
}

inline void check_length(const cell& c, int expected, std::string_view column, std::string_view sql) {
    if (c.length != expected)
        read_failed(column, join_text("unexpected binary length ", std::to_string(c.length), " for ", type_oid_name(c.type)), sql);
}

// NUMERIC in binary: int16 ndigits, int16 weight, uint16 sign, int16 dscale, then ndigits
// base-10000 digits; value = sum(digit[i] * 10000^(weight - i)).
struct numeric_value {
    std::int16_t ndigits = 0, weight = 0;
    std::uint16_t sign = 0;
    const char* digits = nullptr;
    std::uint16_t digit(int i) const noexcept { return load_big_endian<std::uint16_t>(digits + 2 * i); }
    bool negative() const noexcept { return sign == 0x4000; }
    bool special() const noexcept { return sign != 0x0000 && sign != 0x4000; }  // NaN, +-Infinity
};

inline numeric_value parse_numeric(const cell& c, std::string_view column, std::string_view sql) {
    if (c.length < 8) read_failed(column, "malformed numeric value", sql);
    numeric_value n;
    n.ndigits = load_big_endian<std::int16_t>(c.data);
    n.weight = load_big_endian<std::int16_t>(c.data + 2);
    n.sign = load_big_endian<std::uint16_t>(c.data + 4);
    n.digits = c.data + 8;
    if (n.ndigits < 0 || c.length != 8 + 2 * n.ndigits) read_failed(column, "malformed numeric value", sql);
    return n;
}

// The numeric as decimal text ("-12.5", "NaN"), for messages and conversion to double.
inline std::string numeric_text(const numeric_value& n) {
    if (n.sign == 0xC000) return "NaN";
    if (n.sign == 0xD000) return "Infinity";
    if (n.sign == 0xF000) return "-Infinity";
    std::string text = n.negative() ? "-" : "";
    // mantissa: all digits, 4 decimal digits each; exponent: 4 * (weight - ndigits + 1)
    text += '0';
    for (int i = 0; i != n.ndigits; ++i) {
        const unsigned d = n.digit(i);
        text += static_cast<char>('0' + d / 1000);
        text += static_cast<char>('0' + d / 100 % 10);
        text += static_cast<char>('0' + d / 10 % 10);
        text += static_cast<char>('0' + d % 10);
    }
    text += 'e';
    text += std::to_string(4 * (static_cast<int>(n.weight) - static_cast<int>(n.ndigits) + 1));
    return text;
}

template <class V>
V numeric_to_integer(const cell& c, std::string_view column, std::string_view sql) {
    const numeric_value n = parse_numeric(c, column, sql);
    if (n.special()) out_of_range<V>(column, numeric_text(n), sql);
    std::uint64_t magnitude = 0;
    for (int i = 0; i <= n.weight; ++i) {
        const std::uint64_t d = i < n.ndigits ? n.digit(i) : 0;
        if (__builtin_mul_overflow(magnitude, std::uint64_t{10000}, &magnitude) ||
            __builtin_add_overflow(magnitude, d, &magnitude))
            out_of_range<V>(column, numeric_text(n), sql);
    }
    for (int i = std::max(0, n.weight + 1); i < n.ndigits; ++i)
        if (n.digit(i) != 0)
            read_failed(column, join_text("numeric ", numeric_text(n), " has a fraction; it is read into ", type_label<V>()),
                        sql);
    if (n.negative()) {
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1u)
            out_of_range<V>(column, numeric_text(n), sql);
        const std::int64_t v = magnitude == 0 ? 0 : -static_cast<std::int64_t>(magnitude - 1) - 1;
        if (!integer_in_range<V>(v)) out_of_range<V>(column, std::to_string(v), sql);
        return static_cast<V>(v);
    }
    if (!integer_in_range<V>(magnitude)) out_of_range<V>(column, std::to_string(magnitude), sql);
    return static_cast<V>(magnitude);
}

inline double numeric_to_double(const cell& c, std::string_view column, std::string_view sql) {
    const numeric_value n = parse_numeric(c, column, sql);
    if (n.sign == 0xC000) return std::numeric_limits<double>::quiet_NaN();
    if (n.sign == 0xD000) return std::numeric_limits<double>::infinity();
    if (n.sign == 0xF000) return -std::numeric_limits<double>::infinity();
    const std::string text = numeric_text(n);
    double d = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec != std::errc() || end != text.data() + text.size()) out_of_range<double>(column, text, sql);
    return d;
}

// Every type and conversion, and every error; decode_value below handles the common cases inline.
template <class V>
[[gnu::noinline]] void decode_non_null(const cell& c, V& out, std::string_view column, std::string_view sql) {
    if constexpr (std::is_same_v<V, bool>) {
        if (c.type != oid::boolean) wrong_type<V>(c, column, sql);
        check_length(c, 1, column, sql);
        out = c.data[0] != 0;
    } else if constexpr (is_sql_integer<V>) {
        std::int64_t v;
        switch (c.type) {
            case oid::int2: check_length(c, 2, column, sql); v = load_big_endian<std::int16_t>(c.data); break;
            case oid::int4: check_length(c, 4, column, sql); v = load_big_endian<std::int32_t>(c.data); break;
            case oid::int8: check_length(c, 8, column, sql); v = load_big_endian<std::int64_t>(c.data); break;
            case oid::object_id: check_length(c, 4, column, sql); v = load_big_endian<std::uint32_t>(c.data); break;
            case oid::numeric: out = numeric_to_integer<V>(c, column, sql); return;
            default: wrong_type<V>(c, column, sql);
        }
        if constexpr (sizeof(V) < 8 || std::is_unsigned_v<V>) {
            if (!integer_in_range<V>(v)) out_of_range<V>(column, std::to_string(v), sql);
        }
        out = static_cast<V>(v);
    } else if constexpr (std::is_floating_point_v<V>) {
        double d;
        switch (c.type) {
            case oid::float4:
                check_length(c, 4, column, sql);
                d = static_cast<double>(std::bit_cast<float>(load_big_endian<std::uint32_t>(c.data)));
                break;
            case oid::float8:
                check_length(c, 8, column, sql);
                d = std::bit_cast<double>(load_big_endian<std::uint64_t>(c.data));
                break;
            case oid::int2:
            case oid::int4:
            case oid::int8: {
                std::int64_t i;
                decode_non_null(c, i, column, sql);
                d = static_cast<double>(i);
                const std::optional<std::int64_t> back = exact_integer<std::int64_t>(d);
                if (!back || *back != i) out_of_range<V>(column, std::to_string(i), sql);
                break;
            }
            case oid::numeric: d = numeric_to_double(c, column, sql); break;
            default: wrong_type<V>(c, column, sql);
        }
        if constexpr (std::is_same_v<V, float>) {
            const float f = static_cast<float>(d);
            if (static_cast<double>(f) != d && !__builtin_isnan(d) && c.type != oid::numeric)
                out_of_range<V>(column, std::to_string(d), sql);
            out = f;
        } else {
            out = d;
        }
    } else if constexpr (std::is_same_v<V, std::string>) {
        switch (c.type) {
            case oid::text:
            case oid::varchar:
            case oid::bpchar:
            case oid::name:
            case oid::unknown:
            case oid::json:
            case oid::xml:
            case oid::character: out.assign(c.data, static_cast<std::size_t>(c.length)); break;
            default: wrong_type<V>(c, column, sql);
        }
    } else if constexpr (std::is_same_v<V, blob>) {
        if (c.type != oid::bytea) wrong_type<V>(c, column, sql);
        const auto* data = reinterpret_cast<const std::byte*>(c.data);
        out.assign(data, data + c.length);
    } else {
        static_assert(std::is_same_v<V, timestamp>);
        std::int64_t since_2000;
        if (c.type == oid::timestamptz || c.type == oid::timestamp) {
            check_length(c, 8, column, sql);
            since_2000 = load_big_endian<std::int64_t>(c.data);
            if (since_2000 == std::numeric_limits<std::int64_t>::max() ||
                since_2000 == std::numeric_limits<std::int64_t>::min())
                read_failed(column, "an infinite timestamp has no ctsql::timestamp value", sql);
        } else if (c.type == oid::date) {
            check_length(c, 4, column, sql);
            const std::int32_t days = load_big_endian<std::int32_t>(c.data);
            if (days == std::numeric_limits<std::int32_t>::max() || days == std::numeric_limits<std::int32_t>::min())
                read_failed(column, "an infinite date has no ctsql::timestamp value", sql);
            since_2000 = std::int64_t{days} * 86'400'000'000;
        } else {
            wrong_type<V>(c, column, sql);
        }
        std::int64_t since_1970;
        if (__builtin_add_overflow(since_2000, epoch_offset_us, &since_1970))
            read_failed(column, "timestamp out of the range of ctsql::timestamp", sql);
        out = timestamp{std::chrono::microseconds{since_1970}};
    }
}

// Decodes a non-NULL cell into `out`: a column of the field's own type (bigint / integer /
// smallint into an integer that holds it, double precision into double, text / varchar into
// std::string) inline, with the same checks (type OID, binary length, range) as
// decode_non_null, which takes every other case.
template <class V>
[[gnu::always_inline]] inline void decode_value(const cell& c, V& out, std::string_view column, std::string_view sql) {
    if constexpr (is_sql_integer<V> && !std::is_same_v<V, bool>) {
        if (c.type == oid::int8 && c.length == 8) {
            const auto v = load_big_endian<std::int64_t>(c.data);
            if (integer_in_range<V>(v)) [[likely]] {
                out = static_cast<V>(v);
                return;
            }
        } else if (c.type == oid::int4 && c.length == 4) {
            const auto v = load_big_endian<std::int32_t>(c.data);
            if (integer_in_range<V>(v)) [[likely]] {
                out = static_cast<V>(v);
                return;
            }
        }
    } else if constexpr (std::is_same_v<V, double>) {
        if (c.type == oid::float8 && c.length == 8) [[likely]] {
            out = std::bit_cast<double>(load_big_endian<std::uint64_t>(c.data));
            return;
        }
    } else if constexpr (std::is_same_v<V, std::string>) {
        if (c.type == oid::text || c.type == oid::varchar) [[likely]] {
            out.assign(c.data, static_cast<std::size_t>(c.length));
            return;
        }
    }
    decode_non_null(c, out, column, sql);
}

}  // namespace ctsql::detail::postgresql_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/postgresql/values_inl.hpp"
#endif
