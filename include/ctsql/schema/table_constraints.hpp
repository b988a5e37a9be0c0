// Constraints over several columns, declared in the table:
//   using constraints = ctsql::constraints<ctsql::primary_key_on<a_c, b_c>,
//                                          ctsql::unique_on<x_c, y_c>,
//                                          ctsql::foreign_key<ctsql::columns<a_c, b_c>,
//                                                             ctsql::columns<t::x_c, t::y_c>>>;
#pragma once

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/column_options.hpp"

namespace ctsql {

template <class... Columns>
using columns = type_list<Columns...>;

template <class... Columns>
struct primary_key_on {
    using column_list = type_list<Columns...>;
};

template <class... Columns>
struct unique_on {
    using column_list = type_list<Columns...>;
};

template <class Columns, class TargetColumns, fk_action OnDelete = fk_action::no_action,
          fk_action OnUpdate = fk_action::no_action>
struct foreign_key {
    using column_list = Columns;
    using target_column_list = TargetColumns;
    static constexpr fk_action on_delete_action = OnDelete;
    static constexpr fk_action on_update_action = OnUpdate;
    template <fk_action Action>
    using on_delete = foreign_key<Columns, TargetColumns, Action, OnUpdate>;
    template <fk_action Action>
    using on_update = foreign_key<Columns, TargetColumns, OnDelete, Action>;
};

template <class... Constraints>
struct constraints {
    using list = type_list<Constraints...>;
};

namespace detail {
template <class C>
inline constexpr int constraint_kind = 0;  // 0: not a table constraint
template <class... Cs>
inline constexpr int constraint_kind<primary_key_on<Cs...>> = 1;
template <class... Cs>
inline constexpr int constraint_kind<unique_on<Cs...>> = 2;
template <class A, class B, fk_action D, fk_action U>
inline constexpr int constraint_kind<foreign_key<A, B, D, U>> = 3;
}  // namespace detail

}  // namespace ctsql
