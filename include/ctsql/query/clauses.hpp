// Pieces shared by the statement types: the absent clause, FROM/JOIN items, LIMIT values,
// and the type-level helpers that collect parameters and check them.
#pragma once

#include <array>
#include <initializer_list>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/schema/sql_type.hpp"

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
    static_assert(detail::dependent_false<Condition>, "ctsql[E034] aggregate functions are allowed only in SELECT items, HAVING and ORDER BY (not in WHERE, ON, GROUP BY or assigned values)");
};
template <class Clause, class Expression>
struct window_function_outside_select {
    static_assert(detail::dependent_false<Expression>, "ctsql[E054] window functions are allowed only in SELECT items and ORDER BY");
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
struct group_by {};
struct assigned_value {};
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
    else if constexpr (is_window_v<Condition>)
        return report<error::window_function_outside_select<Clause, Condition>>();
    else
        return pass();
}

// GROUP BY keys: typed expressions without aggregates.
template <class Key>
constexpr auto check_group_key() {
    if constexpr (!expression<Key>) return report<error::run_time_value_in_expression<Key>>();
    else if constexpr (is_untyped_parameter_v<Key>) return report<error::parameter_type_cannot_be_inferred<Key, Key>>();
    else if constexpr (is_aggregate_v<Key>) return report<error::aggregate_in_where<clause::group_by, Key>>();
    else if constexpr (is_window_v<Key>) return report<error::window_function_outside_select<clause::group_by, Key>>();
    else return pass();
}

// Stands in a FROM/JOIN for something that is not a table (already reported as ctsql[E040]):
// the statement's other rules are then not checked, so that one mistake gives one error.
struct poisoned_source {
    static constexpr fixed_string sql_name = "";
};
template <class Source>
using checked_source = std::conditional_t<table_source<Source>, Source, poisoned_source>;

template <class Source>
constexpr auto check_source() {
    if constexpr (!table_source<Source>)
        return report<error::source_is_not_a_table<Source, void>>();
    else
        return pass();
}

// Parameters with duplicates (same name) removed, keeping the first occurrence; a name used
// with two different types is ctsql[E043]. Computed with loops over one name array rather
// than recursive instantiation. This is the hottest compile path: every builder step
// (select, from, where, order_by, limit) is a statement type with its own list, so the usual
// case, no name used twice, returns the list as it is and instantiates nothing else.
// Whether no two names are equal: one function for every list, evaluated, not instantiated.
constexpr bool names_are_distinct(std::initializer_list<std::string_view> names) noexcept {
    for (auto i = names.begin(); i != names.end(); ++i)
        for (auto j = names.begin(); j != i; ++j)
            if (*i == *j) return false;
    return true;
}

template <class List>
struct parameter_table;
template <class... Ps>
struct parameter_table<type_list<Ps...>> {
    static constexpr bool all_distinct = names_are_distinct({Ps::name.view()...});

    // Only for lists with a repeated name: the first occurrences, their unified types and the
    // first conflict.
    struct repeated {
        static constexpr std::size_t count = sizeof...(Ps);
        static constexpr std::string_view names[count + 1] = {Ps::name.view()..., {}};
        // first[i]: position of the first parameter with the same name as parameter i
        static constexpr std::array<std::size_t, count + 1> first = [] {
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
        // A name used both where NULL may be bound (a nullable column's SET) and where not (a
        // comparison) binds as std::optional: one value, NULL allowed.
        static constexpr std::array<bool, count + 1> optional_anywhere = [] {
            std::array<bool, count + 1> any{};
            const bool optional[] = {is_optional_v<typename Ps::type>..., false};
            for (std::size_t i = 0; i != count; ++i) any[first[i]] = any[first[i]] || optional[i];
            return any;
        }();

        template <std::size_t Position>
        using unified =
            std::conditional_t<optional_anywhere[Position],
                               parameter<at<Position, type_list<Ps...>>::name,
                                         std::optional<value_type_t<typename at<Position, type_list<Ps...>>::type>>>,
                               at<Position, type_list<Ps...>>>;

        template <class Sequence>
        struct select;
        template <std::size_t... K>
        struct select<std::index_sequence<K...>> {
            using type = type_list<unified<unique_positions[K]>...>;
        };
        using unique = typename select<std::make_index_sequence<unique_count>>::type;

        // Position of the first parameter whose value type differs from the first one of its name.
        static constexpr std::size_t conflict = []<std::size_t... I>(std::index_sequence<I...>) {
            const bool flags[] = {false, !std::is_same_v<value_type_t<typename Ps::type>,
                                                         value_type_t<typename at<first[I], type_list<Ps...>>::type>>...};
            return first_true(flags);
        }(std::index_sequence_for<Ps...>{});
    };
    // Without a repeated name every parameter is its own first occurrence: nothing to unify
    // (an optional one is already parameter<name, std::optional<T>>) and no conflict.
    struct distinct {
        using unique = type_list<Ps...>;
        static constexpr std::size_t conflict = npos;
    };
    using resolved = std::conditional_t<all_distinct, distinct, repeated>;

    using unique = typename resolved::unique;
    static constexpr std::size_t conflict = resolved::conflict;
};

template <class List>
using unique_parameters = typename parameter_table<List>::unique;

template <class All>
constexpr auto check_parameters() {
    using table = parameter_table<All>;
    if constexpr (table::conflict != npos) {
        using P = at<table::conflict, All>;
        return report<error::parameter_used_with_two_types<P, at<table::resolved::first[table::conflict], All>>>();
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

// Dialect features a clause needs (an expression, a sort key, an assignment, no_clause, or a
// type_list of those).
template <class C>
struct clause_features {
    using type = features_of<C>;
};
template <class... Cs>
struct clause_features<type_list<Cs...>> {
    using type = concat<typename clause_features<Cs>::type...>;
};
template <class... Cs>
using features_in = concat<typename clause_features<Cs>::type...>;

// The first feature in Features that Dialect lacks: ctsql[E016].
template <class Dialect, class Features>
struct missing_feature;
template <class Dialect, class... Fs>
struct missing_feature<Dialect, type_list<Fs...>> {
    static constexpr std::size_t position = [] {
        const bool flags[] = {false, !dialect_has<Dialect, Fs>...};
        return first_true(flags);
    }();
};
template <class Dialect, class Features>
constexpr auto check_features() {
    constexpr std::size_t missing = missing_feature<Dialect, Features>::position;
    if constexpr (missing == npos) return pass();
    else return report<error::feature_needs_newer_version<Dialect, at<missing, Features>>>();
}
template <class L>
using list_parameters_t = typename list_parameters<L>::type;

}  // namespace detail
}  // namespace ctsql
