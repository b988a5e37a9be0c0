// Derived tables: a SELECT used like a table, in FROM (a subquery with an alias) or as a
// common table expression (WITH), and recursive CTEs.
//
//   auto counts = ctsql::derived<"counts">(ctsql::select(posts.author_id, ctsql::as<"n">(ctsql::count()))
//                                              .from(posts).group_by(posts.author_id));
//   ctsql::select(users.name, counts.c<"n">).from(users).join(counts).on(counts.c<"author_id"> == users.id)
//     -> ... JOIN (SELECT ...) AS "counts" ON ...
//
//   auto recent = ctsql::cte<"recent">(ctsql::select(posts.id, posts.title).from(posts).where(...));
//   ctsql::select(recent.c<"title">).from(recent)     -> WITH "recent" AS (SELECT ...) SELECT ...
//
//   // a tree walk: the recursive part reads the CTE itself
//   constexpr auto tree = ctsql::recursive_cte<"tree">(ctsql::select(nodes.id, nodes.parent).from(nodes).where(nodes.id == param<"root">));
//   constexpr auto walk = tree.union_all(ctsql::select(nodes.id, nodes.parent).from(nodes).join(tree).on(nodes.parent == tree.c<"id">));
//   ctsql::select(walk.c<"id">).from(walk)            -> WITH RECURSIVE "tree" AS (... UNION ALL ...) SELECT ...
//
// Columns are named after the SELECT's fields (column names or aliases) and keep their types
// and nullability (plus NULL on the outer side of an outer join).
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/compound.hpp"
#include "ctsql/render/select.hpp"
#include "ctsql/render/subquery.hpp"

namespace ctsql {

namespace error {
template <class Source, class Name>
struct derived_table_has_no_such_column {
    static_assert(detail::dependent_false<Name>, "ctsql[E059] the derived table or CTE has no column with this name");
};
template <class Select>
struct derived_column_needs_a_name {
    static_assert(detail::dependent_false<Select>, "ctsql[E059] every column of a derived table or CTE needs a name: give expressions an alias with as<...>");
};
}  // namespace error

// Column I of derived table Source.
template <class Source, std::size_t I>
struct derived_column : expression_node {
    using source = Source;
    using field_type = typename detail::at<I, typename Source::row::fields>;
    static constexpr auto sql_name = field_type::name;
    using value_type = value_type_t<typename field_type::type>;
    template <class NullableSources>
    static constexpr bool nullable_in = is_optional_v<typename field_type::type> || detail::contains<Source, NullableSources>;
    using columns = type_list<derived_column>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<derived_column>;
    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (Context::qualify_columns) {
            detail::write_identifier(out, Source::sql_name.view());
            out.put('.');
        }
        detail::write_identifier(out, sql_name.view());
    }
};

enum class derived_kind : unsigned char { subquery, cte, recursive_cte };

namespace detail {
template <class Row>
inline constexpr bool all_fields_named = []<class... Fs>(row<Fs...>*) { return ((Fs::name.size() != 0) && ...); }(static_cast<Row*>(nullptr));

template <class Select>
constexpr auto check_derived_select() {
    if constexpr (!is_select_statement<Select> && !is_compound<Select>) return report<error::not_a_select_statement<Select>>();
    else if constexpr (!all_fields_named<result_row_t<Select>>) return report<error::derived_column_needs_a_name<Select>>();
    else if constexpr (is_compound<Select>) return pass();
    else return check_select_shape<Select>();
}

template <class Body>
using body_sources = member_sources<Body>;

// The recursive part of a recursive CTE: a member of the UNION ALL with the base (E057/E058),
// and a SELECT whose columns are those of its own FROM (which holds the CTE itself).
template <class Base, class Step>
constexpr auto check_recursive_step() {
    using members = decltype(check_members<Base, Step>());
    if constexpr (!members::ok) return members{};
    else return check_select_shape<Step>();
}

template <class Select>
struct derived_features {
    using type = select_features<Select>;
};
template <class Select>
    requires is_compound<Select>
struct derived_features<Select> {
    using type = concat<typename derived_features<typename Select::left>::type, select_features<typename Select::right>>;
};
}  // namespace detail

// Step: for a recursive CTE with its recursive part, the compound (base UNION ALL step);
// Body is what is written inside the parentheses.
template <fixed_string Name, class Select, derived_kind Kind, class Body = Select>
struct derived_table {
    static constexpr auto sql_name = Name;
    using derived_select = Select;
    using row = result_row_t<Body>;  // a recursive CTE: NULL from either part
    static constexpr bool is_cte = Kind != derived_kind::subquery;
    static constexpr bool is_recursive = Kind == derived_kind::recursive_cte;
    using features = typename detail::derived_features<Body>::type;
    using body_sources = typename detail::body_sources<Body>::type;  // for hoisting CTEs
    using body_parameters = typename Body::all_parameters;
    using from_parameters = std::conditional_t<is_cte, type_list<>, body_parameters>;
    using with_parameters = std::conditional_t<is_cte, body_parameters, type_list<>>;

    template <fixed_string Column>
    static constexpr std::size_t index_of() {
        return row::template index_of<Column>();
    }
    template <fixed_string Column>
    struct lookup {
        static constexpr std::size_t index = index_of<Column>();
        static_assert(::ctsql::detail::enforce<std::conditional_t<index == detail::npos,
                                                                  error::derived_table_has_no_such_column<derived_table, field<Column, void>>,
                                                                  detail::no_error>>::ok);
        using type = derived_column<derived_table, (index == detail::npos ? 0 : index)>;
    };
    template <fixed_string Column>
    using column_t = typename lookup<Column>::type;
    // The column called Column: counts.c<"n">.
    template <fixed_string Column>
    static constexpr column_t<Column> c{};

    // In FROM: (SELECT ...) AS "name" for a subquery, "name" for a CTE.
    template <class Context, class Writer>
    static constexpr void render_source(Writer& out) {
        if constexpr (!is_cte) {
            out.put('(');
            write_body<Context>(out);
            out.put(") AS ");
        }
        detail::write_identifier(out, Name.view());
    }
    // In WITH: "name" AS (SELECT ...).
    template <class Context, class Writer>
    static constexpr void render_definition(Writer& out) {
        detail::write_identifier(out, Name.view());
        out.put(" AS (");
        write_body<Context>(out);
        out.put(')');
    }

    // The recursive part of a recursive CTE: base UNION ALL step (step reads this CTE).
    template <class Step>
        requires(Kind == derived_kind::recursive_cte && std::is_same_v<Body, Select>)
    constexpr auto union_all(const Step&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_recursive_step<Select, Step>())>>::ok);
        return derived_table<Name, Select, Kind, compound_statement<set_operator::union_all, Select, Step>>{};
    }

  private:
    // CTE bodies are written without WITH: the outermost statement lists every CTE.
    template <class Context, class Writer>
    static constexpr void write_body(Writer& out) {
        if constexpr (detail::is_compound<Body>) detail::write_compound<Context, Body, !is_cte>(out);
        else detail::write_select<Context, Body, false, !is_cte>(out);
    }
};

template <fixed_string Name, class Select>
constexpr auto derived(const Select&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_derived_select<Select>())>>::ok);
    return derived_table<Name, Select, derived_kind::subquery>{};
}

template <fixed_string Name, class Select>
constexpr auto cte(const Select&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_derived_select<Select>())>>::ok);
    return derived_table<Name, Select, derived_kind::cte>{};
}

template <fixed_string Name, class Select>
constexpr auto recursive_cte(const Select&) {
    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_derived_select<Select>())>>::ok);
    return derived_table<Name, Select, derived_kind::recursive_cte>{};
}

}  // namespace ctsql
