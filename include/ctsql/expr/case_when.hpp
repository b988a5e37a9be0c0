// CASE WHEN ... THEN ... [ELSE ...] END, typed from its branches.
//   ctsql::case_when(users.age < lit<18>, lit<"minor">).when(users.age < lit<65>, lit<"adult">).else_(lit<"senior">)
// The value type is the branches' common type (numbers: the widest); the result can be NULL
// when a branch can, or when there is no ELSE. A branch may be ctsql::null: the CASE then takes
// the type of its other branches and can be NULL. An untyped parameter in a branch, the first
// included, takes the type of the first typed branch (neither NULL nor an untyped parameter).
// Until a typed branch is added the CASE counts as an untyped parameter itself (refused with
// ctsql[E041] where one is); ELSE with still no typed branch is refused: E041 when a branch is
// a parameter, else E053 (every branch is NULL).
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/functions.hpp"
#include "ctsql/expr/literal.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"

namespace ctsql {

namespace error {
template <class Branch, class FirstBranch>
struct case_branches_differ_in_type {
    static_assert(detail::dependent_false<Branch>, "ctsql[E053] the branches of a CASE have incompatible types");
};
template <class Case>
struct case_branches_are_all_null {
    static_assert(detail::dependent_false<Case>,
                  "ctsql[E053] the branches of a CASE have incompatible types: every branch is NULL, so the CASE has no type");
};
}  // namespace error

template <class Condition, class Value>
struct when_branch {
    using condition = Condition;
    using value = Value;
};

struct no_else {};

namespace detail {
template <class Branches>
struct branch_values;
template <class... Bs>
struct branch_values<type_list<Bs...>> {
    using type = type_list<typename Bs::value...>;
};
template <class Condition>
constexpr auto check_condition_of_case() {
    if constexpr (!expression<Condition>) return report<error::run_time_value_in_expression<Condition>>();
    else if constexpr (!std::is_same_v<value_type_of<Condition>, bool>) return report<error::operand_is_not_boolean<Condition>>();
    else return pass();
}
// A branch value that fixes the CASE's type: neither NULL nor an untyped parameter.
template <class V>
inline constexpr bool is_typed_branch_v = !is_untyped_parameter_v<V> && !std::is_same_v<V, null_literal>;

// The first typed branch value of Values, or void when there is none.
template <class Values>
struct first_typed_branch {
    using type = void;
};
template <class V, class... Rest>
struct first_typed_branch<type_list<V, Rest...>> {
    using type = std::conditional_t<is_typed_branch_v<V>, V, typename first_typed_branch<type_list<Rest...>>::type>;
};

// V (already given the CASE's type if it is a parameter) against the typed branches before it.
template <class V, class Values>
constexpr auto check_branch() {
    if constexpr (!expression<V>) return report<error::run_time_value_in_expression<V>>();
    else if constexpr (!is_typed_branch_v<V>) return pass();
    else {
        using First = typename first_typed_branch<Values>::type;
        if constexpr (std::is_void_v<First>) return pass();
        else if constexpr (!comparable_v<value_type_of<V>, value_type_of<First>>)
            return report<error::case_branches_differ_in_type<V, First>>();
        else return pass();
    }
}

// The common type of the typed branches: void while there is none (only parameters), the
// type of NULL when every branch is NULL.
template <class Types, class WithoutTypes>
struct coalesce_list {
    using type = WithoutTypes;
};
template <class T, class... Ts, class WithoutTypes>
struct coalesce_list<type_list<T, Ts...>, WithoutTypes> {
    using type = typename coalesce_type<T, Ts...>::type;
};
template <class Values>
struct common_value_type;
template <class... Vs>
struct common_value_type<type_list<Vs...>> {
    using type = typename coalesce_list<
        concat<type_list<>, std::conditional_t<is_typed_branch_v<Vs>, type_list<value_type_of<Vs>>, type_list<>>...>,
        std::conditional_t<(is_untyped_parameter_v<Vs> || ...), void, std::nullptr_t>>::type;
};

// The first untyped parameter among Values (for the E041 report).
template <class Values>
struct first_untyped_branch {
    using type = void;
};
template <class V, class... Rest>
struct first_untyped_branch<type_list<V, Rest...>> {
    using type = std::conditional_t<is_untyped_parameter_v<V>, V, typename first_untyped_branch<type_list<Rest...>>::type>;
};

// ELSE closes the CASE: some branch must have fixed its type.
template <class Case, class Values>
constexpr auto check_closed_case() {
    if constexpr (!std::is_void_v<typename first_typed_branch<Values>::type>) return pass();
    else if constexpr (!std::is_void_v<typename first_untyped_branch<Values>::type>) {
        using P = typename first_untyped_branch<Values>::type;
        return report<error::parameter_type_cannot_be_inferred<P, P>>();
    } else return report<error::case_branches_are_all_null<Case>>();
}

template <class List>
struct node_over_list;
template <class... Es>
struct node_over_list<type_list<Es...>> {
    using type = node_over<Es...>;
};

// The value type of the first typed branch of Values, or void when there is none.
template <class Values, class First = typename first_typed_branch<Values>::type>
struct first_typed_value {
    using type = value_type_of<First>;
};
template <class Values>
struct first_typed_value<Values, void> {
    using type = void;
};

// E given type T when it is an untyped parameter and T is known.
template <class E, class T>
using bind_if_typed = std::conditional_t<std::is_void_v<T>, E, bind_parameter_t<E, T>>;
}  // namespace detail

template <class Branches, class Else = no_else>
struct case_expression;

namespace detail {
template <class Else>
using else_list = std::conditional_t<std::is_same_v<Else, no_else>, type_list<>, type_list<Else>>;
// type_list<E> when E is an expression (a non-expression is refused by check_branch).
template <class E>
using expression_list = std::conditional_t<expression<E>, type_list<E>, type_list<>>;
}  // namespace detail

template <class... Bs, class Else>
struct case_expression<type_list<Bs...>, Else>
    : detail::node_over_list<detail::concat<type_list<typename Bs::condition..., typename Bs::value...>,
                                            detail::else_list<Else>>>::type {
    using values = detail::concat<type_list<typename Bs::value...>, detail::else_list<Else>>;
    using value_type = typename detail::common_value_type<values>::type;
    template <class NullableSources>
    static constexpr bool nullable_in = std::is_same_v<Else, no_else> || []<class... Vs>(type_list<Vs...>) {
        return detail::any_nullable<NullableSources, Vs...>();
    }(values{});

    // Another WHEN ... THEN ... A typed value gives its type to the untyped parameters before it.
    template <class Condition, class Value>
        requires std::is_same_v<Else, no_else>
    constexpr auto when(const Condition&, const Value&) const {
        using T = typename detail::first_typed_value<detail::concat<values, detail::expression_list<Value>>>::type;
        using V = detail::bind_if_typed<Value, T>;
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition_of_case<Condition>()),
                                                                   decltype(detail::check_branch<V, values>())>>::ok);
        return case_expression<type_list<when_branch<typename Bs::condition, detail::bind_if_typed<typename Bs::value, T>>...,
                                         when_branch<Condition, V>>>{};
    }

    // ELSE value, closing the CASE: some branch must be typed by now.
    template <class Value>
        requires std::is_same_v<Else, no_else>
    constexpr auto else_(const Value&) const {
        using T = typename detail::first_typed_value<detail::concat<values, detail::expression_list<Value>>>::type;
        using V = detail::bind_if_typed<Value, T>;
        using Closed = case_expression<type_list<when_branch<typename Bs::condition, detail::bind_if_typed<typename Bs::value, T>>...>, V>;
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_branch<V, values>()),
                                                                   decltype(detail::check_closed_case<Closed, typename Closed::values>())>>::ok);
        return Closed{};
    }

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        // A CASE without ELSE whose branches are all NULL has no type (one with an untyped
        // parameter was refused as such where it was used, one with ELSE by else_).
        if constexpr (std::is_same_v<Else, no_else> && !is_untyped_parameter_v<case_expression>)
            static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_closed_case<case_expression, values>())>>::ok);
        out.put("CASE");
        ((out.put(" WHEN "), expression_traits<typename Bs::condition>::template render<Context>(out), out.put(" THEN "),
          expression_traits<typename Bs::value>::template render<Context>(out)),
         ...);
        if constexpr (!std::is_same_v<Else, no_else>) {
            out.put(" ELSE ");
            expression_traits<Else>::template render<Context>(out);
        }
        out.put(" END");
    }
};


// A CASE with no typed branch yet, but an untyped parameter, counts as an untyped parameter
// itself: where a parameter's type cannot be inferred, neither can the CASE's (ctsql[E041]);
// where a parameter takes a type (the other side of a comparison, a typed branch of an outer
// CASE), the CASE's parameters take it.
// (Once closed by ELSE it was checked there: it is not refused twice.)
template <class... Bs, class Else>
inline constexpr bool is_untyped_parameter_v<case_expression<type_list<Bs...>, Else>> =
    std::is_same_v<Else, no_else> &&
    std::is_void_v<typename detail::first_typed_branch<typename case_expression<type_list<Bs...>, Else>::values>::type> &&
    !std::is_void_v<typename detail::first_untyped_branch<typename case_expression<type_list<Bs...>, Else>::values>::type>;

namespace detail {
template <class... Bs, class Else, class T>
struct bind_parameter<case_expression<type_list<Bs...>, Else>, T> {
    using type = std::conditional_t<
        is_untyped_parameter_v<case_expression<type_list<Bs...>, Else>>,
        case_expression<type_list<when_branch<typename Bs::condition, bind_parameter_t<typename Bs::value, T>>...>,
                        bind_parameter_t<Else, T>>,
        case_expression<type_list<Bs...>, Else>>;
};
}  // namespace detail

// CASE WHEN condition THEN value ...
template <class Condition, class Value>
constexpr auto case_when(const Condition&, const Value&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition_of_case<Condition>()),
                                                               decltype(detail::check_branch<Value, type_list<>>())>>::ok);
    return case_expression<type_list<when_branch<Condition, Value>>>{};
}

}  // namespace ctsql
