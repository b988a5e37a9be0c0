// Statement-wide rules, checked when a statement is rendered or executed (a column's table
// may join after the column is named, so these cannot be checked clause by clause).
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/query/clauses.hpp"

namespace ctsql::error {
template <class Column, class SourcesInFrom>
struct column_table_is_not_in_from {
    static_assert(detail::dependent_false<Column>, "ctsql[E031] a column's table is not in the statement's FROM or JOIN");
};
template <class Column, class GroupBy>
struct column_must_be_grouped_or_aggregated {
    static_assert(detail::dependent_false<Column>, "ctsql[E033] with aggregates or GROUP BY, a selected column must be in GROUP BY or inside an aggregate");
};
}  // namespace ctsql::error

namespace ctsql::detail {

template <class C>
using column_list_of = typename C::columns;

// Columns read by a clause (an expression, a sort key, or no_clause).
template <class C>
struct clause_columns {  // sort keys, assignments, no_clause
    using type = typename C::columns;
};
template <class C>
    requires expression<C>
struct clause_columns<C> {
    using type = columns_of_expr<C>;
};
template <class List>
struct list_columns;
template <class... Cs>
struct list_columns<type_list<Cs...>> {
    using type = concat<typename clause_columns<Cs>::type...>;
};

template <class C>
struct clause_bare_columns {  // sort keys, assignments, no_clause
    using type = typename C::bare_columns;
};
template <class C>
    requires expression<C>
struct clause_bare_columns<C> {
    using type = bare_columns_of<C>;
};
template <class List>
struct list_bare_columns;
template <class... Cs>
struct list_bare_columns<type_list<Cs...>> {
    using type = concat<typename clause_bare_columns<Cs>::type...>;
};

template <class C>
inline constexpr bool clause_is_aggregate = [] {
    if constexpr (std::is_same_v<C, no_clause>) return false;
    else if constexpr (expression<C>) return is_aggregate_v<C>;
    else return C::aggregate;
}();

template <class List>
struct any_aggregate_in;
template <class... Cs>
struct any_aggregate_in<type_list<Cs...>> {
    static constexpr bool value = [] {
        bool any = false;
        for (bool a : {false, clause_is_aggregate<Cs>...}) any = any || a;
        return any;
    }();
};

// First column of Columns whose source is not in Sources, reported as ctsql[E031].
template <class Columns, class Sources>
constexpr auto check_columns_in_from() {
    constexpr std::size_t outsider = [] {
        return []<class... Cs>(type_list<Cs...>) {
            const bool flags[] = {false, !contains<column_source_t<Cs>, Sources>...};
            return first_true(flags);
        }(Columns{});
    }();
    if constexpr (outsider != npos)
        return report<error::column_table_is_not_in_from<at<outsider, Columns>, Sources>>();
    else
        return pass();
}

template <class Column, class GroupedColumns>
constexpr bool is_grouped() {
    return []<class... Gs>(type_list<Gs...>) {
        bool found = false;
        for (bool same : {false, same_column_v<Column, Gs>...}) found = found || same;
        return found;
    }(GroupedColumns{});
}

// With aggregation, every bare column must be grouped: ctsql[E033].
template <class BareColumns, class GroupedColumns, class GroupBy>
constexpr auto check_grouping() {
    constexpr std::size_t ungrouped = []<class... Cs>(type_list<Cs...>) {
        const bool flags[] = {false, !is_grouped<Cs, GroupedColumns>()...};
        return first_true(flags);
    }(BareColumns{});
    if constexpr (ungrouped != npos)
        return report<error::column_must_be_grouped_or_aggregated<at<ungrouped, BareColumns>, GroupBy>>();
    else
        return pass();
}

}  // namespace ctsql::detail
