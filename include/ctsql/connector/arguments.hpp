// Compile-time checks of the arguments of execute / fetch* against a statement's parameters
// (ctsql::parameters_t<S>), and what the connectors need to know about any statement.
//
//   db.execute(insert_user, "ada", 36);   // parameters (name: std::string, age: std::int64_t)
//
// Checks return verdicts (ctsql/detail/report.hpp): the connector's entry point fires only the
// first broken rule, so each mistake prints one error. Rules (see value_rules.hpp for which
// conversions are lossless):
//   ctsql[E060] one argument per parameter, in placeholder order
//   ctsql[E061] an argument whose type cannot stand for the parameter's type
//   ctsql[E062] an argument that would be narrowed (double for an integer, int64 for a double...)
//   ctsql[E063] NULL (std::nullopt, a std::optional) for a parameter that is not std::optional
//   ctsql[E070] the first argument is not a statement the connector can render for its dialect
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include "ctsql/connector/value_rules.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/render/statement_renderer.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

namespace detail {

// Parameters and row of anything executable: a statement (parameters_t / result_row_t), or a
// statement kind without them (DDL: no parameters, no rows).
template <class S>
struct connector_traits {
    using parameters = type_list<>;
    using row = void;
};
template <statement S>
struct connector_traits<S> {
    using parameters = parameters_t<S>;
    using row = result_row_t<S>;
};

template <class S>
using connector_parameters = typename connector_traits<std::remove_cvref_t<S>>::parameters;
template <class S>
using connector_row = typename connector_traits<std::remove_cvref_t<S>>::row;

// A script of several statements (create_all, drop_all): run as one text, never prepared.
template <class S>
concept script_statement = requires { typename std::remove_cvref_t<S>::statements; };

template <class T>
inline constexpr bool is_nullopt = std::is_same_v<std::remove_cvref_t<T>, std::nullopt_t>;

// How an argument of type Arg binds to a parameter of type T (T may be std::optional<U>).
enum class argument_verdict : unsigned char { ok, incompatible, narrowing, null_for_not_null };

template <class T, class Arg>
constexpr argument_verdict argument_check() noexcept {
    using A = std::remove_cvref_t<Arg>;
    using U = value_type_t<T>;
    if constexpr (is_nullopt<A> || is_optional_v<A>) {
        if constexpr (!is_optional_v<T>) {
            return argument_verdict::null_for_not_null;
        } else if constexpr (is_nullopt<A>) {
            return argument_verdict::ok;
        } else {
            return argument_check<T, typename A::value_type>();
        }
    } else {
        constexpr conversion c = value_conversion<U, A>();
        if constexpr (c == conversion::exact || c == conversion::lossless) return argument_verdict::ok;
        else if constexpr (c == conversion::narrowing) return argument_verdict::narrowing;
        else return argument_verdict::incompatible;
    }
}

}  // namespace detail

namespace error {

template <class Statement, std::size_t Expected, std::size_t Given>
struct wrong_number_of_arguments {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E060] wrong number of arguments: pass exactly one argument per parameter of "
                  "the statement, in placeholder order");
};

template <class Parameter, std::size_t Position, class Argument>
struct argument_type_does_not_match_parameter {
    static_assert(detail::dependent_false<Parameter>,
                  "ctsql[E061] argument type does not match the parameter's type (see Parameter and "
                  "Argument below)");
};

template <class Parameter, std::size_t Position, class Argument>
struct argument_would_be_narrowed {
    static_assert(detail::dependent_false<Parameter>,
                  "ctsql[E062] narrowing argument: the parameter's type cannot hold every value of "
                  "the argument's type; convert explicitly (static_cast, std::chrono::floor)");
};

template <class Parameter, std::size_t Position, class Argument>
struct null_argument_for_not_null_parameter {
    static_assert(detail::dependent_false<Parameter>,
                  "ctsql[E063] std::nullopt or std::optional argument for a parameter that cannot be "
                  "NULL; pass a value (e.g. *opt)");
};

template <class Statement, class Dialect>
struct not_a_statement_for_this_connector {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E070] not a statement: execute/fetch take a ctsql statement (a query, DDL or "
                  "ctsql::raw_statement) that renders for the connection's dialect");
};

}  // namespace error

namespace detail {

// The verdict for one argument (detail/report.hpp: rules are named, not instantiated, here).
template <class Parameter, std::size_t Position, class Arg>
constexpr auto check_argument() {
    constexpr argument_verdict v = argument_check<typename Parameter::type, Arg>();
    using A = std::remove_cvref_t<Arg>;
    if constexpr (v == argument_verdict::ok) return pass();
    else if constexpr (v == argument_verdict::narrowing)
        return report<error::argument_would_be_narrowed<Parameter, Position, A>>();
    else if constexpr (v == argument_verdict::null_for_not_null)
        return report<error::null_argument_for_not_null_parameter<Parameter, Position, A>>();
    else return report<error::argument_type_does_not_match_parameter<Parameter, Position, A>>();
}

// One verdict per (parameter type, argument type) pair, shared by every statement with that
// pair; a rule is named only for the first argument that fails.
template <class Parameters, class Sequence, class... Args>
struct arguments_checker;
template <class... Ps, std::size_t... I, class... Args>
struct arguments_checker<type_list<Ps...>, std::index_sequence<I...>, Args...> {
    static constexpr bool failed[] = {false, (argument_check<typename Ps::type, Args>() != argument_verdict::ok)...};
    static constexpr std::size_t first = first_true(failed);
    static constexpr auto verdict() {
        if constexpr (first == npos) return pass();
        else return check_argument<at<first, type_list<Ps...>>, first, at<first, type_list<Args...>>>();
    }
    using type = decltype(verdict());
};

// The verdict on binding Args... to S's parameters: the statement renders for Dialect, the
// count matches, then each argument (the first broken rule only, so one diagnostic).
template <class S, class Dialect, class... Args>
constexpr auto check_arguments() {
    using Statement = std::remove_cvref_t<S>;
    if constexpr (!renderable_for<Statement, Dialect>) {
        return report<error::not_a_statement_for_this_connector<Statement, Dialect>>();
    } else {
        using Parameters = connector_parameters<Statement>;
        if constexpr (Parameters::size != sizeof...(Args))
            return report<error::wrong_number_of_arguments<Statement, Parameters::size, sizeof...(Args)>>();
        else
            return typename arguments_checker<Parameters, std::make_index_sequence<sizeof...(Args)>, Args...>::type{};
    }
}

// Fires the rule a verdict names (one static_assert); use as
//   if constexpr (!V::ok) { fire<V>(); return ...; }
template <class V>
constexpr void fire() noexcept {
    static_assert(::ctsql::detail::enforce<rule_of<V>>::ok);
}

}  // namespace detail
}  // namespace ctsql
