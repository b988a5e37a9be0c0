// Set operations: UNION, UNION ALL, INTERSECT, EXCEPT, with ORDER BY / LIMIT / OFFSET on the
// whole.
//   ctsql::union_(ctsql::select(users.name).from(users), ctsql::select(admins.name).from(admins))
//       .order_by(ctsql::by<"name">.desc()).limit(ctsql::param<"n">)
// The members must select as many columns, of comparable types (the result's column is
// nullable when either side's is; numbers take the wider type); they take no ORDER BY or LIMIT
// of their own (SQLite does not allow it; the whole compound has them). Chain by nesting on
// the left: union_(union_(a, b), c).
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/select_items.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/select.hpp"
#include "ctsql/render/statement_renderer.hpp"
#include "ctsql/render/subquery.hpp"

namespace ctsql {

enum class set_operator : unsigned char { union_distinct, union_all, intersect, except };

namespace error {
template <class Left, class Right>
struct set_operation_columns_differ {
    static_assert(detail::dependent_false<Left>, "ctsql[E057] the members of a UNION/INTERSECT/EXCEPT select different numbers or types of columns");
};
template <class Member>
struct set_operation_member_is_ordered {
    static_assert(detail::dependent_false<Member>, "ctsql[E058] a UNION/INTERSECT/EXCEPT member takes no ORDER BY, LIMIT or OFFSET: put them on the whole");
};
template <class Compound, class Key>
struct set_operation_ordered_by_expression {
    static_assert(detail::dependent_false<Key>, "ctsql[E100] a UNION/INTERSECT/EXCEPT is ordered by its result columns only: write ctsql::by<\"name\">");
};
}  // namespace error

// A result column of the statement, by name: for ORDER BY of a compound. Renders "name".
template <fixed_string Name>
struct result_column : expression_node {
    static constexpr auto sql_name = Name;
    using value_type = void;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;
    constexpr sort_key<result_column, sort_direction::asc> asc() const noexcept { return {}; }
    constexpr sort_key<result_column, sort_direction::desc> desc() const noexcept { return {}; }
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        detail::write_identifier(out, Name.view());
    }
};
template <fixed_string Name>
inline constexpr result_column<Name> by{};

template <set_operator Op, class Left, class Right, class OrderBy = type_list<>, class Limit = no_clause, class Offset = no_clause>
struct compound_statement;

namespace detail {

template <class S>
inline constexpr bool is_compound = false;
template <set_operator Op, class L, class R, class O, class Li, class Of>
inline constexpr bool is_compound<compound_statement<Op, L, R, O, Li, Of>> = true;

// No ORDER BY, LIMIT or OFFSET of its own (a SELECT or a compound).
template <class S>
constexpr bool is_unordered() {
    return S::order_by_list::size == 0 && !has_clause_v<typename S::limit_clause> && !has_clause_v<typename S::offset_clause>;
}

template <class S>
constexpr bool is_plain_select() {
    if constexpr (!is_select_statement<S>) return false;
    else return is_unordered<S>();
}

template <class S>
constexpr bool is_plain_compound() {
    if constexpr (!is_compound<S>) return false;
    else return is_unordered<S>();
}

template <class Key>
inline constexpr bool is_result_key = false;
template <fixed_string Name>
inline constexpr bool is_result_key<result_column<Name>> = true;
template <fixed_string Name, sort_direction Direction, nulls_order Nulls>
inline constexpr bool is_result_key<sort_key<result_column<Name>, Direction, Nulls>> = true;

template <class A, class B>
struct merged_field {
    using value = std::conditional_t<type_class_of<value_type_t<typename A::type>> == type_class::numeric,
                                     arithmetic_result_t<value_type_t<typename A::type>, value_type_t<typename B::type>>,
                                     value_type_t<typename A::type>>;
    using type = field<A::name, std::conditional_t<is_optional_v<typename A::type> || is_optional_v<typename B::type>,
                                                   std::optional<value>, value>>;
};
template <class Left, class Right>
struct merged_row;
template <class... As, class... Bs>
    requires(sizeof...(As) == sizeof...(Bs))
struct merged_row<row<As...>, row<Bs...>> {
    using type = row<typename merged_field<As, Bs>::type...>;
};
template <class... As, class... Bs>
    requires(sizeof...(As) != sizeof...(Bs))
struct merged_row<row<As...>, row<Bs...>> {
    using type = row<As...>;  // reported as ctsql[E057]
};

template <class Left, class Right>
constexpr bool rows_compatible() {
    return []<class... As, class... Bs>(row<As...>*, row<Bs...>*) {
        if constexpr (sizeof...(As) != sizeof...(Bs)) return false;
        else return (comparable_v<value_type_t<typename As::type>, value_type_t<typename Bs::type>> && ...);
    }(static_cast<Left*>(nullptr), static_cast<Right*>(nullptr));
}

template <class Left, class Right>
constexpr auto check_members() {
    if constexpr (!(is_plain_select<Left>() || is_plain_compound<Left>())) return report<error::set_operation_member_is_ordered<Left>>();
    else if constexpr (!is_plain_select<Right>()) return report<error::set_operation_member_is_ordered<Right>>();
    else if constexpr (!rows_compatible<result_row_t<Left>, result_row_t<Right>>()) return report<error::set_operation_columns_differ<Left, Right>>();
    else return pass();
}

template <class S>
struct member_parameters {
    using type = typename S::all_parameters;
};

// The FROM sources of every member (a plain SELECT: its own), for hoisting the CTEs the
// members read into one WITH before the whole compound.
template <class S>
struct member_sources {
    using type = typename sources_of_items<typename S::from_items>::type;
};
template <class S>
    requires is_compound<S>
struct member_sources<S> {
    using type = concat<typename member_sources<typename S::left>::type, typename member_sources<typename S::right>::type>;
};
template <class Left, class Right>
using ctes_of_members = typename collect_ctes<type_list<>, concat<typename member_sources<Left>::type, typename member_sources<Right>::type>>::type;

// The parameters of the hoisted WITH: they come first in the text.
template <class Ctes>
struct cte_parameters;
template <class... Cs>
struct cte_parameters<type_list<Cs...>> {
    using type = concat<type_list<>, typename Cs::with_parameters...>;
};

constexpr std::string_view set_operator_sql(set_operator op) noexcept {
    switch (op) {
        case set_operator::union_distinct: return " UNION ";
        case set_operator::union_all: return " UNION ALL ";
        case set_operator::intersect: return " INTERSECT ";
        case set_operator::except: return " EXCEPT ";
    }
    return "";
}

}  // namespace detail

template <set_operator Op, class Left, class Right, class OrderBy, class Limit, class Offset>
struct compound_statement {
    static constexpr set_operator op = Op;
    using left = Left;
    using right = Right;
    using order_by_list = OrderBy;
    using limit_clause = Limit;
    using offset_clause = Offset;
    using result_row = typename detail::merged_row<result_row_t<Left>, result_row_t<Right>>::type;
    using ctes = detail::ctes_of_members<Left, Right>;
    using all_parameters = detail::concat<typename detail::cte_parameters<ctes>::type, typename Left::all_parameters, typename Right::all_parameters,
                                          detail::list_parameters_t<OrderBy>, detail::clause_parameters_t<Limit>,
                                          detail::clause_parameters_t<Offset>>;
    using parameters = detail::unique_parameters<all_parameters>;
    static constexpr int stage = has_clause_v<Offset> ? 3 : has_clause_v<Limit> ? 2 : OrderBy::size != 0 ? 1 : 0;

    template <class... Keys>
        requires(stage < 1 && sizeof...(Keys) > 0)
    constexpr auto order_by(const Keys&...) const noexcept {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<
                          std::conditional_t<detail::is_result_key<Keys>, detail::passed,
                                             detail::verdict<error::set_operation_ordered_by_expression<compound_statement, Keys>>>...>>::ok);
        if constexpr ((detail::is_result_key<Keys> && ...)) return compound_statement<Op, Left, Right, type_list<Keys...>>{};
        else return compound_statement{};
    }
    template <class Count>
        requires(stage < 2)
    constexpr auto limit(const Count&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_count_operand<Count>())>>::ok);
        return compound_statement<Op, Left, Right, OrderBy, detail::count_operand<Count>>{};
    }
    template <class Count>
        requires(stage < 3)
    constexpr auto offset(const Count&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_count_operand<Count>())>>::ok);
        return compound_statement<Op, Left, Right, OrderBy, Limit, detail::count_operand<Count>>{};
    }
};

template <class Left, class Right>
constexpr auto union_(const Left&, const Right&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_members<Left, Right>())>>::ok);
    return compound_statement<set_operator::union_distinct, Left, Right>{};
}
template <class Left, class Right>
constexpr auto union_all(const Left&, const Right&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_members<Left, Right>())>>::ok);
    return compound_statement<set_operator::union_all, Left, Right>{};
}
template <class Left, class Right>
constexpr auto intersect(const Left&, const Right&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_members<Left, Right>())>>::ok);
    return compound_statement<set_operator::intersect, Left, Right>{};
}
template <class Left, class Right>
constexpr auto except(const Left&, const Right&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_members<Left, Right>())>>::ok);
    return compound_statement<set_operator::except, Left, Right>{};
}

namespace detail {

template <class Dialect, class S>
constexpr auto check_compound();

template <class Dialect, class S>
constexpr auto check_compound_member() {
    if constexpr (is_compound<S>) return check_compound<Dialect, S>();
    else return check_select<Dialect, S>();
}

template <class Row, class Key>
constexpr auto check_result_key() {
    using E = typename bare_expression<Key>::type;
    if constexpr (requires { E::sql_name; } && std::is_base_of_v<expression_node, E> && std::is_void_v<value_type_of<E>>) {
        if constexpr (Row::template index_of<E::sql_name>() == npos)
            return report<error::row_has_no_field_with_this_name<Row, field<E::sql_name, void>>>();
        else return pass();
    } else {
        return pass();
    }
}

template <class Dialect, class S>
constexpr auto check_compound() {
    return first_failure<decltype(check_compound_member<Dialect, typename S::left>()),
                         decltype(check_select<Dialect, typename S::right>()),
                         // the members' CTEs share one WITH (ctsql[E101])
                         typename collect_ctes<type_list<>, concat<typename member_sources<typename S::left>::type,
                                                                   typename member_sources<typename S::right>::type>>::verdict,
                         decltype(check_parameters<typename S::all_parameters>()),
                         decltype([]<class... Keys>(type_list<Keys...>) {
                             return first_failure<decltype(check_result_key<typename S::result_row, Keys>())...>{};
                         }(typename S::order_by_list{}))>{};
}

// PostgreSQL gives INTERSECT precedence over UNION and EXCEPT; SQLite reads left to right, as
// the C++ nests. So on PostgreSQL a UNION/EXCEPT on the left of an INTERSECT is parenthesised.
template <class Dialect, set_operator Outer, class Left>
constexpr bool parenthesise_left() {
    if constexpr (Dialect::family != dialect_family::postgresql || !is_compound<Left>) return false;
    else return Outer == set_operator::intersect && Left::op != set_operator::intersect;
}

template <class Context, class S, bool EmitWith = true, class Writer>
constexpr void write_compound_body(Writer& out) {
    if constexpr (parenthesise_left<typename Context::dialect, S::op, typename S::left>()) {
        out.put('(');
        write_compound_body<Context, typename S::left, EmitWith>(out);
        out.put(')');
    } else if constexpr (is_compound<typename S::left>) {
        write_compound_body<Context, typename S::left, EmitWith>(out);
    } else {
        write_select<Context, typename S::left, false, EmitWith>(out);
    }
    out.put(set_operator_sql(S::op));
    write_select<Context, typename S::right, false, EmitWith>(out);
}

// The whole compound: one WITH for the CTEs its members read (EmitWith; a CTE body has its
// CTEs hoisted further out), the members, then ORDER BY / LIMIT / OFFSET.
template <class Context, class S, bool EmitWith = true, class Writer>
constexpr void write_compound(Writer& out) {
    using ctes = typename S::ctes;
    if constexpr (EmitWith && ctes::size != 0) {
        [&]<class... Cs>(type_list<Cs...>) {
            out.put(((Cs::is_recursive || ...)) ? "WITH RECURSIVE " : "WITH ");
            bool first = true;
            ((out.put(first ? "" : ", "), first = false, Cs::template render_definition<Context>(out)), ...);
        }(ctes{});
        out.put(' ');
    }
    write_compound_body<Context, S, false>(out);
    if constexpr (S::order_by_list::size != 0) {
        out.put(" ORDER BY ");
        write_item_list<Context, typename S::order_by_list>(out);
    }
    if constexpr (has_clause_v<typename S::limit_clause>) {
        out.put(" LIMIT ");
        expression_traits<typename S::limit_clause>::template render<Context>(out);
    } else if constexpr (has_clause_v<typename S::offset_clause> && Context::dialect::family == dialect_family::sqlite) {
        out.put(" LIMIT -1");
    }
    if constexpr (has_clause_v<typename S::offset_clause>) {
        out.put(" OFFSET ");
        expression_traits<typename S::offset_clause>::template render<Context>(out);
    }
}

}  // namespace detail

template <dialect Dialect, set_operator Op, class Left, class Right, class OrderBy, class Limit, class Offset>
struct statement_renderer<Dialect, compound_statement<Op, Left, Right, OrderBy, Limit, Offset>> {
    using statement = compound_statement<Op, Left, Right, OrderBy, Limit, Offset>;
    using verdict = decltype(detail::check_compound<Dialect, statement>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) {
            detail::write_compound<render_context<Dialect>, statement>(detail::numbered_by<typename statement::parameters>(out));
        }
    }
};

}  // namespace ctsql
