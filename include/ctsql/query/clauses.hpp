// Pieces shared by the statement types: the absent clause, FROM/JOIN items, LIMIT values,
// and the type-level helpers that collect parameters and check them.
#pragma once

#include <array>
#include <cstddef>
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

// Parameters with duplicates (same name) removed, keeping the first occurrence; a name used
// with two different types is ctsql[E043]. Computed with loops over one name array rather
// than recursive instantiation (statements are many, so this is a hot compile path).
template <class List>
struct parameter_table;
template <class... Ps>
struct parameter_table<type_list<Ps...>> {
    static constexpr std::size_t count = sizeof...(Ps);
    static constexpr std::string_view names[count + 1] = {Ps::name.view()..., {}};
    // first[i]: position of the first parameter with the same name as parameter i
    static constexpr auto first = [] {
        std::array<std::size_t, count + 1> f{};
        for (std::size_t i = 0; i != count; ++i) {
            f[i] = i;
            for (std::size_t j = 0; j != i; ++j)
                if (names[j] == names[i]) {
                    f[i] = j;
                    break;
                }
        }
        return f;
    }();
    static constexpr std::size_t unique_count = [] {
        std::size_t n = 0;
        for (std::size_t i = 0; i != count; ++i) n += first[i] == i;
        return n;
    }();
    static constexpr auto unique_positions = [] {
        std::array<std::size_t, unique_count + 1> u{};
        std::size_t n = 0;
        for (std::size_t i = 0; i != count; ++i)
            if (first[i] == i) u[n++] = i;
        return u;
    }();

    template <class Sequence>
    struct select;
    template <std::size_t... K>
    struct select<std::index_sequence<K...>> {
        using type = type_list<at<unique_positions[K], type_list<Ps...>>...>;
    };
    using unique = typename select<std::make_index_sequence<unique_count>>::type;

    // Position of the first parameter whose type differs from the first one of its name.
    static constexpr std::size_t conflict = []<std::size_t... I>(std::index_sequence<I...>) {
        const bool flags[] = {false, !std::is_same_v<Ps, at<first[I], type_list<Ps...>>>...};
        return first_true(flags);
    }(std::index_sequence_for<Ps...>{});
};

template <class List>
using unique_parameters = typename parameter_table<List>::unique;

template <class All>
constexpr auto check_parameters() {
    using table = parameter_table<All>;
    if constexpr (table::conflict != npos) {
        using P = at<table::conflict, All>;
        return report<error::parameter_used_with_two_types<P, at<table::first[table::conflict], All>>>();
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
