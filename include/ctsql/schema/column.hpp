// A column is a type that knows its table, SQL name, C++ type and options. Declare it as a
// named struct member so diagnostics print "users_t::email_c" on every compiler:
//
//   struct users_t {
//       static constexpr ctsql::fixed_string sql_name = "users";
//       struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
//   };
#pragma once

#include <type_traits>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/schema/column_options.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

template <class Table, fixed_string Name, class T, class... Options>
struct column {
    using table_type = Table;
    using cpp_type = T;                   // as declared, std::optional<U> when nullable
    using value_type = value_type_t<T>;   // without std::optional
    using default_option = typename detail::find_option<detail::is_default_pred, detail::no_default,
                                                        Options...>::type;
    using references_option =
        typename detail::find_option<detail::is_references_pred, void, Options...>::type;

    static constexpr auto sql_name = Name;
    static constexpr bool nullable = is_optional_v<T>;
    static constexpr bool is_primary_key = (std::is_same_v<Options, primary_key> || ...);
    static constexpr bool is_autoincrement = (std::is_same_v<Options, autoincrement> || ...);
    static constexpr bool is_unique = (std::is_same_v<Options, unique> || ...);
    static constexpr bool has_default = !std::is_same_v<default_option, detail::no_default>;
    static constexpr bool has_references = !std::is_void_v<references_option>;
};

// Anything derived from ctsql::column (detected by its members, not by pattern matching on
// the base template, so named derived structs are recognised too).
template <class C>
concept column_type = requires {
    typename C::table_type;
    typename C::cpp_type;
    typename C::default_option;
    C::sql_name;
    { C::nullable } -> std::convertible_to<bool>;
};

}  // namespace ctsql
