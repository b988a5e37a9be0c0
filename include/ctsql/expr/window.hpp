// Window functions: row_number, rank, dense_rank, lag, lead, first_value, and any aggregate,
// OVER (PARTITION BY ... ORDER BY ... [ROWS|RANGE BETWEEN ... AND ...]).
//
//   auto w = ctsql::window().partition_by(users.team).order_by(users.score.desc());
//   ctsql::select(users.name, ctsql::as<"rank">(ctsql::rank().over(w)),
//                 ctsql::as<"running">(ctsql::sum(users.score).over(w.rows_between(ctsql::unbounded_preceding, ctsql::current_row))))
//
// A window function in WHERE, ON, GROUP BY or HAVING is ctsql[E054]. SQLite has them since 3.25.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/aggregates.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/select_items.hpp"

namespace ctsql {

namespace feature {
struct window_functions {
    static constexpr std::string_view name = "window functions";
    static constexpr std::uint32_t sqlite_since = 3'025'000;
    static constexpr std::uint32_t postgresql_since = 0;
};
struct range_frame_offset {  // RANGE BETWEEN N PRECEDING / N FOLLOWING
    static constexpr std::string_view name = "RANGE frame with an offset (N PRECEDING / N FOLLOWING)";
    static constexpr std::uint32_t sqlite_since = 3'028'000;
    static constexpr std::uint32_t postgresql_since = 110'000;
};
}  // namespace feature

// Frame bounds.
struct unbounded_preceding_t { static constexpr std::string_view sql = "UNBOUNDED PRECEDING"; };
struct current_row_t { static constexpr std::string_view sql = "CURRENT ROW"; };
struct unbounded_following_t { static constexpr std::string_view sql = "UNBOUNDED FOLLOWING"; };
template <std::uint64_t N>
struct preceding_t { static constexpr std::uint64_t offset = N; static constexpr std::string_view sql = " PRECEDING"; };
template <std::uint64_t N>
struct following_t { static constexpr std::uint64_t offset = N; static constexpr std::string_view sql = " FOLLOWING"; };
inline constexpr unbounded_preceding_t unbounded_preceding{};
inline constexpr current_row_t current_row{};
inline constexpr unbounded_following_t unbounded_following{};
template <std::uint64_t N>
inline constexpr preceding_t<N> preceding{};
template <std::uint64_t N>
inline constexpr following_t<N> following{};

struct no_frame {};
template <bool Rows, class Start, class End>
struct frame {};

namespace error {
// A window function as a key of a window: window().partition_by(rank().over(w)) or
// window().order_by(row_number().over(w).desc()). Both databases reject it at run time.
template <class Key>
struct window_function_inside_window {
    static_assert(detail::dependent_false<Key>, "ctsql[E054] window functions are allowed only in SELECT items and ORDER BY");
};
}  // namespace error

namespace detail {
template <class Key>
constexpr auto check_window_key() {
    if constexpr (is_sort_key_v<Key>) return check_window_key<typename Key::expression_type>();
    else if constexpr (is_window_v<Key>) return report<error::window_function_inside_window<Key>>();
    else return pass();
}
}  // namespace detail

template <class Partition = type_list<>, class Order = type_list<>, class Frame = no_frame>
struct window_spec {
    using partition = Partition;
    using order = Order;
    using frame_type = Frame;
    template <expression... Keys>
        requires(Partition::size == 0 && sizeof...(Keys) > 0)
    constexpr window_spec<type_list<Keys...>, Order, Frame> partition_by(const Keys&...) const noexcept {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_key<Keys>())...>>::ok);
        return {};
    }
    template <class... Keys>
        requires(Order::size == 0 && sizeof...(Keys) > 0 && ((is_sort_key_v<Keys> || expression<Keys>) && ...))
    constexpr window_spec<Partition, type_list<Keys...>, Frame> order_by(const Keys&...) const noexcept {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_key<Keys>())...>>::ok);
        return {};
    }
    template <class Start, class End>
        requires std::is_same_v<Frame, no_frame>
    constexpr window_spec<Partition, Order, frame<true, Start, End>> rows_between(Start, End) const noexcept {
        return {};
    }
    template <class Start, class End>
        requires std::is_same_v<Frame, no_frame>
    constexpr window_spec<Partition, Order, frame<false, Start, End>> range_between(Start, End) const noexcept {
        return {};
    }

    template <class Context, class Writer>
    static constexpr void render(Writer& out);
};

constexpr window_spec<> window() noexcept {
    return {};
}

namespace detail {
template <class Bound, class Writer>
constexpr void write_bound(Writer& out) {
    if constexpr (requires { Bound::offset; }) write_unsigned(out, Bound::offset);
    out.put(Bound::sql);
}
template <class Context, class List, class Writer>
constexpr void write_window_items(Writer& out) {
    [&]<class... Items>(type_list<Items...>) {
        bool first = true;
        (([&] {
             out.put(first ? "" : ", ");
             first = false;
             if constexpr (expression<Items>) expression_traits<Items>::template render<Context>(out);
             else Items::template render<Context>(out);
         }()),
         ...);
    }(List{});
}
template <class List>
struct list_features;
template <class... Items>
struct list_features<type_list<Items...>> {
    using type = concat<features_of<Items>...>;
};
// One PARTITION BY / ORDER BY item: an expression (a column has its traits only through
// expression_traits) or a sort key; each item on its own, so the two kinds may be mixed.
template <class Item>
struct window_item {
    using columns = typename Item::columns;
    using parameters = typename Item::parameters;
    using bare = typename Item::bare_columns;
};
template <class Item>
    requires expression<Item>
struct window_item<Item> {
    using columns = columns_of_expr<Item>;
    using parameters = parameters_of<Item>;
    using bare = bare_columns_of<Item>;
};
template <class List>
struct list_columns_of;
template <class... Items>
struct list_columns_of<type_list<Items...>> {
    using type = concat<typename window_item<Items>::columns...>;
    using parameters = concat<typename window_item<Items>::parameters...>;
    using bare = concat<typename window_item<Items>::bare...>;
};
// Features a frame needs: RANGE with N PRECEDING / N FOLLOWING.
template <class Frame>
struct frame_features {
    using type = type_list<>;
};
template <class Start, class End>
    requires(requires { Start::offset; } || requires { End::offset; })
struct frame_features<frame<false, Start, End>> {
    using type = type_list<feature::range_frame_offset>;
};
}  // namespace detail

template <class Partition, class Order, class Frame>
template <class Context, class Writer>
constexpr void window_spec<Partition, Order, Frame>::render(Writer& out) {
    out.put('(');
    bool space = false;
    if constexpr (Partition::size != 0) {
        out.put("PARTITION BY ");
        detail::write_window_items<Context, Partition>(out);
        space = true;
    }
    if constexpr (Order::size != 0) {
        out.put(space ? " ORDER BY " : "ORDER BY ");
        detail::write_window_items<Context, Order>(out);
        space = true;
    }
    if constexpr (!std::is_same_v<Frame, no_frame>) {
        [&]<bool Rows, class Start, class End>(frame<Rows, Start, End>) {
            out.put(space ? " " : "");
            out.put(Rows ? "ROWS BETWEEN " : "RANGE BETWEEN ");
            detail::write_bound<Start>(out);
            out.put(" AND ");
            detail::write_bound<End>(out);
        }(Frame{});
    }
    out.put(')');
}

namespace win {
struct row_number { static constexpr std::string_view sql = "ROW_NUMBER("; };
struct rank { static constexpr std::string_view sql = "RANK("; };
struct dense_rank { static constexpr std::string_view sql = "DENSE_RANK("; };
struct lag { static constexpr std::string_view sql = "LAG("; };
struct lead { static constexpr std::string_view sql = "LEAD("; };
// NULL exactly when its argument is (an outer join's nullable sources included).
struct first_value { static constexpr std::string_view sql = "FIRST_VALUE("; static constexpr bool nullable_as_argument = true; };
}  // namespace win

namespace detail {
template <class F>
inline constexpr bool nullable_as_argument = [] {
    if constexpr (requires { F::nullable_as_argument; }) return F::nullable_as_argument;
    else return false;
}();
}  // namespace detail

// F(args...) OVER (window). Window is window_spec<...>, or void before .over().
template <class F, class Value, bool Nullable, class Args, class Window>
struct window_call;

template <class F, class Value, bool Nullable, class... Args, class Window>
struct window_call<F, Value, Nullable, type_list<Args...>, Window> : expression_node {
    using value_type = Value;
    template <class NullableSources>
    static constexpr bool nullable_in = Nullable || (detail::nullable_as_argument<F> && detail::any_nullable<NullableSources, Args...>());
    using partition = typename Window::partition;
    using order = typename Window::order;
    using columns = detail::concat<columns_of_expr<Args>..., typename detail::list_columns_of<partition>::type,
                                   typename detail::list_columns_of<order>::type>;
    using parameters = detail::concat<parameters_of<Args>..., typename detail::list_columns_of<partition>::parameters,
                                      typename detail::list_columns_of<order>::parameters>;
    static constexpr bool aggregate = false;  // a window function does not aggregate the query
    static constexpr bool window = true;
    using bare_columns = detail::concat<bare_columns_of<Args>..., typename detail::list_columns_of<partition>::bare,
                                        typename detail::list_columns_of<order>::bare>;
    using features = detail::concat<type_list<feature::window_functions>, features_of<Args>...,
                                    typename detail::list_features<partition>::type, typename detail::list_features<order>::type,
                                    typename detail::frame_features<typename Window::frame_type>::type>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put(F::sql);
        if constexpr (std::is_same_v<F, agg::count> && sizeof...(Args) == 0) out.put('*');
        bool first = true;
        ((out.put(first ? "" : ", "), first = false, expression_traits<Args>::template render<Context>(out)), ...);
        out.put(") OVER ");
        Window::template render<Context>(out);
    }
};

// A window function before .over(...).
template <class F, class Value, bool Nullable, class... Args>
struct window_function {
    template <class P, class O, class Fr>
    constexpr window_call<F, Value, Nullable, type_list<Args...>, window_spec<P, O, Fr>> over(const window_spec<P, O, Fr>&) const noexcept {
        return {};
    }
};

constexpr window_function<win::row_number, std::int64_t, false> row_number() noexcept { return {}; }
constexpr window_function<win::rank, std::int64_t, false> rank() noexcept { return {}; }
constexpr window_function<win::dense_rank, std::int64_t, false> dense_rank() noexcept { return {}; }

// LAG / LEAD (x [, offset]): NULL before the first (after the last) row, so always nullable.
// The offset is an integer: param<"n"> there is a std::int32_t (PostgreSQL's lag/lead take an
// `integer`; a bigint argument finds no function).
template <expression E>
constexpr auto lag(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_argument<win::lag, E>())>>::ok);
    return window_function<win::lag, value_type_of<E>, true, E>{};
}
template <expression E, class Offset>
constexpr auto lag(const E&, const Offset&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_argument<win::lag, E>()),
                                                              decltype(detail::check_window_argument<win::lag, bind_parameter_t<Offset, std::int32_t>>())>>::ok);
    return window_function<win::lag, value_type_of<E>, true, E, bind_parameter_t<Offset, std::int32_t>>{};
}
template <expression E>
constexpr auto lead(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_argument<win::lead, E>())>>::ok);
    return window_function<win::lead, value_type_of<E>, true, E>{};
}
template <expression E, class Offset>
constexpr auto lead(const E&, const Offset&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_argument<win::lead, E>()),
                                                              decltype(detail::check_window_argument<win::lead, bind_parameter_t<Offset, std::int32_t>>())>>::ok);
    return window_function<win::lead, value_type_of<E>, true, E, bind_parameter_t<Offset, std::int32_t>>{};
}
template <expression E>
constexpr auto first_value(const E&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_window_argument<win::first_value, E>())>>::ok);
    return window_function<win::first_value, value_type_of<E>, false, E>{};
}

}  // namespace ctsql
