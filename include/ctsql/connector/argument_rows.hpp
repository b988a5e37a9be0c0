// Arguments taken from one value, for execute_many (and any API that binds a whole row):
//   a std::tuple / std::pair    its elements, in order
//   an aggregate struct         its fields, in declaration order (Boost.PFR)
//   any other value             the single argument of a one-parameter statement
// The element types are checked like separate arguments (ctsql[E060]-ctsql[E063]). Also the
// verdicts the connectors' entry points check (execute_verdict, fetch_verdict, ...).
#pragma once

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>

#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/row_mapping.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql::detail {

template <class E>
constexpr int argument_row_kind() noexcept {
    if constexpr (is_std_tuple<E>) return 0;
    else if constexpr (std::is_aggregate_v<E> && !std::is_array_v<E> && !is_column_type_v<E> &&
                       !std::is_convertible_v<const E&, std::string_view>)
        return 1;
    else return 2;
}

// Calls f(arguments...) with the arguments E holds.
template <class E, class F>
decltype(auto) apply_argument_row(const E& element, F&& f) {
    constexpr int kind = argument_row_kind<E>();
    if constexpr (kind == 0) return std::apply(std::forward<F>(f), element);
    else if constexpr (kind == 1) return std::apply(std::forward<F>(f), boost::pfr::structure_tie(element));
    else return std::forward<F>(f)(element);
}

template <class S, class Dialect, class E, class Sequence>
struct argument_row_checker;
template <class S, class Dialect, class E, std::size_t... I>
struct argument_row_checker<S, Dialect, E, std::index_sequence<I...>> {
    static constexpr auto check() {
        constexpr int kind = argument_row_kind<E>();
        if constexpr (kind == 0) return check_arguments<S, Dialect, std::tuple_element_t<I, E>...>();
        else return check_arguments<S, Dialect, boost::pfr::tuple_element_t<I, E>...>();
    }
};

// The verdict on binding the values an E holds to S's parameters.
template <class S, class Dialect, class E>
constexpr auto check_argument_row() {
    constexpr int kind = argument_row_kind<E>();
    if constexpr (kind == 0)
        return argument_row_checker<S, Dialect, E, std::make_index_sequence<std::tuple_size_v<E>>>::check();
    else if constexpr (kind == 1)
        return argument_row_checker<S, Dialect, E, std::make_index_sequence<boost::pfr::tuple_size_v<E>>>::check();
    else return check_arguments<S, Dialect, E>();
}

// The verdicts of the connectors' entry points (the first broken rule, or passed).
template <class S, class Dialect, class... Args>
using execute_verdict = decltype(check_arguments<S, Dialect, Args...>());
template <class S, class Dialect, class E>
using execute_many_verdict = decltype(check_argument_row<S, Dialect, E>());
template <class S, class Dialect, class Target, class... Args>
using fetch_verdict = first_failure<decltype(check_arguments<S, Dialect, Args...>()),
                                    decltype(check_fetch_target<std::remove_cvref_t<S>, connector_row<S>, Target>())>;

}  // namespace ctsql::detail
