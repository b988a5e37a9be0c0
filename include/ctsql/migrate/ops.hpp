// Migration operations as types. Each operation Op provides, for the schema state S before it:
//   Op::check<S>()          the verdict: does the operation fit S (table exists, ...)?
//   Op::apply<S>            the state after it
//   Op::inverse<S>          the operation that undoes it (derived from S: the inverse of
//                           drop_column restores the column S had)
//   Op::render<D, S>(out)   its SQL for dialect D, statements each ending in ";\n"
//   Op::loses_data          dropping or narrowing: needs acknowledge_data_loss
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/migrate/declarations.hpp"
#include "ctsql/migrate/render_helpers.hpp"
#include "ctsql/migrate/rules.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/migrate/state_spec.hpp"
#include "ctsql/migrate/validate.hpp"

namespace ctsql::migrate {

// Put in an operation that can destroy data, to say it is intended.
struct acknowledge_data_loss {};

namespace detail {

using ctsql::detail::pass;
using ctsql::detail::report;

template <class... Flags>
inline constexpr bool acknowledged = (std::is_same_v<Flags, acknowledge_data_loss> || ...);

template <class S, fixed_string Name>
inline constexpr std::size_t table_index = find_named_v<Name, typename S::tables>;

// The schema S with table Name replaced by New.
template <class S, fixed_string Name, class New>
using replace_table = typename as_schema<replace_at_t<typename S::tables, table_index<S, Name>, New>>::type;

template <class S, class Table>
using append_table = typename as_schema<concat<typename S::tables, type_list<Table>>>::type;

template <class S, fixed_string Name>
using remove_table = typename as_schema<remove_at_t<typename S::tables, table_index<S, Name>>>::type;

template <class T, class Columns>
using with_columns = table_state<T::sql_name, Columns, typename T::primary_key, typename T::uniques,
                                 typename T::foreign_keys, typename T::indexes>;
template <class T, class Uniques>
using with_uniques = table_state<T::sql_name, typename T::columns, typename T::primary_key, Uniques,
                                 typename T::foreign_keys, typename T::indexes>;
template <class T, class FKs>
using with_foreign_keys = table_state<T::sql_name, typename T::columns, typename T::primary_key,
                                      typename T::uniques, FKs, typename T::indexes>;
template <class T, class Indexes>
using with_indexes = table_state<T::sql_name, typename T::columns, typename T::primary_key, typename T::uniques,
                                 typename T::foreign_keys, Indexes>;

// Verdicts shared by the operations.
template <class Op, class S, fixed_string Table>
constexpr auto check_table_exists() {
    if constexpr (!has_table_v<S, Table>) return report<error::table_does_not_exist<Op, name_of<Table>>>();
    else return pass();
}
template <class Op, class S, fixed_string Table, fixed_string Column>
constexpr auto check_column_exists() {
    if constexpr (!has_table_v<S, Table>) return report<error::table_does_not_exist<Op, name_of<Table>>>();
    else if constexpr (!has_column_v<table_in<S, Table>, Column>)
        return report<error::column_does_not_exist<Op, name_of<Table>, name_of<Column>>>();
    else return pass();
}

// The state after Op must be well-formed; the first problem is reported with names.
template <class Op, class Before, class Precondition>
constexpr auto check_then_validate() {
    if constexpr (!Precondition::ok) return Precondition{};
    else return check_state<Op, typename Op::template apply<Before>>();
}

// Renames inside a name list / a schema (foreign keys of every table follow their target).
template <class Names, fixed_string From, fixed_string To>
struct rename_in_names;
template <fixed_string... Ns, fixed_string From, fixed_string To>
struct rename_in_names<names<Ns...>, From, To> {
    template <fixed_string N>
    static constexpr auto renamed() {
        if constexpr (N.view() == From.view()) return To;
        else return N;
    }
    using type = names<renamed<Ns>()...>;
};
template <class Names, fixed_string From, fixed_string To>
using rename_in_names_t = typename rename_in_names<Names, From, To>::type;

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Tables

namespace detail {
// The first other table with a foreign key to Name, or npos.
template <class S, fixed_string Name>
inline constexpr std::size_t first_referencing_table = [] {
    std::size_t i = 0;
    for (const table_spec* t : state_specs<S>::value) {
        if (t->name != Name.view())
            for (const auto& fk : t->foreign_keys)
                if (fk.target_table == Name.view()) return i;
        ++i;
    }
    return npos;
}();
}  // namespace detail

// Creates the table described by a state (the inverse of drop_table).
template <class TableState>
struct restore_table {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::append_table<S, TableState>;
    template <class S>
    static constexpr auto check() {
        if constexpr (has_table_v<S, TableState::sql_name>)
            return detail::report<error::table_already_exists<restore_table, name_of<TableState::sql_name>>>();
        else
            return detail::check_state<restore_table, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        ctsql::detail::write_create_table<D>(out, state_spec<TableState>, false);
        detail::write_statement_end(out);
        detail::write_indexes<D>(out, state_spec<TableState>);
    }
};

template <fixed_string Name, class... Flags>
struct drop_table;

// CREATE TABLE from columns, keys and indexes declared by name.
template <fixed_string Name, class... Items>
struct create_table {
    using definition = detail::table_from_items<Name, Items...>;
    using table = typename definition::type;
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::append_table<S, table>;
    template <class S>
    using inverse = drop_table<Name, acknowledge_data_loss>;
    template <class S>
    static constexpr auto check() {
        if constexpr (has_table_v<S, Name>)
            return detail::report<error::table_already_exists<create_table, name_of<Name>>>();
        else if constexpr (definition::key_count > 1)
            return detail::report<error::invalid_table_definition<create_table, name_of<Name>>>();
        else
            return detail::check_state<create_table, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        restore_table<table>::template render<D, S>(out);
    }
};

// DROP TABLE; needs acknowledge_data_loss. No other table may still reference it.
template <fixed_string Name, class... Flags>
struct drop_table {
    static constexpr bool loses_data = true;
    template <class S>
    using apply = detail::remove_table<S, Name>;
    template <class S>
    using inverse = restore_table<table_in<S, Name>>;
    template <class S>
    static constexpr auto check() {
        if constexpr (!detail::acknowledged<Flags...>)
            return detail::report<error::data_loss_not_acknowledged<drop_table>>();
        else if constexpr (!has_table_v<S, Name>)
            return detail::report<error::table_does_not_exist<drop_table, name_of<Name>>>();
        else if constexpr (constexpr std::size_t referencing = detail::first_referencing_table<S, Name>; referencing != detail::npos)
            return detail::report<error::table_still_referenced<drop_table, name_of<Name>,
                                                                name_of<detail::at<referencing, typename S::tables>::sql_name>>>();
        else
            return detail::check_state<drop_table, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        out.put("DROP TABLE ");
        ctsql::detail::write_identifier(out, Name.view());
        detail::write_statement_end(out);
    }
};

namespace detail {
template <class FK, fixed_string From, fixed_string To>
using fk_retargeted = std::conditional_t<FK::target_table.view() == From.view(),
                                         fk_state<typename FK::column_names, To, typename FK::target_names,
                                                  FK::on_delete_action, FK::on_update_action>,
                                         FK>;
template <class T, fixed_string From, fixed_string To>
struct retarget_table_fks;
template <class T, fixed_string From, fixed_string To>
    requires(T::foreign_keys::size == 0)
struct retarget_table_fks<T, From, To> {
    using type = T;
};
template <class T, fixed_string From, fixed_string To>
    requires(T::foreign_keys::size != 0)
struct retarget_table_fks<T, From, To> {
    template <class L>
    struct map;
    template <class... FKs>
    struct map<type_list<FKs...>> {
        using type = type_list<fk_retargeted<FKs, From, To>...>;
    };
    using type = with_foreign_keys<T, typename map<typename T::foreign_keys>::type>;
};
template <class T, fixed_string Name>
using renamed_table = table_state<Name, typename T::columns, typename T::primary_key, typename T::uniques,
                                  typename T::foreign_keys, typename T::indexes>;
template <class S, fixed_string From, fixed_string To>
struct rename_table_in;
template <class... Ts, fixed_string From, fixed_string To>
struct rename_table_in<schema_state<Ts...>, From, To> {
    template <class T>
    using step = typename retarget_table_fks<
        std::conditional_t<T::sql_name.view() == From.view(), renamed_table<T, To>, T>, From, To>::type;
    using type = schema_state<step<Ts>...>;
};

// PostgreSQL keeps constraint names across renames; renaming them after the table or column
// keeps every name what a fresh CREATE TABLE would give, so later operations can find them.
template <class Writer>
constexpr void write_pg_rename_constraints(Writer& out, const table_spec& before, const table_spec& after) {
    auto rename = [&](name_list old_cols, name_list new_cols, std::string_view suffix, bool is_pk) {
        write_alter_table(out, after.name);
        out.put("RENAME CONSTRAINT ");
        if (is_pk) write_pg_constraint_name(out, before.name, {}, suffix);
        else write_pg_constraint_name(out, before.name, old_cols, suffix);
        out.put(" TO ");
        if (is_pk) write_pg_constraint_name(out, after.name, {}, suffix);
        else write_pg_constraint_name(out, after.name, new_cols, suffix);
        write_statement_end(out);
    };
    auto names_differ = [](std::string_view a_table, name_list a, std::string_view b_table, name_list b) {
        return !(a_table == b_table && a == b);
    };
    if (!before.primary_key.empty() && before.name != after.name) rename({}, {}, "pkey", true);
    for (std::size_t k = 0; k != before.unique_keys.size(); ++k)
        if (names_differ(before.name, before.unique_keys[k], after.name, after.unique_keys[k]))
            rename(before.unique_keys[k], after.unique_keys[k], "key", false);
    for (std::size_t k = 0; k != before.foreign_keys.size(); ++k)
        if (names_differ(before.name, before.foreign_keys[k].columns, after.name, after.foreign_keys[k].columns))
            rename(before.foreign_keys[k].columns, after.foreign_keys[k].columns, "fkey", false);
}
}  // namespace detail

// ALTER TABLE old RENAME TO new; foreign keys of other tables follow.
template <fixed_string From, fixed_string To>
struct rename_table {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = typename detail::rename_table_in<S, From, To>::type;
    template <class S>
    using inverse = rename_table<To, From>;
    template <class S>
    static constexpr auto check() {
        if constexpr (!has_table_v<S, From>)
            return detail::report<error::table_does_not_exist<rename_table, name_of<From>>>();
        else if constexpr (has_table_v<S, To>)
            return detail::report<error::table_already_exists<rename_table, name_of<To>>>();
        else
            return detail::check_state<rename_table, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        detail::write_alter_table(out, From.view());
        out.put("RENAME TO ");
        ctsql::detail::write_identifier(out, To.view());
        detail::write_statement_end(out);
        if constexpr (D::family == dialect_family::postgresql)
            detail::write_pg_rename_constraints(out, state_spec<table_in<S, From>>, state_spec<table_in<apply<S>, To>>);
    }
};

// ---------------------------------------------------------------------------------------------
// Columns

namespace detail {
// SQLite's ALTER TABLE ADD COLUMN takes no PRIMARY KEY or UNIQUE and only constant defaults.
constexpr bool sqlite_can_add_column(const table_spec& after, const column_spec& column) noexcept {
    for (auto key : after.unique_keys)
        if (key.size() == 1 && key[0] == column.name) return false;
    for (auto c : after.primary_key)
        if (c == column.name) return false;
    return column.default_value.kind != default_kind::current_timestamp;
}
template <class Columns, std::size_t Position, class Column>
struct insert_column;
template <class... Cs, std::size_t Position, class Column>
struct insert_column<type_list<Cs...>, Position, Column> {
    template <class Seq>
    struct by;
    template <std::size_t... K>
    struct by<std::index_sequence<K...>> {
        using type = concat<std::conditional_t<K == Position, type_list<Column, at<K, type_list<Cs...>>>,
                                               type_list<at<K, type_list<Cs...>>>>...,
                            std::conditional_t<Position >= sizeof...(Cs), type_list<Column>, type_list<>>>;
    };
    using type = typename by<std::index_sequence_for<Cs...>>::type;
};
}  // namespace detail

template <fixed_string Table, fixed_string Column, class... Flags>
struct drop_column;

// Restores a column as the state before a drop_column had it (appended: neither database
// can put a column back in its old position without rebuilding every referencing table).
template <fixed_string Table, class ColumnState>
struct restore_column {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_columns<table_in<S, Table>, detail::concat<typename table_in<S, Table>::columns, type_list<ColumnState>>>>;
    template <class S>
    using inverse = drop_column<Table, ColumnState::sql_name, acknowledge_data_loss>;
    template <class S>
    static constexpr auto check() {
        if constexpr (!has_table_v<S, Table>)
            return detail::report<error::table_does_not_exist<restore_column, name_of<Table>>>();
        else if constexpr (has_column_v<table_in<S, Table>, ColumnState::sql_name>)
            return detail::report<error::column_already_exists<restore_column, name_of<Table>, name_of<ColumnState::sql_name>>>();
        else
            return detail::check_state<restore_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        constexpr const table_spec& after = state_spec<table_in<apply<S>, Table>>;
        constexpr const column_spec& column = after.columns[after.columns.size() - 1];
        constexpr bool fill = !column.nullable && column.default_value.kind == default_kind::none;
        if constexpr (D::family == dialect_family::sqlite && (fill || !detail::sqlite_can_add_column(after, column))) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, after);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("ADD COLUMN ");
            ctsql::detail::write_column_definition<D>(out, after, column);
            if constexpr (fill) {
                // a NOT NULL column without default (a dropped column restored: its data is
                // gone) needs a value for the existing rows: a temporary default
                out.put(" DEFAULT ");
                out.put(detail::fill_value(column.type));
                detail::write_statement_end(out);
                detail::write_alter_table(out, Table.view());
                out.put("ALTER COLUMN ");
                ctsql::detail::write_identifier(out, column.name);
                out.put(" DROP DEFAULT");
            }
            detail::write_statement_end(out);
        }
    }
};

// Drops a column together with the foreign keys over it alone (the inverse of add_column of a
// column declared with references<...>): PostgreSQL drops them with the column; SQLite, which
// refuses to drop a column a foreign key uses, rebuilds the table.
template <fixed_string Table, fixed_string Column>
struct drop_column_and_keys {
    static constexpr bool loses_data = true;
    template <class T>
    struct without_fks;
    template <class... Fs>
    struct without_fks<type_list<Fs...>> {
        using type = detail::concat<std::conditional_t<Fs::column_names::size == 1 && Fs::column_names::value[0] == Column.view(),
                                                       type_list<>, type_list<Fs>>...>;
    };
    template <class S>
    using without = detail::replace_table<
        S, Table, detail::with_foreign_keys<table_in<S, Table>, typename without_fks<typename table_in<S, Table>::foreign_keys>::type>>;
    template <class S>
    using apply = typename drop_column<Table, Column, acknowledge_data_loss>::template apply<without<S>>;
    template <class S>
    using inverse = restore_column<Table, detail::at<detail::find_named_v<Column, typename table_in<S, Table>::columns>,
                                                     typename table_in<S, Table>::columns>>;
    template <class S>
    static constexpr auto check() {
        return drop_column<Table, Column, acknowledge_data_loss>::template check<without<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("DROP COLUMN ");
            ctsql::detail::write_identifier(out, Column.view());
            detail::write_statement_end(out);
        }
    }
};

// ALTER TABLE ADD COLUMN: col<"name", T, options...>. A NOT NULL column needs a default.
template <fixed_string Table, class Column>
struct add_column {
    using column = typename detail::column_parts<Column>::state;
    using foreign_keys = typename detail::column_parts<Column>::fks;  // declared on the column
    static constexpr bool loses_data = false;
    template <class S, class T = typename restore_column<Table, column>::template apply<S>>
    using with_fks = detail::replace_table<
        T, Table, detail::with_foreign_keys<table_in<T, Table>, detail::concat<typename table_in<T, Table>::foreign_keys, foreign_keys>>>;
    template <class S>
    using apply = with_fks<S>;
    template <class S>
    using inverse = std::conditional_t<foreign_keys::size == 0, drop_column<Table, Column::sql_name, acknowledge_data_loss>,
                                       drop_column_and_keys<Table, Column::sql_name>>;
    template <class S>
    static constexpr auto check() {
        if constexpr (!has_table_v<S, Table>)
            return detail::report<error::table_does_not_exist<add_column, name_of<Table>>>();
        else if constexpr (has_column_v<table_in<S, Table>, Column::sql_name>)
            return detail::report<error::column_already_exists<add_column, name_of<Table>, name_of<Column::sql_name>>>();
        else if constexpr (!column::nullable && !column::has_default && !column::is_autoincrement)
            return detail::report<error::not_null_column_needs_default<add_column, name_of<Table>, name_of<Column::sql_name>>>();
        else if constexpr (detail::column_parts<Column>::primary || detail::column_parts<Column>::unique ||
                           column::is_autoincrement)
            return detail::report<error::invalid_table_definition<add_column, name_of<Table>>>();
        else
            return detail::check_state<add_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        // the column's definition, with its foreign key inline (REFERENCES ...): both databases
        // take that in ADD COLUMN (SQLite when the column's default is NULL, as here)
        constexpr const table_spec& after = state_spec<table_in<apply<S>, Table>>;
        constexpr const column_spec& added = after.columns[after.columns.size() - 1];
        if constexpr (D::family == dialect_family::sqlite && !detail::sqlite_can_add_column(after, added)) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, after);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("ADD COLUMN ");
            ctsql::detail::write_column_definition<D>(out, after, added);
            detail::write_statement_end(out);
        }
    }
};

namespace detail {
template <class T, fixed_string Column>
inline constexpr bool column_in_use = [] {
    constexpr const table_spec& t = state_spec<T>;
    for (auto c : t.primary_key)
        if (c == Column.view()) return true;
    for (auto key : t.unique_keys)
        if (has_name(key, Column.view())) return true;
    for (const auto& fk : t.foreign_keys)
        if (has_name(fk.columns, Column.view())) return true;
    for (const auto& index : t.indexes)
        if (has_name(index.columns, Column.view())) return true;
    return false;
}();
template <class S, fixed_string Table, fixed_string Column>
inline constexpr bool column_referenced = [] {
    for (const table_spec* t : state_specs<S>::value)
        for (const auto& fk : t->foreign_keys)
            if (fk.target_table == Table.view() && has_name(fk.target_columns, Column.view())) return true;
    return false;
}();
}  // namespace detail

// ALTER TABLE DROP COLUMN; needs acknowledge_data_loss. The column must not be part of a key,
// foreign key or index (drop those first), nor referenced by another table.
template <fixed_string Table, fixed_string Column, class... Flags>
struct drop_column {
    static constexpr bool loses_data = true;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_columns<table_in<S, Table>,
                                       detail::remove_at_t<typename table_in<S, Table>::columns,
                                                           detail::find_named_v<Column, typename table_in<S, Table>::columns>>>>;
    template <class S>
    using inverse = restore_column<Table, detail::at<detail::find_named_v<Column, typename table_in<S, Table>::columns>,
                                                     typename table_in<S, Table>::columns>>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_column_exists<drop_column, S, Table, Column>());
        if constexpr (!detail::acknowledged<Flags...>)
            return detail::report<error::data_loss_not_acknowledged<drop_column>>();
        else if constexpr (!exists::ok)
            return exists{};
        else if constexpr (detail::column_in_use<table_in<S, Table>, Column> || detail::column_referenced<S, Table, Column>)
            return detail::report<error::column_in_use<drop_column, name_of<Table>, name_of<Column>>>();
        else
            return detail::check_state<drop_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite && D::version < 3'035'000) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("DROP COLUMN ");
            ctsql::detail::write_identifier(out, Column.view());
            detail::write_statement_end(out);
        }
    }
};

namespace detail {
template <class C, fixed_string To>
using renamed_column = column_state<To, typename C::cpp_type, typename C::default_option, C::is_autoincrement>;

template <class T, fixed_string From, fixed_string To>
struct rename_column_in_table {
    template <class L>
    struct columns;
    template <class... Cs>
    struct columns<type_list<Cs...>> {
        using type = type_list<std::conditional_t<Cs::sql_name.view() == From.view(), renamed_column<Cs, To>, Cs>...>;
    };
    template <class L>
    struct keys;
    template <class... Ks>
    struct keys<type_list<Ks...>> {
        using type = type_list<rename_in_names_t<Ks, From, To>...>;
    };
    template <class L>
    struct fks;
    template <class... Fs>
    struct fks<type_list<Fs...>> {
        using type = type_list<fk_state<rename_in_names_t<typename Fs::column_names, From, To>, Fs::target_table,
                                        std::conditional_t<Fs::target_table.view() == T::sql_name.view(),
                                                           rename_in_names_t<typename Fs::target_names, From, To>,
                                                           typename Fs::target_names>,
                                        Fs::on_delete_action, Fs::on_update_action>...>;
    };
    template <class L>
    struct indexes;
    template <class... Is>
    struct indexes<type_list<Is...>> {
        using type = type_list<index_state<Is::sql_name, rename_in_names_t<typename Is::column_names, From, To>, Is::is_unique>...>;
    };
    using type = table_state<T::sql_name, typename columns<typename T::columns>::type,
                             rename_in_names_t<typename T::primary_key, From, To>, typename keys<typename T::uniques>::type,
                             typename fks<typename T::foreign_keys>::type, typename indexes<typename T::indexes>::type>;
};

// Foreign keys of other tables that reference Table.From follow the rename.
template <class T, fixed_string Table, fixed_string From, fixed_string To>
struct retarget_column_fks {
    template <class L>
    struct fks;
    template <class... Fs>
    struct fks<type_list<Fs...>> {
        using type = type_list<fk_state<typename Fs::column_names, Fs::target_table,
                                        std::conditional_t<Fs::target_table.view() == Table.view(),
                                                           rename_in_names_t<typename Fs::target_names, From, To>,
                                                           typename Fs::target_names>,
                                        Fs::on_delete_action, Fs::on_update_action>...>;
    };
    using type = std::conditional_t<T::sql_name.view() == Table.view(), T,
                                    with_foreign_keys<T, typename fks<typename T::foreign_keys>::type>>;
};

template <class S, fixed_string Table, fixed_string From, fixed_string To>
struct rename_column_in;
template <class... Ts, fixed_string Table, fixed_string From, fixed_string To>
struct rename_column_in<schema_state<Ts...>, Table, From, To> {
    template <class T>
    using step = std::conditional_t<T::sql_name.view() == Table.view(), typename rename_column_in_table<T, From, To>::type,
                                    typename retarget_column_fks<T, Table, From, To>::type>;
    using type = schema_state<step<Ts>...>;
};
}  // namespace detail

// ALTER TABLE RENAME COLUMN; keys, indexes and foreign keys (here and elsewhere) follow.
template <fixed_string Table, fixed_string From, fixed_string To>
struct rename_column {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = typename detail::rename_column_in<S, Table, From, To>::type;
    template <class S>
    using inverse = rename_column<Table, To, From>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_column_exists<rename_column, S, Table, From>());
        if constexpr (!exists::ok)
            return exists{};
        else if constexpr (has_column_v<table_in<S, Table>, To>)
            return detail::report<error::column_already_exists<rename_column, name_of<Table>, name_of<To>>>();
        else
            return detail::check_state<rename_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite && D::version < 3'025'000) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>,
                                            detail::column_rename{From.view(), To.view()});
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("RENAME COLUMN ");
            ctsql::detail::write_identifier(out, From.view());
            out.put(" TO ");
            ctsql::detail::write_identifier(out, To.view());
            detail::write_statement_end(out);
            if constexpr (D::family == dialect_family::postgresql)
                detail::write_pg_rename_constraints(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        }
    }
};

// Changes for alter_column.
template <class T>
struct to_type {
    using type = T;  // the new C++ type, without std::optional (nullability is separate)
};
struct set_nullable {};
struct set_not_null {};
template <default_literal Value>
struct set_default {
    using option = default_value<Value>;
};
struct set_default_now {
    using option = default_now;
};
struct drop_default {};

namespace detail {
template <class C, class Change>
struct change_column {
    using type = C;
};
template <class C, class T>
struct change_column<C, to_type<T>> {
    using type = column_state<C::sql_name, std::conditional_t<C::nullable, std::optional<T>, T>,
                              typename C::default_option, C::is_autoincrement>;
};
template <class C>
struct change_column<C, set_nullable> {
    using type = column_state<C::sql_name, std::optional<typename C::value_type>, typename C::default_option, C::is_autoincrement>;
};
template <class C>
struct change_column<C, set_not_null> {
    using type = column_state<C::sql_name, typename C::value_type, typename C::default_option, C::is_autoincrement>;
};
template <class C, default_literal V>
struct change_column<C, set_default<V>> {
    using type = column_state<C::sql_name, typename C::cpp_type, default_value<V>, C::is_autoincrement>;
};
template <class C>
struct change_column<C, set_default_now> {
    using type = column_state<C::sql_name, typename C::cpp_type, default_now, C::is_autoincrement>;
};
template <class C>
struct change_column<C, drop_default> {
    using type = column_state<C::sql_name, typename C::cpp_type, no_default, C::is_autoincrement>;
};
template <class C, class... Changes>
struct apply_changes {
    using type = C;
};
template <class C, class First, class... Rest>
struct apply_changes<C, First, Rest...> {
    using type = typename apply_changes<typename change_column<C, First>::type, Rest...>::type;
};

// A type change that can lose values: to a smaller integer, integer from real, to a different
// kind (text to integer, ...), or signed to unsigned.
constexpr bool narrows(sql_type from, sql_type to) noexcept {
    if (from == to) return false;
    if (from.kind != to.kind) {
        if (from.kind == type_kind::integer && to.kind == type_kind::real) return from.bytes > 4;  // int64 -> double rounds
        if (to.kind == type_kind::text) return false;  // every value has a text form
        if (from.kind == type_kind::boolean && to.kind == type_kind::integer) return false;
        return true;
    }
    if (from.kind == type_kind::integer)
        return to.bytes < from.bytes || (to.is_unsigned && !from.is_unsigned) ||
               (!to.is_unsigned && from.is_unsigned && to.bytes == from.bytes);
    if (from.kind == type_kind::real) return to.bytes < from.bytes;
    return false;
}

template <class Change>
inline constexpr bool is_change = false;
template <class T>
inline constexpr bool is_change<to_type<T>> = true;
template <>
inline constexpr bool is_change<set_nullable> = true;
template <>
inline constexpr bool is_change<set_not_null> = true;
template <default_literal V>
inline constexpr bool is_change<set_default<V>> = true;
template <>
inline constexpr bool is_change<set_default_now> = true;
template <>
inline constexpr bool is_change<drop_default> = true;
}  // namespace detail

// Sets a column to exactly ColumnState (the inverse of alter_column).
template <fixed_string Table, class ColumnState, class... Flags>
struct set_column {
    template <class S>
    using old_column = detail::at<detail::find_named_v<ColumnState::sql_name, typename table_in<S, Table>::columns>,
                                  typename table_in<S, Table>::columns>;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_columns<table_in<S, Table>, detail::replace_at_t<typename table_in<S, Table>::columns,
                                                                                detail::find_named_v<ColumnState::sql_name, typename table_in<S, Table>::columns>,
                                                                                ColumnState>>>;
    template <class S>
    using inverse = set_column<Table, old_column<S>, acknowledge_data_loss>;
    template <class S>
    static constexpr bool narrowing = detail::narrows(ctsql::detail::column_sql_type<old_column<S>>(),
                                                      ctsql::detail::column_sql_type<ColumnState>());
    static constexpr bool loses_data = false;  // decided per state: see check
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_column_exists<set_column, S, Table, ColumnState::sql_name>());
        if constexpr (!exists::ok)
            return exists{};
        else if constexpr (narrowing<S> && !detail::acknowledged<Flags...>)
            return detail::report<error::data_loss_not_acknowledged<set_column>>();
        else
            return detail::check_state<set_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        constexpr const table_spec& before = state_spec<table_in<S, Table>>;
        constexpr const table_spec& after = state_spec<table_in<apply<S>, Table>>;
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, before, after);
        } else {
            constexpr const column_spec& was = before.column_named(ColumnState::sql_name.view());
            constexpr const column_spec& now = after.column_named(ColumnState::sql_name.view());
            auto alter = [&] {
                detail::write_alter_table(out, Table.view());
                out.put("ALTER COLUMN ");
                ctsql::detail::write_identifier(out, ColumnState::sql_name.view());
                out.put(' ');
            };
            if constexpr (!(was.default_value == now.default_value) && was.default_value.kind != default_kind::none) {
                alter();  // drop the old default first: it may not convert to the new type
                out.put("DROP DEFAULT");
                detail::write_statement_end(out);
            }
            if constexpr (!(was.type == now.type)) {
                alter();
                out.put("TYPE ");
                out.put(D::type_name(now.type));
                out.put(" USING ");
                ctsql::detail::write_identifier(out, ColumnState::sql_name.view());
                out.put("::");
                out.put(D::type_name(now.type));
                detail::write_statement_end(out);
            }
            if constexpr (was.nullable != now.nullable) {
                alter();
                out.put(now.nullable ? "DROP NOT NULL" : "SET NOT NULL");
                detail::write_statement_end(out);
            }
            if constexpr (!(was.default_value == now.default_value) && now.default_value.kind != default_kind::none) {
                alter();
                out.put("SET DEFAULT ");
                ctsql::detail::write_default<D>(out, now.default_value);
                detail::write_statement_end(out);
            }
        }
    }
};

// ALTER COLUMN: to_type<T>, set_nullable / set_not_null, set_default<V> / set_default_now /
// drop_default, in any combination; a narrowing type change needs acknowledge_data_loss.
template <fixed_string Table, fixed_string Column, class... ChangesAndFlags>
struct alter_column {
    template <class S>
    using old_column = detail::at<detail::find_named_v<Column, typename table_in<S, Table>::columns>,
                                  typename table_in<S, Table>::columns>;
    template <class L>
    struct changes_of;
    template <class... Xs>
    struct changes_of<type_list<Xs...>> {
        template <class C>
        using type = typename detail::apply_changes<C, Xs...>::type;
    };
    using changes = detail::concat<std::conditional_t<detail::is_change<ChangesAndFlags>, type_list<ChangesAndFlags>, type_list<>>...>;
    template <class S>
    using new_column = typename changes_of<changes>::template type<old_column<S>>;
    template <class S>
    using as_set = set_column<Table, new_column<S>, ChangesAndFlags...>;

    static constexpr bool loses_data = false;
    template <class S>
    using apply = typename as_set<S>::template apply<S>;
    template <class S>
    using inverse = typename as_set<S>::template inverse<S>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_column_exists<alter_column, S, Table, Column>());
        if constexpr (!exists::ok)
            return exists{};
        else if constexpr (as_set<S>::template narrowing<S> && !detail::acknowledged<ChangesAndFlags...>)
            return detail::report<error::data_loss_not_acknowledged<alter_column>>();
        else
            return detail::check_state<alter_column, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        as_set<S>::template render<D, S>(out);
    }
};

// ---------------------------------------------------------------------------------------------
// Indexes, unique keys, foreign keys

template <fixed_string Table, fixed_string Name>
struct drop_index;

template <fixed_string Table, class IndexState>
struct restore_index {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_indexes<table_in<S, Table>, detail::concat<typename table_in<S, Table>::indexes, type_list<IndexState>>>>;
    template <class S>
    using inverse = drop_index<Table, IndexState::sql_name>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<restore_index, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else return detail::check_state<restore_index, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        constexpr const table_spec& after = state_spec<table_in<apply<S>, Table>>;
        ctsql::detail::write_create_index(out, after.indexes[after.indexes.size() - 1], false);
        detail::write_statement_end(out);
    }
};

// CREATE [UNIQUE] INDEX: create_index<"posts", index_on<"posts_by_author", "author">>.
template <fixed_string Table, class Index>
struct create_index : restore_index<Table, typename Index::state> {
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<create_index, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else return detail::check_state<create_index, typename restore_index<Table, typename Index::state>::template apply<S>>();
    }
};

template <fixed_string Table, fixed_string Name>
struct drop_index {
    static constexpr bool loses_data = false;
    template <class S>
    static constexpr std::size_t position = detail::find_named_v<Name, typename table_in<S, Table>::indexes>;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_indexes<table_in<S, Table>, detail::remove_at_t<typename table_in<S, Table>::indexes, position<S>>>>;
    template <class S>
    using inverse = restore_index<Table, detail::at<position<S>, typename table_in<S, Table>::indexes>>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<drop_index, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else if constexpr (position<S> == detail::npos)
            return detail::report<error::index_does_not_exist<drop_index, name_of<Table>, name_of<Name>>>();
        else return detail::check_state<drop_index, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        out.put("DROP INDEX ");
        ctsql::detail::write_identifier(out, Name.view());
        detail::write_statement_end(out);
    }
};

template <fixed_string Table, fixed_string... Columns>
struct drop_unique;

// ALTER TABLE ADD UNIQUE (PostgreSQL; SQLite rebuilds the table).
template <fixed_string Table, fixed_string... Columns>
struct add_unique {
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_uniques<table_in<S, Table>, detail::concat<typename table_in<S, Table>::uniques, type_list<names<Columns...>>>>>;
    template <class S>
    using inverse = drop_unique<Table, Columns...>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<add_unique, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else return detail::check_state<add_unique, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("ADD CONSTRAINT ");
            detail::write_pg_constraint_name(out, Table.view(), names<Columns...>::value, "key");
            out.put(" UNIQUE ");
            ctsql::detail::write_identifier_list(out, names<Columns...>::value);
            detail::write_statement_end(out);
        }
    }
};

template <fixed_string Table, fixed_string... Columns>
struct drop_unique {
    static constexpr bool loses_data = false;
    template <class S>
    static constexpr std::size_t position = [] {
        std::size_t i = 0;
        for (auto key : state_spec<table_in<S, Table>>.unique_keys) {
            if (key == name_list{names<Columns...>::value}) return i;
            ++i;
        }
        return detail::npos;
    }();
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_uniques<table_in<S, Table>, detail::remove_at_t<typename table_in<S, Table>::uniques, position<S>>>>;
    template <class S>
    using inverse = add_unique<Table, Columns...>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<drop_unique, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else if constexpr (position<S> == detail::npos)
            return detail::report<error::index_does_not_exist<drop_unique, name_of<Table>, sql_name<>>>();
        else return detail::check_state<drop_unique, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("DROP CONSTRAINT ");
            detail::write_pg_constraint_name(out, Table.view(), names<Columns...>::value, "key");
            detail::write_statement_end(out);
        }
    }
};

template <fixed_string Table, class Columns>
struct drop_foreign_key;

// ALTER TABLE ADD FOREIGN KEY: add_foreign_key<"posts", foreign_key_on<names<"author">, "users", names<"id">>>.
template <fixed_string Table, class ForeignKey>
struct add_foreign_key {
    using fk = typename ForeignKey::state;
    static constexpr bool loses_data = false;
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_foreign_keys<table_in<S, Table>, detail::concat<typename table_in<S, Table>::foreign_keys, type_list<fk>>>>;
    template <class S>
    using inverse = drop_foreign_key<Table, typename fk::column_names>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<add_foreign_key, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else return detail::check_state<add_foreign_key, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            constexpr const table_spec& after = state_spec<table_in<apply<S>, Table>>;
            detail::write_alter_table(out, Table.view());
            out.put("ADD CONSTRAINT ");
            detail::write_pg_constraint_name(out, Table.view(), fk::column_names::value, "fkey");
            out.put(" FOREIGN KEY ");
            ctsql::detail::write_identifier_list(out, fk::column_names::value);
            out.put(' ');
            ctsql::detail::write_references(out, after.foreign_keys[after.foreign_keys.size() - 1]);
            detail::write_statement_end(out);
        }
    }
};

// The foreign key over Columns (names<...>) as a state had it (inverse of drop_foreign_key).
template <fixed_string Table, class FkState>
struct restore_foreign_key {
    struct as_declaration {
        using state = FkState;
    };
    template <class S>
    using apply = typename add_foreign_key<Table, as_declaration>::template apply<S>;
    template <class S>
    using inverse = drop_foreign_key<Table, typename FkState::column_names>;
    static constexpr bool loses_data = false;
    template <class S>
    static constexpr auto check() {
        return add_foreign_key<Table, as_declaration>::template check<S>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        add_foreign_key<Table, as_declaration>::template render<D, S>(out);
    }
};

template <fixed_string Table, class Columns>
struct drop_foreign_key {
    static constexpr bool loses_data = false;
    template <class S>
    static constexpr std::size_t position = [] {
        std::size_t i = 0;
        for (const auto& fk : state_spec<table_in<S, Table>>.foreign_keys) {
            if (fk.columns == name_list{Columns::value}) return i;
            ++i;
        }
        return detail::npos;
    }();
    template <class S>
    using apply = detail::replace_table<
        S, Table, detail::with_foreign_keys<table_in<S, Table>, detail::remove_at_t<typename table_in<S, Table>::foreign_keys, position<S>>>>;
    template <class S>
    using inverse = restore_foreign_key<Table, detail::at<position<S>, typename table_in<S, Table>::foreign_keys>>;
    template <class S>
    static constexpr auto check() {
        using exists = decltype(detail::check_table_exists<drop_foreign_key, S, Table>());
        if constexpr (!exists::ok) return exists{};
        else if constexpr (position<S> == detail::npos)
            return detail::report<error::index_does_not_exist<drop_foreign_key, name_of<Table>, sql_name<>>>();
        else return detail::check_state<drop_foreign_key, apply<S>>();
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) {
            detail::write_sqlite_rebuild<D>(out, state_spec<table_in<S, Table>>, state_spec<table_in<apply<S>, Table>>);
        } else {
            detail::write_alter_table(out, Table.view());
            out.put("DROP CONSTRAINT ");
            detail::write_pg_constraint_name(out, Table.view(), Columns::value, "fkey");
            detail::write_statement_end(out);
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Opaque SQL with a declared effect

template <class UpSql, class DownSql, class... Effects>
struct raw_sql_step;

namespace detail {
// The inverses of Ops applied in order from S, in reverse order (each derived from the state
// before its operation).
template <class S, class... Ops>
struct inverse_ops {
    using type = type_list<>;
};
template <class S, class First, class... Rest>
struct inverse_ops<S, First, Rest...> {
    using type = concat<typename inverse_ops<typename First::template apply<S>, Rest...>::type,
                        type_list<typename First::template inverse<S>>>;
};
template <class Step, class S, class DownSql, class UpSql, class... Effects>
struct inverse_step {
    template <class L>
    struct make;
    template <class... Inverses>
    struct make<type_list<Inverses...>> {
        using type = raw_sql_step<DownSql, UpSql, Inverses...>;
    };
    using type = typename make<typename inverse_ops<S, Effects...>::type>::type;
};
}  // namespace detail

// Hand-written SQL per dialect for the upgrade and the downgrade; Effects are operations whose
// schema change the SQL performs (their own SQL is not used), so the chain still knows the
// schema after it.
template <class UpSql, class DownSql, class... Effects>
struct raw_sql_step {
    static constexpr bool loses_data = false;
    template <class S, class... Es>
    struct fold {
        using type = S;
    };
    template <class S, class E, class... Es>
    struct fold<S, E, Es...> {
        using type = typename fold<typename E::template apply<S>, Es...>::type;
    };
    template <class S>
    using apply = typename fold<S, Effects...>::type;
    template <class S>
    using inverse = typename detail::inverse_step<raw_sql_step, S, DownSql, UpSql, Effects...>::type;
    // Each declared effect is checked like the operation it is (against the state before it).
    template <class S, class... Es>
    struct check_effects {
        using type = ctsql::detail::passed;
    };
    template <class S, class E, class... Es>
    struct check_effects<S, E, Es...> {
        using first = decltype(E::template check<S>());
        template <bool Ok, class = void>
        struct next {
            using type = first;
        };
        template <class Unused>
        struct next<true, Unused> {
            using type = typename check_effects<typename E::template apply<S>, Es...>::type;
        };
        using type = typename next<first::ok>::type;
    };
    template <class S>
    static constexpr auto check() {
        return typename check_effects<S, Effects...>::type{};
    }
    template <class D, class S, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (D::family == dialect_family::sqlite) out.put(UpSql::sqlite_text.view());
        else out.put(UpSql::postgresql_text.view());
        detail::write_statement_end(out);
    }
};

}  // namespace ctsql::migrate
