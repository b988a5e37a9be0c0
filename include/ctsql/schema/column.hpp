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

// Member shorthands (users.name.desc(), users.name.to(value), ...) forward to the free
// functions of the expression layer, found by argument-dependent lookup when used; the tags
// name which one.
namespace shorthand {
template <fixed_string Alias>
struct as {};
struct asc {};
struct desc {};
struct to {};
struct is_null {};
struct is_not_null {};
struct like {};
struct in {};
struct between {};
}  // namespace shorthand

namespace detail {
// The declared column type (e.g. users_t::name_c) that derives from Base, found among the
// table's columns when the table is complete; Base itself when it is used directly.
template <class Base>
struct declared_column;
}  // namespace detail

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

    template <fixed_string Alias>
    constexpr auto as() const { return expression_shorthand(shorthand::as<Alias>{}, self()); }
    constexpr auto asc() const { return expression_shorthand(shorthand::asc{}, self()); }
    constexpr auto desc() const { return expression_shorthand(shorthand::desc{}, self()); }
    constexpr auto is_null() const { return expression_shorthand(shorthand::is_null{}, self()); }
    constexpr auto is_not_null() const { return expression_shorthand(shorthand::is_not_null{}, self()); }
    template <class Value>
    constexpr auto to(const Value& value) const { return expression_shorthand(shorthand::to{}, self(), value); }
    template <class Pattern>
    constexpr auto like(const Pattern& pattern) const { return expression_shorthand(shorthand::like{}, self(), pattern); }
    template <class... Items>
    constexpr auto in(const Items&... items) const { return expression_shorthand(shorthand::in{}, self(), items...); }
    template <class Low, class High>
    constexpr auto between(const Low& low, const High& high) const {
        return expression_shorthand(shorthand::between{}, self(), low, high);
    }

  private:
    static constexpr auto self() noexcept { return typename detail::declared_column<column>::type{}; }
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
