// Spelling schema facts as C++ source text, for the code generators (autogenerate, schema
// import, project scaffolding): string literals, identifiers, the C++ type of an SQL type,
// default literals and foreign key actions. Run-time code: std::string, no file I/O.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ctsql/schema/column_options.hpp"
#include "ctsql/schema/sql_type.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::tools {

// A C++ narrow string literal holding exactly `text`: printable ASCII as is, \\ \" \n \t escaped,
// every other byte as a three-digit octal escape (never hex: a hex escape swallows following
// hex digits). The literal holds the same bytes whatever the source character set.
inline std::string cpp_string_literal(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (byte >= 0x20 && byte < 0x7f) out += c;
        else {
            out += '\\';
            out += static_cast<char>('0' + ((byte >> 6) & 7));
            out += static_cast<char>('0' + ((byte >> 3) & 7));
            out += static_cast<char>('0' + (byte & 7));
        }
    }
    out += '"';
    return out;
}

// Whether `word` is a C++20 keyword or alternative token, or a namespace generated code names
// from inside the user's structs (a member called `std` would hide std::string after it).
inline bool is_reserved_word(std::string_view word) noexcept {
    static constexpr std::string_view keywords[] = {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
        "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
        "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
        "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
        "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
        "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
        "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
        "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
        "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
        "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "final", "override",
        "import", "module", "std", "ctsql"};
    for (const std::string_view k : keywords)
        if (k == word) return true;
    return false;
}

// A C++ identifier for an SQL name: ASCII letters and digits kept (lower-cased), everything else
// '_'; runs of '_' collapsed; a leading digit, a reserved spelling (leading '_' + capital or a
// double underscore), an empty result or a keyword gets a prefix or suffix '_'.
inline std::string cpp_identifier(std::string_view sql_name) {
    std::string out;
    for (const char c : sql_name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        const char mapped = alnum ? (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) : '_';
        if (mapped == '_' && !out.empty() && out.back() == '_') continue;
        out += mapped;
    }
    while (!out.empty() && out.front() == '_') out.erase(out.begin());
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (out.empty()) out = "unnamed";
    if (out.front() >= '0' && out.front() <= '9') out.insert(out.begin(), 'n');
    if (is_reserved_word(out)) out += '_';
    return out;
}

// File-name slug of a revision message: lower-cased, every other character than [a-z0-9] '_',
// at most 40 characters ("revision" for an empty message).
inline std::string revision_slug(std::string_view message) {
    std::string out;
    for (const char c : message) {
        if (out.size() == 40) break;
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out += alnum ? (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) : '_';
    }
    return out.empty() ? std::string("revision") : out;
}

// The C++ value type (without std::optional) that has SQL type `type`.
inline std::string cpp_value_type(sql_type type) {
    switch (type.kind) {
        case type_kind::boolean: return "bool";
        case type_kind::integer: {
            const char* width = type.bytes == 1 ? "8" : type.bytes == 2 ? "16" : type.bytes == 4 ? "32" : "64";
            return std::string(type.is_unsigned ? "std::uint" : "std::int") + width + "_t";
        }
        case type_kind::real: return type.bytes == 4 ? "float" : "double";
        case type_kind::text: return "std::string";
        case type_kind::blob: return "ctsql::blob";
        case type_kind::timestamp: return "ctsql::timestamp";
    }
    return "std::string";
}

// The C++ column type: std::optional<T> when the column is nullable.
inline std::string cpp_column_type(sql_type type, bool nullable) {
    return nullable ? "std::optional<" + cpp_value_type(type) + ">" : cpp_value_type(type);
}

// The template argument of default_value<...> / set_default<...> for a literal default (not
// default_kind::none nor current_timestamp): 42, true, "text", "2.5" (a real as written).
inline std::string default_literal_argument(const default_spec& d) {
    switch (d.kind) {
        case default_kind::boolean: return d.integer != 0 ? "true" : "false";
        case default_kind::integer:
            if (!d.fits_int64) return std::to_string(static_cast<std::uint64_t>(d.integer)) + "ULL";
            if (d.integer == INT64_MIN) return "(-9223372036854775807LL - 1)";
            return d.integer < 0 ? "(" + std::to_string(d.integer) + ")" : std::to_string(d.integer);
        case default_kind::text:
        case default_kind::real: return cpp_string_literal(d.text);
        case default_kind::none:
        case default_kind::current_timestamp: break;
    }
    return {};
}

// The column option for a default: ctsql::default_value<...> or ctsql::default_now ("" for none).
inline std::string default_column_option(const default_spec& d) {
    if (d.kind == default_kind::none) return {};
    if (d.kind == default_kind::current_timestamp) return "ctsql::default_now";
    return "ctsql::default_value<" + default_literal_argument(d) + ">";
}

inline std::string fk_action_cpp(fk_action action) {
    switch (action) {
        case fk_action::no_action: return "ctsql::fk_action::no_action";
        case fk_action::restrict: return "ctsql::fk_action::restrict";
        case fk_action::cascade: return "ctsql::fk_action::cascade";
        case fk_action::set_null: return "ctsql::fk_action::set_null";
        case fk_action::set_default: return "ctsql::fk_action::set_default";
    }
    return "ctsql::fk_action::no_action";
}

// "::on_delete<...>::on_update<...>" for the actions that are not NO ACTION.
inline std::string fk_action_suffix(fk_action on_delete, fk_action on_update) {
    std::string out;
    if (on_delete != fk_action::no_action) out += "::on_delete<" + fk_action_cpp(on_delete) + ">";
    if (on_update != fk_action::no_action) out += "::on_update<" + fk_action_cpp(on_update) + ">";
    return out;
}

// "a", "b", "c": names as string literal template arguments.
template <class Names>
std::string name_arguments(const Names& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += cpp_string_literal(n);
    }
    return out;
}

}  // namespace ctsql::tools
