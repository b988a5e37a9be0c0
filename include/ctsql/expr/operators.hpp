// Comparison, logical, arithmetic and concatenation operators on expressions.
//   users.age >= param<"min_age">        ("users"."age" >= ?1)
//   a && b, a || b, !a                   (a AND b), (a OR b), (NOT a)
//   users.score * lit<2>, -x             ("users"."score" * 2), (- x)
//   users.name + lit<"!">                ("users"."name" || '!')   (text + text concatenates)
// Operators are constrained by the cheap `expression` concept only; the type rules are
// static_asserts inside, so a mistake gives one sentence instead of a candidate list.
#pragma once

#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/expr/type_rules.hpp"

namespace ctsql {

namespace error {
template <class Left, class Right>
struct incompatible_operand_types {
    static_assert(detail::dependent_false<Left>, "ctsql[E030] the operands' types are incompatible (see the two types in this instantiation)");
};
template <class Left, class Right>
struct parameter_type_cannot_be_inferred {
    static_assert(detail::dependent_false<Left>, "ctsql[E041] a parameter's type cannot be inferred here: write param<\"name\", T>");
};
template <class Value>
struct run_time_value_in_expression {
    static_assert(detail::dependent_false<Value>, "ctsql[E042] a C++ value cannot be part of a statement: use param<\"name\"> (bound at execution) or lit<value> (compile-time)");
};
template <class Operand>
struct operand_is_not_boolean {
    static_assert(detail::dependent_false<Operand>, "ctsql[E044] AND, OR and NOT need boolean operands");
};
}  // namespace error

namespace op {
struct eq { static constexpr std::string_view sql = " = "; static constexpr int kind = 0; };
struct ne { static constexpr std::string_view sql = " <> "; static constexpr int kind = 0; };
struct lt { static constexpr std::string_view sql = " < "; static constexpr int kind = 0; };
struct le { static constexpr std::string_view sql = " <= "; static constexpr int kind = 0; };
struct gt { static constexpr std::string_view sql = " > "; static constexpr int kind = 0; };
struct ge { static constexpr std::string_view sql = " >= "; static constexpr int kind = 0; };
struct and_ { static constexpr std::string_view sql = " AND "; static constexpr int kind = 1; };
struct or_ { static constexpr std::string_view sql = " OR "; static constexpr int kind = 1; };
struct plus { static constexpr std::string_view sql = " + "; static constexpr int kind = 2; };
struct minus { static constexpr std::string_view sql = " - "; static constexpr int kind = 2; };
struct times { static constexpr std::string_view sql = " * "; static constexpr int kind = 2; };
struct divide { static constexpr std::string_view sql = " / "; static constexpr int kind = 2; };
struct modulo { static constexpr std::string_view sql = " % "; static constexpr int kind = 2; };
struct concat { static constexpr std::string_view sql = " || "; static constexpr int kind = 3; };
}  // namespace op

namespace detail {
template <class Op, class L, class R>
struct binary_value_type {
    using type = bool;  // comparisons and logic
};
template <class Op, class L, class R>
    requires(Op::kind == 2)
struct binary_value_type<Op, L, R> {
    using type = arithmetic_result_t<L, R>;
};
template <class Op, class L, class R>
    requires(Op::kind == 3)
struct binary_value_type<Op, L, R> {
    using type = std::string;
};
}  // namespace detail

template <class Op, class L, class R>
struct binary_expression : detail::node_over<L, R> {
    using op = Op;
    using left = L;
    using right = R;
    using value_type = typename detail::binary_value_type<Op, value_type_of<L>, value_type_of<R>>::type;
    template <class NullableSources>
    static constexpr bool nullable_in = detail::any_nullable<NullableSources, L, R>();

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<L>::template render<Context>(out);
        out.put(Op::sql);
        expression_traits<R>::template render<Context>(out);
        out.put(')');
    }
};

template <class E>
struct not_expression : detail::node_over<E> {
    using value_type = bool;
    template <class NullableSources>
    static constexpr bool nullable_in = nullable_in_v<E, NullableSources>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("(NOT ");
        expression_traits<E>::template render<Context>(out);
        out.put(')');
    }
};

template <class E>
struct negate_expression : detail::node_over<E> {
    using value_type = value_type_of<E>;
    template <class NullableSources>
    static constexpr bool nullable_in = nullable_in_v<E, NullableSources>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("(- ");
        expression_traits<E>::template render<Context>(out);
        out.put(')');
    }
};

namespace detail {

template <class T>
inline constexpr bool is_boolean_expression = std::is_same_v<value_type_of<T>, bool>;

// Types a binary operation: an untyped parameter takes the other side's type.
template <class Op, class L, class R>
constexpr auto make_binary() {
    if constexpr (!expression<L>) {
        static_assert(::ctsql::detail::enforce<error::run_time_value_in_expression<L>>::ok);
        return;
    } else if constexpr (!expression<R>) {
        static_assert(::ctsql::detail::enforce<error::run_time_value_in_expression<R>>::ok);
        return;
    } else if constexpr (is_untyped_parameter_v<L> && is_untyped_parameter_v<R>) {
        static_assert(::ctsql::detail::enforce<error::parameter_type_cannot_be_inferred<L, R>>::ok);
        return;
    } else {
        using TL = std::conditional_t<is_untyped_parameter_v<L>, bind_parameter_t<L, value_type_of<R>>, L>;
        using TR = std::conditional_t<is_untyped_parameter_v<R>, bind_parameter_t<R, value_type_of<L>>, R>;
        using VL = value_type_of<TL>;
        using VR = value_type_of<TR>;
        if constexpr (Op::kind == 0 && !comparable_v<VL, VR>) {
            static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<L, R>>::ok);
        } else if constexpr (Op::kind == 1 && !is_boolean_expression<TL>) {
            static_assert(::ctsql::detail::enforce<error::operand_is_not_boolean<L>>::ok);
        } else if constexpr (Op::kind == 1 && !is_boolean_expression<TR>) {
            static_assert(::ctsql::detail::enforce<error::operand_is_not_boolean<R>>::ok);
        } else if constexpr (Op::kind == 2 && !both_numeric_v<VL, VR>) {
            static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<L, R>>::ok);
        } else if constexpr (Op::kind == 3 && !(type_class_of<VL> == type_class::text &&
                                                 type_class_of<VR> == type_class::text)) {
            static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<L, R>>::ok);
        }
        return binary_expression<Op, TL, TR>{};
    }
}

// The operand must be an expression whose type is known (not an untyped parameter).
template <class E>
constexpr auto check_typed_operand() {
    if constexpr (!expression<E>) return report<error::run_time_value_in_expression<E>>();
    else if constexpr (is_untyped_parameter_v<E>) return report<error::parameter_type_cannot_be_inferred<E, E>>();
    else return pass();
}

template <class E, class Item>
constexpr auto check_comparable_item() {
    if constexpr (!expression<Item>)
        return report<error::run_time_value_in_expression<Item>>();
    else if constexpr (!comparable_v<value_type_of<E>, value_type_of<bind_parameter_t<Item, value_type_of<E>>>>)
        return report<error::incompatible_operand_types<E, Item>>();
    else
        return pass();
}

template <class L, class R>
concept one_side_is_expression = expression<L> || expression<R>;

}  // namespace detail

template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator==(const L&, const R&) {
    return detail::make_binary<op::eq, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator!=(const L&, const R&) {
    return detail::make_binary<op::ne, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator<(const L&, const R&) {
    return detail::make_binary<op::lt, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator<=(const L&, const R&) {
    return detail::make_binary<op::le, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator>(const L&, const R&) {
    return detail::make_binary<op::gt, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator>=(const L&, const R&) {
    return detail::make_binary<op::ge, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator&&(const L&, const R&) {
    return detail::make_binary<op::and_, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator||(const L&, const R&) {
    return detail::make_binary<op::or_, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator+(const L&, const R&) {
    if constexpr (expression<L> && expression<R> && type_class_of<value_type_of<L>> == type_class::text)
        return detail::make_binary<op::concat, L, R>();
    else
        return detail::make_binary<op::plus, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator-(const L&, const R&) {
    return detail::make_binary<op::minus, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator*(const L&, const R&) {
    return detail::make_binary<op::times, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator/(const L&, const R&) {
    return detail::make_binary<op::divide, L, R>();
}
template <class L, class R>
    requires detail::one_side_is_expression<L, R>
constexpr auto operator%(const L&, const R&) {
    return detail::make_binary<op::modulo, L, R>();
}

// String concatenation, also for more than two operands: concat(a, b, c).
template <expression A, expression B>
constexpr auto concat(const A&, const B&) {
    return detail::make_binary<op::concat, A, B>();
}
template <expression A, expression B, expression C, expression... Rest>
constexpr auto concat(const A& a, const B& b, const C& c, const Rest&... rest) {
    return concat(concat(a, b), c, rest...);
}

template <expression E>
constexpr auto operator!(const E&) {
    if constexpr (is_untyped_parameter_v<E>)
        static_assert(::ctsql::detail::enforce<error::parameter_type_cannot_be_inferred<E, E>>::ok);
    else if constexpr (!detail::is_boolean_expression<E>)
        static_assert(::ctsql::detail::enforce<error::operand_is_not_boolean<E>>::ok);
    return not_expression<E>{};
}

template <expression E>
constexpr auto operator-(const E&) {
    if constexpr (is_untyped_parameter_v<E>)
        static_assert(::ctsql::detail::enforce<error::parameter_type_cannot_be_inferred<E, E>>::ok);
    else if constexpr (!both_numeric_v<value_type_of<E>, value_type_of<E>>)
        static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<E, E>>::ok);
    return negate_expression<E>{};
}

}  // namespace ctsql
