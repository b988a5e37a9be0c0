// The rules a table or schema declaration must follow (ctsql[E001]..ctsql[E019]).
// check_table<T>() and check_schema<S>() stop at the first broken rule, so one mistake gives
// one short diagnostic. See docs/errors.md for each ID: message, cause, fix.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/numeric_text.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/creation_order.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/table.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::error {

using detail::dependent_false;

template <class Table, class Column>
struct duplicate_column_name {
    static_assert(dependent_false<Column>, "ctsql[E001] two columns of this table have the same SQL name");
};
template <class Table, class OtherTable>
struct duplicate_table_name {
    static_assert(dependent_false<Table>, "ctsql[E002] two tables of this schema have the same SQL name");
};
template <class Table, class Column>
struct primary_key_column_is_nullable {
    static_assert(dependent_false<Column>, "ctsql[E003] a primary key column must not be nullable (std::optional)");
};
template <class Table, class Column>
struct autoincrement_column_is_not_an_integer {
    static_assert(dependent_false<Column>, "ctsql[E004] autoincrement needs an integer column");
};
template <class Table, class Column>
struct autoincrement_column_is_not_the_sole_primary_key {
    static_assert(dependent_false<Column>, "ctsql[E005] an autoincrement column must be the table's single-column primary key");
};
template <class Table, class Column>
struct default_value_does_not_fit_column {
    static_assert(dependent_false<Column>, "ctsql[E006] the default value does not fit the column's type");
};
template <class Table, class ReferencedColumn>
struct referenced_column_is_not_in_its_table {
    static_assert(dependent_false<ReferencedColumn>, "ctsql[E007] a foreign key references a column that is not a member of its table");
};
template <class Table, class Column, class ReferencedColumn>
struct foreign_key_type_differs_from_referenced_column {
    static_assert(dependent_false<Column>, "ctsql[E008] a foreign key column's type differs from the referenced column's type");
};
template <class Table, class ConstraintOrIndex, class Column>
struct column_is_not_in_this_table {
    static_assert(dependent_false<Column>, "ctsql[E009] a key, foreign key or index lists a column that is not in its table");
};
template <class Table, class Named>
struct invalid_sql_name {
    static_assert(dependent_false<Named>, "ctsql[E010] a table, column or index name is empty or contains a NUL character");
};
template <class Table, class ForeignKey>
struct referenced_columns_are_not_a_key {
    static_assert(dependent_false<ForeignKey>, "ctsql[E011] a foreign key must reference the primary key or a unique constraint of the other table");
};
template <class Table, class ReferencedTable>
struct referenced_table_is_not_in_schema {
    static_assert(dependent_false<Table>, "ctsql[E012] a foreign key references a table that is not in this schema");
};
template <class Table, class Index>
struct duplicate_index_name {
    static_assert(dependent_false<Index>, "ctsql[E013] two indexes of this schema have the same name");
};
template <class Table>
struct more_than_one_primary_key {
    static_assert(dependent_false<Table>, "ctsql[E014] this table declares more than one primary key");
};
template <class Table, class Column>
struct autoincrement_column_has_default {
    static_assert(dependent_false<Column>, "ctsql[E022] an autoincrement column cannot also have a default value");
};
template <class Table, class Column>
struct unsupported_column_type {
    static_assert(dependent_false<Column>, "ctsql[E015] unsupported column type: use bool, an integer, float, double, std::string, ctsql::blob, ctsql::timestamp or std::optional of one");
};
template <class Table, class ForeignKey>
struct foreign_key_column_counts_differ {
    static_assert(dependent_false<ForeignKey>, "ctsql[E017] a foreign key must list as many columns as it references, and at least one");
};
template <class Table, class OtherTable>
struct foreign_keys_form_a_cycle {
    static_assert(dependent_false<Table>, "ctsql[E018] foreign keys between these two tables form a cycle, so no creation order exists");
};
template <class Table, class ConstraintOrIndex, class Column>
struct column_listed_twice {
    static_assert(dependent_false<Column>, "ctsql[E019] a key or index lists the same column twice");
};

}  // namespace ctsql::error

namespace ctsql::detail {

// Index of the first element of List for which pred(std::type_identity<T>{}) holds, or npos.
template <class List, class Pred>
constexpr std::size_t find_first(Pred pred) {
    return [&]<class... Ts>(type_list<Ts...>) {
        const bool flags[] = {false, pred(std::type_identity<Ts>{})...};
        return first_true(flags);
    }(List{});
}

template <class C>
using type_of = typename C::type;

// Position of the first name equal to an earlier one, or npos.
template <std::size_t N>
constexpr std::size_t first_duplicate(const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (names[i] == names[j]) return i;
    return npos;
}
template <std::size_t N>
constexpr std::size_t first_equal(const std::array<std::string_view, N>& names, std::string_view name) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return i;
    return npos;
}

template <class Column>
constexpr bool default_fits_column() {
    constexpr default_spec d = column_spec_of<Column>.default_value;
    constexpr sql_type type = column_sql_type<Column>();
    using V = typename Column::value_type;
    switch (d.kind) {
        case default_kind::none: return true;
        case default_kind::boolean: return type.kind == type_kind::boolean;
        case default_kind::text: return type.kind == type_kind::text;
        case default_kind::real: return type.kind == type_kind::real && is_decimal_number(d.text);
        case default_kind::current_timestamp: return type.kind == type_kind::timestamp;
        case default_kind::integer:
            if (type.kind == type_kind::real) return d.fits_int64;
            if constexpr (is_sql_integer<V>) {
                if (!d.fits_int64) return false;
                if constexpr (std::is_unsigned_v<V>) {
                    return d.integer >= 0 &&
                           static_cast<std::uint64_t>(d.integer) <= std::numeric_limits<V>::max();
                } else {
                    return d.integer >= std::numeric_limits<V>::min() &&
                           d.integer <= std::numeric_limits<V>::max();
                }
            }
            return false;
    }
    return false;
}

constexpr bool same_name_set(name_list a, name_list b) noexcept {
    if (a.size() != b.size()) return false;
    for (auto name : a) {
        bool found = false;
        for (auto other : b) found = found || other == name;
        if (!found) return false;
    }
    return true;
}

// Whether `columns` is the primary key or a unique constraint of `table` (what a foreign key
// may reference: PostgreSQL needs the constraint to exist when the referencing table is
// created, and create_all creates indexes after all tables).
constexpr bool is_constraint_key_of(const table_spec& table, name_list columns) noexcept {
    if (same_name_set(table.primary_key, columns)) return true;
    for (auto key : table.unique_keys)
        if (same_name_set(key, columns)) return true;
    return false;
}

// Whether `columns` is the primary key, a unique constraint or a unique index of `table`
// (what ON CONFLICT may name).
constexpr bool is_key_of(const table_spec& table, name_list columns) noexcept {
    if (is_constraint_key_of(table, columns)) return true;
    for (const auto& index : table.indexes)
        if (index.unique && same_name_set(index.columns, columns)) return true;
    return false;
}

// is_constraint_key_of for a table type, from its key lists only (a foreign key's check):
// table_spec_of<T> would compute every column's spec, and std::span's constructors cost
// more to instantiate than the comparisons.
template <std::size_t N, std::size_t M>
constexpr bool same_name_set(const std::array<std::string_view, N>& a, const std::array<std::string_view, M>& b) noexcept {
    if constexpr (N != M) {
        return false;
    } else {
        for (auto name : a) {
            bool found = false;
            for (auto other : b) found = found || other == name;
            if (!found) return false;
        }
        return true;
    }
}
template <class Table, class Columns>
constexpr bool is_constraint_key_list() noexcept {
    constexpr auto& columns = name_array<Columns>::value;
    return same_name_set(name_array<typename primary_key_columns<Table>::type>::value, columns) ||
           []<class... Keys>(type_list<Keys...>) {
               return (same_name_set(name_array<Keys>::value, columns) || ...);
           }(unique_keys_of<Table>{});
}

template <class Column, class Table>
constexpr bool is_member_column = contains<Column, columns_of<Table>>;

// First column of List that is not a member of Table, or npos.
template <class Table, class List>
constexpr std::size_t first_foreign_column() {
    return find_first<List>([](auto c) { return !is_member_column<type_of<decltype(c)>, Table>; });
}

// Checks one constraint or index (Owner) whose columns must all belong to Table.
template <class Table, class Owner, class List>
constexpr auto check_member_columns() {
    constexpr std::size_t outsider = first_foreign_column<Table, List>();
    constexpr std::size_t repeated = first_duplicate(name_array<List>::value);
    if constexpr (outsider != npos)
        return report<error::column_is_not_in_this_table<Table, Owner, at<outsider, List>>>();
    else if constexpr (repeated != npos)
        return report<error::column_listed_twice<Table, Owner, at<repeated, List>>>();
    else
        return pass();
}

template <class Table, class FK>
constexpr auto check_foreign_key() {
    using local = typename FK::column_list;
    using target = typename FK::target_column_list;
    if constexpr (local::size != target::size || local::size == 0) {
        return report<error::foreign_key_column_counts_differ<Table, FK>>();
    } else {
        constexpr std::size_t outsider = first_foreign_column<Table, local>();
        constexpr std::size_t stray = find_first<target>([](auto c) {
            using C = type_of<decltype(c)>;
            return !is_member_column<C, typename C::table_type>;
        });
        constexpr std::size_t mismatch = [] {
            return [&]<class... Ls, class... Ts>(type_list<Ls...>, type_list<Ts...>) {
                const bool flags[] = {false, !(column_sql_type<Ls>() == column_sql_type<Ts>())...};
                return first_true(flags);
            }(local{}, target{});
        }();
        using target_table = typename at<0, target>::table_type;
        constexpr std::size_t other_table = find_first<target>([](auto c) {
            return !std::is_same_v<typename type_of<decltype(c)>::table_type, target_table>;
        });
        if constexpr (outsider != npos)
            return report<error::column_is_not_in_this_table<Table, FK, at<outsider, local>>>();
        else if constexpr (stray != npos)
            return report<error::referenced_column_is_not_in_its_table<Table, at<stray, target>>>();
        else if constexpr (other_table != npos)
            return report<error::column_is_not_in_this_table<target_table, FK, at<other_table, target>>>();
        else if constexpr (mismatch != npos)
            return report<error::foreign_key_type_differs_from_referenced_column<
                Table, at<mismatch, local>, at<mismatch, target>>>();
        else if constexpr (!is_constraint_key_list<target_table, target>())
            return report<error::referenced_columns_are_not_a_key<Table, FK>>();
        else
            return pass();
    }
}

// The checks of a list stop at the first broken entry, so one mistake gives one diagnostic.
template <class Table, class List>
constexpr auto check_all_foreign_keys() {
    if constexpr (List::size == 0) return pass();
    else if constexpr (!decltype(check_foreign_key<Table, at<0, List>>())::ok)
        return check_foreign_key<Table, at<0, List>>();
    else return check_all_foreign_keys<Table, drop_first<List>>();
}

template <class Table, class List>
constexpr auto check_all_constraints() {
    if constexpr (List::size == 0) return pass();
    else if constexpr (!decltype(check_member_columns<Table, at<0, List>, typename at<0, List>::column_list>())::ok)
        return check_member_columns<Table, at<0, List>, typename at<0, List>::column_list>();
    else return check_all_constraints<Table, drop_first<List>>();
}

template <class Table, class Index>
constexpr auto check_index() {
    if constexpr (!is_valid_sql_name(Index::sql_name.view()))
        return report<error::invalid_sql_name<Table, Index>>();
    else
        return check_member_columns<Table, Index, typename Index::column_list>();
}

template <class Table>
constexpr auto check_table_name() {
    if constexpr (!is_valid_sql_name(Table::sql_name.view()))
        return report<error::invalid_sql_name<Table, Table>>();
    else
        return pass();
}

template <class Table, class List>
constexpr auto check_all_indexes() {
    if constexpr (List::size == 0) return pass();
    else if constexpr (!decltype(check_index<Table, at<0, List>>())::ok)
        return check_index<Table, at<0, List>>();
    else return check_all_indexes<Table, drop_first<List>>();
}

// The rules that look at one column at a time, checked in one pass over the columns (no
// instantiation per column and rule): the position of the first column breaking each, or npos.
struct column_rule_breaks {
    std::size_t bad_name, bad_type, autoinc_not_int, autoinc_not_pk, autoinc_default, bad_default;
};

// The autoincrement and default rules need the column's SQL type and default: looked at only
// for a column that has the option (std::conditional_t picks the class, so the other columns
// instantiate nothing).
struct no_column_option {
    static constexpr bool autoincrement_not_integer = false;
    static constexpr bool default_fits = true;
};
template <class C>
struct autoincrement_column_facts : no_column_option {
    static constexpr bool autoincrement_not_integer = column_sql_type<C>().kind != type_kind::integer;
};
template <class C>
struct default_column_facts : no_column_option {
    static constexpr bool default_fits = default_fits_column<C>();
};

template <class PkList, class... Cs>
constexpr column_rule_breaks check_columns_one_by_one(type_list<Cs...>) noexcept {
    const bool bad_name[] = {false, !is_valid_sql_name(Cs::sql_name.view())...};
    const bool bad_type[] = {false, !is_column_type_v<typename Cs::cpp_type>...};
    const bool autoinc_not_int[] = {
        false, std::conditional_t<Cs::is_autoincrement, autoincrement_column_facts<Cs>, no_column_option>::autoincrement_not_integer...};
    // an autoincrement column must be the single-column primary key
    const bool autoinc_not_pk[] = {false, (Cs::is_autoincrement && !std::is_same_v<PkList, type_list<Cs>>)...};
    const bool autoinc_default[] = {false, (Cs::is_autoincrement && Cs::has_default)...};
    const bool bad_default[] = {
        false, !std::conditional_t<Cs::has_default, default_column_facts<Cs>, no_column_option>::default_fits...};
    return {first_true(bad_name),        first_true(bad_type),        first_true(autoinc_not_int),
            first_true(autoinc_not_pk),  first_true(autoinc_default), first_true(bad_default)};
}

template <class... Cs>
constexpr std::size_t first_nullable(type_list<Cs...>) noexcept {
    const bool nullable[] = {false, Cs::nullable...};
    return first_true(nullable);
}

template <table_type Table>
constexpr auto check_table_impl() {
    using cols = columns_of<Table>;
    using pk_list = typename primary_key_columns<Table>::type;
    constexpr column_rule_breaks breaks = check_columns_one_by_one<pk_list>(cols{});
    constexpr std::size_t bad_name = breaks.bad_name;
    constexpr std::size_t bad_type = breaks.bad_type;
    constexpr std::size_t duplicate = first_duplicate(name_array<cols>::value);
    // Each column-level primary_key is a declaration of its own (SQLite rejects two), so two
    // of them are an error, not a composite key: that is what primary_key_on is for.
    constexpr std::size_t pk_declarations = pk_columns_declared<Table>::size + pk_constraints<Table>::size;
    constexpr std::size_t nullable_pk = first_nullable(pk_list{});
    constexpr std::size_t autoinc_not_int = breaks.autoinc_not_int;
    constexpr std::size_t autoinc_not_pk = breaks.autoinc_not_pk;
    constexpr std::size_t autoinc_default = breaks.autoinc_default;
    constexpr std::size_t bad_default = breaks.bad_default;

    if constexpr (!is_valid_sql_name(Table::sql_name.view()))
        return report<error::invalid_sql_name<Table, Table>>();
    else if constexpr (bad_name != npos)
        return report<error::invalid_sql_name<Table, at<bad_name, cols>>>();
    else if constexpr (bad_type != npos)
        return report<error::unsupported_column_type<Table, at<bad_type, cols>>>();
    else if constexpr (duplicate != npos)
        return report<error::duplicate_column_name<Table, at<duplicate, cols>>>();
    else if constexpr (pk_declarations > 1)
        return report<error::more_than_one_primary_key<Table>>();
    else if constexpr (!decltype(check_all_constraints<Table, constraints_of<Table>>())::ok)
        return check_all_constraints<Table, constraints_of<Table>>();
    else if constexpr (nullable_pk != npos)
        return report<error::primary_key_column_is_nullable<Table, at<nullable_pk, pk_list>>>();
    else if constexpr (autoinc_not_int != npos)
        return report<error::autoincrement_column_is_not_an_integer<Table, at<autoinc_not_int, cols>>>();
    else if constexpr (autoinc_not_pk != npos)
        return report<error::autoincrement_column_is_not_the_sole_primary_key<Table, at<autoinc_not_pk, cols>>>();
    else if constexpr (autoinc_default != npos)
        return report<error::autoincrement_column_has_default<Table, at<autoinc_default, cols>>>();
    else if constexpr (bad_default != npos)
        return report<error::default_value_does_not_fit_column<Table, at<bad_default, cols>>>();
    else if constexpr (!decltype(check_all_indexes<Table, indexes_of<Table>>())::ok)
        return check_all_indexes<Table, indexes_of<Table>>();
    else
        return check_all_foreign_keys<Table, foreign_keys_of<Table>>();
}

}  // namespace ctsql::detail

namespace ctsql {

// The first rule table T breaks (detail::no_error when none); table_is_valid<T> is whether
// it breaks none. Neither fires a diagnostic: entry points do, with
// static_assert(detail::enforce<detail::rule_of<table_verdict<T>>>::ok).
template <table_type T>
using table_verdict = decltype(detail::check_table_impl<T>());
template <table_type T>
inline constexpr bool table_is_valid = table_verdict<T>::ok;

}  // namespace ctsql

namespace ctsql::detail {

template <class Tables>
struct all_indexes;
template <class... Tables>
struct all_indexes<type_list<Tables...>> {
    using type = concat<indexes_of<Tables>...>;
};

template <class Schema>
constexpr auto check_schema_indexes() {
    using indexes = typename all_indexes<typename Schema::table_list>::type;
    constexpr std::size_t duplicate = first_duplicate(name_array<indexes>::value);
    if constexpr (duplicate != npos)
        return report<error::duplicate_index_name<typename at<duplicate, indexes>::table_type,
                                                  at<duplicate, indexes>>>();
    else
        return pass();
}

template <class Tables>
constexpr auto all_tables_valid() {
    if constexpr (Tables::size == 0) return pass();
    else if constexpr (!table_is_valid<at<0, Tables>>) return table_verdict<at<0, Tables>>{};
    else return all_tables_valid<drop_first<Tables>>();
}

template <class Schema>
constexpr auto check_schema_impl() {
    using tables = typename Schema::table_list;
    constexpr auto names = name_array<tables>::value;
    constexpr std::size_t duplicate = first_duplicate(names);
    // first table with a foreign key to a table outside the schema
    constexpr std::size_t outside = find_first<tables>([](auto t) {
        return [&]<class... Refs>(type_list<Refs...>) {
            for (bool in : {true, contains<Refs, tables>...})
                if (!in) return true;
            return false;
        }(typename referenced_tables<type_of<decltype(t)>>::type{});
    });
    constexpr auto order = creation_order<Schema>::value;

    if constexpr (!decltype(all_tables_valid<tables>())::ok)
        return all_tables_valid<tables>();
    else if constexpr (duplicate != npos)
        return report<error::duplicate_table_name<
            at<duplicate, tables>, at<first_equal(names, names[duplicate]), tables>>>();
    else if constexpr (outside != npos)
        return report<error::referenced_table_is_not_in_schema<
            at<outside, tables>,
            at<find_first<typename referenced_tables<at<outside, tables>>::type>(
                   [](auto r) { return !contains<type_of<decltype(r)>, tables>; }),
               typename referenced_tables<at<outside, tables>>::type>>>();
    else if constexpr (order.first_blocked != npos)
        return report<error::foreign_keys_form_a_cycle<at<order.first_blocked, tables>, at<order.blocked_by, tables>>>();
    else
        return check_schema_indexes<Schema>();
}

}  // namespace ctsql::detail

namespace ctsql {

// The first rule schema S or one of its tables breaks; schema_is_valid<S> is whether none.
template <schema_type S>
using schema_verdict = decltype(detail::check_schema_impl<S>());
template <schema_type S>
inline constexpr bool schema_is_valid = schema_verdict<S>::ok;

}  // namespace ctsql
