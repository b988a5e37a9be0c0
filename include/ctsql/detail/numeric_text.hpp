// Validation of numbers written as text (real defaults and literals: clang 14 has no
// floating-point template arguments, so they are spelled as strings).
#pragma once

#include <cstddef>
#include <string_view>

namespace ctsql::detail {

// [+-]digits[.digits][e[+-]digits], at least one mantissa digit.
constexpr bool is_decimal_number(std::string_view text) noexcept {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i - start;
    };
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t mantissa = digits();
    if (i < text.size() && text[i] == '.') {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        if (digits() == 0) return false;
    }
    return i == text.size();
}

}  // namespace ctsql::detail
