// Rendering of SELECT, after the statement-wide rules.
#pragma once

#include <cstdint>
#include <string_view>

#include "ctsql/check/query_rules.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/render_context.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql {

namespace feature {
struct right_and_full_join {
    static constexpr std::string_view name = "RIGHT and FULL OUTER JOIN";
    static constexpr std::uint32_t sqlite_since = 3'039'000;
    static constexpr std::uint32_t postgresql_since = 0;
};
struct having_without_group_by {
    static constexpr std::string_view name = "HAVING without GROUP BY";
    static constexpr std::uint32_t sqlite_since = 3'039'000;
    static constexpr std::uint32_t postgresql_since = 0;
};
// nulls_first_last: expr/select_items.hpp (a sort key with NULLS FIRST/LAST records it).
}  // namespace feature

namespace error {
// ctsql[E101]: WITH lists one body per name.
template <class FirstCte, class SecondCte>
struct two_ctes_with_one_name {
    static_assert(detail::dependent_false<FirstCte>, "ctsql[E101] two different CTEs of this statement have the same name: rename one");
};
}  // namespace error

namespace detail {

template <class Context, class Source, class Writer>
constexpr void write_source(Writer& out) {
    if constexpr (derived_source<Source>) {
        Source::template render_source<Context>(out);
    } else if constexpr (is_table_alias_v<Source>) {
        write_identifier(out, Source::table::sql_name.view());
        out.put(" AS ");
        write_identifier(out, Source::sql_name.view());
    } else {
        write_identifier(out, Source::sql_name.view());
    }
}

template <class Context, class Item, class Writer>
constexpr void write_clause_item(Writer& out) {
    if constexpr (expression<Item>) expression_traits<Item>::template render<Context>(out);
    else Item::template render<Context>(out);
}

template <class Context, class List, class Writer>
constexpr void write_item_list(Writer& out) {
    [&]<class... Items>(type_list<Items...>) {
        bool first = true;
        ((out.put(first ? "" : ", "), first = false, write_clause_item<Context, Items>(out)), ...);
    }(List{});
}

constexpr std::string_view join_keyword(join_kind kind) noexcept {
    switch (kind) {
        case join_kind::from: return ", ";
        case join_kind::inner: return " INNER JOIN ";
        case join_kind::left: return " LEFT JOIN ";
        case join_kind::right: return " RIGHT JOIN ";
        case join_kind::full: return " FULL JOIN ";
        case join_kind::cross: return " CROSS JOIN ";
    }
    return "";
}

template <class Context, class FromItems, class Writer>
constexpr void write_from(Writer& out) {
    [&]<class... Items>(type_list<Items...>) {
        bool first = true;
        (([&] {
             if (!first) out.put(join_keyword(Items::kind));
             first = false;
             write_source<Context, typename Items::source>(out);
             if constexpr (has_clause_v<typename Items::on>) {
                 out.put(" ON ");
                 expression_traits<typename Items::on>::template render<Context>(out);
             }
         }()),
         ...);
    }(FromItems{});
}

template <class FromItems>
inline constexpr bool has_outer_right_or_full = [] {
    return []<class... Items>(type_list<Items...>) {
        return ((Items::kind == join_kind::right || Items::kind == join_kind::full) || ...);
    }(FromItems{});
}();

template <class FromItems>
struct join_on_clauses;
template <class... Items>
struct join_on_clauses<type_list<Items...>> {
    using type = type_list<typename Items::on...>;
};

template <class FromItems>
struct join_condition_columns;
template <class... Items>
struct join_condition_columns<type_list<Items...>> {
    using type = concat<typename clause_columns<typename Items::on>::type...>;
};

// The expression of a select item or sort key (without its alias or direction).
template <class Item>
struct bare_expression {
    using type = Item;
};
template <class Item>
    requires requires { typename Item::expression_type; }
struct bare_expression<Item> {
    using type = typename Item::expression_type;
};

template <class C>
inline constexpr bool is_column_reference = column_type<C> || requires { typename C::alias_type; };

// Columns an item reads outside aggregates that GROUP BY does not cover: none when the item is
// (after its alias or direction) one of the GROUP BY expressions; else those of its bare
// columns that are not themselves GROUP BY keys. Lenient is true for HAVING: there a column
// inside a grouped expression is accepted (HAVING lower(name) = ... with GROUP BY lower(name)).
template <class Item, class GroupBy, bool Lenient>
struct ungrouped_columns {
    using expression = typename bare_expression<Item>::type;
    template <class L>
    struct keep;
    template <class... Cs>
    struct keep<type_list<Cs...>> {
        template <class C>
        static constexpr bool grouped = []<class... Gs>(type_list<Gs...>) {
            bool found = false;
            if constexpr (Lenient) {
                ((found = found || []<class... Bs>(type_list<Bs...>) { return (same_column_v<C, Bs> || ...); }(bare_columns_of<Gs>{})), ...);
            } else {
                ((found = found || [] {
                      if constexpr (is_column_reference<Gs>) return same_column_v<C, Gs>;
                      else return false;
                  }()),
                 ...);
            }
            return found;
        }(GroupBy{});
        using type = concat<std::conditional_t<grouped<Cs>, type_list<>, type_list<Cs>>...>;
    };
    static constexpr bool whole = []<class... Gs>(type_list<Gs...>) { return (std::is_same_v<expression, Gs> || ...); }(GroupBy{});
    using type = std::conditional_t<whole, type_list<>, typename keep<typename clause_bare_columns<Item>::type>::type>;
};

template <class Items, class GroupBy, bool Lenient>
struct ungrouped_in;
template <class... Items, class GroupBy, bool Lenient>
struct ungrouped_in<type_list<Items...>, GroupBy, Lenient> {
    using type = concat<typename ungrouped_columns<Items, GroupBy, Lenient>::type...>;
};

template <bool Aggregated, class S>
constexpr auto check_grouping_if() {
    if constexpr (!Aggregated) {
        return pass();
    } else {
        using group_by = typename S::group_by_list;
        using having = std::conditional_t<has_clause_v<typename S::having_clause>, type_list<typename S::having_clause>, type_list<>>;
        using ungrouped = concat<typename ungrouped_in<typename S::items, group_by, false>::type,
                                 typename ungrouped_in<having, group_by, true>::type,
                                 typename ungrouped_in<typename S::order_by_list, group_by, false>::type>;
        if constexpr (ungrouped::size != 0)
            return report<error::column_must_be_grouped_or_aggregated<at<0, ungrouped>, group_by>>();
        else
            return pass();
    }
}

// Every column a SELECT reads (in any clause).
template <class S>
using select_columns = concat<typename list_columns<typename S::items>::type,
                              typename join_condition_columns<typename S::from_items>::type,
                              typename list_columns<type_list<typename S::where_clause, typename S::having_clause>>::type,
                              typename list_columns<typename S::group_by_list>::type,
                              typename list_columns<typename S::order_by_list>::type>;

// The dialect features a SELECT needs: those of its expressions, and of its clauses.
template <class Source>
struct source_features {
    using type = type_list<>;
};
template <class Source>
    requires requires { typename Source::derived_select; }
struct source_features<Source> {
    using type = typename Source::features;
};
template <class FromItems>
struct from_features;
template <class... Items>
struct from_features<type_list<Items...>> {
    using type = concat<typename source_features<typename Items::source>::type...>;
};

// The CTEs a statement needs, each once, in an order where each comes after those its body
// uses: every WITH is hoisted to the outermost statement (bodies are written without one).
template <class S>
inline constexpr bool is_cte_source = [] {
    if constexpr (requires { S::is_cte; }) return S::is_cte;
    else return false;
}();

// type: the CTEs in WITH order; verdict: ctsql[E101] for two different CTEs with one name
// (checked with the statement, so the renderer never meets it).
template <class Found, class Sources, class Skip = type_list<>>
struct collect_ctes {
    using type = Found;
    using verdict = passed;
};

// The CTE called Name in list L (void when there is none).
template <class L, fixed_string Name>
struct cte_named {
    using type = void;
};
template <class C, class... Cs, fixed_string Name>
struct cte_named<type_list<C, Cs...>, Name> {
    using type = std::conditional_t<C::sql_name.view() == Name.view(), C, typename cte_named<type_list<Cs...>, Name>::type>;
};

// Whether CTE B, whose name is listed already as A, is the same CTE: a recursive CTE's
// self-reference is a type of its own (with the base part only), anything else is a second CTE
// of that name, whose body the WITH would silently lose (ctsql[E101]).
template <class A, class B>
constexpr auto check_cte_name() {
    if constexpr (std::is_void_v<A>) return pass();
    else if constexpr (std::is_same_v<typename A::derived_select, typename B::derived_select> && A::is_recursive == B::is_recursive) return pass();
    else return report<error::two_ctes_with_one_name<A, B>>();
}

// Found with CTE source S added (after the CTEs its body uses), unless S is no CTE or is
// listed already (or is the one being defined: a recursive CTE reading itself).
template <class Found, class S, class Skip, bool IsCte = is_cte_source<S>>
struct add_cte {
    using type = Found;
    using verdict = passed;
};
template <class Found, class S, class Skip>
struct add_cte<Found, S, Skip, true> {
    using listed_as = std::conditional_t<std::is_void_v<typename cte_named<Found, S::sql_name>::type>,
                                         typename cte_named<Skip, S::sql_name>::type, typename cte_named<Found, S::sql_name>::type>;
    static constexpr bool listed = !std::is_void_v<listed_as>;
    template <bool Listed, class = void>
    struct with {
        using type = Found;
        using verdict = decltype(check_cte_name<listed_as, S>());
    };
    template <class Unused>
    struct with<false, Unused> {
        using body = collect_ctes<Found, typename S::body_sources, concat<Skip, type_list<S>>>;
        using type = concat<typename body::type, type_list<S>>;
        using verdict = typename body::verdict;
    };
    using type = typename with<listed>::type;
    using verdict = typename with<listed>::verdict;
};

template <class Found, class S, class... Rest, class Skip>
struct collect_ctes<Found, type_list<S, Rest...>, Skip> {
    using added = add_cte<Found, S, Skip>;
    using rest = collect_ctes<typename added::type, type_list<Rest...>, Skip>;
    using type = typename rest::type;
    using verdict = first_failure<typename added::verdict, typename rest::verdict>;
};

template <class FromItems>
struct sources_of_items;
template <class... Items>
struct sources_of_items<type_list<Items...>> {
    using type = type_list<typename Items::source...>;
};

template <class S>
using ctes_of_select = typename collect_ctes<type_list<>, typename sources_of_items<typename S::from_items>::type>::type;

template <class S>
using select_features = concat<
    typename from_features<typename S::from_items>::type,
    features_in<typename S::items, typename join_on_clauses<typename S::from_items>::type, typename S::where_clause,
                typename S::group_by_list, typename S::having_clause, typename S::order_by_list>,
    std::conditional_t<has_outer_right_or_full<typename S::from_items>, type_list<feature::right_and_full_join>, type_list<>>,
    std::conditional_t<has_clause_v<typename S::having_clause> && S::group_by_list::size == 0,
                       type_list<feature::having_without_group_by>, type_list<>>>;

// The rules of a SELECT that do not depend on the dialect. Nested (a subquery): columns outside
// its own FROM are the outer statement's to check (a correlated subquery reads them).
template <class S, bool Nested = false>
constexpr auto check_select_shape() {
    constexpr bool aggregated = any_aggregate_in<typename S::items>::value || S::group_by_list::size != 0 ||
                                has_clause_v<typename S::having_clause> || any_aggregate_in<typename S::order_by_list>::value;
    using from_check = std::conditional_t<Nested, passed, decltype(check_columns_in_from<select_columns<S>, typename S::sources>())>;
    using grouping_check = decltype(check_grouping_if<aggregated, S>());
    using parameter_check = decltype(check_parameters<typename S::all_parameters>());

    if constexpr (contains<poisoned_source, typename S::sources>)
        return pass();  // a FROM or JOIN item was not a table: reported already (ctsql[E040])
    else if constexpr (!from_check::ok)
        return from_check{};
    else if constexpr (!grouping_check::ok)
        return grouping_check{};
    else if constexpr (!parameter_check::ok)
        return parameter_check{};
    else
        return typename collect_ctes<type_list<>, typename sources_of_items<typename S::from_items>::type>::verdict{};
}

template <class Dialect, class S>
constexpr auto check_select() {
    using shape = decltype(check_select_shape<S>());
    if constexpr (!shape::ok) return shape{};
    else return check_features<Dialect, select_features<S>>();
}

// ForceWhere: write "WHERE true" when the statement has no WHERE (SQLite needs it before an
// INSERT ... SELECT's ON CONFLICT, which it would otherwise parse as a join constraint).
template <class Context, class S, bool ForceWhere = false, bool EmitWith = true, class Writer>
constexpr void write_select(Writer& out) {
    using ctes = ctes_of_select<S>;
    if constexpr (EmitWith && ctes::size != 0) {
        [&]<class... Cs>(type_list<Cs...>) {
            out.put(((Cs::is_recursive || ...)) ? "WITH RECURSIVE " : "WITH ");
            bool first = true;
            ((out.put(first ? "" : ", "), first = false, Cs::template render_definition<Context>(out)), ...);
        }(ctes{});
        out.put(' ');
    }
    out.put(S::distinct ? "SELECT DISTINCT " : "SELECT ");
    write_item_list<Context, typename S::items>(out);
    if constexpr (S::from_items::size != 0) {
        out.put(" FROM ");
        write_from<Context, typename S::from_items>(out);
    }
    if constexpr (has_clause_v<typename S::where_clause>) {
        out.put(" WHERE ");
        expression_traits<typename S::where_clause>::template render<Context>(out);
    } else if constexpr (ForceWhere) {
        out.put(" WHERE true");
    }
    if constexpr (S::group_by_list::size != 0) {
        out.put(" GROUP BY ");
        write_item_list<Context, typename S::group_by_list>(out);
    }
    if constexpr (has_clause_v<typename S::having_clause>) {
        out.put(" HAVING ");
        expression_traits<typename S::having_clause>::template render<Context>(out);
    }
    if constexpr (S::order_by_list::size != 0) {
        out.put(" ORDER BY ");
        write_item_list<Context, typename S::order_by_list>(out);
    }
    if constexpr (has_clause_v<typename S::limit_clause>) {
        out.put(" LIMIT ");
        expression_traits<typename S::limit_clause>::template render<Context>(out);
    } else if constexpr (has_clause_v<typename S::offset_clause> &&
                         Context::dialect::family == dialect_family::sqlite) {
        out.put(" LIMIT -1");  // SQLite accepts OFFSET only after a LIMIT; -1 means none
    }
    if constexpr (has_clause_v<typename S::offset_clause>) {
        out.put(" OFFSET ");
        expression_traits<typename S::offset_clause>::template render<Context>(out);
    }
}

}  // namespace detail

template <dialect Dialect, bool Distinct, class Items, class From, class Where, class GroupBy, class Having,
          class OrderBy, class Limit, class Offset>
struct statement_renderer<Dialect, select_statement<Distinct, Items, From, Where, GroupBy, Having, OrderBy, Limit, Offset>> {
    using statement = select_statement<Distinct, Items, From, Where, GroupBy, Having, OrderBy, Limit, Offset>;
    using verdict = decltype(detail::check_select<Dialect, statement>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok)
            detail::write_select<render_context<Dialect>, statement>(detail::numbered_by<typename statement::parameters>(out));
    }
};

}  // namespace ctsql
