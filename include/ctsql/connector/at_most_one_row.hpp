// Statements that return at most one row, recognised from the statement's type, so that
// fetch_one / fetch_optional need not ask the database for a second row to prove there is none
// (on SQLite a second sqlite3_step, about 250 instructions per call). at_most_one_row<S> holds
//   - for a SELECT with LIMIT lit<0> or lit<1>;
//   - for a SELECT from one table (or one alias of it), without joins, whose WHERE clause, or
//     one of the conditions its top-level ANDs join, sets every column of the table's declared
//     primary key, or every column of one of its declared unique keys, equal (=) to a parameter
//     or a literal. Such a key matches at most one row; GROUP BY, HAVING, DISTINCT, ORDER BY,
//     OFFSET and window functions never add rows, and ctsql's SELECT items include no
//     set-returning function (a NULL bound to a key column matches no row).
// Everything else (joins, OR, other comparisons, derived tables, raw SQL) keeps the second look.
// The guarantee rests on the declared keys being in the database: what ctsql's DDL, migrations
// and live-schema comparison (connector/live_schema.hpp) establish.
#pragma once

#include <type_traits>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/column_expression.hpp"
#include "ctsql/expr/literal.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::detail {

// A value fixed for one execution: a bound parameter or a literal (not another column).
template <class E>
inline constexpr bool is_fixed_value = false;
template <fixed_string Name, class T>
inline constexpr bool is_fixed_value<typed_parameter<Name, T>> = true;
template <default_literal Value>
inline constexpr bool is_fixed_value<literal<Value>> = true;
template <fixed_string Text>
inline constexpr bool is_fixed_value<real_literal<Text>> = true;

// The declared column of Table that expression E names when read from Source (the table itself
// or an alias of it); void when E is anything else.
template <class Source, class Table, class E>
struct key_column_of {
    using type = void;
};
template <class Source, class Table, class E>
    requires(column_type<E> && std::is_same_v<Source, Table>)
struct key_column_of<Source, Table, E> {
    using type = std::conditional_t<std::is_same_v<typename E::table_type, Table>, E, void>;
};
template <class Source, class Table, class Column>
struct key_column_of<Source, Table, aliased_column<Source, Column>> {
    using type = Column;
};

// The columns that Condition sets equal to a fixed value (through its top-level ANDs).
template <class Source, class Table, class Condition>
struct columns_fixed_by {
    using type = type_list<>;
};
template <class Source, class Table, class L, class R>
struct columns_fixed_by<Source, Table, binary_expression<op::and_, L, R>> {
    using type = concat<typename columns_fixed_by<Source, Table, L>::type,
                        typename columns_fixed_by<Source, Table, R>::type>;
};
template <class Source, class Table, class L, class R>
struct columns_fixed_by<Source, Table, binary_expression<op::eq, L, R>> {
    using left = typename key_column_of<Source, Table, L>::type;
    using right = typename key_column_of<Source, Table, R>::type;
    using type = std::conditional_t<!std::is_void_v<left> && is_fixed_value<R>, type_list<left>,
                                    std::conditional_t<!std::is_void_v<right> && is_fixed_value<L>,
                                                       type_list<right>, type_list<>>>;
};

template <class Key, class Fixed>
inline constexpr bool key_is_fixed = false;
template <class... KeyColumns, class Fixed>
inline constexpr bool key_is_fixed<type_list<KeyColumns...>, Fixed> =
    sizeof...(KeyColumns) != 0 && (contains<KeyColumns, Fixed> && ...);

template <class Keys, class Fixed>
inline constexpr bool some_key_is_fixed = false;
template <class... Keys, class Fixed>
inline constexpr bool some_key_is_fixed<type_list<Keys...>, Fixed> = (key_is_fixed<Keys, Fixed> || ...);

template <class Source, class Where>
constexpr bool where_fixes_a_key() noexcept {
    if constexpr (!has_clause_v<Where> || derived_source<Source>) {
        return false;
    } else {
        using Table = source_table_t<Source>;
        using Fixed = typename columns_fixed_by<Source, Table, Where>::type;
        return key_is_fixed<typename primary_key_columns<Table>::type, Fixed> ||
               some_key_is_fixed<unique_keys_of<Table>, Fixed>;
    }
}

template <class Limit>
inline constexpr bool limit_at_most_one = false;
template <default_literal Value>
inline constexpr bool limit_at_most_one<literal<Value>> =
    Value.kind == literal_kind::integer && !Value.negative && Value.magnitude <= 1;

template <class Statement>
inline constexpr bool at_most_one_row_v = false;
template <bool Distinct, class Items, class Source, class Where, class GroupBy, class Having, class OrderBy,
          class Limit, class Offset>
inline constexpr bool at_most_one_row_v<
    select_statement<Distinct, Items, type_list<join_item<join_kind::from, Source>>, Where, GroupBy, Having, OrderBy,
                     Limit, Offset>> = limit_at_most_one<Limit> || where_fixes_a_key<Source, Where>();
template <bool Distinct, class Items, class From, class Where, class GroupBy, class Having, class OrderBy,
          class Limit, class Offset>
    requires(From::size != 1)
inline constexpr bool at_most_one_row_v<
    select_statement<Distinct, Items, From, Where, GroupBy, Having, OrderBy, Limit, Offset>> =
    limit_at_most_one<Limit>;

// True when statement S (cv-ref ignored) returns at most one row whatever its arguments.
template <class S>
inline constexpr bool at_most_one_row = at_most_one_row_v<std::remove_cvref_t<S>>;

}  // namespace ctsql::detail
