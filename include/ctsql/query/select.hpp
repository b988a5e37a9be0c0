// SELECT as a type. Each builder call returns a new statement type; the SQL is rendered at
// compile time by ctsql::sql<Dialect>(statement).
//
//   constexpr auto adults = ctsql::select(users.id, users.name)
//                               .from(users)
//                               .where(users.age >= ctsql::param<"min_age">)
//                               .order_by(ctsql::desc(users.age))
//                               .limit(ctsql::param<"n">);
//
// Statement-wide rules (every column's table is in FROM/JOIN; aggregates and GROUP BY agree;
// one type per parameter name) are checked when the statement is rendered or executed.
#pragma once

#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/expr/select_items.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/result/row.hpp"

namespace ctsql {

template <bool Distinct, class Items, class From, class Where = no_clause, class GroupBy = type_list<>,
          class Having = no_clause, class OrderBy = type_list<>, class Limit = no_clause,
          class Offset = no_clause>
struct select_statement;

namespace detail {

// Sources that an outer join makes nullable, given the FROM/JOIN items in order.
template <class Seen, class Nullable, class Items>
struct nullable_sources_impl {
    using type = Nullable;
};
template <class... Seen, class... Nullable, class Item, class... Rest>
struct nullable_sources_impl<type_list<Seen...>, type_list<Nullable...>, type_list<Item, Rest...>> {
    using S = typename Item::source;
    using added = std::conditional_t<
        Item::kind == join_kind::left, type_list<S>,
        std::conditional_t<Item::kind == join_kind::right, type_list<Seen...>,
                           std::conditional_t<Item::kind == join_kind::full, type_list<Seen..., S>, type_list<>>>>;
    using type = typename nullable_sources_impl<type_list<Seen..., S>, concat<type_list<Nullable...>, added>,
                                                type_list<Rest...>>::type;
};
template <class FromItems>
using nullable_sources = typename nullable_sources_impl<type_list<>, type_list<>, FromItems>::type;

template <class FromItems>
struct sources_of_from;
template <class... Items>
struct sources_of_from<type_list<Items...>> {
    using type = type_list<typename Items::source...>;
};

// Field name of a select item: its alias, its column name, or empty.
template <class Item>
constexpr auto item_name() {
    if constexpr (requires { Item::alias_name; }) return Item::alias_name;
    else if constexpr (requires { Item::sql_name; }) return Item::sql_name;
    else return fixed_string<0>{};
}

template <class Items, class Nullables>
struct result_row_of;
template <class... Items, class Nullables>
struct result_row_of<type_list<Items...>, Nullables> {
    using type = row<field<item_name<Items>(), result_type_of<Items, Nullables>>...>;
};

// Parameters a FROM/JOIN source brings where it is written (a subquery in FROM), and where its
// definition is written (a CTE: in the WITH clause, before everything else).
template <class Source>
struct source_parameters {
    using in_from = type_list<>;
    using in_with = type_list<>;
};
template <class Source>
    requires requires { typename Source::derived_select; }
struct source_parameters<Source> {
    using in_from = typename Source::from_parameters;
    using in_with = typename Source::with_parameters;
};

template <class FromItems>
struct join_parameters;
template <class... Items>
struct join_parameters<type_list<Items...>> {
    using type = concat<concat<typename source_parameters<typename Items::source>::in_from,
                               clause_parameters_t<typename Items::on>>...>;
    using with = concat<typename source_parameters<typename Items::source>::in_with...>;
};

}  // namespace detail

// ORDER BY accepts sort keys and plain expressions (rendered without a direction).
template <class K>
concept order_key = is_sort_key_v<K> || expression<K>;

template <bool Distinct, class Items, class From, class Where, class GroupBy, class Having, class OrderBy,
          class Limit, class Offset>
struct select_statement {
    static constexpr bool distinct = Distinct;
    using items = Items;
    using from_items = From;
    using where_clause = Where;
    using group_by_list = GroupBy;
    using having_clause = Having;
    using order_by_list = OrderBy;
    using limit_clause = Limit;
    using offset_clause = Offset;

    // How far the statement has got, in SQL clause order: a builder call is available only
    // before the clauses that follow it (so none is silently dropped).
    static constexpr int stage = has_clause_v<Offset> ? 7 : has_clause_v<Limit> ? 6 : OrderBy::size != 0 ? 5
                                 : has_clause_v<Having> ? 4 : GroupBy::size != 0 ? 3 : has_clause_v<Where> ? 2
                                 : From::size != 0 ? 1 : 0;

    using sources = typename detail::sources_of_from<From>::type;
    using nullable_sources = detail::nullable_sources<From>;
    using result_row = typename detail::result_row_of<Items, nullable_sources>::type;

    // In the order they appear in the SQL text.
    using all_parameters =
        detail::concat<typename detail::join_parameters<From>::with, detail::list_parameters_t<Items>,
               typename detail::join_parameters<From>::type,
               detail::clause_parameters_t<Where>, detail::list_parameters_t<GroupBy>,
               detail::clause_parameters_t<Having>, detail::list_parameters_t<OrderBy>,
               detail::clause_parameters_t<Limit>, detail::clause_parameters_t<Offset>>;
    using parameters = detail::unique_parameters<all_parameters>;

    template <class... Sources>
        requires(From::size == 0)
    constexpr auto from(const Sources&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Sources>())...>>::ok);
        return select_statement<Distinct, Items, type_list<join_item<join_kind::from, detail::checked_source<Sources>>...>>{};
    }

    template <class Source>
        requires(stage == 1)
    constexpr auto join(const Source&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Source>())>>::ok);
        return pending_join_t<join_kind::inner, Source>{};
    }
    template <class Source>
        requires(stage == 1)
    constexpr auto left_join(const Source&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Source>())>>::ok);
        return pending_join_t<join_kind::left, Source>{};
    }
    template <class Source>
        requires(stage == 1)
    constexpr auto right_join(const Source&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Source>())>>::ok);
        return pending_join_t<join_kind::right, Source>{};
    }
    template <class Source>
        requires(stage == 1)
    constexpr auto full_join(const Source&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Source>())>>::ok);
        return pending_join_t<join_kind::full, Source>{};
    }
    template <class Source>
        requires(stage == 1)
    constexpr auto cross_join(const Source&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_source<Source>())>>::ok);
        return select_statement<Distinct, Items, detail::concat<From, type_list<join_item<join_kind::cross, detail::checked_source<Source>>>>>{};
    }

    template <class Condition>
        requires(stage == 1)
    constexpr auto where(const Condition&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition<clause::where, Condition>())>>::ok);
        return select_statement<Distinct, Items, From, Condition>{};
    }

    template <expression... Keys>
        requires(stage >= 1 && stage < 3 && sizeof...(Keys) > 0)
    constexpr auto group_by(const Keys&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_group_key<Keys>())...>>::ok);
        return select_statement<Distinct, Items, From, Where, type_list<Keys...>>{};
    }

    template <class Condition>
        requires(stage >= 1 && stage < 4)
    constexpr auto having(const Condition&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition<clause::having, Condition>())>>::ok);
        return select_statement<Distinct, Items, From, Where, GroupBy, Condition>{};
    }

    template <order_key... Keys>
        requires(stage < 5 && sizeof...(Keys) > 0)
    constexpr auto order_by(const Keys&...) const {
        return select_statement<Distinct, Items, From, Where, GroupBy, Having, type_list<Keys...>>{};
    }

    // LIMIT n: param<"name"> (bound as a 64-bit integer) or lit<10>.
    template <class Count>
        requires(stage < 6)
    constexpr auto limit(const Count&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_count_operand<Count>())>>::ok);
        return select_statement<Distinct, Items, From, Where, GroupBy, Having, OrderBy,
                                detail::count_operand<Count>>{};
    }
    template <class Count>
        requires(stage < 7)
    constexpr auto offset(const Count&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_count_operand<Count>())>>::ok);
        return select_statement<Distinct, Items, From, Where, GroupBy, Having, OrderBy, Limit,
                                detail::count_operand<Count>>{};
    }

    // .join(source) awaiting its .on(condition).
    template <join_kind Kind, class Source>
    struct pending_join_t {
        template <class Condition>
        constexpr auto on(const Condition&) const {
            static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition<clause::on, Condition>())>>::ok);
            return select_statement<Distinct, Items, detail::concat<From, type_list<join_item<Kind, detail::checked_source<Source>, Condition>>>>{};
        }
    };
};

namespace detail {
template <class Item>
constexpr auto check_select_item() {
    if constexpr (!expression<Item>) return report<error::run_time_value_in_expression<Item>>();
    else if constexpr (is_untyped_parameter_v<Item>) return report<error::parameter_type_cannot_be_inferred<Item, Item>>();
    else return pass();
}
}  // namespace detail

// SELECT items...: columns, expressions, as<"alias">(expression).
template <class... Items>
    requires(sizeof...(Items) > 0)
constexpr auto select(const Items&...) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_select_item<Items>())...>>::ok);
    return select_statement<false, type_list<Items...>, type_list<>>{};
}

// SELECT DISTINCT items...
template <class... Items>
    requires(sizeof...(Items) > 0)
constexpr auto select_distinct(const Items&...) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_select_item<Items>())...>>::ok);
    return select_statement<true, type_list<Items...>, type_list<>>{};
}

}  // namespace ctsql
