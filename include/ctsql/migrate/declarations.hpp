// How a migration spells columns, keys and indexes: by name, frozen in the migration (never
// by the model's column types, which move on after the migration is written).
//
//   create_table<"posts",
//                col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
//                col<"author", std::int64_t, references<"users", "id">::on_delete<ctsql::fk_action::cascade>>,
//                col<"title", std::string, ctsql::default_value<"untitled">>,
//                unique_on<"author", "title">,
//                index_on<"posts_by_author", "author">>
#pragma once

#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/schema/column_options.hpp"

namespace ctsql::migrate {

// A foreign key to table.column, declared on a column.
template <fixed_string Table, fixed_string Column, fk_action OnDelete = fk_action::no_action,
          fk_action OnUpdate = fk_action::no_action>
struct references {
    static constexpr auto target_table = Table;
    static constexpr auto target_column = Column;
    static constexpr fk_action on_delete_action = OnDelete;
    static constexpr fk_action on_update_action = OnUpdate;
    template <fk_action Action>
    using on_delete = references<Table, Column, Action, OnUpdate>;
    template <fk_action Action>
    using on_update = references<Table, Column, OnDelete, Action>;
};

template <fixed_string Name, class T, class... Options>
struct col {
    static constexpr auto sql_name = Name;
    using cpp_type = T;
    using options = type_list<Options...>;
};

template <fixed_string... Columns>
struct primary_key_on {
    using column_names = names<Columns...>;
};
template <fixed_string... Columns>
struct unique_on {
    using column_names = names<Columns...>;
};
template <class Columns, fixed_string Table, class TargetColumns, fk_action OnDelete = fk_action::no_action,
          fk_action OnUpdate = fk_action::no_action>
struct foreign_key_on {
    using state = fk_state<Columns, Table, TargetColumns, OnDelete, OnUpdate>;
    template <fk_action Action>
    using on_delete = foreign_key_on<Columns, Table, TargetColumns, Action, OnUpdate>;
    template <fk_action Action>
    using on_update = foreign_key_on<Columns, Table, TargetColumns, OnDelete, Action>;
};
template <fixed_string Name, fixed_string... Columns>
struct index_on {
    using state = index_state<Name, names<Columns...>, false>;
};
template <fixed_string Name, fixed_string... Columns>
struct unique_index_on {
    using state = index_state<Name, names<Columns...>, true>;
};

namespace detail {

template <class O>
inline constexpr bool is_migrate_references = false;
template <fixed_string T, fixed_string C, fk_action D, fk_action U>
inline constexpr bool is_migrate_references<references<T, C, D, U>> = true;

// The foreign key a column option declares (none for other options).
template <fixed_string Column, class Option>
struct option_fk {
    using type = type_list<>;
};
template <fixed_string Column, fixed_string T, fixed_string C, fk_action D, fk_action U>
struct option_fk<Column, references<T, C, D, U>> {
    using type = type_list<fk_state<names<Column>, T, names<C>, D, U>>;
};

template <class Col>
struct column_parts;
template <fixed_string Name, class T, class... Options>
struct column_parts<col<Name, T, Options...>> {
    using default_option = typename ctsql::detail::find_option<ctsql::detail::is_default_pred, no_default, Options...>::type;
    static constexpr bool autoincrement = (std::is_same_v<Options, ctsql::autoincrement> || ...);
    static constexpr bool primary = (std::is_same_v<Options, ctsql::primary_key> || ...);
    static constexpr bool unique = (std::is_same_v<Options, ctsql::unique> || ...);
    using state = column_state<Name, T, default_option, autoincrement>;
    using key = std::conditional_t<primary, type_list<names<Name>>, type_list<>>;
    using unique_keys = std::conditional_t<unique, type_list<names<Name>>, type_list<>>;
    using fks = concat<typename option_fk<Name, Options>::type...>;
};

// The pieces of one create_table item, whatever its kind.
template <class Item>
struct item_parts {
    using columns = type_list<>;
    using keys = type_list<>;
    using unique_keys = type_list<>;
    using fks = type_list<>;
    using indexes = type_list<>;
};
template <fixed_string Name, class T, class... Options>
struct item_parts<col<Name, T, Options...>> {
    using parts = column_parts<col<Name, T, Options...>>;
    using columns = type_list<typename parts::state>;
    using keys = typename parts::key;
    using unique_keys = typename parts::unique_keys;
    using fks = typename parts::fks;
    using indexes = type_list<>;
};
template <fixed_string... Cs>
struct item_parts<primary_key_on<Cs...>> : item_parts<void> {
    using keys = type_list<names<Cs...>>;
};
template <fixed_string... Cs>
struct item_parts<unique_on<Cs...>> : item_parts<void> {
    using unique_keys = type_list<names<Cs...>>;
};
template <class A, fixed_string T, class B, fk_action D, fk_action U>
struct item_parts<foreign_key_on<A, T, B, D, U>> : item_parts<void> {
    using fks = type_list<typename foreign_key_on<A, T, B, D, U>::state>;
};
template <fixed_string N, fixed_string... Cs>
struct item_parts<index_on<N, Cs...>> : item_parts<void> {
    using indexes = type_list<typename index_on<N, Cs...>::state>;
};
template <fixed_string N, fixed_string... Cs>
struct item_parts<unique_index_on<N, Cs...>> : item_parts<void> {
    using indexes = type_list<typename unique_index_on<N, Cs...>::state>;
};

template <class Keys>
struct first_key {
    using type = names<>;
};
template <class K, class... Rest>
struct first_key<type_list<K, Rest...>> {
    using type = K;
};

// create_table<Name, Items...> as a table state; also the number of primary keys declared.
template <fixed_string Name, class... Items>
struct table_from_items {
    using keys = concat<typename item_parts<Items>::keys...>;
    static constexpr std::size_t key_count = keys::size;
    using type = table_state<Name, concat<typename item_parts<Items>::columns...>, typename first_key<keys>::type,
                             concat<typename item_parts<Items>::unique_keys...>, concat<typename item_parts<Items>::fks...>,
                             concat<typename item_parts<Items>::indexes...>>;
};

}  // namespace detail
}  // namespace ctsql::migrate
