// What the connectors need to know about any statement, at compile time:
//   parameters_t<S>  type_list<parameter<"name", T>...>: the values execute() binds, in
//                    placeholder order (?1/$1 is the first); each name appears once
//   result_row_t<S>  row<field<"name", T>...> for statements that return rows, else void
// and its SQL per dialect: ctsql::sql<Dialect>(s) / ctsql::c_str<Dialect>(s).
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/result/row.hpp"

namespace ctsql {

// A bound parameter: its name and the C++ type of the value (std::optional<T> accepts NULL).
template <fixed_string Name, class T>
struct parameter {
    static constexpr auto name = Name;
    using type = T;
};

template <class S>
using parameters_t = typename std::remove_cvref_t<S>::parameters;

template <class S>
using result_row_t = typename std::remove_cvref_t<S>::result_row;

template <class S>
inline constexpr std::size_t parameter_count_v = parameters_t<S>::size;

template <class S>
concept statement = requires {
    typename std::remove_cvref_t<S>::parameters;
    typename std::remove_cvref_t<S>::result_row;
};

template <class S>
concept returns_rows = statement<S> && !std::is_void_v<result_row_t<S>>;

namespace detail {
template <class List>
struct parameter_names_of;
template <class... Ps>
struct parameter_names_of<type_list<Ps...>> {
    static constexpr std::string_view value[sizeof...(Ps) + 1] = {Ps::name.view()..., {}};
};
}  // namespace detail

// The parameter names of S in placeholder order (plus one empty sentinel).
template <class S>
inline constexpr const auto& parameter_names_v = detail::parameter_names_of<parameters_t<S>>::value;

}  // namespace ctsql
