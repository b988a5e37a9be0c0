// Whether a replayed migration chain yields the model, and if not, the first difference:
// a table missing or extra, or within a table the first column (in order) whose name, type,
// nullability, default or autoincrement differs, then keys, foreign keys and indexes (as sets).
#pragma once

#include <cstddef>
#include <string_view>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/migrate/state_spec.hpp"

namespace ctsql::migrate {

enum class difference : unsigned char {
    none,
    missing_table,     // in the model, not produced by the chain
    extra_table,       // produced by the chain, not in the model
    missing_column,    // the model has a column here that the chain's table lacks
    extra_column,      // the chain's table has a column here that the model lacks
    column_name,       // same position, different name (a missing rename?)
    column_type,
    column_nullability,
    column_default,
    column_autoincrement,
    primary_key,
    unique_keys,
    foreign_keys,
    indexes,
};

struct schema_difference {
    difference kind = difference::none;
    std::string_view table;
    std::string_view column;
};

namespace detail {

template <class A, class B>
constexpr bool same_set(std::span<const A> a, std::span<const B> b) noexcept {
    if (a.size() != b.size()) return false;
    for (const auto& x : a) {
        bool found = false;
        for (const auto& y : b) found = found || (x == y);
        if (!found) return false;
    }
    return true;
}

// First difference between a model table and the chain's table of the same name.
constexpr schema_difference compare_tables(const table_spec& model, const table_spec& chain) noexcept {
    const std::size_t n = model.columns.size() < chain.columns.size() ? model.columns.size() : chain.columns.size();
    for (std::size_t i = 0; i != n; ++i) {
        const column_spec& m = model.columns[i];
        const column_spec& c = chain.columns[i];
        if (m.name != c.name) return {difference::column_name, model.name, m.name};
        if (!(m.type == c.type)) return {difference::column_type, model.name, m.name};
        if (m.nullable != c.nullable) return {difference::column_nullability, model.name, m.name};
        if (!(m.default_value == c.default_value)) return {difference::column_default, model.name, m.name};
        if (m.autoincrement != c.autoincrement) return {difference::column_autoincrement, model.name, m.name};
    }
    if (model.columns.size() > n) return {difference::missing_column, model.name, model.columns[n].name};
    if (chain.columns.size() > n) return {difference::extra_column, model.name, chain.columns[n].name};
    if (!(model.primary_key == chain.primary_key)) return {difference::primary_key, model.name, {}};
    if (!same_set(model.unique_keys, chain.unique_keys)) return {difference::unique_keys, model.name, {}};
    if (!same_set(model.foreign_keys, chain.foreign_keys)) return {difference::foreign_keys, model.name, {}};
    if (!same_set(model.indexes, chain.indexes)) return {difference::indexes, model.name, {}};
    return {};
}

template <std::size_t M, std::size_t C>
constexpr schema_difference compare_schemas(const std::array<const table_spec*, M>& model,
                                            const std::array<const table_spec*, C>& chain) noexcept {
    for (const table_spec* m : model) {
        std::size_t match = 0;
        while (match != C && chain[match]->name != m->name) ++match;
        if (match == C) return {difference::missing_table, m->name, {}};
        const schema_difference d = compare_tables(*m, *chain[match]);
        if (d.kind != difference::none) return d;
    }
    for (const table_spec* c : chain) {
        bool found = false;
        for (const table_spec* m : model) found = found || m->name == c->name;
        if (!found) return {difference::extra_table, c->name, {}};
    }
    return {};
}

}  // namespace detail

// The first difference between two schema states (model first).
template <class Model, class Chain>
inline constexpr schema_difference first_difference_v =
    detail::compare_schemas(state_specs<Model>::value, state_specs<Chain>::value);

// A name as a type, so diagnostics print it readably on every compiler: sql_name<'u', 's'>.
template <char... Chars>
struct sql_name {};

namespace detail {
template <const schema_difference& D, bool Column, class Seq>
struct name_type_impl;
template <const schema_difference& D, bool Column, std::size_t... I>
struct name_type_impl<D, Column, std::index_sequence<I...>> {
    using type = sql_name<(Column ? D.column : D.table)[I]...>;
};
template <const schema_difference& D, bool Column>
using name_type = typename name_type_impl<D, Column, std::make_index_sequence<(Column ? D.column : D.table).size()>>::type;
}  // namespace detail

namespace kind {
// What differs, as types for the diagnostic.
struct table_missing_from_chain {};
struct table_not_in_model {};
struct column_missing_from_chain {};
struct column_not_in_model {};
struct column_name_differs {};
struct column_type_differs {};
struct column_nullability_differs {};
struct column_default_differs {};
struct column_autoincrement_differs {};
struct primary_key_differs {};
struct unique_keys_differ {};
struct foreign_keys_differ {};
struct indexes_differ {};
}  // namespace kind

namespace error {
template <class What, class Table, class Column>
struct chain_does_not_yield_model {
    static_assert(ctsql::detail::dependent_false<What>, "ctsql[E080] the migration chain does not produce the model schema (see what differs, the table and the column in this instantiation)");
};
}  // namespace error

namespace detail {
template <difference D>
struct difference_kind;
template <> struct difference_kind<difference::missing_table> { using type = kind::table_missing_from_chain; };
template <> struct difference_kind<difference::extra_table> { using type = kind::table_not_in_model; };
template <> struct difference_kind<difference::missing_column> { using type = kind::column_missing_from_chain; };
template <> struct difference_kind<difference::extra_column> { using type = kind::column_not_in_model; };
template <> struct difference_kind<difference::column_name> { using type = kind::column_name_differs; };
template <> struct difference_kind<difference::column_type> { using type = kind::column_type_differs; };
template <> struct difference_kind<difference::column_nullability> { using type = kind::column_nullability_differs; };
template <> struct difference_kind<difference::column_default> { using type = kind::column_default_differs; };
template <> struct difference_kind<difference::column_autoincrement> { using type = kind::column_autoincrement_differs; };
template <> struct difference_kind<difference::primary_key> { using type = kind::primary_key_differs; };
template <> struct difference_kind<difference::unique_keys> { using type = kind::unique_keys_differ; };
template <> struct difference_kind<difference::foreign_keys> { using type = kind::foreign_keys_differ; };
template <> struct difference_kind<difference::indexes> { using type = kind::indexes_differ; };

template <class Model, class Chain>
constexpr auto check_chain_yields() {
    constexpr const schema_difference& d = first_difference_v<Model, Chain>;
    if constexpr (d.kind == difference::none)
        return ctsql::detail::pass();
    else
        return ctsql::detail::report<error::chain_does_not_yield_model<typename difference_kind<d.kind>::type,
                                                                       name_type<first_difference_v<Model, Chain>, false>,
                                                                       name_type<first_difference_v<Model, Chain>, true>>>();
}
}  // namespace detail

}  // namespace ctsql::migrate
