// Aggregate functions: count(), count(x), count_distinct(x), sum, avg, min, max.
// SUM/AVG/MIN/MAX of no rows are NULL, so they are always nullable; COUNT never is.
#pragma once

#include <cstdint>
#include <string_view>

#include "ctsql/expr/functions.hpp"

namespace ctsql {

namespace agg {
struct count { static constexpr std::string_view sql = "COUNT("; };
struct count_distinct { static constexpr std::string_view sql = "COUNT(DISTINCT "; };
struct sum { static constexpr std::string_view sql = "SUM("; };
struct avg { static constexpr std::string_view sql = "AVG("; };
struct min { static constexpr std::string_view sql = "MIN("; };
struct max { static constexpr std::string_view sql = "MAX("; };
}  // namespace agg

namespace error {
template <class Aggregate>
struct aggregate_inside_aggregate {
    static_assert(detail::dependent_false<Aggregate>, "ctsql[E046] an aggregate function cannot contain another aggregate");
};
// A window function as (part of) the argument of an aggregate or of another window function:
// sum(row_number().over(w)), lag(rank().over(w)).over(w). Function is ctsql::agg::... or ctsql::win::...
template <class Function, class Expression>
struct window_function_inside_function {
    static_assert(detail::dependent_false<Expression>, "ctsql[E054] window functions are allowed only in SELECT items and ORDER BY");
};
}  // namespace error

template <class F, class Value, bool Nullable, class Args, class Window>
struct window_call;  // expr/window.hpp

template <class F, class Value, bool Nullable, class... Args>
struct aggregate_call : expression_node {
    // The aggregate as a window function: sum(x).over(ctsql::window().partition_by(...)).
    template <class Window>
        requires requires { typename Window::partition; }
    constexpr window_call<F, Value, Nullable, type_list<Args...>, Window> over(const Window&) const noexcept {
        return {};
    }

    using value_type = Value;
    template <class>
    static constexpr bool nullable_in = Nullable;
    using columns = detail::concat_columns<Args...>;
    using parameters = detail::concat_parameters<Args...>;
    static constexpr bool aggregate = true;
    using bare_columns = type_list<>;  // columns inside an aggregate need no GROUP BY
    using features = detail::concat<features_of<Args>...>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put(F::sql);
        if constexpr (sizeof...(Args) == 0) out.put('*');
        (expression_traits<Args>::template render<Context>(out), ...);
        out.put(')');
    }
};

namespace detail {
template <class F, class E>
constexpr auto check_aggregate_argument() {
    if constexpr (!expression<E>)
        return report<error::run_time_value_in_expression<E>>();
    else if constexpr (is_untyped_parameter_v<E>)
        return report<error::parameter_type_cannot_be_inferred<E, F>>();
    else if constexpr (is_aggregate_v<E>)
        return report<error::aggregate_inside_aggregate<E>>();
    else if constexpr (is_window_v<E>)
        return report<error::window_function_inside_function<F, E>>();
    else
        return pass();
}
// An argument of a window function (LAG, LEAD, FIRST_VALUE): typed, and no window function in it.
template <class F, class E>
constexpr auto check_window_argument() {
    if constexpr (!expression<E> || is_untyped_parameter_v<E>)
        return check_typed_operand<E>();
    else if constexpr (is_window_v<E>)
        return report<error::window_function_inside_function<F, E>>();
    else
        return pass();
}
}  // namespace detail

// COUNT(*)
constexpr aggregate_call<agg::count, std::int64_t, false> count() noexcept {
    return {};
}
template <class E>
constexpr auto count(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::count, E>())>>::ok);
    return aggregate_call<agg::count, std::int64_t, false, E>{};
}
template <class E>
constexpr auto count_distinct(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::count_distinct, E>())>>::ok);
    return aggregate_call<agg::count_distinct, std::int64_t, false, E>{};
}
// SUM of integers is a 64-bit integer, of reals a double.
template <class E>
constexpr auto sum(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::sum, E>()), decltype(detail::check_argument<agg::sum, type_class::numeric, E>())>>::ok);
    using V = std::conditional_t<std::is_floating_point_v<value_type_of<E>>, double, std::int64_t>;
    return aggregate_call<agg::sum, V, true, E>{};
}
template <class E>
constexpr auto avg(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::avg, E>()), decltype(detail::check_argument<agg::avg, type_class::numeric, E>())>>::ok);
    return aggregate_call<agg::avg, double, true, E>{};
}
template <class E>
constexpr auto min(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::min, E>())>>::ok);
    return aggregate_call<agg::min, value_type_of<E>, true, E>{};
}
template <class E>
constexpr auto max(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_aggregate_argument<agg::max, E>())>>::ok);
    return aggregate_call<agg::max, value_type_of<E>, true, E>{};
}

}  // namespace ctsql
