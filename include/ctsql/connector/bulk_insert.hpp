// What the connectors' bulk_insert accepts (see docs/connectors.md, "Bulk insert"):
//
//   db.bulk_insert(ctsql::insert_into(t).columns(t.a, t.b), rows);
//
// The statement must be insert_into(table).columns(...) (or its .values()): one row of
// parameters named after the listed columns, in order, with the columns' C++ types, and no ON
// CONFLICT or RETURNING -- so each element of `rows` is exactly one row of the table's listed
// columns and PostgreSQL can load it with COPY. Anything else is ctsql[E072]. The rows are
// checked like execute_many's (ctsql[E060]-ctsql[E063]).
#pragma once

#include <string_view>
#include <type_traits>

#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/assignment.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/query/modify.hpp"

namespace ctsql {

namespace error {
template <class Statement>
struct bulk_insert_takes_insert_columns {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E072] bulk_insert takes insert_into(table).columns(...): one row of parameters named after "
                  "the listed columns, without ON CONFLICT or RETURNING (use execute_many for other statements)");
};
}  // namespace error

namespace detail {

// The table and columns of an insert_into(table).columns(...) statement.
template <class Table, class... Columns>
struct bulk_insert_form {
    using table = Table;
    using columns = type_list<Columns...>;
};

template <class Column, class Parameter>
inline constexpr bool parameter_named_after_column = std::is_same_v<Parameter, typed_parameter<Column::sql_name, typename Column::cpp_type>>;

// Matches the statement itself and column_list_t (derived from it: deduction through a pointer
// to a base class); anything else gets void.
template <class Table, class... Columns, class... Values>
    requires(sizeof...(Columns) > 0 && (parameter_named_after_column<Columns, Values> && ...))
bulk_insert_form<Table, Columns...> bulk_insert_probe(
    const insert_statement<Table, values_t<type_list<type_list<assignment<Columns, Values>...>>>, no_clause, type_list<>>*);
void bulk_insert_probe(const volatile void*);

template <class S>
using bulk_insert_form_of = decltype(bulk_insert_probe(static_cast<const std::remove_cvref_t<S>*>(nullptr)));

template <class S>
inline constexpr bool is_bulk_insert_statement = !std::is_void_v<bulk_insert_form_of<S>>;

// The verdict of bulk_insert: the statement's form (E072), then the rows as for execute_many.
template <class S, class Dialect, class Element>
constexpr auto check_bulk_insert() {
    if constexpr (!is_bulk_insert_statement<S>) return report<error::bulk_insert_takes_insert_columns<std::remove_cvref_t<S>>>();
    else return check_argument_row<S, Dialect, Element>();
}
template <class S, class Dialect, class Element>
using bulk_insert_verdict = decltype(check_bulk_insert<S, Dialect, Element>());

// COPY "table" ("a", "b") FROM STDIN (FORMAT binary), as a compile-time constant (PostgreSQL).
template <class Form>
struct copy_from_stdin_renderer;
template <class Table, class... Columns>
struct copy_from_stdin_renderer<bulk_insert_form<Table, Columns...>> {
    template <class Writer>
    static constexpr void render(Writer& out) {
        out.put("COPY ");
        write_identifier(out, Table::sql_name.view());
        out.put(" (");
        bool first = true;
        ((out.put(first ? "" : ", "), first = false, write_identifier(out, Columns::sql_name.view())), ...);
        out.put(") FROM STDIN (FORMAT binary)");
    }
};

template <class S>
constexpr const char* copy_from_stdin_sql() noexcept {
    return rendered_text<copy_from_stdin_renderer<bulk_insert_form_of<S>>>.buffer;
}

}  // namespace detail
}  // namespace ctsql
