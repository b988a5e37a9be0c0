// An aggregate's fields when their count can be guessed: a probe at that count (N initialisers
// compile, N + 1 do not, and the first is no base class, which brace elision would hide) and
// Boost.PFR's C++17 core with the count, instead of PFR's search for the count (a binary
// search over up to sizeof(T) * 8 initialisers, about 5-10 ms per struct on g++). A wrong
// guess, or a type PFR's core cannot take, goes to PFR's public interface: same result, or
// PFR's own diagnostics.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>

#include "ctsql/detail/type_list.hpp"

namespace ctsql::detail {

// PFR's initialiser: converts to any lvalue (declared only: used in unevaluated probes).
struct field_probe {
    template <class T>
    operator T&() const&& noexcept;
    template <class T>
    operator T&() const& noexcept;
};
// Converts only to a base of Aggregate: initialises the first field only if that is a base.
template <class Aggregate>
struct base_probe {
    template <class T>
        requires std::is_base_of_v<T, Aggregate>
    operator T&() const&& noexcept;
    template <class T>
        requires std::is_base_of_v<T, Aggregate>
    operator T&() const& noexcept;
};

template <class T, class First, std::size_t... I>
constexpr bool initializable_with(std::index_sequence<I...>) noexcept {
    return requires { T{First{}, (static_cast<void>(I), field_probe{})...}; };
}

// Whether aggregate T has exactly N fields and no base class.
template <class T, std::size_t N>
constexpr bool has_exactly_fields() noexcept {
#if BOOST_PFR_USE_CPP17
    if constexpr (N == 0 || std::is_union_v<T> || !std::is_aggregate_v<T>) return false;
    else
        return initializable_with<T, field_probe>(std::make_index_sequence<N - 1>{}) &&
               !initializable_with<T, field_probe>(std::make_index_sequence<N>{}) &&
               !initializable_with<T, base_probe<T>>(std::make_index_sequence<N - 1>{});
#else
    return false;
#endif
}

template <class Tie>
struct tied_types;
template <class... Fields>
struct tied_types<boost::pfr::detail::sequence_tuple::tuple<Fields&...>> {
    using type = type_list<Fields...>;
};

template <class T, class Sequence>
struct pfr_field_types;
template <class T, std::size_t... I>
struct pfr_field_types<T, std::index_sequence<I...>> {
    using type = type_list<boost::pfr::tuple_element_t<I, T>...>;
};

// The types of T's fields, in declaration order (boost::pfr::tuple_element_t of each), with
// the count probed at Guess first.
template <class T, std::size_t Guess>
struct aggregate_field_types {
    using type = typename pfr_field_types<T, std::make_index_sequence<boost::pfr::tuple_size_v<T>>>::type;
};
template <class T, std::size_t Guess>
    requires(has_exactly_fields<T, Guess>())
struct aggregate_field_types<T, Guess> {
    using type = typename tied_types<decltype(boost::pfr::detail::tie_as_tuple(
        std::declval<T&>(), boost::pfr::detail::size_t_<Guess>{}))>::type;
};

}  // namespace ctsql::detail
