// Pieces shared by the statement types: the absent clause, FROM/JOIN items, LIMIT values,
// and the type-level helpers that collect parameters and check them.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/query/statement_traits.hpp"

namespace ctsql {

// A clause the statement does not have.
struct no_clause {
    using columns = type_list<>;
    using parameters = type_list<>;
    using bare_columns = type_list<>;
    static constexpr bool aggregate = false;
};

template <class C>
inline constexpr bool has_clause_v = !std::is_same_v<C, no_clause>;

enum class join_kind : unsigned char { from, inner, left, right, full, cross };

template <join_kind Kind, class Source, class On = no_clause>
struct join_item {
    static constexpr join_kind kind = Kind;
    using source = Source;
    using on = On;
};

namespace error {
template <class Clause, class Condition>
struct condition_is_not_boolean {
    static_assert(detail::dependent_false<Condition>, "ctsql[E032] a WHERE, HAVING or ON condition must be a boolean expression");
};
template <class Clause, class Condition>
struct aggregate_in_where {
    static_assert(detail::dependent_false<Condition>, "ctsql[E034] aggregate functions are not allowed in WHERE or ON: use HAVING");
};
template <class Parameter, class OtherUse>
struct parameter_used_with_two_types {
    static_assert(detail::dependent_false<Parameter>, "ctsql[E043] a parameter name is used with two different types in one statement");
};
template <class Source, class Statement>
struct source_is_not_a_table {
    static_assert(detail::dependent_false<Source>, "ctsql[E040] FROM and JOIN take tables or table aliases");
};
}  // namespace error

namespace clause {
struct where {};
struct having {};
struct on {};
}  // namespace clause

namespace detail {

// Checks a WHERE/HAVING/ON condition; returns the condition with parameters typed.
template <class Clause, class Condition>
constexpr auto check_condition() {
    if constexpr (!expression<Condition>)
        return report<error::run_time_value_in_expression<Condition>>();
    else if constexpr (!std::is_same_v<value_type_of<Condition>, bool>)
        return report<error::condition_is_not_boolean<Clause, Condition>>();
    else if constexpr (!std::is_same_v<Clause, clause::having> && is_aggregate_v<Condition>)
        return report<error::aggregate_in_where<Clause, Condition>>();
    else
        return pass();
}

template <class Source>
constexpr auto check_source() {
    if constexpr (!table_source<Source>)
        return report<error::source_is_not_a_table<Source, void>>();
    else
        return pass();
}

// Parameters with duplicates (same name) removed, keeping the first; a name used with two
// different types is ctsql[E043].
template <class Unique, class Rest>
struct unique_parameters_impl {
    using type = Unique;
};
template <class... Us, class P, class... Rest>
struct unique_parameters_impl<type_list<Us...>, type_list<P, Rest...>> {
    static constexpr bool seen = [] {
        bool s = false;
        for (std::string_view n : {std::string_view{}, Us::name.view()...}) s = s || (n == P::name.view());
        return s;
    }();
    using type = typename unique_parameters_impl<std::conditional_t<seen, type_list<Us...>, type_list<Us..., P>>,
                                                 type_list<Rest...>>::type;
};
template <class List>
using unique_parameters = typename unique_parameters_impl<type_list<>, List>::type;

template <class Unique, class All>
struct parameter_conflict;
template <class Unique, class... All>
struct parameter_conflict<Unique, type_list<All...>> {
    template <class P>
    static constexpr std::size_t position = [] {
        std::size_t i = 0;
        return [&]<class... Us>(type_list<Us...>) {
            std::size_t found = npos;
            ((found = (found == npos && Us::name.view() == P::name.view()) ? i : found, ++i), ...);
            return found;
        }(Unique{});
    }();
    static constexpr std::size_t first = [] {
        const bool flags[] = {false, !std::is_same_v<at<position<All>, Unique>, All>...};
        return first_true(flags);
    }();
};

template <class All>
constexpr auto check_parameters() {
    using unique = unique_parameters<All>;
    constexpr std::size_t conflict = parameter_conflict<unique, All>::first;
    if constexpr (conflict != npos) {
        using P = at<conflict, All>;
        return report<error::parameter_used_with_two_types<P, at<parameter_conflict<unique, All>::template position<P>, unique>>>();
    } else {
        return pass();
    }
}

// LIMIT/OFFSET operand: an untyped parameter becomes a 64-bit integer parameter.
template <class V>
using count_operand = bind_parameter_t<V, std::int64_t>;

template <class Count>
constexpr auto check_count_operand() {
    if constexpr (!expression<Count>)
        return report<error::run_time_value_in_expression<Count>>();
    else if constexpr (!std::is_integral_v<value_type_of<count_operand<Count>>> ||
                       std::is_same_v<value_type_of<count_operand<Count>>, bool>)
        return report<error::incompatible_operand_types<Count, std::int64_t>>();
    else
        return pass();
}

// Parameters of a clause (an expression, a sort key, or no_clause), in text order.
template <class C>
struct clause_parameters {  // sort keys, assignments, no_clause
    using type = typename C::parameters;
};
template <class C>
    requires expression<C>
struct clause_parameters<C> {
    using type = parameters_of<C>;
};
template <class List>
struct list_parameters;
template <class... Cs>
struct list_parameters<type_list<Cs...>> {
    using type = concat<typename clause_parameters<Cs>::type...>;
};
template <class C>
using clause_parameters_t = typename clause_parameters<C>::type;
template <class L>
using list_parameters_t = typename list_parameters<L>::type;

}  // namespace detail
}  // namespace ctsql
