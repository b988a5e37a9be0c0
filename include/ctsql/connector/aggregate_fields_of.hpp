// The fields of an aggregate whose field count N is known (the row mapping checked it), passed
// to a function as references: with_fields<N>(value, f) calls f(field_0, ..., field_N-1). A
// structured binding per N up to 24, so that reading a row instantiates this one function per
// struct (and f), not Boost.PFR's tuple of references (tie_as_tuple, make_tuple_of_references,
// the tuple's constructors: four to five functions per struct that g++ compiles and optimises
// before it inlines them). Bigger structs go through PFR's tie. Always inline: a row is read
// without a call more than by hand.
#pragma once

#include <cstddef>
#include <utility>

#include <boost/pfr/core.hpp>

namespace ctsql::detail {

inline constexpr std::size_t max_bound_fields = 24;

template <class Tie, class F, std::size_t... I>
constexpr decltype(auto) apply_tied(Tie&& tie, F& f, std::index_sequence<I...>) {
    return f(boost::pfr::detail::sequence_tuple::get<I>(tie)...);
}

template <std::size_t N, class T, class F>
[[gnu::always_inline]] constexpr decltype(auto) with_fields(T& value, F&& f) {
    if constexpr (N == 1) {
        auto& [f0] = value;
        return f(f0);
    } else if constexpr (N == 2) {
        auto& [f0, f1] = value;
        return f(f0, f1);
    } else if constexpr (N == 3) {
        auto& [f0, f1, f2] = value;
        return f(f0, f1, f2);
    } else if constexpr (N == 4) {
        auto& [f0, f1, f2, f3] = value;
        return f(f0, f1, f2, f3);
    } else if constexpr (N == 5) {
        auto& [f0, f1, f2, f3, f4] = value;
        return f(f0, f1, f2, f3, f4);
    } else if constexpr (N == 6) {
        auto& [f0, f1, f2, f3, f4, f5] = value;
        return f(f0, f1, f2, f3, f4, f5);
    } else if constexpr (N == 7) {
        auto& [f0, f1, f2, f3, f4, f5, f6] = value;
        return f(f0, f1, f2, f3, f4, f5, f6);
    } else if constexpr (N == 8) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7);
    } else if constexpr (N == 9) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8);
    } else if constexpr (N == 10) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9);
    } else if constexpr (N == 11) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10);
    } else if constexpr (N == 12) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11);
    } else if constexpr (N == 13) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12);
    } else if constexpr (N == 14) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13);
    } else if constexpr (N == 15) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14);
    } else if constexpr (N == 16) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15);
    } else if constexpr (N == 17) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16);
    } else if constexpr (N == 18) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17);
    } else if constexpr (N == 19) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18);
    } else if constexpr (N == 20) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19);
    } else if constexpr (N == 21) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20);
    } else if constexpr (N == 22) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21);
    } else if constexpr (N == 23) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22);
    } else if constexpr (N == 24) {
        auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23] = value;
        return f(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23);
    } else {
        static_assert(N > max_bound_fields);
        return apply_tied(boost::pfr::detail::tie_as_tuple(value, boost::pfr::detail::size_t_<N>{}), f,
                          std::make_index_sequence<N>{});
    }
}

}  // namespace ctsql::detail
