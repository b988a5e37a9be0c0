// Typed data migrations: a statement (UPDATE, INSERT, DELETE) type-checked against the schema
// as it is at a revision, run as an operation of a later revision.
//
//   struct fill_emails {
//       using at = r4;                                             // the schema it is typed against
//       static constexpr auto users = ctsql::migrate::table_at<r4, "users">{};
//       static constexpr auto statement =
//           ctsql::update(users).set(users.c<"email">.to(ctsql::lit<"">)).where(users.c<"email">.is_null());
//   };
//   struct r5 : revision<"0005", "require emails", r4,
//                        run<fill_emails>, alter_column<"users", "email", set_not_null>> {};
//
// The statement's schema (`at`) must be the schema at the operation's position (ctsql[E098]):
// put a data step first in its revision and type it against the parent. It binds no
// parameters (ctsql[E099]): values are literals. The downgrade runs `Down` (no_data_change by
// default, for a step whose reversal needs nothing).
#pragma once

#include <cstddef>
#include <utility>

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/migrate/revision.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/migrate/state_spec.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/render/statement_renderer.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/table_constraints.hpp"

namespace ctsql::migrate {

template <class Revision, fixed_string Name>
struct table_at;

namespace detail {

template <class Table, class ColumnState>
struct column_at_options;
template <class Table, class C>
    requires(!C::has_default && !C::is_autoincrement)
struct column_at_options<Table, C> {
    using type = column<Table, C::sql_name, typename C::cpp_type>;
};
template <class Table, class C>
    requires(C::has_default && !C::is_autoincrement)
struct column_at_options<Table, C> {
    using type = column<Table, C::sql_name, typename C::cpp_type, typename C::default_option>;
};
template <class Table, class C>
    requires(C::is_autoincrement)
struct column_at_options<Table, C> {
    using type = column<Table, C::sql_name, typename C::cpp_type, ctsql::autoincrement>;
};

template <class Table, class Columns>
struct columns_at;
template <class Table, class... Cs>
struct columns_at<Table, type_list<Cs...>> {
    using type = type_list<typename column_at_options<Table, Cs>::type...>;
};

template <class Columns, class Names>
struct key_columns;
template <class Columns, fixed_string... Ns>
struct key_columns<Columns, names<Ns...>> {
    using type = ctsql::primary_key_on<at<find_named_v<Ns, Columns>, Columns>...>;
};

}  // namespace detail

// Table Name as it is after Revision, usable in statements like a declared table:
// table_at<r4, "users">{}.c<"email"> is a column.
template <class Revision, fixed_string Name>
struct table_at {
    using state = table_in<state_after<Revision>, Name>;
    static constexpr auto sql_name = Name;
    using column_list = typename detail::columns_at<table_at, typename state::columns>::type;
    using constraints = std::conditional_t<state::primary_key::size == 0, ctsql::constraints<>,
                                           ctsql::constraints<typename detail::key_columns<column_list, typename state::primary_key>::type>>;

    template <fixed_string Column>
    using column_t = detail::at<detail::find_named_v<Column, column_list>, column_list>;
    template <fixed_string Column>
    static constexpr column_t<Column> c{};
};

// The downgrade of a data step that needs none.
struct no_data_change {};

namespace error {
template <class Step, class Revision>
struct data_step_typed_against_another_schema {
    static_assert(ctsql::detail::dependent_false<Step>, "ctsql[E098] a data step's statement is typed against a schema that is not the one at its position: put it first in a revision and type it against the parent");
};
template <class Step>
struct data_step_has_parameters {
    static_assert(ctsql::detail::dependent_false<Step>, "ctsql[E099] a data step's statement binds no parameters: use literals (lit<...>)");
};
}  // namespace error

namespace detail {
template <class Provider, class S>
constexpr auto check_data_provider() {
    if constexpr (std::is_same_v<Provider, no_data_change>) return ctsql::detail::pass();
    else if constexpr (parameters_t<decltype(Provider::statement)>::size != 0)
        return ctsql::detail::report<error::data_step_has_parameters<Provider>>();
    else if constexpr (!same_schema_ignoring_column_order(state_specs<state_after<typename Provider::at>>::value, state_specs<S>::value))
        return ctsql::detail::report<error::data_step_typed_against_another_schema<Provider, typename Provider::at>>();
    else return ctsql::detail::pass();
}
}  // namespace detail

// Runs Up's statement (Down's on downgrade). The schema does not change.
template <class Up, class Down = no_data_change>
struct run {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = S;
    template <class S>
    using inverse = run<Down, Up>;
    template <class S>
    static constexpr auto check() {
        return detail::check_data_provider<Up, S>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (!std::is_same_v<Up, no_data_change>) {
            out.put(ctsql::sql<D>(Up::statement));
            detail::write_statement_end(out);
        }
    }
};

}  // namespace ctsql::migrate
