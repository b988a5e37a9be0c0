// INSERT, UPDATE and DELETE as types.
//
//   insert_into(users).values(users.name.to(param<"name">), users.email.to(param<"email">))
//   insert_into(users).columns(users.name, users.email)          // params named "name", "email"
//   insert_into(users).values(...).values(...)                   // several rows
//   insert_into(users).default_values()
//   insert_into(archive).columns(archive.id, archive.name).select(select(...).from(users))
//   ... .on_conflict(users.email).do_nothing()
//   ... .on_conflict(users.email).do_update(users.name.to(excluded(users.name)))
//   ... .returning(users.id)
//   update(users).set(users.age.to(param<"age">)).where(users.id == param<"id">).returning(...)
//   delete_from(users).where(users.id == param<"id">).returning(users.name)
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/assignment.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/result/row.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

namespace error {
template <class Table, class Column>
struct column_assigned_twice {
    static_assert(detail::dependent_false<Column>, "ctsql[E038] the same column is assigned twice in one INSERT row or SET");
};
template <class Table, class Column>
struct column_is_not_in_target_table {
    static_assert(detail::dependent_false<Column>, "ctsql[E049] only a column of the table can be assigned");
};
template <class Table, class FirstRow, class OtherRow>
struct insert_rows_differ {
    static_assert(detail::dependent_false<OtherRow>, "ctsql[E051] every row of a multi-row INSERT must assign the same columns in the same order");
};
template <class Select, class Columns>
struct insert_select_does_not_fit_columns {
    static_assert(detail::dependent_false<Select>, "ctsql[E052] INSERT ... SELECT: the select's columns do not match the insert columns in number or type");
}; 
}  // namespace error

// INSERT forms.
struct default_values_t {};
template <class Rows>  // type_list of type_list<assignment...>
struct values_t {
    using rows = Rows;
};
template <class Columns, class Select>
struct insert_select_t {
    using column_list = Columns;
    using select = Select;
};

// ON CONFLICT clause: Target = type_list of columns (may be empty), Action = no_clause for
// DO NOTHING, or type_list<assignment...> for DO UPDATE SET.
template <class Target, class Action>
struct on_conflict_t {
    using target = Target;
    using action = Action;
};

template <table_type Table, class Form, class Conflict = no_clause, class Returning = type_list<>>
struct insert_statement;
template <table_type Table, class Assignments, class Where = no_clause, class Returning = type_list<>>
struct update_statement;
template <table_type Table, class Where = no_clause, class Returning = type_list<>>
struct delete_statement;

namespace detail {

template <class Table, class Returning>
struct returning_row;
template <class Table, class... Items>
struct returning_row<Table, type_list<Items...>> {
    using type = row<field<item_name<Items>(), result_type_of<Items>>...>;
};
template <class Table>
struct returning_row<Table, type_list<>> {
    using type = void;
};

template <class List>
struct assignment_parameters;
template <class... As>
struct assignment_parameters<type_list<As...>> {
    using type = concat<typename As::parameters...>;
};

template <class Rows>
struct rows_parameters;
template <class... Rows>
struct rows_parameters<type_list<Rows...>> {
    using type = concat<typename assignment_parameters<Rows>::type...>;
};

template <class Form>
struct form_parameters {
    using type = type_list<>;
};
template <class Rows>
struct form_parameters<values_t<Rows>> {
    using type = typename rows_parameters<Rows>::type;
};
template <class Columns, class Select>
struct form_parameters<insert_select_t<Columns, Select>> {
    using type = typename Select::all_parameters;
};

template <class Conflict>
struct conflict_parameters {
    using type = type_list<>;
};
template <class Target, class... As>
struct conflict_parameters<on_conflict_t<Target, type_list<As...>>> {
    using type = concat<typename As::parameters...>;
};

template <class Item>
constexpr auto check_returning_item() {
    if constexpr (!expression<Item>) return report<error::run_time_value_in_expression<Item>>();
    else if constexpr (is_untyped_parameter_v<Item>) return report<error::parameter_type_cannot_be_inferred<Item, Item>>();
    else return pass();
}

template <class Table, class Assignments>
struct assignment_check;
template <class Table, class... As>
struct assignment_check<Table, type_list<As...>> {
    using columns = type_list<typename As::column...>;
    static constexpr std::size_t foreign = [] {
        const bool flags[] = {false, !std::is_same_v<typename As::column::table_type, Table>...};
        return first_true(flags);
    }();
    static constexpr std::size_t twice = [] {
        constexpr std::string_view names[] = {std::string_view{}, As::column::sql_name.view()...};
        for (std::size_t i = 1; i < sizeof...(As) + 1; ++i)
            for (std::size_t j = 1; j < i; ++j)
                if (names[i] == names[j]) return i - 1;
        return npos;
    }();
};

// Checks one list of assignments (a row or a SET list) against Table.
template <class Table, class Assignments>
constexpr auto check_assignments() {
    using check = assignment_check<Table, Assignments>;
    if constexpr (check::foreign != npos)
        return report<error::column_is_not_in_target_table<Table, at<check::foreign, typename check::columns>>>();
    else if constexpr (check::twice != npos)
        return report<error::column_assigned_twice<Table, at<check::twice, typename check::columns>>>();
    else
        return pass();
}

template <class... Assignments>
constexpr auto typed_assignments(const Assignments&...) {
    return type_list<decltype(make_assignment<typename Assignments::column, typename Assignments::value>())...>{};
}

// An argument to values()/set(): an assignment (column.to(value) / set(column, value)).
template <class A>
concept assignment_argument = is_assignment_v<A>;

}  // namespace detail

namespace detail {
template <class Row>
struct columns_of_assignments;
template <class... As>
struct columns_of_assignments<type_list<As...>> {
    using type = type_list<typename As::column...>;
};
}  // namespace detail

template <table_type Table, class Form, class Conflict, class Returning>
struct insert_statement {
    using table = Table;
    using form = Form;
    using conflict = Conflict;
    using returning_list = Returning;
    using result_row = typename detail::returning_row<Table, Returning>::type;
    using all_parameters =
        detail::concat<typename detail::form_parameters<Form>::type, typename detail::conflict_parameters<Conflict>::type,
                       detail::list_parameters_t<Returning>>;
    using parameters = detail::unique_parameters<all_parameters>;

    // One more row, with the same columns in the same order.
    template <detail::assignment_argument... Assignments>
        requires(sizeof...(Assignments) > 0 && !std::is_same_v<Form, default_values_t> && !has_clause_v<Conflict> &&
                 Returning::size == 0 && requires { typename Form::rows; })
    constexpr auto values(const Assignments&...) const {
        using row_list = type_list<Assignments...>;
        using first = detail::at<0, typename Form::rows>;
        if constexpr (!std::is_same_v<type_list<typename Assignments::column...>,
                                      typename detail::columns_of_assignments<first>::type>)
            static_assert(::ctsql::detail::enforce<error::insert_rows_differ<Table, first, row_list>>::ok);
        return insert_statement<Table, values_t<detail::concat<typename Form::rows, type_list<row_list>>>>{};
    }

    // ON CONFLICT (columns...): the columns must be the primary key or a unique key.
    template <column_type... Target>
        requires(!has_clause_v<Conflict> && Returning::size == 0)
    constexpr auto on_conflict(const Target&...) const {
        return pending_conflict<type_list<Target...>>{};
    }

    template <class... Items>
        requires(Returning::size == 0 && sizeof...(Items) > 0)
    constexpr auto returning(const Items&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_returning_item<Items>())...>>::ok);
        return insert_statement<Table, Form, Conflict, type_list<Items...>>{};
    }

    template <class Target>
    struct pending_conflict {
        constexpr insert_statement<Table, Form, on_conflict_t<Target, no_clause>> do_nothing() const noexcept {
            return {};
        }
        template <detail::assignment_argument... Assignments>
            requires(sizeof...(Assignments) > 0)
        constexpr auto do_update(const Assignments&...) const {
            static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_assignments<Table, type_list<Assignments...>>())>>::ok);
            return insert_statement<Table, Form, on_conflict_t<Target, type_list<Assignments...>>>{};
        }
    };
};

// INSERT INTO table ... : choose values(), columns(), default_values() or columns().select().
template <table_type Table>
struct insert_into_t {
    template <detail::assignment_argument... Assignments>
        requires(sizeof...(Assignments) > 0)
    constexpr auto values(const Assignments&...) const {
        return insert_statement<Table, values_t<type_list<type_list<Assignments...>>>>{};
    }

    // One row whose values are parameters named after the columns.
    template <column_type... Columns>
        requires(sizeof...(Columns) > 0)
    constexpr auto columns(const Columns&...) const {
        return column_list_t<Columns...>{};
    }

    constexpr insert_statement<Table, default_values_t> default_values() const noexcept { return {}; }

    // INSERT ... VALUES of one row of parameters named after the columns; also the start of an
    // INSERT ... SELECT (.select(statement)).
    template <class... Columns>
    struct column_list_t
        : insert_statement<Table, values_t<type_list<type_list<
                                      assignment<Columns, typed_parameter<Columns::sql_name, typename Columns::cpp_type>>...>>>> {
        using row_type = type_list<assignment<Columns, typed_parameter<Columns::sql_name, typename Columns::cpp_type>>...>;
        using statement_type = insert_statement<Table, values_t<type_list<row_type>>>;
        constexpr statement_type values() const noexcept { return {}; }

        template <class Select>
        constexpr auto select(const Select&) const {
            return insert_statement<Table, insert_select_t<type_list<Columns...>, Select>>{};
        }
    };
};

template <table_type Table>
constexpr insert_into_t<Table> insert_into(const Table& = {}) noexcept {
    return {};
}

template <table_type Table, class Assignments, class Where, class Returning>
struct update_statement {
    using table = Table;
    using assignments = Assignments;
    using where_clause = Where;
    using returning_list = Returning;
    using result_row = typename detail::returning_row<Table, Returning>::type;
    using all_parameters =
        detail::concat<typename detail::assignment_parameters<Assignments>::type, detail::clause_parameters_t<Where>,
                       detail::list_parameters_t<Returning>>;
    using parameters = detail::unique_parameters<all_parameters>;

    template <class Condition>
        requires(!has_clause_v<Where> && Returning::size == 0)
    constexpr auto where(const Condition&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition<clause::where, Condition>())>>::ok);
        return update_statement<Table, Assignments, Condition>{};
    }

    template <class... Items>
        requires(Returning::size == 0 && sizeof...(Items) > 0)
    constexpr auto returning(const Items&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_returning_item<Items>())...>>::ok);
        return update_statement<Table, Assignments, Where, type_list<Items...>>{};
    }
};

template <table_type Table>
struct update_t {
    template <detail::assignment_argument... Assignments>
        requires(sizeof...(Assignments) > 0)
    constexpr auto set(const Assignments&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_assignments<Table, type_list<Assignments...>>())>>::ok);
        return update_statement<Table, type_list<Assignments...>>{};
    }
};

template <table_type Table>
constexpr update_t<Table> update(const Table& = {}) noexcept {
    return {};
}

template <table_type Table, class Where, class Returning>
struct delete_statement {
    using table = Table;
    using where_clause = Where;
    using returning_list = Returning;
    using result_row = typename detail::returning_row<Table, Returning>::type;
    using all_parameters = detail::concat<detail::clause_parameters_t<Where>, detail::list_parameters_t<Returning>>;
    using parameters = detail::unique_parameters<all_parameters>;

    template <class Condition>
        requires(!has_clause_v<Where> && Returning::size == 0)
    constexpr auto where(const Condition&) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_condition<clause::where, Condition>())>>::ok);
        return delete_statement<Table, Condition>{};
    }

    template <class... Items>
        requires(Returning::size == 0 && sizeof...(Items) > 0)
    constexpr auto returning(const Items&...) const {
        static_assert(::ctsql::detail::enforce<detail::broken_rule<decltype(detail::check_returning_item<Items>())...>>::ok);
        return delete_statement<Table, Where, type_list<Items...>>{};
    }
};

template <table_type Table>
constexpr delete_statement<Table> delete_from(const Table& = {}) noexcept {
    return {};
}

}  // namespace ctsql
