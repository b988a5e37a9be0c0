// Allocation-free two-pass rendering: a render function runs once to learn the length, then
// again into an array of exactly that size. constexpr std::string cannot be used: clang 14
// with libstdc++ 12 rejects it in constant evaluation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ctsql::detail {

// The parameter names of the statement being rendered, in placeholder order (?N / $N is the
// 1-based position of the name). The writer carries them, not the render context's type: a
// column, operator or clause then renders with one instantiation per dialect, shared by
// every statement, instead of one per statement.
struct parameter_names {
    const std::string_view* names = nullptr;
    std::size_t count = 0;
    constexpr std::size_t position_of(std::string_view name) const noexcept {
        for (std::size_t i = 0; i != count; ++i)
            if (names[i] == name) return i + 1;
        return 0;
    }
};

// One writer type for both passes, so every render function is instantiated once: with no
// buffer it only counts, with one it also stores.
struct sql_writer {
    char* buffer = nullptr;
    std::size_t size = 0;
    parameter_names parameters{};
    constexpr void put(char c) noexcept {
        if (buffer) buffer[size] = c;
        ++size;
    }
    constexpr void put(std::string_view text) noexcept {
        if (buffer)
            for (std::size_t i = 0; i != text.size(); ++i) buffer[size + i] = text[i];
        size += text.size();
    }
};
using count_writer = sql_writer;

// NUL-terminated text of a rendered statement.
template <std::size_t N>
struct rendered_array {
    char buffer[N + 1]{};
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

// Renderer: a type with `static constexpr void render(sql_writer&)` (a template on the
// writer type is fine too: only sql_writer is ever passed).
template <class Renderer>
inline constexpr std::size_t rendered_size = [] {
    sql_writer out;
    Renderer::render(out);
    return out.size;
}();

template <class Renderer>
inline constexpr rendered_array<rendered_size<Renderer>> rendered_text = [] {
    rendered_array<rendered_size<Renderer>> text;
    sql_writer out{text.buffer};
    Renderer::render(out);
    return text;
}();

template <class Renderer>
constexpr std::string_view rendered_view() noexcept {
    return {rendered_text<Renderer>.buffer, rendered_size<Renderer>};
}

}  // namespace ctsql::detail
