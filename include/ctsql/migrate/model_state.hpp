// The model (the user's table types) as a schema state, to compare with a replayed chain.
#pragma once

#include "ctsql/migrate/state.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::migrate {

namespace detail {

template <class Columns>
struct names_of_columns;
template <class... Cs>
struct names_of_columns<type_list<Cs...>> {
    using type = names<Cs::sql_name...>;
};
template <class Columns>
using names_of_columns_t = typename names_of_columns<Columns>::type;

template <class Columns>
struct model_column_states;
template <class... Cs>
struct model_column_states<type_list<Cs...>> {
    using type = type_list<column_state<Cs::sql_name, typename Cs::cpp_type, typename Cs::default_option,
                                        Cs::is_autoincrement>...>;
};

template <class Keys>
struct model_key_states;
template <class... Keys>
struct model_key_states<type_list<Keys...>> {
    using type = type_list<names_of_columns_t<Keys>...>;
};

template <class FK>
using model_fk_state = fk_state<names_of_columns_t<typename FK::column_list>,
                                at<0, typename FK::target_column_list>::table_type::sql_name,
                                names_of_columns_t<typename FK::target_column_list>, FK::on_delete_action,
                                FK::on_update_action>;

template <class FKs>
struct model_fk_states;
template <class... FKs>
struct model_fk_states<type_list<FKs...>> {
    using type = type_list<model_fk_state<FKs>...>;
};

template <class Indexes>
struct model_index_states;
template <class... Is>
struct model_index_states<type_list<Is...>> {
    using type = type_list<index_state<Is::sql_name, names_of_columns_t<typename Is::column_list>, Is::is_unique>...>;
};

}  // namespace detail

// Table type T (a model table) as a table state.
template <table_type T>
using model_table_state =
    table_state<T::sql_name, typename detail::model_column_states<columns_of<T>>::type,
                detail::names_of_columns_t<typename ctsql::detail::primary_key_columns<T>::type>,
                typename detail::model_key_states<ctsql::detail::unique_keys_of<T>>::type,
                typename detail::model_fk_states<ctsql::detail::foreign_keys_of<T>>::type,
                typename detail::model_index_states<indexes_of<T>>::type>;

template <class Schema>
struct model_schema_state_impl;
template <class... Ts>
struct model_schema_state_impl<schema<Ts...>> {
    using type = schema_state<model_table_state<Ts>...>;
};

// Schema type S (ctsql::schema<...>) as a schema state.
template <class S>
using model_state = typename model_schema_state_impl<S>::type;

}  // namespace ctsql::migrate
