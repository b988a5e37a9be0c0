// A string usable as a template argument: names of tables, columns, indexes and
// parameters are part of the types, so std::string_view (not structural) cannot do.
#pragma once

#include <cstddef>
#include <string_view>

namespace ctsql {

template <std::size_t N>
struct fixed_string {
    char data[N + 1]{};  // public: a structural type must have public members only

    constexpr fixed_string() = default;
    constexpr fixed_string(const char (&text)[N + 1]) noexcept {
        for (std::size_t i = 0; i != N + 1; ++i) data[i] = text[i];
    }
    constexpr explicit fixed_string(std::string_view text) noexcept {
        for (std::size_t i = 0; i != N && i != text.size(); ++i) data[i] = text[i];
    }

    static constexpr std::size_t size() noexcept { return N; }
    static constexpr bool empty() noexcept { return N == 0; }
    constexpr std::string_view view() const noexcept { return {data, N}; }
    constexpr const char* c_str() const noexcept { return data; }
    constexpr operator std::string_view() const noexcept { return view(); }

    template <std::size_t M>
    constexpr bool operator==(const fixed_string<M>& other) const noexcept {
        return view() == other.view();
    }
};

template <std::size_t N>
fixed_string(const char (&)[N]) -> fixed_string<N - 1>;

namespace detail {

// A SQL name must be non-empty and free of NUL: PostgreSQL rejects NUL in identifiers and
// SQLite would silently cut the name at it.
constexpr bool is_valid_sql_name(std::string_view name) noexcept {
    if (name.empty()) return false;
    for (char c : name)
        if (c == '\0') return false;
    return true;
}

}  // namespace detail
}  // namespace ctsql
