// Whether a schema state is well-formed: what every operation's result must satisfy. Checked
// on values (the states' table specs), reporting the table and the column or name involved.
#pragma once

#include <cstddef>
#include <string_view>

#include "ctsql/check/schema_rules.hpp"
#include "ctsql/migrate/rules.hpp"
#include "ctsql/migrate/compare.hpp"
#include "ctsql/migrate/state_spec.hpp"

namespace ctsql::migrate {

enum class state_problem : unsigned char {
    none,
    duplicate_column,        // two columns of a table share a name
    unknown_key_column,      // a key, foreign key or index lists a column the table lacks
    nullable_primary_key,
    missing_target,          // a foreign key's table or column does not exist
    target_mismatch,         // types differ, counts differ, or the target is not a key
    duplicate_index,         // two indexes of the schema share a name
    invalid_column,          // empty name or NUL, bad default, autoincrement on a non-integer or
                             // non-key column, a key listing a column twice, a table without columns
};

struct state_issue {
    state_problem problem = state_problem::none;
    std::string_view table;
    std::string_view name;  // the column, index or referenced table involved
};

namespace detail {

constexpr bool has_name(name_list list, std::string_view name) noexcept {
    for (auto n : list)
        if (n == name) return true;
    return false;
}

// Position of the table called name, or tables.size().
constexpr std::size_t position_of_table(std::span<const table_spec* const> tables, std::string_view name) noexcept {
    std::size_t i = 0;
    while (i != tables.size() && tables[i]->name != name) ++i;
    return i;
}

constexpr std::string_view first_unknown(const table_spec& t, name_list columns) noexcept {
    for (auto c : columns)
        if (!t.has_column(c)) return c;
    return {};
}

// A default that fits a column of this type (the value form of ctsql[E006]).
constexpr bool default_fits(const column_spec& c) noexcept {
    const default_spec& d = c.default_value;
    switch (d.kind) {
        case default_kind::none: return true;
        case default_kind::boolean: return c.type.kind == type_kind::boolean;
        case default_kind::text: return c.type.kind == type_kind::text;
        case default_kind::real: return c.type.kind == type_kind::real && ctsql::detail::is_decimal_number(d.text);
        case default_kind::current_timestamp: return c.type.kind == type_kind::timestamp;
        case default_kind::integer: {
            if (!d.fits_int64) return false;
            if (c.type.kind == type_kind::real) return true;
            if (c.type.kind != type_kind::integer) return false;
            if (c.type.is_unsigned) {
                if (d.integer < 0) return false;
                return c.type.bytes >= 8 || static_cast<std::uint64_t>(d.integer) < (std::uint64_t{1} << (8 * c.type.bytes));
            }
            if (c.type.bytes >= 8) return true;
            const std::int64_t limit = std::int64_t{1} << (8 * c.type.bytes - 1);
            return d.integer >= -limit && d.integer < limit;
        }
    }
    return false;
}

constexpr bool repeats(name_list names) noexcept {
    for (std::size_t i = 0; i != names.size(); ++i)
        for (std::size_t j = 0; j != i; ++j)
            if (names[i] == names[j]) return true;
    return false;
}

constexpr state_issue validate(std::span<const table_spec* const> tables) noexcept {
    for (const table_spec* tp : tables) {
        const table_spec& t = *tp;
        if (!ctsql::detail::is_valid_sql_name(t.name) || t.columns.empty())
            return {state_problem::invalid_column, t.name, t.name};
        for (const auto& c : t.columns) {
            if (!ctsql::detail::is_valid_sql_name(c.name) || !default_fits(c))
                return {state_problem::invalid_column, t.name, c.name};
            if (c.autoincrement && (c.type.kind != type_kind::integer || !(t.primary_key.size() == 1 && t.primary_key[0] == c.name) ||
                                    c.default_value.kind != default_kind::none))
                return {state_problem::invalid_column, t.name, c.name};
        }
        if (repeats(t.primary_key)) return {state_problem::invalid_column, t.name, t.primary_key[0]};
        for (auto key : t.unique_keys)
            if (repeats(key)) return {state_problem::invalid_column, t.name, key[0]};
        for (const auto& index : t.indexes)
            if (repeats(index.columns) || !ctsql::detail::is_valid_sql_name(index.name))
                return {state_problem::invalid_column, t.name, index.name};
        for (std::size_t i = 0; i != t.columns.size(); ++i)
            for (std::size_t j = 0; j != i; ++j)
                if (t.columns[i].name == t.columns[j].name) return {state_problem::duplicate_column, t.name, t.columns[i].name};
        if (auto c = first_unknown(t, t.primary_key); !c.empty()) return {state_problem::unknown_key_column, t.name, c};
        for (auto c : t.primary_key)
            if (t.column_named(c).nullable) return {state_problem::nullable_primary_key, t.name, c};
        for (auto key : t.unique_keys)
            if (auto c = first_unknown(t, key); !c.empty()) return {state_problem::unknown_key_column, t.name, c};
        for (const auto& index : t.indexes)
            if (auto c = first_unknown(t, index.columns); !c.empty()) return {state_problem::unknown_key_column, t.name, c};
        for (const auto& fk : t.foreign_keys) {
            if (auto c = first_unknown(t, fk.columns); !c.empty()) return {state_problem::unknown_key_column, t.name, c};
            const std::size_t target_index = position_of_table(tables, fk.target_table);
            if (target_index == tables.size()) return {state_problem::missing_target, t.name, fk.target_table};
            const table_spec* target = tables[target_index];
            if (auto c = first_unknown(*target, fk.target_columns); !c.empty()) return {state_problem::missing_target, t.name, c};
            if (fk.columns.size() != fk.target_columns.size() || fk.columns.empty())
                return {state_problem::target_mismatch, t.name, fk.columns.empty() ? fk.target_table : fk.columns[0]};
            for (std::size_t k = 0; k != fk.columns.size(); ++k)
                if (!(t.column_named(fk.columns[k]).type == target->column_named(fk.target_columns[k]).type))
                    return {state_problem::target_mismatch, t.name, fk.columns[k]};
            if (!ctsql::detail::is_constraint_key_of(*target, fk.target_columns))
                return {state_problem::target_mismatch, t.name, fk.columns[0]};
        }
    }
    // index names are schema-wide on both databases
    for (std::size_t a = 0; a != tables.size(); ++a)
        for (std::size_t i = 0; i != tables[a]->indexes.size(); ++i)
            for (std::size_t b = 0; b <= a; ++b)
                for (std::size_t j = 0; j != tables[b]->indexes.size(); ++j)
                    if ((b < a || j < i) && tables[b]->indexes[j].name == tables[a]->indexes[i].name)
                        return {state_problem::duplicate_index, tables[a]->name, tables[a]->indexes[i].name};
    return {};
}

}  // namespace detail

template <class S>
inline constexpr state_issue state_issue_v = detail::validate(state_specs<S>::value);

namespace kind {
struct duplicate_column {};
struct key_lists_unknown_column {};
struct primary_key_column_nullable {};
struct foreign_key_target_missing {};
struct foreign_key_target_mismatch {};
struct duplicate_index_name {};
struct invalid_column_definition {};
}  // namespace kind

namespace error {
template <class Op, class What, class Table, class Name>
struct operation_leaves_invalid_schema {
    static_assert(ctsql::detail::dependent_false<Op>, "ctsql[E092] after this operation the schema is invalid (see what, the table and the name in this instantiation)");
};
}  // namespace error

namespace detail {
template <state_problem P>
struct problem_kind;
template <> struct problem_kind<state_problem::duplicate_column> { using type = kind::duplicate_column; };
template <> struct problem_kind<state_problem::unknown_key_column> { using type = kind::key_lists_unknown_column; };
template <> struct problem_kind<state_problem::nullable_primary_key> { using type = kind::primary_key_column_nullable; };
template <> struct problem_kind<state_problem::missing_target> { using type = kind::foreign_key_target_missing; };
template <> struct problem_kind<state_problem::target_mismatch> { using type = kind::foreign_key_target_mismatch; };
template <> struct problem_kind<state_problem::duplicate_index> { using type = kind::duplicate_index_name; };
template <> struct problem_kind<state_problem::invalid_column> { using type = kind::invalid_column_definition; };

template <const std::string_view& Text, class Seq = std::make_index_sequence<Text.size()>>
struct view_name;
template <const std::string_view& Text, std::size_t... I>
struct view_name<Text, std::index_sequence<I...>> {
    using type = sql_name<Text[I]...>;
};

template <class S>
struct issue_names {
    static constexpr std::string_view table = state_issue_v<S>.table;
    static constexpr std::string_view name = state_issue_v<S>.name;
};

// The verdict on the schema state an operation Op produced.
template <class Op, class After>
constexpr auto check_state() {
    constexpr state_issue issue = state_issue_v<After>;
    using table = typename view_name<issue_names<After>::table>::type;
    using name = typename view_name<issue_names<After>::name>::type;
    if constexpr (issue.problem == state_problem::none)
        return ctsql::detail::pass();
    else if constexpr (issue.problem == state_problem::missing_target)
        return ctsql::detail::report<error::foreign_key_target_missing<Op, table, name>>();
    else if constexpr (issue.problem == state_problem::target_mismatch)
        return ctsql::detail::report<error::foreign_key_does_not_match_target<Op, table, name>>();
    else if constexpr (issue.problem == state_problem::duplicate_index)
        return ctsql::detail::report<error::index_already_exists<Op, name>>();
    else
        return ctsql::detail::report<error::operation_leaves_invalid_schema<Op, typename problem_kind<issue.problem>::type, table, name>>();
}
}  // namespace detail

}  // namespace ctsql::migrate
