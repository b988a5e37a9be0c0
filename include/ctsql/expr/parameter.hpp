// Named parameters: param<"min_age"> takes its type from where it is used
// (users.age > param<"min_age"> binds an int32_t); param<"n", T> states it.
// Values never enter the SQL text: each parameter renders as ?N (SQLite) or $N (PostgreSQL),
// N its position in the statement's parameter list, so a name used twice binds once.
#pragma once

#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/render_context.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

// A parameter whose type the context has not fixed yet.
template <fixed_string Name>
struct untyped_parameter : expression_node {
    static constexpr auto name = Name;
    using value_type = void;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;
    // Never rendered: a statement with an untyped parameter was already refused (ctsql[E041]).
    template <class Context, class Writer>
    static constexpr void render(Writer&) {}
};

// A parameter of C++ type T (std::optional<U>: NULL may be bound).
template <fixed_string Name, class T>
struct typed_parameter : expression_node {
    static constexpr auto name = Name;
    using bind_type = T;
    using value_type = value_type_t<T>;
    template <class>
    static constexpr bool nullable_in = is_optional_v<T>;
    using columns = type_list<>;
    using parameters = type_list<parameter<Name, T>>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        detail::write_placeholder<Context>(out, Name.view());
    }
};

namespace detail {
template <fixed_string Name, class T>
struct param_node {
    using type = typed_parameter<Name, T>;
};
template <fixed_string Name>
struct param_node<Name, void> {
    using type = untyped_parameter<Name>;
};
}  // namespace detail

template <fixed_string Name, class T = void>
inline constexpr typename detail::param_node<Name, T>::type param{};

template <class E>
inline constexpr bool is_untyped_parameter_v = false;
template <fixed_string Name>
inline constexpr bool is_untyped_parameter_v<untyped_parameter<Name>> = true;

namespace detail {
// E with an untyped parameter given type T; any other expression unchanged.
template <class E, class T>
struct bind_parameter {
    using type = E;
};
template <fixed_string Name, class T>
struct bind_parameter<untyped_parameter<Name>, T> {
    using type = typed_parameter<Name, T>;
};
}  // namespace detail

template <class E, class T>
using bind_parameter_t = typename detail::bind_parameter<E, T>::type;

}  // namespace ctsql
