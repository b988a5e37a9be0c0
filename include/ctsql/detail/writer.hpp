// Allocation-free two-pass rendering: a render function runs once with count_writer to learn
// the length, then with array_writer of exactly that size. constexpr std::string cannot be
// used: clang 14 with libstdc++ 12 rejects it in constant evaluation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ctsql::detail {

struct count_writer {
    std::size_t size = 0;
    constexpr void put(char) noexcept { ++size; }
    constexpr void put(std::string_view text) noexcept { size += text.size(); }
};

template <std::size_t N>
struct array_writer {
    char buffer[N + 1]{};  // NUL-terminated, so the text can go straight to sqlite3/libpq
    std::size_t size = 0;
    constexpr void put(char c) noexcept { buffer[size++] = c; }
    constexpr void put(std::string_view text) noexcept {
        for (char c : text) buffer[size++] = c;
    }
};

// "name" with embedded quotes doubled: identifiers are always quoted, so no name can be
// mistaken for a keyword and none can break out of its quotes.
template <class Writer>
constexpr void write_identifier(Writer& out, std::string_view name) {
    out.put('"');
    for (char c : name) {
        if (c == '"') out.put('"');
        out.put(c);
    }
    out.put('"');
}

// 'text' with embedded quotes doubled (standard_conforming_strings: backslash is literal).
template <class Writer>
constexpr void write_string_literal(Writer& out, std::string_view text) {
    out.put('\'');
    for (char c : text) {
        if (c == '\'') out.put('\'');
        out.put(c);
    }
    out.put('\'');
}

template <class Writer>
constexpr void write_unsigned(Writer& out, std::uint64_t value) {
    char digits[20]{};
    std::size_t n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n != 0) out.put(digits[--n]);
}

template <class Writer>
constexpr void write_signed(Writer& out, std::int64_t value) {
    if (value < 0) {
        out.put('-');
        // negate in unsigned arithmetic: -INT64_MIN overflows
        write_unsigned(out, ~static_cast<std::uint64_t>(value) + 1u);
    } else {
        write_unsigned(out, static_cast<std::uint64_t>(value));
    }
}

// Writes items separated by ", ".
template <class Writer, class Range, class WriteItem>
constexpr void write_comma_list(Writer& out, const Range& items, WriteItem write_item) {
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.put(", ");
        first = false;
        write_item(out, item);
    }
}

// Renderer: a type with `template <class W> static constexpr void render(W&)`.
template <class Renderer>
inline constexpr std::size_t rendered_size = [] {
    count_writer out;
    Renderer::render(out);
    return out.size;
}();

template <class Renderer>
inline constexpr array_writer<rendered_size<Renderer>> rendered_text = [] {
    array_writer<rendered_size<Renderer>> out;
    Renderer::render(out);
    return out;
}();

template <class Renderer>
constexpr std::string_view rendered_view() noexcept {
    return {rendered_text<Renderer>.buffer, rendered_size<Renderer>};
}

}  // namespace ctsql::detail
