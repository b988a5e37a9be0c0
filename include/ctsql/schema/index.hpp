// Named indexes. The table is the one all columns belong to:
//   struct by_author : ctsql::index<"posts_by_author", author_id_c, created_at_c> {};
//   using indexes = ctsql::indexes<by_author>;
// (A derived struct, like named columns, prints as posts_t::by_author in diagnostics; an alias
// `using by_author = ctsql::index<...>` works too but clang 14 prints its name as char codes.)
#pragma once

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"

namespace ctsql {

template <fixed_string Name, class FirstColumn, class... Columns>
struct index {
    static constexpr auto sql_name = Name;
    static constexpr bool is_unique = false;
    using table_type = typename FirstColumn::table_type;
    using column_list = type_list<FirstColumn, Columns...>;
};

template <fixed_string Name, class FirstColumn, class... Columns>
struct unique_index {
    static constexpr auto sql_name = Name;
    static constexpr bool is_unique = true;
    using table_type = typename FirstColumn::table_type;
    using column_list = type_list<FirstColumn, Columns...>;
};

template <class... Indexes>
struct indexes {
    using list = type_list<Indexes...>;
};

template <class I>
concept index_type = requires {
    I::sql_name;
    I::is_unique;
    typename I::table_type;
    typename I::column_list;
};

}  // namespace ctsql
