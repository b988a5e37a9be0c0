// IS [NOT] NULL, [NOT] LIKE, ILIKE, IN (...), BETWEEN.
//   is_null(users.age)                          ("users"."age" IS NULL)
//   like(users.name, param<"pattern">)          ("users"."name" LIKE ?1)
//   ilike(users.name, param<"p">)               PostgreSQL only (ctsql[E016] on SQLite)
//   in(users.id, param<"a">, param<"b">)        ("users"."id" IN (?1, ?2))
//   between(users.age, param<"lo">, param<"hi">) ("users"."age" BETWEEN ?1 AND ?2)
#pragma once

#include <string>
#include <string_view>

#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/operators.hpp"

namespace ctsql {

namespace feature {
struct ilike {
    static constexpr std::string_view name = "ILIKE";
    static constexpr std::uint32_t postgresql_since = 0;
    static constexpr std::uint32_t sqlite_since = UINT32_MAX;  // never: use LIKE (ASCII case-insensitive)
};
}  // namespace feature

template <class E, bool Negated>
struct is_null_expression : detail::node_over<E> {
    using value_type = bool;
    template <class>
    static constexpr bool nullable_in = false;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<E>::template render<Context>(out);
        out.put(Negated ? " IS NOT NULL)" : " IS NULL)");
    }
};

template <expression E>
constexpr is_null_expression<E, false> is_null(const E&) noexcept {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>())>>::ok);
    return {};
}
template <expression E>
constexpr is_null_expression<E, true> is_not_null(const E&) noexcept {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>())>>::ok);
    return {};
}

template <class E, class Pattern, std::string_view const* Keyword>
struct pattern_match_expression : detail::node_over<E, Pattern> {
    using value_type = bool;
    template <class NullableSources>
    static constexpr bool nullable_in = detail::any_nullable<NullableSources, E, Pattern>();
    using features = detail::concat<typename detail::node_over<E, Pattern>::features,
                                    std::conditional_t<*Keyword == " ILIKE ", type_list<feature::ilike>, type_list<>>>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<E>::template render<Context>(out);
        out.put(*Keyword);
        expression_traits<Pattern>::template render<Context>(out);
        out.put(')');
    }
};

namespace detail {
inline constexpr std::string_view like_keyword = " LIKE ";
inline constexpr std::string_view not_like_keyword = " NOT LIKE ";
inline constexpr std::string_view ilike_keyword = " ILIKE ";

template <std::string_view const* Keyword, class E, class P>
constexpr auto make_pattern_match() {
    using TP = bind_parameter_t<P, std::string>;
    if constexpr (is_untyped_parameter_v<E>) {
        static_assert(::ctsql::detail::enforce<error::parameter_type_cannot_be_inferred<E, P>>::ok);
    } else if constexpr (!expression<P>) {
        static_assert(::ctsql::detail::enforce<error::run_time_value_in_expression<P>>::ok);
    } else if constexpr (type_class_of<value_type_of<E>> != type_class::text ||
                         type_class_of<value_type_of<TP>> != type_class::text) {
        static_assert(::ctsql::detail::enforce<error::incompatible_operand_types<E, P>>::ok);
    }
    return pattern_match_expression<E, TP, Keyword>{};
}
}  // namespace detail

template <expression E, class P>
constexpr auto like(const E&, const P&) {
    return detail::make_pattern_match<&detail::like_keyword, E, P>();
}
template <expression E, class P>
constexpr auto not_like(const E&, const P&) {
    return detail::make_pattern_match<&detail::not_like_keyword, E, P>();
}
template <expression E, class P>
constexpr auto ilike(const E&, const P&) {
    return detail::make_pattern_match<&detail::ilike_keyword, E, P>();
}

template <class E, class... Items>
struct in_expression : detail::node_over<E, Items...> {
    using value_type = bool;
    template <class NullableSources>
    static constexpr bool nullable_in = detail::any_nullable<NullableSources, E, Items...>();
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<E>::template render<Context>(out);
        out.put(" IN (");
        bool first = true;
        ((out.put(first ? "" : ", "), first = false, expression_traits<Items>::template render<Context>(out)), ...);
        out.put("))");
    }
};


template <expression E, class... Items>
    requires(sizeof...(Items) > 0)
constexpr auto in(const E&, const Items&...) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>()),
                                                               decltype(detail::check_comparable_item<E, Items>())...>>::ok);
    return in_expression<E, bind_parameter_t<Items, value_type_of<E>>...>{};
}

template <class E, class Low, class High>
struct between_expression : detail::node_over<E, Low, High> {
    using value_type = bool;
    template <class NullableSources>
    static constexpr bool nullable_in = detail::any_nullable<NullableSources, E, Low, High>();
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put('(');
        expression_traits<E>::template render<Context>(out);
        out.put(" BETWEEN ");
        expression_traits<Low>::template render<Context>(out);
        out.put(" AND ");
        expression_traits<High>::template render<Context>(out);
        out.put(')');
    }
};

template <expression E, class Low, class High>
constexpr auto between(const E&, const Low&, const High&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_typed_operand<E>()),
                                                               decltype(detail::check_comparable_item<E, Low>()),
                                                               decltype(detail::check_comparable_item<E, High>())>>::ok);
    return between_expression<E, bind_parameter_t<Low, value_type_of<E>>, bind_parameter_t<High, value_type_of<E>>>{};
}

}  // namespace ctsql
