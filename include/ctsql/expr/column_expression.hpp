// Columns as expressions, table aliases (the same table twice in one query) and the columns
// read through an alias.
//   auto boss = ctsql::alias<"boss">(employees);
//   select(employees.name, boss[employees.name]).from(employees).join(boss).on(...)
#pragma once

#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

template <table_type Table, fixed_string Alias>
struct table_alias;

template <class Alias, class Column>
struct aliased_column;

namespace error {
template <class Alias, class Column>
struct column_is_not_in_aliased_table {
    static_assert(detail::dependent_false<Column>, "ctsql[E047] the column does not belong to the aliased table");
};
}  // namespace error

template <table_type Table, fixed_string Alias>
struct table_alias {
    using table = Table;
    using alias_of = Table;
    static constexpr auto sql_name = Alias;

    // The column of the aliased table, read through the alias: boss[employees.name].
    template <column_type Column>
    constexpr auto operator[](const Column&) const noexcept {
        if constexpr (!std::is_same_v<typename Column::table_type, Table>)
            static_assert(::ctsql::detail::enforce<error::column_is_not_in_aliased_table<table_alias, Column>>::ok);
        return aliased_column<table_alias, Column>{};
    }
};

template <fixed_string Alias, table_type Table>
constexpr table_alias<Table, Alias> alias(const Table& = {}) noexcept {
    return {};
}

// A FROM/JOIN item: a table or an alias of one.
template <class S>
inline constexpr bool is_table_alias_v = false;
template <class T, fixed_string A>
inline constexpr bool is_table_alias_v<table_alias<T, A>> = true;

// A derived table (a subquery in FROM, or a CTE: render/derived.hpp) names its SELECT.
template <class S>
concept derived_source = requires { typename S::derived_select; };

template <class S>
concept table_source = table_type<S> || is_table_alias_v<S> || derived_source<S>;

namespace detail {
template <class S>
struct source_table {
    using type = S;
};
template <class T, fixed_string A>
struct source_table<table_alias<T, A>> {
    using type = T;
};
}  // namespace detail

template <class S>
using source_table_t = typename detail::source_table<S>::type;

template <class Alias, class Column>
struct aliased_column : expression_node {
    using alias_type = Alias;
    using column = Column;
    using source = Alias;
    static constexpr auto sql_name = Column::sql_name;

    using value_type = typename Column::value_type;
    template <class NullableSources>
    static constexpr bool nullable_in = Column::nullable || detail::contains<Alias, NullableSources>;

    // The member shorthands of columns (implemented in expr/shorthands.hpp).
    template <fixed_string As>
    constexpr auto as() const { return expression_shorthand(shorthand::as<As>{}, *this); }
    constexpr auto asc() const { return expression_shorthand(shorthand::asc{}, *this); }
    constexpr auto desc() const { return expression_shorthand(shorthand::desc{}, *this); }
    constexpr auto is_null() const { return expression_shorthand(shorthand::is_null{}, *this); }
    constexpr auto is_not_null() const { return expression_shorthand(shorthand::is_not_null{}, *this); }
    template <class Pattern>
    constexpr auto like(const Pattern& pattern) const { return expression_shorthand(shorthand::like{}, *this, pattern); }
    template <class... Items>
    constexpr auto in(const Items&... items) const { return expression_shorthand(shorthand::in{}, *this, items...); }
    template <class Low, class High>
    constexpr auto between(const Low& low, const High& high) const {
        return expression_shorthand(shorthand::between{}, *this, low, high);
    }

    using columns = type_list<aliased_column>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<aliased_column>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (Context::qualify_columns) {
            detail::write_identifier(out, Alias::sql_name.view());
            out.put('.');
        }
        detail::write_identifier(out, Column::sql_name.view());
    }
};

// Plain columns: expression traits from the column declaration; the source is the table.
template <class C>
    requires(column_type<C> && !std::is_base_of_v<expression_node, C>)
struct expression_traits<C> {
    using value_type = typename C::value_type;
    template <class NullableSources>
    static constexpr bool nullable_in = C::nullable || detail::contains<typename C::table_type, NullableSources>;
    using columns = type_list<C>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<C>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (Context::qualify_columns) {
            detail::write_identifier(out, C::table_type::sql_name.view());
            out.put('.');
        }
        detail::write_identifier(out, C::sql_name.view());
    }
};

namespace detail {
template <class C>
struct source_of_column {
    using type = typename C::table_type;
};
template <class C>
    requires requires { typename C::source; }
struct source_of_column<C> {
    using type = typename C::source;
};
}  // namespace detail

// The FROM item a column reference reads from: its table, or the alias it goes through.
template <class C>
using column_source_t = typename detail::source_of_column<C>::type;

// Two column references are the same column of the same source (declared struct or the
// column<> base it derives from: compared by source and name, not by C++ type).
template <class A, class B>
inline constexpr bool same_column_v =
    std::is_same_v<column_source_t<A>, column_source_t<B>> && A::sql_name.view() == B::sql_name.view();

}  // namespace ctsql
