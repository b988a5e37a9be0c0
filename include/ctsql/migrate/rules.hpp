// Rules a migration operation or revision chain can break (ctsql[E080]..ctsql[E099]). The rule
// classes take the operation and the names involved (as sql_name<'u', 's', ...> types, which
// both compilers print readably).
#pragma once

#include <cstddef>
#include <utility>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/migrate/compare.hpp"

namespace ctsql::migrate {

namespace detail {
template <fixed_string Name, class Seq = std::make_index_sequence<Name.size()>>
struct name_of_impl;
template <fixed_string Name, std::size_t... I>
struct name_of_impl<Name, std::index_sequence<I...>> {
    using type = sql_name<Name.data[I]...>;
};
}  // namespace detail

// A fixed_string as a type for diagnostics.
template <fixed_string Name>
using name_of = typename detail::name_of_impl<Name>::type;

namespace error {
using ctsql::detail::dependent_false;

template <class Op, class Table>
struct table_already_exists {
    static_assert(dependent_false<Op>, "ctsql[E081] the migration creates a table that already exists at this revision");
};
template <class Op, class Table>
struct table_does_not_exist {
    static_assert(dependent_false<Op>, "ctsql[E082] the migration names a table that does not exist at this revision");
};
template <class Op, class Table, class Column>
struct column_already_exists {
    static_assert(dependent_false<Op>, "ctsql[E083] the migration adds a column that already exists at this revision");
};
template <class Op, class Table, class Column>
struct column_does_not_exist {
    static_assert(dependent_false<Op>, "ctsql[E084] the migration names a column that does not exist at this revision");
};
template <class Op>
struct data_loss_not_acknowledged {
    static_assert(dependent_false<Op>, "ctsql[E085] this operation can lose data: add ctsql::migrate::acknowledge_data_loss to it");
};
template <class Op, class Table, class ReferencingTable>
struct table_still_referenced {
    static_assert(dependent_false<Op>, "ctsql[E086] the table is still referenced by a foreign key of another table: drop that first");
};
template <class Op, class Table, class Target>
struct foreign_key_target_missing {
    static_assert(dependent_false<Op>, "ctsql[E087] a foreign key references a table or column that does not exist at this revision");
};
template <class Op, class Table, class Column>
struct not_null_column_needs_default {
    static_assert(dependent_false<Op>, "ctsql[E088] a NOT NULL column added to an existing table needs a default (or add it nullable, backfill, then alter)");
};
template <class Op, class Table, class Column>
struct column_in_use {
    static_assert(dependent_false<Op>, "ctsql[E089] the column is part of a key, foreign key or index: drop or change that first");
};
template <class Op, class Index>
struct index_already_exists {
    static_assert(dependent_false<Op>, "ctsql[E090] the migration creates an index whose name already exists at this revision");
};
template <class Op, class Table, class Index>
struct index_does_not_exist {
    static_assert(dependent_false<Op>, "ctsql[E091] the migration names an index or constraint that does not exist at this revision");
};
template <class Op, class Table>
struct invalid_table_definition {
    static_assert(dependent_false<Op>, "ctsql[E092] the table definition is invalid: duplicate column names, several primary keys, or a key over an unknown column");
};
template <class Revision, class Other>
struct duplicate_revision_id {
    static_assert(dependent_false<Revision>, "ctsql[E093] two revisions of the chain have the same id");
};
template <class Revision, class ExpectedParent>
struct revision_parent_is_not_previous {
    static_assert(dependent_false<Revision>, "ctsql[E094] a revision's parent must be the revision before it in the chain (one head, no branches yet)");
};
template <class Op, class Column, class Target>
struct foreign_key_does_not_match_target {
    static_assert(dependent_false<Op>, "ctsql[E096] a foreign key's columns differ in type or number from the referenced columns, or those are not a key");
};
template <class Revision, class Op>
struct downgrade_does_not_restore {
    static_assert(dependent_false<Revision>, "ctsql[E095] a revision's downgrade does not restore the schema before it");
};
template <class Op>
struct operation_needs_explicit_downgrade {
    static_assert(dependent_false<Op>, "ctsql[E097] this operation's downgrade cannot be derived: give the revision an explicit downgrade");
};
}  // namespace error

}  // namespace ctsql::migrate
