// The value form of a table declaration: names, types, keys and indexes as constexpr data.
// Rendering, checking and (later) schema replay and diff work on these values with ordinary
// loops, which compile faster than type-level recursion and compare with ==.
// All string_views point into static storage (the names inside the declaring types).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

enum class default_kind : unsigned char { none, integer, boolean, text, real, current_timestamp };

struct default_spec {
    default_kind kind = default_kind::none;
    std::int64_t integer = 0;  // integer and boolean defaults
    std::string_view text;     // text defaults (unescaped) and real defaults (as written)
    bool fits_int64 = true;    // false for an unsigned default above INT64_MAX
    constexpr bool operator==(const default_spec&) const = default;
};

struct column_spec {
    std::string_view name;
    sql_type type;
    bool nullable = false;
    bool autoincrement = false;
    default_spec default_value;
    constexpr bool operator==(const column_spec&) const = default;
};

using name_list = std::span<const std::string_view>;

struct foreign_key_spec {
    name_list columns;
    std::string_view target_table;
    name_list target_columns;
    fk_action on_delete = fk_action::no_action;
    fk_action on_update = fk_action::no_action;
};

struct index_spec {
    std::string_view name;
    std::string_view table;
    name_list columns;
    bool unique = false;
};

struct table_spec {
    std::string_view name;
    std::span<const column_spec> columns;
    name_list primary_key;           // empty when the table has none
    std::span<const name_list> unique_keys;
    std::span<const foreign_key_spec> foreign_keys;
    std::span<const index_spec> indexes;

    // Position of the column named `column`, or columns.size() when there is none. (Compile-time
    // code uses positions, not pointers: with -fsanitize, g++ cannot compare an address with
    // null in a constant expression.)
    constexpr std::size_t column_index(std::string_view column) const noexcept {
        std::size_t i = 0;
        while (i != columns.size() && columns[i].name != column) ++i;
        return i;
    }
    constexpr bool has_column(std::string_view column) const noexcept { return column_index(column) != columns.size(); }
    // The column named `column` (which must exist).
    constexpr const column_spec& column_named(std::string_view column) const noexcept { return columns[column_index(column)]; }

    // The column named `column`, or nullptr (for run-time code).
    constexpr const column_spec* find_column(std::string_view column) const noexcept {
        return has_column(column) ? &columns[column_index(column)] : nullptr;
    }
};

constexpr bool operator==(name_list a, name_list b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i != a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

constexpr bool operator==(const foreign_key_spec& a, const foreign_key_spec& b) noexcept {
    return a.columns == b.columns && a.target_table == b.target_table &&
           a.target_columns == b.target_columns && a.on_delete == b.on_delete &&
           a.on_update == b.on_update;
}

constexpr bool operator==(const index_spec& a, const index_spec& b) noexcept {
    return a.name == b.name && a.table == b.table && a.columns == b.columns && a.unique == b.unique;
}

namespace detail {

template <class A, class B>
constexpr bool spans_equal(std::span<const A> a, std::span<const B> b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i != a.size(); ++i)
        if (!(a[i] == b[i])) return false;
    return true;
}

}  // namespace detail

constexpr bool operator==(const table_spec& a, const table_spec& b) noexcept {
    return a.name == b.name && detail::spans_equal(a.columns, b.columns) &&
           a.primary_key == b.primary_key && detail::spans_equal(a.unique_keys, b.unique_keys) &&
           detail::spans_equal(a.foreign_keys, b.foreign_keys) &&
           detail::spans_equal(a.indexes, b.indexes);
}

namespace detail {

// sql_type of a column, tolerant of unsupported types (those are reported as ctsql[E015]
// by the checks; the builders must not fail first with a less helpful error).
template <class Column>
constexpr sql_type column_sql_type() noexcept {
    if constexpr (is_column_type_v<typename Column::cpp_type>) return sql_type_of<typename Column::cpp_type>;
    else return sql_type{};
}

template <class Option, class Column>
struct default_spec_of {
    static constexpr default_spec value{};
};
template <default_literal V, class Column>
struct default_spec_of<default_value<V>, Column> {
    static constexpr default_spec value = [] {
        constexpr auto& literal = default_value<V>::value;
        default_spec d;
        if constexpr (literal.kind == literal_kind::boolean) {
            d.kind = default_kind::boolean;
            d.integer = literal.magnitude != 0 ? 1 : 0;
        } else if constexpr (literal.kind == literal_kind::integer) {
            d.kind = default_kind::integer;
            constexpr std::uint64_t limit = static_cast<std::uint64_t>(INT64_MAX);
            d.fits_int64 = literal.negative ? literal.magnitude <= limit + 1 : literal.magnitude <= limit;
            d.integer = literal.negative ? static_cast<std::int64_t>(~literal.magnitude + 1u)
                                         : static_cast<std::int64_t>(literal.magnitude);
        } else {
            d.kind = column_sql_type<Column>().kind == type_kind::real ? default_kind::real
                                                                      : default_kind::text;
            d.text = literal.text_view();
        }
        return d;
    }();
};
template <class Column>
struct default_spec_of<default_now, Column> {
    static constexpr default_spec value{default_kind::current_timestamp, 0, {}, true};
};

template <class Column>
inline constexpr column_spec column_spec_of{
    Column::sql_name.view(),
    column_sql_type<Column>(),
    Column::nullable,
    Column::is_autoincrement,
    default_spec_of<typename Column::default_option, Column>::value,
};

template <class List>
struct name_array;
template <class... Columns>
struct name_array<type_list<Columns...>> {
    static constexpr std::array<std::string_view, sizeof...(Columns)> value{
        Columns::sql_name.view()...};
};

template <class List>
struct column_spec_array;
template <class... Columns>
struct column_spec_array<type_list<Columns...>> {
    static constexpr std::array<column_spec, sizeof...(Columns)> value{column_spec_of<Columns>...};
};

// Keeps the elements of List satisfying Pred.
template <template <class> class Pred, class List>
struct filter;
template <template <class> class Pred, class... Ts>
struct filter<Pred, type_list<Ts...>> {
    using type = concat<std::conditional_t<Pred<Ts>::value, type_list<Ts>, type_list<>>...>;
};
template <template <class> class Pred, class List>
using filter_t = typename filter<Pred, List>::type;

template <class C>
struct is_pk_column : std::bool_constant<C::is_primary_key> {};
template <class C>
struct is_unique_column : std::bool_constant<C::is_unique> {};
template <class C>
struct has_references : std::bool_constant<C::has_references> {};
template <class C>
struct is_pk_constraint : std::bool_constant<constraint_kind<C> == 1> {};
template <class C>
struct is_unique_constraint : std::bool_constant<constraint_kind<C> == 2> {};
template <class C>
struct is_fk_constraint : std::bool_constant<constraint_kind<C> == 3> {};

template <class T>
using pk_columns_declared = filter_t<is_pk_column, columns_of<T>>;
template <class T>
using pk_constraints = filter_t<is_pk_constraint, constraints_of<T>>;
template <class T>
using unique_columns_declared = filter_t<is_unique_column, columns_of<T>>;
template <class T>
using unique_constraints = filter_t<is_unique_constraint, constraints_of<T>>;
template <class T>
using referencing_columns = filter_t<has_references, columns_of<T>>;
template <class T>
using fk_constraints = filter_t<is_fk_constraint, constraints_of<T>>;

// The primary key's columns: the column-level key if any, else the first primary_key_on.
template <class T, class Constraints = pk_constraints<T>>
struct primary_key_columns {
    using type = pk_columns_declared<T>;
};
template <class T, class First, class... Rest>
    requires(pk_columns_declared<T>::size == 0)
struct primary_key_columns<T, type_list<First, Rest...>> {
    using type = typename First::column_list;
};

// Every unique key as a list of columns: single-column ones first, then unique_on.
template <class Singles, class Constraints>
struct unique_key_lists;
template <class... Singles, class... Constraints>
struct unique_key_lists<type_list<Singles...>, type_list<Constraints...>> {
    using type = type_list<type_list<Singles>..., typename Constraints::column_list...>;
};
template <class T>
using unique_keys_of =
    typename unique_key_lists<unique_columns_declared<T>, unique_constraints<T>>::type;

template <class Keys>
struct key_arrays;
template <class... Keys>
struct key_arrays<type_list<Keys...>> {
    static constexpr std::array<name_list, sizeof...(Keys)> value{
        name_list{name_array<Keys>::value}...};
};

// Column-level references<...> normalised to single-column foreign_key constraints.
template <class Column>
using references_as_fk =
    foreign_key<type_list<Column>, type_list<typename Column::references_option::target_column>,
                Column::references_option::on_delete_action,
                Column::references_option::on_update_action>;

template <class Columns, class Constraints>
struct foreign_keys_list;
template <class... Columns, class... Constraints>
struct foreign_keys_list<type_list<Columns...>, type_list<Constraints...>> {
    using type = type_list<references_as_fk<Columns>..., Constraints...>;
};
template <class T>
using foreign_keys_of =
    typename foreign_keys_list<referencing_columns<T>, fk_constraints<T>>::type;

template <class TargetList>
struct target_table_name {
    static constexpr std::string_view value{};
};
template <class First, class... Rest>
struct target_table_name<type_list<First, Rest...>> {
    static constexpr std::string_view value = First::table_type::sql_name.view();
};

template <class FK>
inline constexpr foreign_key_spec foreign_key_spec_of{
    name_array<typename FK::column_list>::value,
    target_table_name<typename FK::target_column_list>::value,
    name_array<typename FK::target_column_list>::value,
    FK::on_delete_action,
    FK::on_update_action,
};

template <class FKs>
struct foreign_key_arrays;
template <class... FKs>
struct foreign_key_arrays<type_list<FKs...>> {
    static constexpr std::array<foreign_key_spec, sizeof...(FKs)> value{foreign_key_spec_of<FKs>...};
};

template <class Index>
inline constexpr index_spec index_spec_of{
    Index::sql_name.view(),
    Index::table_type::sql_name.view(),
    name_array<typename Index::column_list>::value,
    Index::is_unique,
};

template <class Indexes>
struct index_arrays;
template <class... Indexes>
struct index_arrays<type_list<Indexes...>> {
    static constexpr std::array<index_spec, sizeof...(Indexes)> value{index_spec_of<Indexes>...};
};

}  // namespace detail

// The declaration of table T as a value.
template <table_type T>
inline constexpr table_spec table_spec_of{
    T::sql_name.view(),
    detail::column_spec_array<columns_of<T>>::value,
    detail::name_array<typename detail::primary_key_columns<T>::type>::value,
    detail::key_arrays<detail::unique_keys_of<T>>::value,
    detail::foreign_key_arrays<detail::foreign_keys_of<T>>::value,
    detail::index_arrays<indexes_of<T>>::value,
};

}  // namespace ctsql
