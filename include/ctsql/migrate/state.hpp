// The schema at a point of a migration chain, as types. Migrations cannot name the model's
// column types (the model moves on; a migration is a frozen snapshot), so a state describes
// tables by name only: columns by name and C++ type, keys and foreign keys by names.
// Types are interned by the compiler, so unchanged tables are shared between revisions.
//
//   table_state<"users",
//               type_list<column_state<"id", std::int64_t, no_default, true>, ...>,
//               names<"id">,                       // primary key
//               type_list<names<"email">>,         // unique keys
//               type_list<fk_state<...>>,          // foreign keys
//               type_list<index_state<...>>>       // indexes
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column_options.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql::migrate {

// An ordered list of names (columns of a key, say).
template <fixed_string... Names>
struct names {
    static constexpr std::size_t size = sizeof...(Names);
    static constexpr std::array<std::string_view, sizeof...(Names)> value{Names.view()...};
};

using ctsql::detail::no_default;

// A column: name, C++ type (std::optional<T> when nullable), default option (no_default,
// default_value<V> or default_now) and whether the database generates it.
template <fixed_string Name, class T, class Default = no_default, bool Autoincrement = false>
struct column_state {
    static constexpr auto sql_name = Name;
    using cpp_type = T;
    using value_type = value_type_t<T>;
    using default_option = Default;
    static constexpr bool nullable = is_optional_v<T>;
    static constexpr bool is_autoincrement = Autoincrement;
    static constexpr bool has_default = !std::is_same_v<Default, no_default>;
};

template <class Columns, fixed_string Table, class TargetColumns, fk_action OnDelete = fk_action::no_action,
          fk_action OnUpdate = fk_action::no_action>
struct fk_state {
    using column_names = Columns;
    static constexpr auto target_table = Table;
    using target_names = TargetColumns;
    static constexpr fk_action on_delete_action = OnDelete;
    static constexpr fk_action on_update_action = OnUpdate;
};

template <fixed_string Name, class Columns, bool Unique = false>
struct index_state {
    static constexpr auto sql_name = Name;
    using column_names = Columns;
    static constexpr bool is_unique = Unique;
};

template <fixed_string Name, class Columns = type_list<>, class PrimaryKey = names<>, class Uniques = type_list<>,
          class ForeignKeys = type_list<>, class Indexes = type_list<>>
struct table_state {
    static constexpr auto sql_name = Name;
    using columns = Columns;
    using primary_key = PrimaryKey;
    using uniques = Uniques;
    using foreign_keys = ForeignKeys;
    using indexes = Indexes;
};

// The whole schema: tables in the order they were created.
template <class... Tables>
struct schema_state {
    using tables = type_list<Tables...>;
    static constexpr std::size_t size = sizeof...(Tables);
};

using empty_schema = schema_state<>;

namespace detail {

using ctsql::detail::at;
using ctsql::detail::concat;
using ctsql::detail::first_true;
using ctsql::detail::npos;

// Position of the element whose sql_name is Name, or npos.
template <fixed_string Name, class List>
struct find_named;
template <fixed_string Name, class... Ts>
struct find_named<Name, type_list<Ts...>> {
    static constexpr std::size_t value = [] {
        const bool flags[] = {false, (Ts::sql_name.view() == Name.view())...};
        return first_true(flags);
    }();
};
template <fixed_string Name, class List>
inline constexpr std::size_t find_named_v = find_named<Name, List>::value;

template <class List, std::size_t I, class New>
struct replace_at;
template <class... Ts, std::size_t I, class New>
struct replace_at<type_list<Ts...>, I, New> {
    template <class Seq>
    struct by;
    template <std::size_t... K>
    struct by<std::index_sequence<K...>> {
        using type = type_list<std::conditional_t<K == I, New, at<K, type_list<Ts...>>>...>;
    };
    using type = typename by<std::index_sequence_for<Ts...>>::type;
};
template <class List, std::size_t I, class New>
using replace_at_t = typename replace_at<List, I, New>::type;

template <class List, std::size_t I>
struct remove_at;
template <class... Ts, std::size_t I>
struct remove_at<type_list<Ts...>, I> {
    template <class Seq>
    struct by;
    template <std::size_t... K>
    struct by<std::index_sequence<K...>> {
        using type = concat<std::conditional_t<K == I, type_list<>, type_list<at<K, type_list<Ts...>>>>...>;
    };
    using type = typename by<std::index_sequence_for<Ts...>>::type;
};
template <class List, std::size_t I>
using remove_at_t = typename remove_at<List, I>::type;

template <class List>
struct as_schema;
template <class... Ts>
struct as_schema<type_list<Ts...>> {
    using type = schema_state<Ts...>;
};

template <class Names, fixed_string Name>
inline constexpr bool names_contain = [] {
    for (auto n : Names::value)
        if (n == Name.view()) return true;
    return false;
}();

}  // namespace detail

// The table called Name in schema state S (void when there is none).
template <class S, fixed_string Name>
using table_in = std::conditional_t<detail::find_named_v<Name, typename S::tables> == detail::npos, void,
                                    detail::at<detail::find_named_v<Name, typename S::tables> == detail::npos
                                                   ? 0
                                                   : detail::find_named_v<Name, typename S::tables>,
                                               detail::concat<typename S::tables, type_list<void>>>>;

template <class S, fixed_string Name>
inline constexpr bool has_table_v = detail::find_named_v<Name, typename S::tables> != detail::npos;

template <class T, fixed_string Column>
inline constexpr bool has_column_v = detail::find_named_v<Column, typename T::columns> != detail::npos;

}  // namespace ctsql::migrate
