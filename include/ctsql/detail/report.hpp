// How a broken rule becomes a diagnostic. Each rule is a class template in ctsql::error named
// after the mistake, whose arguments are the offending types (so the compiler prints the table
// and column involved) and whose body holds one static_assert with the rule's stable ID:
//
//   error: static assertion failed: ctsql[E001] two columns of a table have the same name
//   note: in instantiation of 'ctsql::error::duplicate_column_name<users_t, users_t::name_c>'
#pragma once

#include "ctsql/detail/type_list.hpp"

namespace ctsql::detail {

// Instantiates the rule's class (firing its static_assert); returns false for the caller.
template <class Rule>
constexpr bool report() {
    return sizeof(Rule) == 0;
}

}  // namespace ctsql::detail
