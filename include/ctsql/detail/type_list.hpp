// Type lists and the few algorithms over them the library needs. Loops over brace-initialised
// arrays instead of fold expressions: clang 14 rejects folds over more than 256 elements.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace ctsql {

template <class... Ts>
struct type_list {
    static constexpr std::size_t size = sizeof...(Ts);
};

namespace detail {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

template <class T>
inline constexpr bool dependent_false = false;

// Index of the first true flag, or npos.
template <std::size_t N>
constexpr std::size_t first_true(const bool (&flags)[N]) noexcept {
    for (std::size_t i = 1; i < N; ++i)  // flags[0] is a sentinel that makes empty packs legal
        if (flags[i]) return i - 1;
    return npos;
}

// Whether any flag is set: a pack expands into the braces, and one non-template function
// serves every pack (a function template per pack is one more instantiation per node).
constexpr bool any_true(std::initializer_list<bool> flags) noexcept {
    for (bool flag : flags)
        if (flag) return true;
    return false;
}

template <class T, class List>
struct index_of_impl;
template <class T, class... Ts>
struct index_of_impl<T, type_list<Ts...>> {
    static constexpr bool flags[] = {false, std::is_same_v<T, Ts>...};
    static constexpr std::size_t value = first_true(flags);
};
template <class T, class List>
inline constexpr std::size_t index_of = index_of_impl<T, List>::value;

template <class T, class List>
inline constexpr bool contains = index_of<T, List> != npos;

template <std::size_t I, class List>
struct at_impl;
template <std::size_t I, class T>
struct indexed_type {};
template <class Sequence, class... Ts>
struct type_indexer;
template <std::size_t... Is, class... Ts>
struct type_indexer<std::index_sequence<Is...>, Ts...> : indexed_type<Is, Ts>... {};
template <std::size_t I, class T>
std::type_identity<T> select_indexed(const indexed_type<I, T>*);

// Constant-depth lookup by overload resolution (g++ 12 has no __type_pack_element).
template <std::size_t I, class... Ts>
struct at_impl<I, type_list<Ts...>> {
    using type = typename decltype(select_indexed<I>(
        static_cast<const type_indexer<std::index_sequence_for<Ts...>, Ts...>*>(nullptr)))::type;
};
template <std::size_t I, class List>
using at = typename at_impl<I, List>::type;

// One instantiation joins up to eight lists (node traits join two to five): a recursive
// pairwise join would instantiate a new, ever longer intermediate list per step.
template <class... Lists>
struct concat_impl;
template <>
struct concat_impl<> {
    using type = type_list<>;
};
template <class... As>
struct concat_impl<type_list<As...>> {
    using type = type_list<As...>;
};
template <class... As, class... Bs>
struct concat_impl<type_list<As...>, type_list<Bs...>> {
    using type = type_list<As..., Bs...>;
};
template <class... As, class... Bs, class... Cs>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>> {
    using type = type_list<As..., Bs..., Cs...>;
};
template <class... As, class... Bs, class... Cs, class... Ds>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>> {
    using type = type_list<As..., Bs..., Cs..., Ds...>;
};
template <class... As, class... Bs, class... Cs, class... Ds, class... Es>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, type_list<Es...>> {
    using type = type_list<As..., Bs..., Cs..., Ds..., Es...>;
};
template <class... As, class... Bs, class... Cs, class... Ds, class... Es, class... Fs>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, type_list<Es...>, type_list<Fs...>> {
    using type = type_list<As..., Bs..., Cs..., Ds..., Es..., Fs...>;
};
template <class... As, class... Bs, class... Cs, class... Ds, class... Es, class... Fs, class... Gs>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, type_list<Es...>, type_list<Fs...>, type_list<Gs...>> {
    using type = type_list<As..., Bs..., Cs..., Ds..., Es..., Fs..., Gs...>;
};
template <class... As, class... Bs, class... Cs, class... Ds, class... Es, class... Fs, class... Gs, class... Hs>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, type_list<Es...>, type_list<Fs...>, type_list<Gs...>, type_list<Hs...>> {
    using type = type_list<As..., Bs..., Cs..., Ds..., Es..., Fs..., Gs..., Hs...>;
};
template <class... As, class... Bs, class... Cs, class... Ds, class... Es, class... Fs, class... Gs, class... Hs, class Next, class... Rest>
struct concat_impl<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, type_list<Es...>, type_list<Fs...>, type_list<Gs...>, type_list<Hs...>, Next, Rest...> {
    using type = typename concat_impl<type_list<As..., Bs..., Cs..., Ds..., Es..., Fs..., Gs..., Hs...>, Next, Rest...>::type;
};
template <class... Lists>
using concat = typename concat_impl<Lists...>::type;

template <class List>
struct drop_first_impl;
template <class First, class... Rest>
struct drop_first_impl<type_list<First, Rest...>> {
    using type = type_list<Rest...>;
};
template <class List>
using drop_first = typename drop_first_impl<List>::type;

}  // namespace detail
}  // namespace ctsql
