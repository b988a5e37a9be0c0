// Scalar functions: lower, upper, length, coalesce, abs, round, nullif, CAST,
// CURRENT_TIMESTAMP.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/operators.hpp"

namespace ctsql {

namespace error {
template <class Function, class Argument>
struct wrong_argument_type {
    static_assert(detail::dependent_false<Argument>, "ctsql[E045] a function argument has the wrong type (see the function and argument in this instantiation)");
};
}  // namespace error

namespace fn {
struct lower { static constexpr std::string_view sql = "LOWER"; };
struct upper { static constexpr std::string_view sql = "UPPER"; };
struct length { static constexpr std::string_view sql = "LENGTH"; };
struct abs { static constexpr std::string_view sql = "ABS"; };
struct round { static constexpr std::string_view sql = "ROUND"; };
struct coalesce { static constexpr std::string_view sql = "COALESCE"; };
struct nullif { static constexpr std::string_view sql = "NULLIF"; };
}  // namespace fn

// F(args...) with the given value type and nullability rule.
template <class F, class Value, int Nullability, class... Args>
struct function_call : detail::node_over<Args...> {
    using value_type = Value;
    // Nullability: 0 = if any argument is, 1 = if all are (COALESCE), 2 = always (NULLIF)
    template <class NullableSources>
    static constexpr bool nullable_in = [] {
        if constexpr (Nullability == 2) return true;
        else if constexpr (Nullability == 1) {
            bool all = true;
            for (bool n : {true, nullable_in_v<Args, NullableSources>...}) all = all && n;
            return all;
        } else return detail::any_nullable<NullableSources, Args...>();
    }();
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put(F::sql);
        out.put('(');
        bool first = true;
        ((out.put(first ? "" : ", "), first = false, expression_traits<Args>::template render<Context>(out)), ...);
        out.put(')');
    }
};

namespace detail {
template <class F, type_class Class, class E>
constexpr auto check_argument() {
    if constexpr (!expression<E>)
        return report<error::run_time_value_in_expression<E>>();
    else if constexpr (is_untyped_parameter_v<E>)
        return report<error::parameter_type_cannot_be_inferred<E, F>>();
    else if constexpr (type_class_of<value_type_of<E>> != Class)
        return report<error::wrong_argument_type<F, E>>();
    else
        return pass();
}
}  // namespace detail

template <expression E>
constexpr auto lower(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::lower, type_class::text, E>())>>::ok);
    return function_call<fn::lower, std::string, 0, E>{};
}
template <expression E>
constexpr auto upper(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::upper, type_class::text, E>())>>::ok);
    return function_call<fn::upper, std::string, 0, E>{};
}
// Characters of a text (bytes of a blob).
template <expression E>
constexpr auto length(const E&) {
    if constexpr (type_class_of<value_type_of<E>> != type_class::blob)
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::length, type_class::text, E>())>>::ok);
    return function_call<fn::length, std::int64_t, 0, E>{};
}
template <expression E>
constexpr auto abs(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::abs, type_class::numeric, E>())>>::ok);
    return function_call<fn::abs, value_type_of<E>, 0, E>{};
}
// ROUND(x) and ROUND(x, digits); the result is a double on both databases' terms.
template <expression E>
constexpr auto round(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::round, type_class::numeric, E>())>>::ok);
    return function_call<fn::round, double, 0, E>{};
}
// ROUND(x, digits): PostgreSQL has it for NUMERIC only, so x is cast there.
template <class E, class Digits>
struct round_digits_expression : detail::node_over<E, Digits> {
    using value_type = double;
    template <class NullableSources>
    static constexpr bool nullable_in = detail::any_nullable<NullableSources, E, Digits>();
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        constexpr bool postgresql = Context::dialect::family == dialect_family::postgresql;
        out.put(postgresql ? "ROUND(CAST(" : "ROUND(");
        expression_traits<E>::template render<Context>(out);
        out.put(postgresql ? " AS NUMERIC), " : ", ");
        expression_traits<Digits>::template render<Context>(out);
        out.put(')');
    }
};

template <expression E, class Digits>
constexpr auto round(const E&, const Digits&) {
    using D = bind_parameter_t<Digits, std::int32_t>;
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_argument<fn::round, type_class::numeric, E>()), decltype(detail::check_argument<fn::round, type_class::numeric, D>())>>::ok);
    return round_digits_expression<E, D>{};
}

namespace detail {
// The type of COALESCE(a, b, ...): for numbers the widest (a real if any is), else the first's.
template <class First, class... Rest>
struct coalesce_type {
    using type = First;
};
template <class First, class Second, class... Rest>
    requires(type_class_of<First> == type_class::numeric && type_class_of<Second> == type_class::numeric)
struct coalesce_type<First, Second, Rest...> {
    using type = typename coalesce_type<arithmetic_result_t<First, Second>, Rest...>::type;
};
}  // namespace detail

// COALESCE(a, b, ...): the first non-NULL; NULL only when every argument can be.
template <expression First, class... Rest>
constexpr auto coalesce(const First&, const Rest&...) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<First>()),
                                                               decltype(detail::check_comparable_item<First, Rest>())...>>::ok);
    using V = typename detail::coalesce_type<value_type_of<First>, value_type_of<bind_parameter_t<Rest, value_type_of<First>>>...>::type;
    return function_call<fn::coalesce, V, 1, First, bind_parameter_t<Rest, value_type_of<First>>...>{};
}

// NULLIF(a, b): NULL when a = b, so always nullable.
template <expression A, class B>
constexpr auto nullif(const A&, const B&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<A>()),
                                                               decltype(detail::check_comparable_item<A, B>())>>::ok);
    return function_call<fn::nullif, value_type_of<A>, 2, A, bind_parameter_t<B, value_type_of<A>>>{};
}

// CAST(x AS type), the type named per dialect: cast<double>(users.age).
template <class T, class E>
struct cast_expression : detail::node_over<E> {
    using value_type = value_type_t<T>;
    template <class NullableSources>
    static constexpr bool nullable_in = nullable_in_v<E, NullableSources>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("CAST(");
        expression_traits<E>::template render<Context>(out);
        out.put(" AS ");
        out.put(Context::dialect::type_name(sql_type_of<T>));
        out.put(')');
    }
};

template <class T, expression E>
    requires is_column_type_v<T>
constexpr auto cast(const E&) {
    if constexpr (is_untyped_parameter_v<E>)
        static_assert(::ctsql::detail::enforce<error::parameter_type_cannot_be_inferred<E, T>>::ok);
    return cast_expression<T, E>{};
}

struct current_timestamp_expression : expression_node {
    using value_type = timestamp;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("CURRENT_TIMESTAMP");
    }
};

inline constexpr current_timestamp_expression current_timestamp{};

}  // namespace ctsql
