// The compile-time half of dynamic queries (ctsql::dynamic, connector/dynamic.hpp): the checks
// of each piece a dynamic query may add, and the constant text of each piece, per dialect.
//
// A piece (a WHERE conjunct, a sort key, the operand of an IN list) is rendered at compile time
// like any expression, but with a fragment_writer: instead of ?N / $N it records where each
// placeholder goes and its number among the piece's own parameters (write_placeholder in
// expr/render_context.hpp). At run time the piece is copied into the query's text and each
// placeholder gets its final number (the count of values bound before the piece, plus its own).
//
// The base of a dynamic query is a SELECT without LIMIT/OFFSET (ctsql[E110]); its text is three
// constants with placeholders numbered as usual: the head (WITH ... SELECT ... FROM ... [WHERE]),
// the grouping (GROUP BY ... HAVING ...) and its ORDER BY; WHERE conjuncts go between the first
// two, sort keys after the third.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "ctsql/check/query_rules.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/expr/render_context.hpp"
#include "ctsql/expr/select_items.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/select.hpp"
#include "ctsql/render/subquery.hpp"

namespace ctsql {

namespace error {
template <class Statement>
struct dynamic_base_must_be_a_select_without_limit {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E110] ctsql::dynamic takes a SELECT without LIMIT or OFFSET (set those on the dynamic "
                  "query: .limit(n), .offset(n))");
};
template <class Operand>
struct dynamic_in_operand_has_parameters {
    static_assert(detail::dependent_false<Operand>,
                  "ctsql[E112] the expression of where_in / where_not_in cannot have parameters: only the list's "
                  "values are bound");
};
}  // namespace error

namespace detail {

// ---- Fragments: text with holes for run-time placeholder numbers -------------------------------

// sql_writer plus placeholder(n): records the text offset of a placeholder and its number.
struct fragment_writer {
    char* buffer = nullptr;
    std::size_t* offsets = nullptr;
    std::size_t* numbers = nullptr;
    std::size_t size = 0;
    std::size_t markers = 0;
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
    constexpr void placeholder(std::size_t number) noexcept {
        if (offsets) {
            offsets[markers] = size;
            numbers[markers] = number;
        }
        ++markers;
    }
};

template <std::size_t Size, std::size_t Markers>
struct fragment_array {
    char text[Size + 1]{};
    std::size_t offsets[Markers + 1]{};  // where placeholder k goes in text
    std::size_t numbers[Markers + 1]{};  // its number among the piece's parameters (1-based)
};

// A piece's constant text: the holes are at offsets[k], each for placeholder number numbers[k]
// (1..parameters; a parameter used twice has one number).
struct fragment_view {
    std::string_view text;
    const std::size_t* offsets = nullptr;
    const std::size_t* numbers = nullptr;
    std::size_t markers = 0;
    std::size_t parameters = 0;
};

template <class Renderer>
inline constexpr fragment_writer fragment_counts = [] {
    fragment_writer out;
    Renderer::render(out);
    return out;
}();

template <class Renderer>
inline constexpr auto fragment_data = [] {
    fragment_array<fragment_counts<Renderer>.size, fragment_counts<Renderer>.markers> data;
    fragment_writer out{data.text, data.offsets, data.numbers};
    Renderer::render(out);
    return data;
}();

template <class Renderer>
inline constexpr fragment_view fragment_of{
    std::string_view(fragment_data<Renderer>.text, fragment_counts<Renderer>.size), fragment_data<Renderer>.offsets,
    fragment_data<Renderer>.numbers, fragment_counts<Renderer>.markers, Renderer::parameters::size};

// Number of decimal digits of n.
constexpr std::size_t decimal_digits(std::size_t n) noexcept {
    std::size_t digits = 1;
    while (n >= 10) {
        n /= 10;
        ++digits;
    }
    return digits;
}

// Writes mark (? or $) and n; returns the end.
constexpr char* write_numbered_placeholder(char* out, char mark, std::size_t n) noexcept {
    *out++ = mark;
    const std::size_t digits = decimal_digits(n);
    for (std::size_t i = digits; i-- > 0;) {
        out[i] = static_cast<char>('0' + n % 10);
        n /= 10;
    }
    return out + digits;
}

// The length of f once its placeholders are numbered after `before` values.
constexpr std::size_t numbered_length(const fragment_view& f, std::size_t before) noexcept {
    std::size_t size = f.text.size();
    for (std::size_t k = 0; k != f.markers; ++k) size += 1 + decimal_digits(before + f.numbers[k]);
    return size;
}

// Writes f with its placeholders numbered after `before` values; returns the end.
constexpr char* write_numbered(char* out, const fragment_view& f, char mark, std::size_t before) noexcept {
    std::size_t done = 0;
    for (std::size_t k = 0; k != f.markers; ++k) {
        for (; done != f.offsets[k]; ++done) *out++ = f.text[done];
        out = write_numbered_placeholder(out, mark, before + f.numbers[k]);
    }
    for (; done != f.text.size(); ++done) *out++ = f.text[done];
    return out;
}

// ---- The pieces ------------------------------------------------------------------------------

// A WHERE conjunct (an expression), a sort key, or an IN list's operand, with its own
// parameters numbered 1..n.
template <class Dialect, class Piece>
struct dynamic_piece {
    using parameters = unique_parameters<typename clause_parameters<Piece>::type>;
    template <class Writer>
    static constexpr void render(Writer& out) {
        write_clause_item<render_context<Dialect>, Piece>(numbered_by<parameters>(out));
    }
};

template <class Dialect, class Piece>
inline constexpr const fragment_view& piece_fragment = fragment_of<dynamic_piece<Dialect, Piece>>;

// ---- The base -------------------------------------------------------------------------------

template <class S>
using dynamic_head_statement =
    select_statement<S::distinct, typename S::items, typename S::from_items, typename S::where_clause>;

// WITH ... SELECT ... FROM ... [WHERE ...]
template <class Dialect, class S>
struct dynamic_head {
    template <class Writer>
    static constexpr void render(Writer& out) {
        write_select<render_context<Dialect>, dynamic_head_statement<S>>(numbered_by<typename S::parameters>(out));
    }
};

// [GROUP BY ...] [HAVING ...]
template <class Dialect, class S>
struct dynamic_grouping {
    template <class Writer>
    static constexpr void render(Writer& out) {
        using context = render_context<Dialect>;
        numbered_by<typename S::parameters>(out);
        if constexpr (S::group_by_list::size != 0) {
            out.put(" GROUP BY ");
            write_item_list<context, typename S::group_by_list>(out);
        }
        if constexpr (has_clause_v<typename S::having_clause>) {
            out.put(" HAVING ");
            expression_traits<typename S::having_clause>::template render<context>(out);
        }
    }
};

// [ORDER BY ...] (the base's own keys)
template <class Dialect, class S>
struct dynamic_order {
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (S::order_by_list::size != 0) {
            out.put(" ORDER BY ");
            write_item_list<render_context<Dialect>, typename S::order_by_list>(numbered_by<typename S::parameters>(out));
        }
    }
};

// ---- Checks (each returns the first broken rule) -----------------------------------------------

template <class Dialect, class S>
constexpr auto check_dynamic_base() {
    if constexpr (!is_select_statement<S>)
        return report<error::dynamic_base_must_be_a_select_without_limit<S>>();
    else if constexpr (has_clause_v<typename S::limit_clause> || has_clause_v<typename S::offset_clause>)
        return report<error::dynamic_base_must_be_a_select_without_limit<S>>();
    else
        return check_select<Dialect, S>();
}

// A WHERE conjunct: the rules of a static WHERE (ctsql[E042], E032, E034, E054), its columns'
// tables in the base's FROM/JOIN (E031), one type per parameter name (E043), and the dialect's
// features (E016).
template <class Dialect, class S, class Condition>
constexpr auto check_dynamic_condition() {
    using condition = decltype(check_condition<clause::where, Condition>());
    if constexpr (!condition::ok) {
        return condition{};
    } else {
        using from = decltype(check_columns_in_from<columns_of_expr<Condition>, typename S::sources>());
        using names = decltype(check_parameters<parameters_of<Condition>>());
        using features = decltype(check_features<Dialect, features_of<Condition>>());
        return first_failure<from, names, features>{};
    }
}

// A sort key: a typed expression or asc()/desc() (ctsql[E042], E041), its columns' tables in
// the base's FROM/JOIN (E031), GROUP BY agreement when the base (or the key) aggregates (E033),
// one type per parameter name (E043), the dialect's features (E016).
template <class Dialect, class S, class Key>
constexpr auto check_dynamic_sort_key() {
    if constexpr (!is_sort_key_v<Key> && !expression<Key>) {
        return report<error::run_time_value_in_expression<Key>>();
    } else if constexpr (is_untyped_parameter_v<Key>) {
        return report<error::parameter_type_cannot_be_inferred<Key, Key>>();
    } else {
        using with_key = select_statement<S::distinct, typename S::items, typename S::from_items, typename S::where_clause,
                                          typename S::group_by_list, typename S::having_clause,
                                          concat<typename S::order_by_list, type_list<Key>>>;
        constexpr bool aggregated =
            any_aggregate_in<typename with_key::items>::value || with_key::group_by_list::size != 0 ||
            has_clause_v<typename with_key::having_clause> || any_aggregate_in<typename with_key::order_by_list>::value;
        using from = decltype(check_columns_in_from<typename clause_columns<Key>::type, typename S::sources>());
        using grouping = decltype(check_grouping_if<aggregated, with_key>());
        using names = decltype(check_parameters<typename clause_parameters<Key>::type>());
        using features = decltype(check_features<Dialect, typename clause_features<Key>::type>());
        return first_failure<from, grouping, names, features>{};
    }
}

// The operand of where_in / where_not_in: a typed expression (ctsql[E042], E041) without
// parameters (E112), aggregates (E034) or window functions (E054), its columns' tables in the
// base's FROM/JOIN (E031), the dialect's features (E016).
template <class Dialect, class S, class Operand>
constexpr auto check_dynamic_in_operand() {
    if constexpr (!expression<Operand>) {
        return report<error::run_time_value_in_expression<Operand>>();
    } else if constexpr (is_untyped_parameter_v<Operand>) {
        return report<error::parameter_type_cannot_be_inferred<Operand, Operand>>();
    } else if constexpr (parameters_of<Operand>::size != 0) {
        return report<error::dynamic_in_operand_has_parameters<Operand>>();
    } else if constexpr (is_aggregate_v<Operand>) {
        return report<error::aggregate_in_where<clause::where, Operand>>();
    } else if constexpr (is_window_v<Operand>) {
        return report<error::window_function_outside_select<clause::where, Operand>>();
    } else {
        using from = decltype(check_columns_in_from<columns_of_expr<Operand>, typename S::sources>());
        using features = decltype(check_features<Dialect, features_of<Operand>>());
        return first_failure<from, features>{};
    }
}

}  // namespace detail
}  // namespace ctsql
