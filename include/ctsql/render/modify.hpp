// Rendering of INSERT, UPDATE and DELETE, after their statement-wide rules.
// Column references are unqualified (one table is in scope) except in ON CONFLICT DO UPDATE,
// where PostgreSQL would find a bare name ambiguous between the table and `excluded`.
#pragma once

#include <cstdint>
#include <string_view>

#include "ctsql/check/query_rules.hpp"
#include "ctsql/check/schema_rules.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/render_context.hpp"
#include "ctsql/query/modify.hpp"
#include "ctsql/render/select.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql {

namespace feature {
struct returning {
    static constexpr std::string_view name = "RETURNING";
    static constexpr std::uint32_t sqlite_since = 3'035'000;
    static constexpr std::uint32_t postgresql_since = 0;
};
struct upsert {
    static constexpr std::string_view name = "INSERT ... ON CONFLICT";
    static constexpr std::uint32_t sqlite_since = 3'024'000;
    static constexpr std::uint32_t postgresql_since = 90'500;
};
}  // namespace feature

namespace error {
template <class Table, class Column>
struct required_column_missing_from_insert {
    static_assert(detail::dependent_false<Column>, "ctsql[E035] INSERT misses a required column (NOT NULL, no default, not autoincrement)");
};
template <class Table, class TargetColumns>
struct conflict_target_is_not_a_key {
    static_assert(detail::dependent_false<TargetColumns>, "ctsql[E039] ON CONFLICT columns must be the table's primary key or a unique key");
};
}  // namespace error

namespace detail {

template <class Context, class Assignments, class Writer>
constexpr void write_set_list(Writer& out) {
    [&]<class... As>(type_list<As...>) {
        bool first = true;
        (([&] {
             out.put(first ? "" : ", ");
             first = false;
             write_identifier(out, As::column::sql_name.view());
             out.put(" = ");
             expression_traits<typename As::value>::template render<Context>(out);
         }()),
         ...);
    }(Assignments{});
}

template <class Context, class Items, class Writer>
constexpr void write_returning(Writer& out) {
    if constexpr (Items::size != 0) {
        out.put(" RETURNING ");
        write_item_list<unqualified_context<Context>, Items>(out);
    }
}

template <class Table, class Columns>
constexpr auto check_required_columns() {
    using table_columns = columns_of<Table>;
    constexpr std::size_t missing = []<class... Cs>(type_list<Cs...>) {
        const bool flags[] = {
            false, (!Cs::nullable && !Cs::has_default && !Cs::is_autoincrement &&
                    ![]<class... Gs>(type_list<Gs...>) {
                        bool found = false;
                        for (std::string_view n : {std::string_view{}, Gs::sql_name.view()...})
                            found = found || n == Cs::sql_name.view();
                        return found;
                    }(Columns{}))...};
        return first_true(flags);
    }(table_columns{});
    if constexpr (missing != npos)
        return report<error::required_column_missing_from_insert<Table, at<missing, table_columns>>>();
    else
        return pass();
}

template <class Form>
struct inserted_columns {
    using type = type_list<>;
};
template <class Row, class... Rows>
struct inserted_columns<values_t<type_list<Row, Rows...>>> {
    using type = typename columns_of_assignments<Row>::type;
};
template <class Columns, class Select>
struct inserted_columns<insert_select_t<Columns, Select>> {
    using type = Columns;
};

template <class Columns, class Row>
struct select_fits_columns : std::false_type {};
template <class... Columns, class... Fields>
    requires(sizeof...(Columns) == sizeof...(Fields))
struct select_fits_columns<type_list<Columns...>, row<Fields...>> {
    static constexpr bool value =
        ((assignable_v<value_type_t<typename Fields::type>, typename Columns::value_type> &&
          (Columns::nullable || !is_optional_v<typename Fields::type>)) &&
         ...);
};

template <class Table, class Target>
constexpr bool target_is_key() {
    if constexpr (Target::size == 0) return true;  // ON CONFLICT DO NOTHING without target
    else return is_key_of(table_spec_of<Table>, name_list{name_array<Target>::value});
}

template <class Table, class Conflict>
constexpr auto check_conflict_target() {
    if constexpr (!has_clause_v<Conflict>) return pass();
    else if constexpr (!target_is_key<Table, typename Conflict::target>())
        return report<error::conflict_target_is_not_a_key<Table, typename Conflict::target>>();
    else return pass();
}

template <class Dialect, bool Upsert, bool Returning>
constexpr auto check_dialect_features() {
    if constexpr (Upsert && !dialect_has<Dialect, feature::upsert>)
        return report<error::feature_needs_newer_version<Dialect, feature::upsert>>();
    else if constexpr (Returning && !dialect_has<Dialect, feature::returning>)
        return report<error::feature_needs_newer_version<Dialect, feature::returning>>();
    else
        return pass();
}

template <class Table, class Form>
constexpr auto check_insert_form() {
    if constexpr (requires { typename Form::rows; }) {
        return []<class... Rows>(type_list<Rows...>) {
            return first_failure<decltype(check_assignments<Table, Rows>())...>{};
        }(typename Form::rows{});
    } else if constexpr (requires { typename Form::select; }) {
        if constexpr (!select_fits_columns<typename Form::column_list, result_row_t<typename Form::select>>::value)
            return report<error::insert_select_does_not_fit_columns<typename Form::select, typename Form::column_list>>();
        else
            return pass();
    } else {
        return pass();
    }
}

template <class Form>
struct insert_features {
    using type = type_list<>;
};
template <class Rows>
struct insert_features<values_t<Rows>> {
    using type = Rows;  // rows of assignments: clause_features walks the lists
};
template <class Conflict>
struct conflict_actions {
    using type = type_list<>;
};
template <class Target, class... As>
struct conflict_actions<on_conflict_t<Target, type_list<As...>>> {
    using type = type_list<As...>;
};

// Columns read by the values of an INSERT's rows: none may be read (VALUES has no FROM).
template <class Form>
struct value_columns {
    using type = type_list<>;
};
template <class... Rows>
struct value_columns<values_t<type_list<Rows...>>> {
    using type = concat<typename list_columns<Rows>::type...>;
};
// Columns read by ON CONFLICT DO UPDATE values: only the target table's (and excluded's).
template <class Conflict>
struct conflict_columns {
    using type = type_list<>;
};
template <class Target, class... As>
struct conflict_columns<on_conflict_t<Target, type_list<As...>>> {
    using type = concat<typename As::columns...>;
};

template <class Dialect, class S>
constexpr auto check_insert() {
    using Table = typename S::table;
    using Form = typename S::form;
    using columns = typename inserted_columns<Form>::type;
    return first_failure<
        table_verdict<Table>, decltype(check_insert_form<Table, Form>()),
        decltype(check_columns_in_from<typename value_columns<Form>::type, type_list<>>()),
        decltype(check_columns_in_from<typename conflict_columns<typename S::conflict>::type, type_list<Table>>()),
        decltype(check_required_columns<Table, columns>()),
        decltype(check_conflict_target<Table, typename S::conflict>()),
        decltype(check_parameters<typename S::all_parameters>()),
        decltype(check_columns_in_from<typename list_columns<typename S::returning_list>::type, type_list<Table>>()),
        decltype(check_dialect_features<Dialect, has_clause_v<typename S::conflict>, S::returning_list::size != 0>()),
        decltype(check_features<Dialect, features_in<typename insert_features<typename S::form>::type,
                                                     typename conflict_actions<typename S::conflict>::type,
                                                     typename S::returning_list>>())>{};
}

template <class Context, class Table, class Form, bool HasConflict, class Writer>
constexpr void write_insert_body(Writer& out) {
    using unqualified = unqualified_context<Context>;
    if constexpr (std::is_same_v<Form, default_values_t>) {
        out.put(" DEFAULT VALUES");
    } else if constexpr (requires { typename Form::select; }) {
        out.put(" (");
        [&]<class... Cs>(type_list<Cs...>) {
            bool first = true;
            ((out.put(first ? "" : ", "), first = false, write_identifier(out, Cs::sql_name.view())), ...);
        }(typename Form::column_list{});
        out.put(") ");
        write_select<Context, typename Form::select,
                     HasConflict && Context::dialect::family == dialect_family::sqlite>(out);
    } else {
        out.put(" (");
        [&]<class... As>(type_list<As...>) {
            bool first = true;
            ((out.put(first ? "" : ", "), first = false, write_identifier(out, As::column::sql_name.view())), ...);
        }(at<0, typename Form::rows>{});
        out.put(") VALUES ");
        [&]<class... Rows>(type_list<Rows...>) {
            bool first_row = true;
            (([&] {
                 out.put(first_row ? "(" : ", (");
                 first_row = false;
                 [&]<class... As>(type_list<As...>) {
                     bool first = true;
                     ((out.put(first ? "" : ", "), first = false,
                       expression_traits<typename As::value>::template render<unqualified>(out)),
                      ...);
                 }(Rows{});
                 out.put(')');
             }()),
             ...);
        }(typename Form::rows{});
    }
}

template <class Context, class Conflict, class Writer>
constexpr void write_on_conflict(Writer& out) {
    if constexpr (has_clause_v<Conflict>) {
        out.put(" ON CONFLICT");
        if constexpr (Conflict::target::size != 0) {
            out.put(" (");
            [&]<class... Cs>(type_list<Cs...>) {
                bool first = true;
                ((out.put(first ? "" : ", "), first = false, write_identifier(out, Cs::sql_name.view())), ...);
            }(typename Conflict::target{});
            out.put(')');
        }
        if constexpr (std::is_same_v<typename Conflict::action, no_clause>) {
            out.put(" DO NOTHING");
        } else {
            out.put(" DO UPDATE SET ");
            write_set_list<Context, typename Conflict::action>(out);
        }
    }
}

template <class Dialect, class Table, class Columns, class Parameters, bool Returning, class Features = type_list<>>
constexpr auto check_single_table_statement() {
    return first_failure<table_verdict<Table>, decltype(check_columns_in_from<Columns, type_list<Table>>()),
                         decltype(check_parameters<Parameters>()),
                         decltype(check_dialect_features<Dialect, false, Returning>()),
                         decltype(check_features<Dialect, Features>())>{};
}

}  // namespace detail

template <dialect Dialect, class Table, class Form, class Conflict, class Returning>
struct statement_renderer<Dialect, insert_statement<Table, Form, Conflict, Returning>> {
    using statement = insert_statement<Table, Form, Conflict, Returning>;
    using verdict = decltype(detail::check_insert<Dialect, statement>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) render_valid(out);
    }
    template <class Writer>
    static constexpr void render_valid(Writer& out) {
        using context = render_context<Dialect>;
        detail::numbered_by<typename statement::parameters>(out);
        out.put("INSERT INTO ");
        detail::write_identifier(out, Table::sql_name.view());
        detail::write_insert_body<context, Table, Form, has_clause_v<Conflict>>(out);
        detail::write_on_conflict<context, Conflict>(out);
        detail::write_returning<context, Returning>(out);
    }
};

template <dialect Dialect, class Table, class Assignments, class Where, class Returning>
struct statement_renderer<Dialect, update_statement<Table, Assignments, Where, Returning>> {
    using statement = update_statement<Table, Assignments, Where, Returning>;
    using verdict = decltype(detail::check_single_table_statement<
                  Dialect, Table,
                  detail::concat<typename detail::list_columns<Assignments>::type,
                                 typename detail::clause_columns<Where>::type,
                                 typename detail::list_columns<Returning>::type>,
                  typename statement::all_parameters, Returning::size != 0,
                  detail::features_in<Assignments, Where, Returning>>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) render_valid(out);
    }
    template <class Writer>
    static constexpr void render_valid(Writer& out) {
        using context = unqualified_context<render_context<Dialect>>;
        detail::numbered_by<typename statement::parameters>(out);
        out.put("UPDATE ");
        detail::write_identifier(out, Table::sql_name.view());
        out.put(" SET ");
        detail::write_set_list<context, Assignments>(out);
        if constexpr (has_clause_v<Where>) {
            out.put(" WHERE ");
            expression_traits<Where>::template render<context>(out);
        }
        detail::write_returning<context, Returning>(out);
    }
};

template <dialect Dialect, class Table, class Where, class Returning>
struct statement_renderer<Dialect, delete_statement<Table, Where, Returning>> {
    using statement = delete_statement<Table, Where, Returning>;
    using verdict = decltype(detail::check_single_table_statement<
                  Dialect, Table,
                  detail::concat<typename detail::clause_columns<Where>::type,
                                 typename detail::list_columns<Returning>::type>,
                  typename statement::all_parameters, Returning::size != 0, detail::features_in<Where, Returning>>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) render_valid(out);
    }
    template <class Writer>
    static constexpr void render_valid(Writer& out) {
        using context = unqualified_context<render_context<Dialect>>;
        detail::numbered_by<typename statement::parameters>(out);
        out.put("DELETE FROM ");
        detail::write_identifier(out, Table::sql_name.view());
        if constexpr (has_clause_v<Where>) {
            out.put(" WHERE ");
            expression_traits<Where>::template render<context>(out);
        }
        detail::write_returning<context, Returning>(out);
    }
};

}  // namespace ctsql

namespace ctsql {
// Statement types that stand for another (insert_into(t).columns(...), a row of parameters)
// render as that one.
template <dialect Dialect, class Statement>
    requires requires { typename Statement::statement_type; } &&
             (!std::is_same_v<Statement, typename Statement::statement_type>)
struct statement_renderer<Dialect, Statement> : statement_renderer<Dialect, typename Statement::statement_type> {};
}  // namespace ctsql
