// A table is a plain aggregate whose members are its columns, plus a static sql_name:
//
//   struct users_t {
//       static constexpr ctsql::fixed_string sql_name = "users";
//       struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
//       struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
//       using constraints = ctsql::constraints<...>;   // optional: multi-column keys
//       using indexes = ctsql::indexes<...>;           // optional
//   };
//   inline constexpr users_t users{};                  // users.email is a column
//
// The columns are found by Boost.PFR (the members, in declaration order), so nothing is
// listed twice and no macro is needed. A table type may instead list them itself as
// `using column_list = ctsql::type_list<...>` (tables made from Hana structs do).
#pragma once

#include "ctsql/detail/aggregate_fields.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/index.hpp"
#include "ctsql/schema/table_constraints.hpp"

namespace ctsql {

// Tables have a sql_name and, unlike columns and indexes, no table_type of their own; a table
// alias (which names its table as alias_of) is not a table either.
template <class T>
concept table_type = requires { T::sql_name.view(); } && !requires { typename T::table_type; } &&
                     !requires { typename T::alias_of; };

namespace detail {

// Each column member is an empty struct of a type of its own, so a table of N columns is
// N bytes: the count to probe before asking Boost.PFR to search for it.
template <class T>
struct columns_of_impl {
    using type = typename aggregate_field_types<T, sizeof(T)>::type;
};
template <class T>
    requires requires { typename T::column_list; }
struct columns_of_impl<T> {
    using type = typename T::column_list;
};

template <class T>
struct constraints_of_impl {
    using type = type_list<>;
};
template <class T>
    requires requires { typename T::constraints::list; }
struct constraints_of_impl<T> {
    using type = typename T::constraints::list;
};

template <class T>
struct indexes_of_impl {
    using type = type_list<>;
};
template <class T>
    requires requires { typename T::indexes::list; }
struct indexes_of_impl<T> {
    using type = typename T::indexes::list;
};

}  // namespace detail

// The table's columns, in declaration order.
template <table_type T>
using columns_of = typename detail::columns_of_impl<T>::type;

// The table's multi-column constraints (primary_key_on, unique_on, foreign_key).
template <table_type T>
using constraints_of = typename detail::constraints_of_impl<T>::type;

// The table's named indexes.
template <table_type T>
using indexes_of = typename detail::indexes_of_impl<T>::type;

template <table_type T>
inline constexpr std::string_view table_name_v = T::sql_name.view();

}  // namespace ctsql
