// Where each result column goes, decided at compile time: fetch_all<Target>(stmt, ...) reads
// the statement's row (result_row_t<S>) into a Target that is one of
//
//   the statement's row type        (the default: fetch_all(stmt, ...))
//   another ctsql::row, std::tuple, std::pair   by position
//   a single value type             (std::int64_t, std::optional<std::string>, ...) for a
//                                   one-column result
//   a Boost.Hana struct             by field NAME (include ctsql/connector/hana_rows.hpp)
//   any other aggregate             by position, through Boost.PFR
//
// Every field is checked against its column: the same number of fields as columns (by
// position), a column of the same name (by name), a type that holds every value of the
// column's type (value_rules.hpp) and std::optional for a column that can be NULL.
//
//   ctsql[E064] fetch from a statement that returns no rows
//   ctsql[E065] the target has not one field per column (or a single value for several columns)
//   ctsql[E066] a field's type cannot hold the column's values
//   ctsql[E067] a column that can be NULL read into a field that is not std::optional
//   ctsql[E068] a Hana struct field has no column of the same name
//   ctsql[E069] a BOOST_HANA_DEFINE_STRUCT struct without ctsql/connector/hana_rows.hpp
//   ctsql[E071] the target type cannot hold a row (not an aggregate, a tuple or a value type)
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>

#include "ctsql/connector/value_rules.hpp"
#include "ctsql/detail/aggregate_fields.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/result/row.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

// Specialised by ctsql/connector/hana_rows.hpp for structs that map by field name:
//   static constexpr std::size_t size; static constexpr std::string_view name<K>;
//   template <std::size_t K> using member_type; template <std::size_t K> static auto& member(T&).
template <class T>
struct by_name_row_traits {};

namespace detail {

template <class T>
concept by_name_row = requires { by_name_row_traits<T>::size; };

template <class T>
concept hana_defined_struct = requires { typename T::hana_accessors_impl; };

template <class T>
inline constexpr bool is_std_tuple = false;
template <class... Ts>
inline constexpr bool is_std_tuple<std::tuple<Ts...>> = true;
template <class A, class B>
inline constexpr bool is_std_tuple<std::pair<A, B>> = true;

enum class mapping_kind : unsigned char { tuple_like, scalar, by_name, aggregate, invalid };

template <class Target>
constexpr mapping_kind mapping_kind_of() noexcept {
    if constexpr (is_row_v<Target> || is_std_tuple<Target>) return mapping_kind::tuple_like;
    else if constexpr (is_column_type_v<Target>) return mapping_kind::scalar;
    else if constexpr (by_name_row<Target>) return mapping_kind::by_name;
    else if constexpr (std::is_aggregate_v<Target> && !std::is_array_v<Target> && !hana_defined_struct<Target>)
        return mapping_kind::aggregate;
    else return mapping_kind::invalid;
}

template <class Row>
struct row_columns;
template <class... Fields>
struct row_columns<row<Fields...>> {
    static constexpr std::size_t size = sizeof...(Fields);
    static constexpr std::string_view names[sizeof...(Fields) + 1] = {Fields::name.view()..., {}};
    template <std::size_t I>
    using type = typename at<I, type_list<Fields...>>::type;
    static constexpr std::size_t index_of(std::string_view name) noexcept {
        for (std::size_t i = 0; i != size; ++i)
            if (names[i] == name) return i;
        return npos;
    }
};

}  // namespace detail

namespace error {

template <class Statement>
struct statement_returns_no_rows {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E064] fetch from a statement that returns no rows: use execute() instead");
};

template <class Target, std::size_t Fields, class ResultRow, std::size_t Columns>
struct field_count_differs_from_column_count {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E065] the target type needs exactly one field per result column (a single "
                  "value needs a one-column result)");
};

template <class Target, std::size_t Field, class FieldType, class Column>
struct field_type_cannot_hold_column {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E066] field type cannot hold every value of the column's type (see Column "
                  "and FieldType below)");
};

template <class Target, std::size_t Field, class FieldType, class Column>
struct nullable_column_into_non_optional_field {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E067] the column can be NULL but the field is not std::optional");
};

template <class Target, std::size_t Field, class ResultRow>
struct field_has_no_column_of_the_same_name {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E068] a field of the Hana struct has no result column of the same name");
};

template <class Target>
struct hana_struct_needs_hana_rows_header {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E069] a BOOST_HANA_DEFINE_STRUCT struct maps by field name: include "
                  "<ctsql/connector/hana_rows.hpp>");
};

template <class Target>
struct type_cannot_hold_a_row {
    static_assert(detail::dependent_false<Target>,
                  "ctsql[E071] cannot read a row into this type: use the statement's row, an "
                  "aggregate struct, a std::tuple or (for one column) a value type");
};

}  // namespace error

namespace detail {

// The verdict on a field of type Field holding every value of column ColumnField.
template <class Target, std::size_t K, class Field, class ColumnField>
constexpr auto check_field() {
    // Field: the member's type; ColumnField: ctsql::field<"name", T> of the result row.
    using Column = typename ColumnField::type;
    if constexpr (is_optional_v<Column> && !is_optional_v<Field>) {
        return report<error::nullable_column_into_non_optional_field<Target, K, Field, ColumnField>>();
    } else if constexpr (!is_column_type_v<Field>) {
        return report<error::field_type_cannot_hold_column<Target, K, Field, ColumnField>>();
    } else {
        constexpr conversion c = value_conversion<value_type_t<Field>, value_type_t<Column>>();
        if constexpr (c == conversion::exact || c == conversion::lossless) return pass();
        else return report<error::field_type_cannot_hold_column<Target, K, Field, ColumnField>>();
    }
}

// Counting an aggregate's fields. The result's column count is known, so the probe of exactly
// that count (detail/aggregate_fields.hpp) replaces Boost.PFR's search, which costs g++ about
// 5 ms per struct. Any other outcome asks PFR: its count goes into ctsql[E065], and its
// static_asserts name what it cannot reflect (base classes, unions, ...).
template <class T, std::size_t Expected>
constexpr std::size_t aggregate_field_count() noexcept {
#if BOOST_PFR_USE_CPP17
    if constexpr (has_exactly_fields<T, Expected>())
        return Expected;
    else
#endif
        return boost::pfr::tuple_size_v<T>;
}

// Field K of an aggregate of N fields. PFR's public get<K> would count the fields again (the
// search above); its C++17 core takes the count.
template <std::size_t K, std::size_t N, class T>
constexpr auto& aggregate_field(T& value) noexcept {
#if BOOST_PFR_USE_CPP17
    return boost::pfr::detail::sequence_tuple::get<K>(
        boost::pfr::detail::tie_as_tuple(value, boost::pfr::detail::size_t_<N>{}));
#else
    return boost::pfr::get<K>(value);
#endif
}

template <class Target, std::size_t K, mapping_kind Kind, std::size_t Size>
struct positional_member;
template <class Target, std::size_t K, std::size_t Size>
struct positional_member<Target, K, mapping_kind::aggregate, Size> {
#if BOOST_PFR_USE_CPP17
    using type = typename boost::pfr::detail::sequence_tuple::tuple_element<
        K, decltype(boost::pfr::detail::tie_as_tuple(std::declval<Target&>(), boost::pfr::detail::size_t_<Size>{}))>::type;
#else
    using type = boost::pfr::tuple_element_t<K, Target>;
#endif
};
template <class Target, std::size_t K, std::size_t Size>
struct positional_member<Target, K, mapping_kind::tuple_like, Size> {
    using type = std::tuple_element_t<K, Target>;
};

template <class Target, class Row, mapping_kind Kind = mapping_kind_of<Target>()>
struct row_mapping {};  // mapping_kind::invalid: check_mapping reports it

// Positional: ctsql::row, std::tuple, std::pair, PFR aggregates.
template <class Target, class Row, mapping_kind Kind>
    requires(Kind == mapping_kind::tuple_like || Kind == mapping_kind::aggregate)
struct row_mapping<Target, Row, Kind> {
    static constexpr std::size_t size = [] {
        if constexpr (Kind == mapping_kind::aggregate) return aggregate_field_count<Target, row_columns<Row>::size>();
        else return std::tuple_size_v<Target>;
    }();
    template <std::size_t K>
    using member_type = typename positional_member<Target, K, Kind, size>::type;
    template <std::size_t K>
    static constexpr std::size_t column = K;
    template <std::size_t K>
    static constexpr auto& member(Target& target) noexcept {
        if constexpr (Kind == mapping_kind::aggregate) return aggregate_field<K, size>(target);
        else if constexpr (is_row_v<Target>) return target.template get<K>();
        else return std::get<K>(target);
    }
};

// A single value from a one-column result.
template <class Target, class Row>
struct row_mapping<Target, Row, mapping_kind::scalar> {
    static constexpr std::size_t size = 1;
    template <std::size_t K>
    using member_type = Target;
    template <std::size_t K>
    static constexpr std::size_t column = 0;
    template <std::size_t K>
    static constexpr Target& member(Target& target) noexcept {
        return target;
    }
};

// By name (Hana structs): every field has a column of the same name; other columns are ignored.
template <class Target, class Row>
struct row_mapping<Target, Row, mapping_kind::by_name> {
    using traits = by_name_row_traits<Target>;
    static constexpr std::size_t size = traits::size;
    template <std::size_t K>
    using member_type = typename traits::template member_type<K>;
    template <std::size_t K>
    static constexpr std::size_t column = row_columns<Row>::index_of(traits::template name<K>);
    template <std::size_t K>
    static constexpr auto& member(Target& target) noexcept {
        return traits::template member<K>(target);
    }
};

template <class Target, class Row, class Mapping, std::size_t K>
constexpr auto check_mapped_field() {
    if constexpr (Mapping::template column<K> == npos)
        return report<error::field_has_no_column_of_the_same_name<Target, K, Row>>();
    else
        return check_field<Target, K, typename Mapping::template member_type<K>,
                           at<Mapping::template column<K>, typename Row::fields>>();
}

template <class Target, class Row, class Mapping, class Sequence>
struct mapped_fields_checker;
template <class Target, class Row, class Mapping, std::size_t... K>
struct mapped_fields_checker<Target, Row, Mapping, std::index_sequence<K...>> {
    using type = first_failure<decltype(check_mapped_field<Target, Row, Mapping, K>())...>;
};

// The same checks for an aggregate read by position, in one pass: one verdict per (field type,
// column type) pair, shared by every row type with that pair, and a rule instantiated only for
// the first field that fails (the generic checker above instantiates two functions per field).
enum class field_verdict : unsigned char { ok, nullable_into_plain, cannot_hold };

template <class Field, class Column>
constexpr field_verdict field_verdict_of() noexcept {
    if constexpr (is_optional_v<Column> && !is_optional_v<Field>) {
        return field_verdict::nullable_into_plain;
    } else if constexpr (!is_column_type_v<Field>) {
        return field_verdict::cannot_hold;
    } else {
        constexpr conversion c = value_conversion<value_type_t<Field>, value_type_t<Column>>();
        return c == conversion::exact || c == conversion::lossless ? field_verdict::ok : field_verdict::cannot_hold;
    }
}

// The field types of an aggregate of N fields: the types Boost.PFR ties.
template <class Tied>
struct tied_field_types;
template <class... F>
struct tied_field_types<boost::pfr::detail::sequence_tuple::tuple<F&...>> {
    using type = type_list<F...>;
};

template <class Target, class Fields, class Columns>
struct positional_fields_checker;
template <class Target, class... F, class... C>
struct positional_fields_checker<Target, type_list<F...>, type_list<C...>> {
    static constexpr field_verdict verdicts[sizeof...(F) + 1] = {field_verdict::ok,
                                                                  field_verdict_of<F, typename C::type>()...};
    static constexpr bool failed[] = {false, (field_verdict_of<F, typename C::type>() != field_verdict::ok)...};
    static constexpr std::size_t first = first_true(failed);
    static constexpr auto verdict() {
        if constexpr (first == npos) {
            return pass();
        } else {
            using Field = at<first, type_list<F...>>;
            using ColumnField = at<first, type_list<C...>>;
            if constexpr (verdicts[first + 1] == field_verdict::nullable_into_plain)
                return report<error::nullable_column_into_non_optional_field<Target, first, Field, ColumnField>>();
            else return report<error::field_type_cannot_hold_column<Target, first, Field, ColumnField>>();
        }
    }
    using type = decltype(verdict());
};

// The verdict on reading rows of Row into Target: every field has a compatible column.
template <class Target, class Row>
constexpr auto check_mapping() {
    constexpr mapping_kind kind = mapping_kind_of<Target>();
    if constexpr (kind == mapping_kind::invalid) {
        if constexpr (hana_defined_struct<Target>) return report<error::hana_struct_needs_hana_rows_header<Target>>();
        else return report<error::type_cannot_hold_a_row<Target>>();
    } else {
        using Mapping = row_mapping<Target, Row>;
        if constexpr (kind != mapping_kind::by_name && Mapping::size != row_columns<Row>::size)
            return report<error::field_count_differs_from_column_count<Target, Mapping::size, Row, row_columns<Row>::size>>();
#if BOOST_PFR_USE_CPP17
        else if constexpr (kind == mapping_kind::aggregate)
            return typename positional_fields_checker<
                Target,
                typename tied_field_types<decltype(boost::pfr::detail::tie_as_tuple(
                    std::declval<Target&>(), boost::pfr::detail::size_t_<Mapping::size>{}))>::type,
                typename Row::fields>::type{};
#endif
        else return typename mapped_fields_checker<Target, Row, Mapping, std::make_index_sequence<Mapping::size>>::type{};
    }
}

// The Target of fetch_all<Target>: `void` (the default) means the statement's own row type.
template <class Target, class Row>
using fetch_target = std::conditional_t<std::is_void_v<Target>, Row, Target>;

// The verdict on fetching rows of Statement (row type Row) into Target (void: Row itself).
template <class Statement, class Row, class Target>
constexpr auto check_fetch_target() {
    if constexpr (std::is_void_v<Row>) return report<error::statement_returns_no_rows<Statement>>();
    else if constexpr (std::is_void_v<Target> || std::is_same_v<Target, Row>) return pass();
    else return check_mapping<Target, Row>();
}

}  // namespace detail
}  // namespace ctsql
