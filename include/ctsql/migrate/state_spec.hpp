// A table state as a table_spec value, so the DDL renderer, the comparisons and the
// introspection comparer work on migration states exactly as on model tables.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "ctsql/migrate/state.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::migrate {

namespace detail {

template <class Columns>
struct state_column_specs;
template <class... Cs>
struct state_column_specs<type_list<Cs...>> {
    static constexpr std::array<column_spec, sizeof...(Cs)> value{column_spec{
        Cs::sql_name.view(), ctsql::detail::column_sql_type<Cs>(), Cs::nullable, Cs::is_autoincrement,
        ctsql::detail::default_spec_of<typename Cs::default_option, Cs>::value}...};
};

template <class Keys>
struct state_key_lists;
template <class... Keys>
struct state_key_lists<type_list<Keys...>> {
    static constexpr std::array<name_list, sizeof...(Keys)> value{name_list{Keys::value}...};
};

template <class FKs>
struct state_fk_specs;
template <class... FKs>
struct state_fk_specs<type_list<FKs...>> {
    static constexpr std::array<foreign_key_spec, sizeof...(FKs)> value{
        foreign_key_spec{FKs::column_names::value, FKs::target_table.view(), FKs::target_names::value,
                         FKs::on_delete_action, FKs::on_update_action}...};
};

template <fixed_string Table, class Indexes>
struct state_index_specs;
template <fixed_string Table, class... Is>
struct state_index_specs<Table, type_list<Is...>> {
    static constexpr std::array<index_spec, sizeof...(Is)> value{
        index_spec{Is::sql_name.view(), Table.view(), Is::column_names::value, Is::is_unique}...};
};

}  // namespace detail

template <class T>
inline constexpr table_spec state_spec{
    T::sql_name.view(),
    detail::state_column_specs<typename T::columns>::value,
    T::primary_key::value,
    detail::state_key_lists<typename T::uniques>::value,
    detail::state_fk_specs<typename T::foreign_keys>::value,
    detail::state_index_specs<T::sql_name, typename T::indexes>::value,
};

// Every table of a schema state as specs, in the state's order.
template <class S>
struct state_specs;
template <class... Ts>
struct state_specs<schema_state<Ts...>> {
    static constexpr std::array<const table_spec*, sizeof...(Ts)> value{&state_spec<Ts>...};
};

}  // namespace ctsql::migrate
