// column = value, for INSERT values and UPDATE SET:
//   users.name.to(param<"name">)    or    ctsql::set(users.name, param<"name">)
// An untyped parameter takes the column's declared type (std::optional<T> for a nullable
// column, so NULL can be bound to it).
#pragma once

#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/literal.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/expr/type_rules.hpp"
#include "ctsql/query/clauses.hpp"

namespace ctsql {

namespace error {
template <class Column, class Value>
struct value_type_does_not_fit_column {
    static_assert(detail::dependent_false<Column>, "ctsql[E036] the value's type does not fit the column it is assigned to");
};
template <class Column, class Value>
struct null_into_non_null_column {
    static_assert(detail::dependent_false<Column>, "ctsql[E037] a NULL or nullable value is assigned to a NOT NULL column");
};
template <class Target, class NotAColumn>
struct assignment_target_is_not_a_column {
    static_assert(detail::dependent_false<NotAColumn>, "ctsql[E049] only a column of the table can be assigned");
};
}  // namespace error

template <class Column, class Value>
struct assignment {
    using column = Column;
    using value = Value;
    using columns = columns_of_expr<Value>;
    using parameters = parameters_of<Value>;
    using bare_columns = bare_columns_of<Value>;
    static constexpr bool aggregate = is_aggregate_v<Value>;
    using features = features_of<Value>;
};

template <class A>
inline constexpr bool is_assignment_v = false;
template <class C, class V>
inline constexpr bool is_assignment_v<assignment<C, V>> = true;

namespace detail {

// Checks and types `column = value`.
template <class Column, class Value>
constexpr auto make_assignment() {
    if constexpr (!column_type<Column>) {
        static_assert(::ctsql::detail::enforce<error::assignment_target_is_not_a_column<Value, Column>>::ok);
    } else if constexpr (!expression<Value>) {
        static_assert(::ctsql::detail::enforce<error::run_time_value_in_expression<Value>>::ok);
    } else {
        using V = bind_parameter_t<Value, typename Column::cpp_type>;
        if constexpr (std::is_same_v<V, null_literal> || (!Column::nullable && nullable_in_v<V>)) {
            if constexpr (!Column::nullable) static_assert(::ctsql::detail::enforce<error::null_into_non_null_column<Column, Value>>::ok);
        } else if constexpr (!assignable_v<value_type_of<V>, typename Column::value_type>) {
            static_assert(::ctsql::detail::enforce<error::value_type_does_not_fit_column<Column, Value>>::ok);
        } else if constexpr (is_aggregate_v<V>) {
            static_assert(::ctsql::detail::enforce<error::aggregate_in_where<clause::assigned_value, Value>>::ok);
        }
        return assignment<Column, V>{};
    }
}

}  // namespace detail

template <column_type Column, class Value>
constexpr auto set(const Column&, const Value&) {
    return detail::make_assignment<Column, Value>();
}

// The row proposed for insertion, in ON CONFLICT ... DO UPDATE: excluded(users.name).
template <class Column>
struct excluded_column : expression_node {
    using value_type = typename Column::value_type;
    template <class>
    static constexpr bool nullable_in = Column::nullable;
    using columns = type_list<>;  // not a FROM item
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("excluded.");
        detail::write_identifier(out, Column::sql_name.view());
    }
};

template <column_type Column>
constexpr excluded_column<Column> excluded(const Column&) noexcept {
    return {};
}

}  // namespace ctsql
