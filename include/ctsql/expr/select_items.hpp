// Select-list aliases and ORDER BY keys.
//   as<"n_posts">(count())                 COUNT(*) AS "n_posts"
//   desc(users.age).nulls_last()           "users"."age" DESC NULLS LAST
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/operators.hpp"

namespace ctsql {

template <fixed_string Alias, class E>
struct aliased_expression : expression_node {
    using expression_type = E;
    static constexpr auto alias_name = Alias;
    using value_type = value_type_of<E>;
    template <class NullableSources>
    static constexpr bool nullable_in = nullable_in_v<E, NullableSources>;
    using columns = columns_of_expr<E>;
    using parameters = parameters_of<E>;
    static constexpr bool aggregate = is_aggregate_v<E>;
    using bare_columns = bare_columns_of<E>;
    using features = features_of<E>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        expression_traits<E>::template render<Context>(out);
        out.put(" AS ");
        detail::write_identifier(out, Alias.view());
    }
};

template <fixed_string Alias, expression E>
constexpr aliased_expression<Alias, E> as(const E&) noexcept {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>())>>::ok);
    return {};
}

enum class sort_direction : unsigned char { asc, desc };
enum class nulls_order : unsigned char { unspecified, first, last };

namespace feature {
// Recorded by every sort key with NULLS FIRST/LAST: SELECT's ORDER BY and a window's ORDER BY.
struct nulls_first_last {
    static constexpr std::string_view name = "NULLS FIRST / NULLS LAST";
    static constexpr std::uint32_t sqlite_since = 3'030'000;
    static constexpr std::uint32_t postgresql_since = 0;
};
}  // namespace feature

template <class E, sort_direction Direction, nulls_order Nulls = nulls_order::unspecified>
struct sort_key {
    using expression_type = E;
    static constexpr sort_direction direction = Direction;
    static constexpr nulls_order nulls = Nulls;
    using columns = columns_of_expr<E>;
    using parameters = parameters_of<E>;
    static constexpr bool aggregate = is_aggregate_v<E>;
    using bare_columns = bare_columns_of<E>;
    using features = detail::concat<features_of<E>, std::conditional_t<Nulls == nulls_order::unspecified, type_list<>,
                                                                       type_list<feature::nulls_first_last>>>;

    constexpr sort_key<E, Direction, nulls_order::first> nulls_first() const noexcept { return {}; }
    constexpr sort_key<E, Direction, nulls_order::last> nulls_last() const noexcept { return {}; }

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        expression_traits<E>::template render<Context>(out);
        out.put(Direction == sort_direction::asc ? " ASC" : " DESC");
        if constexpr (Nulls == nulls_order::first) out.put(" NULLS FIRST");
        if constexpr (Nulls == nulls_order::last) out.put(" NULLS LAST");
    }
};

template <expression E>
constexpr sort_key<E, sort_direction::asc> asc(const E&) noexcept {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>())>>::ok);
    return {};
}
template <expression E>
constexpr sort_key<E, sort_direction::desc> desc(const E&) noexcept {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>())>>::ok);
    return {};
}

template <class K>
inline constexpr bool is_sort_key_v = false;
template <class E, sort_direction D, nulls_order N>
inline constexpr bool is_sort_key_v<sort_key<E, D, N>> = true;

}  // namespace ctsql
