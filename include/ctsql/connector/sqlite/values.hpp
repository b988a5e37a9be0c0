// Binding C++ values to SQLite parameters and reading result columns back, exactly:
//   integers  INTEGER (64-bit); a std::uint64_t above INT64_MAX cannot be stored: conversion_error
//   bool      INTEGER 0 / 1 (anything else read back: conversion_error)
//   float     REAL; double  REAL (NaN would become NULL in SQLite: conversion_error)
//   text      TEXT, bound with its length (embedded NUL kept)
//   blob      BLOB (empty blobs stay empty blobs, not NULL)
//   timestamp TEXT 'YYYY-MM-DD HH:MM:SS[.ffffff]', UTC (years 0000-9999)
//   NULL      std::nullopt / std::optional; NULL read into a non-optional field: conversion_error
// Reading is range-checked: a value that does not fit the field's type is a conversion_error
// naming the column, never truncated (SQLite is dynamically typed, so a column may hold values
// its declared type would not).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include <sqlite3.h>

#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/separate_compilation.hpp"
#include "ctsql/connector/sqlite/error.hpp"
#include "ctsql/connector/values.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql::detail::sqlite_impl {

// Where timestamps are formatted for binding: in the caller's frame (bound SQLITE_STATIC) when
// the statement runs to completion inside the call, else copied by SQLite (SQLITE_TRANSIENT).
struct bind_buffers {
    char (*text)[32] = nullptr;  // one per parameter, or nullptr: bind SQLITE_TRANSIENT
    bool transient = false;      // strings and blobs: SQLITE_TRANSIENT (the caller's values may die)
};

[[noreturn, gnu::cold]] void bind_failed(sqlite3_stmt* stmt, int rc, std::string_view parameter);

[[noreturn, gnu::cold]] void bind_conversion_failed(sqlite3_stmt* stmt, std::string_view parameter, std::string_view what);

// Binds `value` (checked at compile time against parameter type T) at 1-based `position`.
template <class T, class A>
void bind_value(sqlite3_stmt* stmt, int position, const A& value, std::string_view name, const bind_buffers& buffers) {
    using U = value_type_t<T>;
    int rc = SQLITE_OK;
    if constexpr (is_nullopt<A>) {
        rc = sqlite3_bind_null(stmt, position);
    } else if constexpr (is_optional_v<A>) {
        if (value.has_value()) {
            bind_value<T>(stmt, position, *value, name, buffers);
            return;
        }
        rc = sqlite3_bind_null(stmt, position);
    } else if constexpr (std::is_same_v<U, bool>) {
        rc = sqlite3_bind_int(stmt, position, value ? 1 : 0);
    } else if constexpr (is_sql_integer<U>) {
        if constexpr (std::is_unsigned_v<A> && sizeof(A) >= sizeof(std::int64_t)) {
            if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                bind_conversion_failed(stmt, name,
                                       join_text("value ", std::to_string(value),
                                              " is above the largest SQLite INTEGER (9223372036854775807)"));
        }
        rc = sqlite3_bind_int64(stmt, position, static_cast<sqlite3_int64>(value));
    } else if constexpr (std::is_floating_point_v<U>) {
        const double d = static_cast<double>(value);
        if (__builtin_isnan(d)) bind_conversion_failed(stmt, name, "NaN cannot be stored in SQLite (it would become NULL)");
        rc = sqlite3_bind_double(stmt, position, d);
    } else if constexpr (std::is_same_v<U, std::string>) {
        if constexpr (std::is_pointer_v<A>) {
            if (value == nullptr) bind_conversion_failed(stmt, name, "a null character pointer is not text (use std::nullopt for NULL)");
        }
        const std::string_view text(value);
        // An empty view may have a null data(), which SQLite would bind as NULL.
        rc = sqlite3_bind_text64(stmt, position, text.empty() ? "" : text.data(), text.size(),
                                 buffers.transient ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8);
    } else if constexpr (std::is_same_v<U, blob>) {
        const std::span<const std::byte> bytes(value);
        if (bytes.empty()) rc = sqlite3_bind_zeroblob(stmt, position, 0);  // a null pointer would bind NULL
        else
            rc = sqlite3_bind_blob64(stmt, position, bytes.data(), bytes.size(),
                                     buffers.transient ? SQLITE_TRANSIENT : SQLITE_STATIC);
    } else {
        static_assert(std::is_same_v<U, timestamp>);
        const timestamp point = value;  // lossless (checked at compile time)
        char local[32];
        char(&text)[32] = buffers.text != nullptr ? buffers.text[position - 1] : local;
        const std::size_t n = format_timestamp(point, text);
        if (n == 0)
            bind_conversion_failed(stmt, name, "timestamp outside the years 0000-9999 cannot be stored as SQLite text");
        rc = sqlite3_bind_text(stmt, position, text, static_cast<int>(n),
                               buffers.text != nullptr ? SQLITE_STATIC : SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) bind_failed(stmt, rc, name);
}

// Binds arguments to positions 1, 2, ... Inline in each statement's entry point (a call of
// sqlite3_bind_* per argument, the errors out of line): binding through a table of functions
// instead would save little compile time and cost SQLite W1 4 % more instructions.
template <class Parameters>
struct binder;
template <class... Ps>
struct binder<type_list<Ps...>> {
    template <class... Args>
    static void bind(sqlite3_stmt* stmt, const bind_buffers& buffers, const Args&... args) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (bind_value<typename Ps::type>(stmt, static_cast<int>(I) + 1, args, Ps::name.view(), buffers), ...);
        }(std::index_sequence_for<Ps...>{});
    }
};

template <class Parameters>
inline constexpr bool has_timestamp_parameter = false;
template <class... Ps>
inline constexpr bool has_timestamp_parameter<type_list<Ps...>> =
    (std::is_same_v<value_type_t<typename Ps::type>, timestamp> || ...);

// Formatting space for the timestamps of one execution (none when the statement has none):
// bind_buffers{texts.text, false}.
template <class Parameters, bool = has_timestamp_parameter<Parameters>>
struct timestamp_texts {
    static constexpr char (*text)[32] = nullptr;
};
template <class Parameters>
struct timestamp_texts<Parameters, true> {
    char text[Parameters::size][32];
};

// ---- Reading --------------------------------------------------------------------------------

constexpr std::string_view storage_class_name(int type) noexcept {
    switch (type) {
        case SQLITE_INTEGER: return "INTEGER";
        case SQLITE_FLOAT: return "REAL";
        case SQLITE_TEXT: return "TEXT";
        case SQLITE_BLOB: return "BLOB";
        default: return "NULL";
    }
}

[[noreturn, gnu::cold]] void read_failed(sqlite3_stmt* stmt, std::string_view column, std::string_view what);

template <class V>
[[noreturn]] void wrong_storage_class(sqlite3_stmt* stmt, std::string_view column, int type) {
    read_failed(stmt, column, join_text("cannot read an SQLite ", storage_class_name(type), " value as ", type_label<V>()));
}

template <class V>
[[noreturn]] void out_of_range(sqlite3_stmt* stmt, std::string_view column, std::string_view value) {
    read_failed(stmt, column, join_text("value ", value, " is out of range for ", type_label<V>()));
}

// Columns are read through sqlite3_column_value: one call that finds the column (and enters and
// leaves the connection's mutex), after which sqlite3_value_type / _int64 / _double / _text /
// _bytes are plain reads of that value. Reading through sqlite3_column_type plus
// sqlite3_column_text plus sqlite3_column_bytes would find the column three times. SQLite calls
// such a value "unprotected": it may be read only while no other thread uses the connection,
// which a connection requires anyway (one thread at a time, see connection.hpp).
//
// The storage class is always checked (it is one table look-up in the value): NULL in a field
// that is not std::optional and a class the field cannot hold are conversion_errors, never a
// silent 0 or "".

// Everything but the common case (the column's storage class is the field's own): REAL in an
// integer field (whole numbers only), INTEGER in a floating-point field (exact only), BLOB or
// TEXT in a blob field, timestamps, bool, and every error. Out of line: it is rare.
template <class V>
[[gnu::cold, gnu::noinline]] void read_converted(sqlite3_stmt* stmt, sqlite3_value* value, int type, V& out,
                                                 std::string_view column) {
    if constexpr (std::is_same_v<V, bool>) {
        if (type != SQLITE_INTEGER) wrong_storage_class<V>(stmt, column, type);
        const sqlite3_int64 v = sqlite3_value_int64(value);
        if (v != 0 && v != 1) out_of_range<V>(stmt, column, std::to_string(v));
        out = v != 0;
    } else if constexpr (is_sql_integer<V>) {
        if (type == SQLITE_INTEGER) {
            const sqlite3_int64 v = sqlite3_value_int64(value);
            if (!integer_in_range<V>(v)) out_of_range<V>(stmt, column, std::to_string(v));
            out = static_cast<V>(v);
        } else if (type == SQLITE_FLOAT) {  // e.g. an aggregate over REAL: only whole numbers in range
            const double d = sqlite3_value_double(value);
            const std::optional<V> v = exact_integer<V>(d);
            if (!v) out_of_range<V>(stmt, column, std::to_string(d));
            out = *v;
        } else {
            wrong_storage_class<V>(stmt, column, type);
        }
    } else if constexpr (std::is_floating_point_v<V>) {
        double d;
        if (type == SQLITE_FLOAT) {
            d = sqlite3_value_double(value);
        } else if (type == SQLITE_INTEGER) {
            const sqlite3_int64 i = sqlite3_value_int64(value);
            d = static_cast<double>(i);
            const std::optional<std::int64_t> back = exact_integer<std::int64_t>(d);
            if (!back || *back != i) out_of_range<V>(stmt, column, std::to_string(i));
        } else {
            wrong_storage_class<V>(stmt, column, type);
        }
        if constexpr (std::is_same_v<V, float>) {
            const float f = static_cast<float>(d);
            if (static_cast<double>(f) != d && !__builtin_isnan(d)) out_of_range<V>(stmt, column, std::to_string(d));
            out = f;
        } else {
            out = d;
        }
    } else if constexpr (std::is_same_v<V, std::string>) {
        wrong_storage_class<V>(stmt, column, type);  // TEXT is read by read_non_null
    } else if constexpr (std::is_same_v<V, blob>) {
        if (type != SQLITE_BLOB && type != SQLITE_TEXT) wrong_storage_class<V>(stmt, column, type);
        const auto* data = static_cast<const std::byte*>(sqlite3_value_blob(value));
        const auto size = static_cast<std::size_t>(sqlite3_value_bytes(value));
        if (size == 0) out.clear();
        else out.assign(data, data + size);
    } else {
        static_assert(std::is_same_v<V, timestamp>);
        if (type != SQLITE_TEXT) wrong_storage_class<V>(stmt, column, type);
        const std::string_view text(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                                    static_cast<std::size_t>(sqlite3_value_bytes(value)));
        const std::optional<timestamp> point = parse_timestamp(text);
        if (!point)
            read_failed(stmt, column, join_text("'", text, "' is not a timestamp 'YYYY-MM-DD HH:MM:SS[.ffffff]'"));
        out = *point;
    }
}

// Reads `value` (not NULL, storage class `type`) into `out`: the field's own storage class
// inline, everything else through read_converted.
template <class V>
[[gnu::always_inline]] inline void read_non_null(sqlite3_stmt* stmt, sqlite3_value* value, int type, V& out,
                                                 std::string_view column) {
    if constexpr (is_sql_integer<V> && !std::is_same_v<V, bool>) {
        if (type == SQLITE_INTEGER) [[likely]] {
            const sqlite3_int64 v = sqlite3_value_int64(value);
            if (integer_in_range<V>(v)) [[likely]] {
                out = static_cast<V>(v);
                return;
            }
        }
    } else if constexpr (std::is_same_v<V, double>) {
        if (type == SQLITE_FLOAT) [[likely]] {
            out = sqlite3_value_double(value);
            return;
        }
    } else if constexpr (std::is_same_v<V, float>) {
        if (type == SQLITE_FLOAT) [[likely]] {
            const double d = sqlite3_value_double(value);
            const auto f = static_cast<float>(d);
            if (static_cast<double>(f) == d) [[likely]] {
                out = f;
                return;
            }
        }
    } else if constexpr (std::is_same_v<V, std::string>) {
        if (type == SQLITE_TEXT) [[likely]] {
            // _text before _bytes: the length is then that of the UTF-8 text.
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
            out.assign(text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
            return;
        }
    }
    read_converted(stmt, value, type, out, column);
}

// Reads column `col` into a field of type M (std::optional<V> takes NULL). One function per
// field type, shared by every row type of the translation unit that has such a field.
template <class M>
[[gnu::noinline]] void read_value(sqlite3_stmt* stmt, int col, M& out, std::string_view column) {
    sqlite3_value* value = sqlite3_column_value(stmt, col);
    const int type = sqlite3_value_type(value);
    if constexpr (is_optional_v<M>) {
        if (type == SQLITE_NULL) {
            out.reset();
        } else {
            if (!out.has_value()) out.emplace();
            read_non_null(stmt, value, type, *out, column);
        }
    } else {
        if (type == SQLITE_NULL) [[unlikely]]
            read_failed(stmt, column, "NULL read into a field that is not std::optional");
        read_non_null(stmt, value, type, out, column);
    }
}

}  // namespace ctsql::detail::sqlite_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/sqlite/values_inl.hpp"
#endif
