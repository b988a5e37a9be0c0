// CASE WHEN ... THEN ... [ELSE ...] END, typed from its branches.
//   ctsql::case_when(users.age < lit<18>, lit<"minor">).when(users.age < lit<65>, lit<"adult">).else_(lit<"senior">)
// The value type is the branches' common type (numbers: the widest); the result can be NULL
// when a branch can, or when there is no ELSE. An untyped parameter in a branch takes the type
// of the first typed branch.
#pragma once

#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/functions.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"

namespace ctsql {

namespace error {
template <class Branch, class FirstBranch>
struct case_branches_differ_in_type {
    static_assert(detail::dependent_false<Branch>, "ctsql[E053] the branches of a CASE have incompatible types");
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
template <class V, class Values>
constexpr auto check_branch() {
    if constexpr (!expression<V>) return report<error::run_time_value_in_expression<V>>();
    else if constexpr (is_untyped_parameter_v<V>) return report<error::parameter_type_cannot_be_inferred<V, V>>();
    else if constexpr (Values::size != 0) {
        using First = at<0, Values>;
        if constexpr (!is_untyped_parameter_v<First> && !comparable_v<value_type_of<V>, value_type_of<First>>)
            return report<error::case_branches_differ_in_type<V, First>>();
        else return pass();
    } else return pass();
}

template <class Values>
struct common_value_type;
template <class... Vs>
struct common_value_type<type_list<Vs...>> {
    using type = typename coalesce_type<value_type_of<Vs>...>::type;
};

template <class List>
struct node_over_list;
template <class... Es>
struct node_over_list<type_list<Es...>> {
    using type = node_over<Es...>;
};

template <class Values>
struct first_typed_value {
    using type = void;
};
template <class V, class... Rest>
struct first_typed_value<type_list<V, Rest...>> {
    using type = std::conditional_t<is_untyped_parameter_v<V>, typename first_typed_value<type_list<Rest...>>::type, value_type_of<V>>;
};
}  // namespace detail

template <class Branches, class Else = no_else>
struct case_expression;

namespace detail {
template <class Else>
using else_list = std::conditional_t<std::is_same_v<Else, no_else>, type_list<>, type_list<Else>>;
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

    // Another WHEN ... THEN ...
    template <class Condition, class Value>
        requires std::is_same_v<Else, no_else>
    constexpr auto when(const Condition&, const Value&) const {
        using T = typename detail::first_typed_value<values>::type;
        using V = std::conditional_t<std::is_void_v<T>, Value, bind_parameter_t<Value, T>>;
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition_of_case<Condition>()),
                                                                   decltype(detail::check_branch<V, values>())>>::ok);
        return case_expression<type_list<Bs..., when_branch<Condition, V>>>{};
    }

    // ELSE value, closing the CASE.
    template <class Value>
        requires std::is_same_v<Else, no_else>
    constexpr auto else_(const Value&) const {
        using T = typename detail::first_typed_value<values>::type;
        using V = std::conditional_t<std::is_void_v<T>, Value, bind_parameter_t<Value, T>>;
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_branch<V, values>())>>::ok);
        return case_expression<type_list<Bs...>, V>{};
    }

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
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


// CASE WHEN condition THEN value ...
template <class Condition, class Value>
constexpr auto case_when(const Condition&, const Value&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition_of_case<Condition>()),
                                                               decltype(detail::check_branch<Value, type_list<>>())>>::ok);
    return case_expression<type_list<when_branch<Condition, Value>>>{};
}

}  // namespace ctsql
