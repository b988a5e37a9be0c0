// The row type of a statement's result: named, typed fields computed at compile time.
//   for (auto& r : rows) { r.get<"name">(); r.get<0>(); }
//   auto [id, name] = row;                      // structured bindings
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"

namespace ctsql {

// One result column: its name (column name or alias; empty for an unnamed expression) and
// C++ type (std::optional<T> when it can be NULL).
template <fixed_string Name, class T>
struct field {
    static constexpr auto name = Name;
    using type = T;
};

namespace detail {

template <std::size_t I, class T>
struct field_slot {
    T value{};
};

template <class Sequence, class... Fields>
struct row_storage;
template <std::size_t... I, class... Fields>
struct row_storage<std::index_sequence<I...>, Fields...> : field_slot<I, typename Fields::type>... {};

template <fixed_string Name, class... Fields>
constexpr std::size_t field_index() {
    const bool flags[] = {false, (Fields::name == Name)...};
    return first_true(flags);
}

}  // namespace detail

namespace error {
template <class Row, class Name>
struct row_has_no_field_with_this_name {
    static_assert(detail::dependent_false<Name>, "ctsql[E050] the result row has no column with this name");
};
}  // namespace error

template <class... Fields>
struct row : detail::row_storage<std::index_sequence_for<Fields...>, Fields...> {
    using fields = type_list<Fields...>;
    static constexpr std::size_t size = sizeof...(Fields);

    template <std::size_t I>
    using type_at = typename detail::at<I, fields>::type;

    template <std::size_t I>
    constexpr auto& get() & noexcept {
        return static_cast<detail::field_slot<I, type_at<I>>&>(*this).value;
    }
    template <std::size_t I>
    constexpr const auto& get() const& noexcept {
        return static_cast<const detail::field_slot<I, type_at<I>>&>(*this).value;
    }
    template <std::size_t I>
    constexpr auto&& get() && noexcept {
        return std::move(static_cast<detail::field_slot<I, type_at<I>>&>(*this).value);
    }

    template <fixed_string Name>
    static constexpr std::size_t index_of() {
        return detail::field_index<Name, Fields...>();
    }

    // The field called Name; ctsql[E050] when there is none (the result then converts to
    // anything, so that the one error is all the compiler prints).
    template <fixed_string Name>
    constexpr decltype(auto) get() & noexcept {
        if constexpr (index_of<Name>() == detail::npos) return missing<Name>();
        else return get<index_of<Name>()>();
    }
    template <fixed_string Name>
    constexpr decltype(auto) get() const& noexcept {
        if constexpr (index_of<Name>() == detail::npos) return missing<Name>();
        else return get<index_of<Name>()>();
    }

  private:
    struct missing_field {
        template <class T>
        constexpr operator T() const noexcept {
            return T{};
        }
    };
    template <fixed_string Name>
    static constexpr missing_field missing() noexcept {
        static_assert(detail::enforce<error::row_has_no_field_with_this_name<row, field<Name, void>>>::ok);
        return {};
    }

  public:

    constexpr bool operator==(const row& other) const {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return ((get<I>() == other.template get<I>()) && ...);
        }(std::index_sequence_for<Fields...>{});
    }
};

template <class R>
inline constexpr bool is_row_v = false;
template <class... Fields>
inline constexpr bool is_row_v<row<Fields...>> = true;

}  // namespace ctsql

// Structured bindings.
template <class... Fields>
struct std::tuple_size<ctsql::row<Fields...>> : std::integral_constant<std::size_t, sizeof...(Fields)> {};
template <std::size_t I, class... Fields>
struct std::tuple_element<I, ctsql::row<Fields...>> {
    using type = typename ctsql::row<Fields...>::template type_at<I>;
};
