// A table declared from a Boost.Hana-adapted struct: the struct's field names become the
// column names, its field types the column types.
//
//   struct Article { std::int64_t id; std::string title; std::optional<std::string> body; };
//   BOOST_HANA_ADAPT_STRUCT(Article, id, title, body);
//
//   struct articles_t : ctsql::struct_table<articles_t, Article, "articles",
//                           ctsql::column_options<"id", ctsql::primary_key, ctsql::autoincrement>,
//                           ctsql::column_options<"title", ctsql::unique>> {
//       using indexes = ctsql::indexes<ctsql::index<"articles_by_title", column_t<"title">>>;
//   };
//   inline constexpr articles_t articles{};   // articles.c<"title"> is a column
//
// Kept out of <ctsql/ctsql.hpp>: only this header includes Hana (and only the parts it uses).
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column.hpp"

namespace ctsql {

// Options for the struct field (column) called Name.
template <fixed_string Name, class... Options>
struct column_options {
    static constexpr auto field_name = Name;
    using options = type_list<Options...>;
};

namespace error {
template <class Struct, class Options>
struct column_options_name_no_field {
    static_assert(detail::dependent_false<Options>, "ctsql[E020] column_options names a field that the struct does not have");
};
template <class Table, class Name>
struct no_column_with_this_name {
    static_assert(detail::dependent_false<Name>, "ctsql[E021] the table has no column with this name");
};
}  // namespace error

namespace detail {

template <class HanaString>
struct hana_name;
template <char... Chars>
struct hana_name<boost::hana::string<Chars...>> {
    static constexpr fixed_string<sizeof...(Chars)> value = [] {
        fixed_string<sizeof...(Chars)> name{};
        std::size_t i = 0;
        ((name.data[i++] = Chars), ...);
        return name;
    }();
};

template <class Struct>
inline constexpr std::size_t hana_field_count =
    decltype(boost::hana::length(boost::hana::accessors<Struct>()))::value;

template <class Struct, std::size_t I>
using hana_field_pair =
    std::remove_cvref_t<decltype(boost::hana::at_c<I>(boost::hana::accessors<Struct>()))>;

template <class Struct, std::size_t I>
inline constexpr auto hana_field_name =
    hana_name<std::remove_cvref_t<decltype(boost::hana::first(std::declval<hana_field_pair<Struct, I>>()))>>::value;

template <class Struct, std::size_t I>
using hana_field_type = std::remove_cvref_t<decltype(boost::hana::second(
    std::declval<hana_field_pair<Struct, I>>())(std::declval<Struct&>()))>;

// Options of the field called Name: those of the matching column_options, else none.
template <fixed_string Name, class... ColumnOptions>
struct options_for {
    using type = type_list<>;
};
template <fixed_string Name, class First, class... Rest>
struct options_for<Name, First, Rest...> {
    using type = std::conditional_t<First::field_name == Name, typename First::options,
                                    typename options_for<Name, Rest...>::type>;
};

template <class Table, fixed_string Name, class T, class Options>
struct column_with_options;
template <class Table, fixed_string Name, class T, class... Options>
struct column_with_options<Table, Name, T, type_list<Options...>> {
    using type = column<Table, Name, T, Options...>;
};

}  // namespace detail

// Column I of a struct table: a named type, so diagnostics show struct_column<table, I>.
template <class Table, class Struct, std::size_t I, class... ColumnOptions>
struct struct_column
    : detail::column_with_options<Table, detail::hana_field_name<Struct, I>, detail::hana_field_type<Struct, I>,
                                  typename detail::options_for<detail::hana_field_name<Struct, I>,
                                                               ColumnOptions...>::type>::type {};

template <class Table, class Struct, fixed_string Name, class... ColumnOptions>
struct struct_table {
    static constexpr auto sql_name = Name;
    using row_struct = Struct;

  private:
    template <class Sequence>
    struct make_columns;
    template <std::size_t... I>
    struct make_columns<std::index_sequence<I...>> {
        using type = type_list<struct_column<Table, Struct, I, ColumnOptions...>...>;
    };

    template <fixed_string Field>
    static constexpr std::size_t field_index() {
        return []<std::size_t... I>(std::index_sequence<I...>) {
            const bool flags[] = {false, (detail::hana_field_name<Struct, I> == Field)...};
            return detail::first_true(flags);
        }(std::make_index_sequence<detail::hana_field_count<Struct>>{});
    }

    template <class Options>
    static constexpr auto check_options_name_a_field() {
        if constexpr (field_index<Options::field_name>() == detail::npos)
            return detail::report<error::column_options_name_no_field<Struct, Options>>();
        else
            return detail::pass();
    }

  public:
    using column_list = typename make_columns<std::make_index_sequence<detail::hana_field_count<Struct>>>::type;

    // The column called ColumnName; ctsql[E021] when there is none.
    template <fixed_string ColumnName>
    struct column_lookup {
        static constexpr std::size_t index = field_index<ColumnName>();
        static_assert(::ctsql::detail::enforce<std::conditional_t<index == detail::npos,
                                                error::no_column_with_this_name<Table, column_options<ColumnName>>,
                                                detail::no_error>>::ok);
        using type = detail::at<index == detail::npos ? 0 : index, column_list>;
    };

    // The type of the column called ColumnName.
    template <fixed_string ColumnName>
    using column_t = typename column_lookup<ColumnName>::type;

    // The column called ColumnName, as a value: articles.c<"title">.
    template <fixed_string ColumnName>
    static constexpr column_t<ColumnName> c{};

    static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(check_options_name_a_field<ColumnOptions>())...>>::ok);
};

}  // namespace ctsql
