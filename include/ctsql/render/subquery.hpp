// Subqueries as expressions: EXISTS (SELECT ...), x IN (SELECT ...), and a scalar (SELECT ...).
//   ctsql::exists(ctsql::select(posts.id).from(posts).where(posts.author_id == users.id))   // correlated
//   users.id.in(ctsql::select(posts.author_id).from(posts))   or   ctsql::in(users.id, subquery)
//   ctsql::scalar(ctsql::select(ctsql::max(posts.id)).from(posts))                            // nullable
// A subquery may read columns of the outer statement (a correlated subquery): those are checked
// against the outer statement's FROM, so a column of neither is ctsql[E031]. Its parameters
// are the outer statement's, numbered in text order.
#pragma once

#include <cstdint>
#include <type_traits>

#include "ctsql/check/query_rules.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/select.hpp"

namespace ctsql {

namespace error {
template <class Subquery>
struct subquery_must_select_one_column {
    static_assert(detail::dependent_false<Subquery>, "ctsql[E055] this subquery must select exactly one column");
};
template <class Subquery>
struct not_a_select_statement {
    static_assert(detail::dependent_false<Subquery>, "ctsql[E056] a subquery must be a SELECT statement");
};
}  // namespace error

namespace detail {

template <class S>
inline constexpr bool is_select_statement = false;
template <bool D, class I, class F, class W, class G, class H, class O, class L, class Of>
inline constexpr bool is_select_statement<select_statement<D, I, F, W, G, H, O, L, Of>> = true;

// Columns a subquery reads from outside its own FROM: the outer statement checks them.
template <class S>
struct outer_references {
    template <class L>
    struct keep;
    template <class... Cs>
    struct keep<type_list<Cs...>> {
        using type = concat<std::conditional_t<contains<column_source_t<Cs>, typename S::sources>, type_list<>, type_list<Cs>>...>;
    };
    using type = typename keep<select_columns<S>>::type;
};

template <class S>
constexpr auto check_subquery() {
    if constexpr (!is_select_statement<S>) return report<error::not_a_select_statement<S>>();
    else return check_select_shape<S, true>();
}
template <class S>
constexpr bool is_one_column_select() {
    if constexpr (!is_select_statement<S>) return false;
    else return S::items::size == 1;
}
template <class S>
constexpr auto check_one_column() {
    if constexpr (!is_select_statement<S>) return report<error::not_a_select_statement<S>>();
    else if constexpr (S::items::size != 1) return report<error::subquery_must_select_one_column<S>>();
    else return check_select_shape<S, true>();
}

// The parts every subquery node shares.
template <class S>
struct subquery_node : expression_node {
    using statement = S;
    using columns = typename outer_references<S>::type;
    using parameters = typename S::all_parameters;
    static constexpr bool aggregate = false;  // its aggregates are its own
    using bare_columns = columns;
    using features = select_features<S>;
};

// What exists()/scalar() give after ctsql[E056]: an inert node, so that the one error is all
// the compiler prints (the real node would read the SELECT's parts from a non-SELECT).
template <class Value>
struct invalid_subquery : expression_node {
    using value_type = Value;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;
    using features = type_list<>;
    template <class Context, class Writer>
    static constexpr void render(Writer&) {}
};

}  // namespace detail

template <class S>
struct exists_expression : detail::subquery_node<S> {
    using value_type = bool;
    template <class>
    static constexpr bool nullable_in = false;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("(EXISTS (");
        detail::write_select<qualified_context<Context>, S>(out);
        out.put("))");
    }
};

// The single column's value, or NULL when the subquery returns no row.
template <class S>
struct scalar_subquery : detail::subquery_node<S> {
    using value_type = value_type_of<detail::at<0, typename S::items>>;
    template <class>
    static constexpr bool nullable_in = true;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        detail::write_select<qualified_context<Context>, S>(out);
        out.put(')');
    }
};

template <class E, class S>
struct in_subquery_expression : detail::node_over<E> {
    using statement = S;
    using columns = detail::concat<columns_of_expr<E>, typename detail::outer_references<S>::type>;
    using parameters = detail::concat<parameters_of<E>, typename S::all_parameters>;
    using features = detail::concat<features_of<E>, detail::select_features<S>>;
    using value_type = bool;
    template <class NullableSources>
    static constexpr bool nullable_in = true;  // x IN (...) is NULL when x is, or no match and a NULL in the list
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<E>::template render<Context>(out);
        out.put(" IN (");
        detail::write_select<qualified_context<Context>, S>(out);
        out.put("))");
    }
};

template <class S>
constexpr auto exists(const S&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_subquery<S>())>>::ok);
    if constexpr (detail::is_select_statement<S>) return exists_expression<S>{};
    else return detail::invalid_subquery<bool>{};
}

template <class S>
constexpr auto scalar(const S&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_one_column<S>())>>::ok);
    if constexpr (detail::is_one_column_select<S>()) return scalar_subquery<S>{};
    else return detail::invalid_subquery<std::int64_t>{};
}

// x IN (SELECT one comparable column ...)
template <expression E, class S>
    requires detail::is_select_statement<S>
constexpr auto in(const E&, const S&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>()),
                                                               decltype(detail::check_one_column<S>())>>::ok);
    if constexpr (S::items::size == 1)
        if constexpr (!comparable_v<value_type_of<E>, value_type_of<detail::at<0, typename S::items>>>)
            static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<E, S>>::ok);
    return in_subquery_expression<E, S>{};
}

}  // namespace ctsql
