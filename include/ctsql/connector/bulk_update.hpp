// What the connectors' bulk_update accepts (see docs/connectors.md, "Bulk update"):
//
//   db.bulk_update(ctsql::update(t).set(t.score.to(ctsql::param<"score">))
//                                  .where(t.id == ctsql::param<"id">), rows);
//
// The statement must be an UPDATE of one table whose SET assigns to each column a parameter
// named after it (ctsql[E131]) and whose WHERE is `key == parameter named after the key`, or an
// AND of such terms (ctsql[E132]); the keys must include the table's primary key or one of its
// unique keys, so each row of `rows` updates at most one row (ctsql[E134]), and none of them may
// be assigned (ctsql[E133]); no RETURNING (ctsql[E130]); no table or column named like the
// temporary relations and columns of the PostgreSQL path (ctsql[E135]). Each element of `rows` holds the
// statement's parameters in order (SET values, then keys), checked like execute_many's rows
// (ctsql[E060]-ctsql[E063]).
//
// On PostgreSQL the rows go by COPY into a temporary table, then one UPDATE ... FROM applies
// them; the statements of that path are rendered here, at compile time (bulk_update_sql).
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/connector/at_most_one_row.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/assignment.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/query/clauses.hpp"
#include "ctsql/query/modify.hpp"
#include "ctsql/schema/sql_type.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql {

namespace error {
template <class Statement>
struct bulk_update_takes_keyed_update {
    static_assert(detail::dependent_false<Statement>,
                  "ctsql[E130] bulk_update takes update(table).set(...).where(...) without RETURNING (use execute_many "
                  "for other statements)");
};
template <class Table, class Column>
struct bulk_update_value_is_not_its_parameter {
    static_assert(detail::dependent_false<Column>,
                  "ctsql[E131] bulk_update: each SET column must be assigned the parameter named after it "
                  "(column.to(param<\"column\">))");
};
template <class Table, class Condition>
struct bulk_update_condition_is_not_key_equals_parameter {
    static_assert(detail::dependent_false<Condition>,
                  "ctsql[E132] bulk_update: the WHERE must be `key == param<\"key\">` for key columns of the table, "
                  "joined by &&");
};
template <class Table, class Column>
struct bulk_update_assigns_key_column {
    static_assert(detail::dependent_false<Column>,
                  "ctsql[E133] bulk_update: a column used as a key in the WHERE cannot also be assigned in SET");
};
template <class Table, class KeyColumns>
struct bulk_update_keys_do_not_identify_a_row {
    static_assert(detail::dependent_false<KeyColumns>,
                  "ctsql[E134] bulk_update: the WHERE's key columns must include the table's primary key or one of "
                  "its unique keys");
};
template <class Table, class TableOrColumn>
struct bulk_update_name_is_reserved {
    static_assert(detail::dependent_false<TableOrColumn>,
                  "ctsql[E135] bulk_update: the table is named ctsql_bulk_update, ctsql_input, ctsql_last or "
                  "ctsql_updated, or a SET or key column is named ctsql_row or ctsql_rows: names its SQL reserves");
};
}  // namespace error

namespace detail {

// The key column of Table that a WHERE term `column == param<"column">` (either order) names;
// void for any other term. The parameter has the type the comparison gave it: the column's.
template <class Table, class Term>
struct bulk_update_key_of {
    using type = void;
};
template <class Table, class Column>
inline constexpr bool is_column_of = [] {
    if constexpr (column_type<Column>) return std::is_same_v<typename Column::table_type, Table>;
    else return false;
}();
template <class Table, class Column, class Parameter>
inline constexpr bool is_key_term = [] {
    if constexpr (is_column_of<Table, Column>)
        return std::is_same_v<Parameter, typed_parameter<Column::sql_name, typename Column::value_type>>;
    else return false;
}();
template <class Table, class L, class R>
struct bulk_update_key_of<Table, binary_expression<op::eq, L, R>> {
    using type = std::conditional_t<is_key_term<Table, L, R>, L, std::conditional_t<is_key_term<Table, R, L>, R, void>>;
};

// The WHERE's terms (its top-level ANDs flattened), in order.
template <class Condition>
struct and_terms {
    using type = type_list<Condition>;
};
template <class L, class R>
struct and_terms<binary_expression<op::and_, L, R>> {
    using type = concat<typename and_terms<L>::type, typename and_terms<R>::type>;
};

template <class Table, class Terms>
struct bulk_update_terms;
template <class Table, class... Terms>
struct bulk_update_terms<Table, type_list<Terms...>> {
    using keys = type_list<typename bulk_update_key_of<Table, Terms>::type...>;
    static constexpr std::size_t first_bad = [] {
        const bool flags[] = {false, std::is_void_v<typename bulk_update_key_of<Table, Terms>::type>...};
        return first_true(flags);
    }();
};

// SET checks: the first assignment whose value is not the parameter named after its column,
// and the first assigned column that is also a key.
template <class Table, class Assignments, class Keys>
struct bulk_update_assignments;
template <class Table, class... As, class Keys>
struct bulk_update_assignments<Table, type_list<As...>, Keys> {
    using columns = type_list<typename As::column...>;
    static constexpr std::size_t not_parameter = [] {
        const bool flags[] = {
            false, !std::is_same_v<typename As::value,
                                   typed_parameter<As::column::sql_name, typename As::column::cpp_type>>...};
        return first_true(flags);
    }();
    static constexpr std::size_t assigned_key = [] {
        const bool flags[] = {false, contains<typename As::column, Keys>...};
        return first_true(flags);
    }();
};

// The parts of a statement bulk_update accepts (void when it is not an UPDATE without RETURNING).
template <class Table, class Assignments, class Where>
struct bulk_update_parts {
    using table = Table;
    using assignments = Assignments;
    using where = Where;
};
template <class Table, class Assignments, class Where>
bulk_update_parts<Table, Assignments, Where> bulk_update_probe(const update_statement<Table, Assignments, Where, type_list<>>*);
void bulk_update_probe(const volatile void*);
template <class S>
using bulk_update_parts_of = decltype(bulk_update_probe(static_cast<const std::remove_cvref_t<S>*>(nullptr)));

// Names that bulk_update's PostgreSQL statements give the temporary table, the CTEs and
// aliases (tables) and the ordinal and count columns (below): a table or column with one of them
// would be shadowed or duplicated there, so they are ctsql[E135] on both dialects.
constexpr bool bulk_update_reserved_table_name(std::string_view name) noexcept {
    return name == "ctsql_bulk_update" || name == "ctsql_input" || name == "ctsql_last" || name == "ctsql_updated";
}
template <class Columns>
struct bulk_update_reserved_column_of;
template <class... Columns>
struct bulk_update_reserved_column_of<type_list<Columns...>> {
    static constexpr std::size_t value = [] {
        const bool flags[] = {false, (Columns::sql_name.view() == "ctsql_row" || Columns::sql_name.view() == "ctsql_rows")...};
        return first_true(flags);
    }();
};
// The first of Columns whose name is reserved, or npos.
template <class Columns>
constexpr std::size_t bulk_update_reserved_column() noexcept {
    return bulk_update_reserved_column_of<Columns>::value;
}

// The statement's verdict (E130-E135), without the rows.
template <class S>
constexpr auto check_bulk_update_statement() {
    using Parts = bulk_update_parts_of<S>;
    if constexpr (std::is_void_v<Parts>) {
        return report<error::bulk_update_takes_keyed_update<std::remove_cvref_t<S>>>();
    } else if constexpr (!has_clause_v<typename Parts::where>) {
        return report<error::bulk_update_takes_keyed_update<std::remove_cvref_t<S>>>();
    } else {
        using Table = typename Parts::table;
        using Terms = bulk_update_terms<Table, typename and_terms<typename Parts::where>::type>;
        using Set = bulk_update_assignments<Table, typename Parts::assignments, typename Terms::keys>;
        if constexpr (Set::not_parameter != npos)
            return report<error::bulk_update_value_is_not_its_parameter<Table, at<Set::not_parameter, typename Set::columns>>>();
        else if constexpr (Terms::first_bad != npos)
            return report<error::bulk_update_condition_is_not_key_equals_parameter<
                Table, at<Terms::first_bad, typename and_terms<typename Parts::where>::type>>>();
        else if constexpr (Set::assigned_key != npos)
            return report<error::bulk_update_assigns_key_column<Table, at<Set::assigned_key, typename Set::columns>>>();
        else if constexpr (!(key_is_fixed<typename primary_key_columns<Table>::type, typename Terms::keys> ||
                             some_key_is_fixed<unique_keys_of<Table>, typename Terms::keys>))
            return report<error::bulk_update_keys_do_not_identify_a_row<Table, typename Terms::keys>>();
        else if constexpr (bulk_update_reserved_table_name(Table::sql_name.view()))
            return report<error::bulk_update_name_is_reserved<Table, Table>>();
        else if constexpr (constexpr std::size_t reserved = bulk_update_reserved_column<typename Set::columns>();
                           reserved != npos)
            return report<error::bulk_update_name_is_reserved<Table, at<reserved, typename Set::columns>>>();
        else if constexpr (constexpr std::size_t reserved_key = bulk_update_reserved_column<typename Terms::keys>();
                           reserved_key != npos)
            return report<error::bulk_update_name_is_reserved<Table, at<reserved_key, typename Terms::keys>>>();
        else
            return pass();
    }
}

template <class S>
inline constexpr bool is_bulk_update_statement = decltype(check_bulk_update_statement<S>())::ok;

// The verdict of bulk_update: the statement's form (E130-E135), then the rows as for execute_many.
template <class S, class Dialect, class Element>
constexpr auto check_bulk_update() {
    using statement = decltype(check_bulk_update_statement<S>());
    if constexpr (!statement::ok) return statement{};
    else return check_argument_row<S, Dialect, Element>();
}
template <class S, class Dialect, class Element>
using bulk_update_verdict = decltype(check_bulk_update<S, Dialect, Element>());

// ---- PostgreSQL: COPY into a temporary table, then one UPDATE ... FROM ------------------------
//
// The temporary table has one column per parameter of the statement (named and typed after the
// column it stands for: SET columns, then keys) and "ctsql_row", the row's position in the
// input. It lives for one bulk_update call (created, filled, used, dropped, all inside the
// transaction). Since the keys include a unique key, each input row matches at most one row:
//   - when no key occurs twice in the input, a plain UPDATE ... FROM does what running the rows
//     one by one does, and its count is theirs (update_and_drop);
//   - when one may (the client saw two rows with the same key bytes, or a key is a float, whose
//     bytes do not decide equality: -0.0 = 0.0), DISTINCT ON keeps the last row of each key (what
//     one-by-one UPDATEs leave) and the count adds up every input row whose key matched (what they
//     report): dedupe_update_and_drop, which sorts the input (about 20 % slower).

inline constexpr std::string_view bulk_update_table = "ctsql_bulk_update";
inline constexpr std::string_view bulk_update_ordinal = "ctsql_row";

// S: the statement type; Dialect: a PostgreSQL dialect (for the type names).
template <class S, class Dialect>
struct bulk_update_renderers {
    using Parts = bulk_update_parts_of<S>;
    using Table = typename Parts::table;
    using Parameters = typename std::remove_cvref_t<S>::parameters;
    static constexpr std::size_t set_count = Parts::assignments::size;

    template <class Writer>
    static constexpr void write_temp_table(Writer& out) {
        out.put("pg_temp.");
        write_identifier(out, bulk_update_table);
    }

    template <class Writer, class... Ps>
    static constexpr void write_columns(Writer& out, std::size_t first, std::size_t last, type_list<Ps...>) {
        const std::string_view names[] = {std::string_view{}, Ps::name.view()...};
        for (std::size_t i = first; i != last; ++i) {
            if (i != first) out.put(", ");
            write_identifier(out, names[i + 1]);
        }
    }

    template <class Writer, class... Ps>
    static constexpr void write_assignments(Writer& out, std::string_view source, type_list<Ps...>) {
        const std::string_view names[] = {std::string_view{}, Ps::name.view()...};
        for (std::size_t i = 0; i != set_count; ++i) {
            if (i != 0) out.put(", ");
            write_identifier(out, names[i + 1]);
            out.put(" = ");
            write_identifier(out, source);
            out.put('.');
            write_identifier(out, names[i + 1]);
        }
    }
    template <class Writer, class... Ps>
    static constexpr void write_key_matches(Writer& out, std::string_view source, type_list<Ps...>) {
        const std::string_view names[] = {std::string_view{}, Ps::name.view()...};
        for (std::size_t i = set_count; i != sizeof...(Ps); ++i) {
            if (i != set_count) out.put(" AND ");
            write_identifier(out, Table::sql_name.view());
            out.put('.');
            write_identifier(out, names[i + 1]);
            out.put(" = ");
            write_identifier(out, source);
            out.put('.');
            write_identifier(out, names[i + 1]);
        }
    }

    // CREATE TEMP TABLE ...; COPY ... FROM STDIN (FORMAT binary)
    struct create_and_copy {
        template <class Writer, class... Ps>
        static constexpr void write_definitions(Writer& out, type_list<Ps...>) {
            ((write_identifier(out, Ps::name.view()), out.put(' '),
              out.put(Dialect::type_name(sql_type_of<typename Ps::type>)), out.put(", ")),
             ...);
        }
        template <class Writer>
        static constexpr void render(Writer& out) {
            out.put("CREATE TEMP TABLE ");
            write_identifier(out, bulk_update_table);
            out.put(" (");
            write_definitions(out, Parameters{});
            write_identifier(out, bulk_update_ordinal);
            out.put(" BIGINT); COPY ");
            write_temp_table(out);
            out.put(" (");
            write_columns(out, 0, Parameters::size, Parameters{});
            out.put(", ");
            write_identifier(out, bulk_update_ordinal);
            out.put(") FROM STDIN (FORMAT binary)");
        }
    };

    // ANALYZE the temporary table (the planner then knows how many rows it holds: a nested loop
    // over the key's index for a few rows, a hash join for many; without it, a hash join and a
    // scan of the whole table even for 10 rows: 12 ms instead of 1 ms on a 100,000-row table);
    // UPDATE ... FROM it (no key twice in it); DROP TABLE.
    struct update_and_drop {
        template <class Writer>
        static constexpr void render(Writer& out) {
            constexpr std::string_view input = "ctsql_input";
            out.put("ANALYZE ");
            write_temp_table(out);
            out.put("; UPDATE ");
            write_identifier(out, Table::sql_name.view());
            out.put(" SET ");
            write_assignments(out, input, Parameters{});
            out.put(" FROM ");
            write_temp_table(out);
            out.put(" AS ");
            write_identifier(out, input);
            out.put(" WHERE ");
            write_key_matches(out, input, Parameters{});
            out.put("; DROP TABLE ");
            write_temp_table(out);
        }
    };

    // ANALYZE; WITH the last row per key, UPDATE ... FROM it, the number of input rows whose key
    // matched; DROP TABLE.
    struct dedupe_update_and_drop {
        template <class Writer>
        static constexpr void render(Writer& out) {
            constexpr std::string_view last = "ctsql_last";
            constexpr std::string_view updated = "ctsql_updated";
            constexpr std::string_view rows = "ctsql_rows";
            out.put("ANALYZE ");
            write_temp_table(out);
            out.put("; WITH ");
            write_identifier(out, last);
            out.put(" AS (SELECT DISTINCT ON (");
            write_columns(out, set_count, Parameters::size, Parameters{});
            out.put(") ");
            write_columns(out, 0, Parameters::size, Parameters{});
            out.put(", count(*) OVER (PARTITION BY ");
            write_columns(out, set_count, Parameters::size, Parameters{});
            out.put(") AS ");
            write_identifier(out, rows);
            out.put(" FROM ");
            write_temp_table(out);
            out.put(" ORDER BY ");
            write_columns(out, set_count, Parameters::size, Parameters{});
            out.put(", ");
            write_identifier(out, bulk_update_ordinal);
            out.put(" DESC), ");
            write_identifier(out, updated);
            out.put(" AS (UPDATE ");
            write_identifier(out, Table::sql_name.view());
            out.put(" SET ");
            write_assignments(out, last, Parameters{});
            out.put(" FROM ");
            write_identifier(out, last);
            out.put(" WHERE ");
            write_key_matches(out, last, Parameters{});
            out.put(" RETURNING ");
            write_identifier(out, last);
            out.put('.');
            write_identifier(out, rows);
            out.put(") SELECT CAST(coalesce(sum(");
            write_identifier(out, rows);
            out.put("), 0) AS BIGINT) FROM ");
            write_identifier(out, updated);
            out.put("; DROP TABLE ");
            write_temp_table(out);
        }
    };
};

// Whether the keys' encoded bytes decide their equality (not for floats: -0.0 = 0.0, NaN = NaN).
template <class Parameters, std::size_t First>
inline constexpr bool keys_equal_by_bytes = [] {
    return []<class... Ps>(type_list<Ps...>) {
        const bool floating[] = {false, std::is_floating_point_v<value_type_t<typename Ps::type>>...};
        for (std::size_t i = First; i != sizeof...(Ps); ++i)
            if (floating[i + 1]) return false;
        return true;
    }(Parameters{});
}();

// The texts of PostgreSQL's bulk_update for statement S, as compile-time constants.
template <class Dialect, class S>
constexpr const char* bulk_update_copy_sql() noexcept {
    return rendered_text<typename bulk_update_renderers<std::remove_cvref_t<S>, Dialect>::create_and_copy>.buffer;
}
template <class Dialect, class S>
constexpr const char* bulk_update_apply_sql() noexcept {
    return rendered_text<typename bulk_update_renderers<std::remove_cvref_t<S>, Dialect>::update_and_drop>.buffer;
}
template <class Dialect, class S>
constexpr const char* bulk_update_dedupe_apply_sql() noexcept {
    return rendered_text<typename bulk_update_renderers<std::remove_cvref_t<S>, Dialect>::dedupe_update_and_drop>.buffer;
}

}  // namespace detail
}  // namespace ctsql
