// What every expression node provides, through expression_traits<E>:
//   value_type   the C++ type of a non-NULL value (never std::optional); void for a
//                parameter whose type is not known yet
//   nullable_in<NullableSources>  whether the value can be NULL, given the table sources that
//                an outer join made nullable
//   columns      every column it reads (for the FROM rule), outer-query ones included
//   parameters   typed parameters, in order of appearance
//   aggregate    contains an aggregate function
//   bare_columns columns read outside any aggregate (for the GROUP BY rule)
//   render<Context>(writer)
// Nodes are empty types: the whole expression lives in the type, so the SQL is a constant.
#pragma once

#include <type_traits>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

// Nodes derive from this tag (columns are recognised by column_type instead).
struct expression_node {};

template <class E>
concept expression = std::is_base_of_v<expression_node, E> || column_type<E>;

// Node types define the traits as members; columns get them from this specialisation's
// primary template below.
template <class E>
struct expression_traits {
    using value_type = typename E::value_type;
    template <class NullableSources>
    static constexpr bool nullable_in = E::template nullable_in<NullableSources>;
    using columns = typename E::columns;
    using parameters = typename E::parameters;
    static constexpr bool aggregate = E::aggregate;
    using bare_columns = typename E::bare_columns;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        E::template render<Context>(out);
    }
};

namespace detail {
// Dialect features (ctsql::feature::...) an expression needs, checked when its statement is
// rendered for a dialect: a node lists them as `features`; most need none.
template <class E>
struct features_of_impl {
    using type = type_list<>;
};
template <class E>
    requires requires { typename E::features; }
struct features_of_impl<E> {
    using type = typename E::features;
};
}  // namespace detail

template <class E>
using features_of = typename detail::features_of_impl<E>::type;

// Whether an expression contains a window function (allowed only in SELECT items and ORDER BY).
// (A nested requirement: false when E has no such member, without a lambda per type.)
template <class E>
inline constexpr bool is_window_v = requires { requires E::window; };

template <class E>
using value_type_of = typename expression_traits<E>::value_type;
template <class E>
using columns_of_expr = typename expression_traits<E>::columns;
template <class E>
using parameters_of = typename expression_traits<E>::parameters;
template <class E>
using bare_columns_of = typename expression_traits<E>::bare_columns;
template <class E>
inline constexpr bool is_aggregate_v = expression_traits<E>::aggregate;
template <class E, class NullableSources = type_list<>>
inline constexpr bool nullable_in_v = expression_traits<E>::template nullable_in<NullableSources>;

// The C++ type a result of E has: std::optional<value_type> when it can be NULL.
template <class E, class NullableSources = type_list<>>
using result_type_of = std::conditional_t<nullable_in_v<E, NullableSources>,
                                          std::optional<value_type_of<E>>, value_type_of<E>>;

namespace detail {

template <class... Es>
using concat_columns = concat<columns_of_expr<Es>...>;
template <class... Es>
using concat_parameters = concat<parameters_of<Es>...>;
template <class... Es>
using concat_bare_columns = concat<bare_columns_of<Es>...>;

template <class NullableSources, class... Es>
constexpr bool any_nullable() {
    return any_true({false, nullable_in_v<Es, NullableSources>...});
}

// Common base for nodes over operands Es: sources, parameters, aggregate flag and bare
// columns are the union of the operands'.
template <class... Es>
struct node_over : expression_node {
    using columns = concat_columns<Es...>;
    using parameters = concat_parameters<Es...>;
    static constexpr bool aggregate = any_true({false, is_aggregate_v<Es>...});
    using bare_columns = concat_bare_columns<Es...>;
    using features = concat<features_of<Es>...>;
    static constexpr bool window = any_true({false, is_window_v<Es>...});
};

}  // namespace detail
}  // namespace ctsql
