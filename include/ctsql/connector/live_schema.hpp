// The schema of a live database, as read back by introspection (connector/sqlite/introspect.hpp,
// connector/postgresql/introspect.hpp), and its comparison with a declaration (table_spec).
//
//   auto live = ctsql::sqlite_introspect_table(db, "users");
//   for (const auto& difference : ctsql::compare<ctsql::sqlite<>>(ctsql::table_spec_of<users_t>, live))
//       std::cerr << difference << '\n';   // "table users: column email: declared NOT NULL, ..."
//
// Plain run-time data (std::string, std::vector): no client library is needed to use it, so
// migration drift checks and schema import can share it across dialects.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/render/ddl.hpp"
#include "ctsql/schema/column_options.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql {

// One column as the database reports it.
struct live_column {
    std::string name;
    std::string declared_type;              // as the database reports it, upper case
    bool not_null = false;
    std::optional<std::string> default_sql;  // the default expression as the database reports it
    int primary_key_position = 0;            // 1-based position in the primary key, 0 = not in it
    bool identity_or_autoincrement = false;  // PostgreSQL identity column / SQLite AUTOINCREMENT
    bool operator==(const live_column&) const = default;
};

struct live_foreign_key {
    std::vector<std::string> columns;
    std::string target_table;
    std::vector<std::string> target_columns;
    fk_action on_delete = fk_action::no_action;
    fk_action on_update = fk_action::no_action;
    bool operator==(const live_foreign_key&) const = default;
};

// An explicitly created index (not one that backs a PRIMARY KEY or UNIQUE constraint).
struct live_index {
    std::string name;
    std::vector<std::string> columns;  // an expression column is reported as its SQL text
    bool unique = false;
    bool operator==(const live_index&) const = default;
};

struct live_table {
    std::string name;
    std::vector<live_column> columns;                // in table order
    std::vector<std::string> primary_key;            // in key order; empty when there is none
    std::vector<std::vector<std::string>> unique_keys;  // UNIQUE constraints, each in key order
    std::vector<live_foreign_key> foreign_keys;
    std::vector<live_index> indexes;
    bool operator==(const live_table&) const = default;

    const live_column* find_column(std::string_view column) const noexcept {
        for (const auto& c : columns)
            if (c.name == column) return &c;
        return nullptr;
    }
    const live_index* find_index(std::string_view index) const noexcept {
        for (const auto& i : indexes)
            if (i.name == index) return &i;
        return nullptr;
    }
    const live_foreign_key* find_foreign_key(std::span<const std::string_view> fk_columns) const noexcept {
        for (const auto& fk : foreign_keys)
            if (std::equal(fk.columns.begin(), fk.columns.end(), fk_columns.begin(), fk_columns.end()))
                return &fk;
        return nullptr;
    }
};

// The SQL spelling of a foreign key action ("NO ACTION", "CASCADE", ...).
constexpr std::string_view fk_action_name(fk_action action) noexcept {
    return detail::fk_action_sql(action);
}

namespace detail::live {

struct string_writer {
    std::string text;
    void put(char c) { text.push_back(c); }
    void put(std::string_view s) { text.append(s); }
};

constexpr char ascii_upper(char c) noexcept {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

inline std::string to_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_upper(c);
    return out;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i != a.size(); ++i)
        if (ascii_upper(a[i]) != ascii_upper(b[i])) return false;
    return true;
}

constexpr std::string_view trim(std::string_view s) noexcept {
    constexpr std::string_view space = " \t\r\n";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

// Index just past the string literal starting at s[start] (a quote), or npos if unterminated.
constexpr std::size_t literal_end(std::string_view s, std::size_t start) noexcept {
    const char quote = s[start];
    for (std::size_t i = start + 1; i < s.size(); ++i) {
        if (s[i] != quote) continue;
        if (i + 1 < s.size() && s[i + 1] == quote) {
            ++i;  // doubled quote
            continue;
        }
        return i + 1;
    }
    return std::string_view::npos;
}

// "(x)" -> "x" when the parentheses enclose the whole text.
constexpr std::string_view strip_parentheses(std::string_view s) noexcept {
    while (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        int depth = 0;
        std::size_t close = std::string_view::npos;
        for (std::size_t i = 0; i < s.size() && close == std::string_view::npos; ++i) {
            if (s[i] == '\'' || s[i] == '"') {
                const std::size_t end = literal_end(s, i);
                if (end == std::string_view::npos) return s;
                i = end - 1;
            } else if (s[i] == '(') {
                ++depth;
            } else if (s[i] == ')' && --depth == 0) {
                close = i;
            }
        }
        if (close != s.size() - 1) return s;
        s = trim(s.substr(1, s.size() - 2));
    }
    return s;
}

// PostgreSQL: "'x'::text" -> "'x'" (drops the first top-level cast and everything after it).
constexpr std::string_view strip_casts(std::string_view s) noexcept {
    int depth = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '\'' || s[i] == '"') {
            const std::size_t end = literal_end(s, i);
            if (end == std::string_view::npos) return s;
            i = end - 1;
        } else if (s[i] == '(') {
            ++depth;
        } else if (s[i] == ')') {
            --depth;
        } else if (depth == 0 && s[i] == ':' && s[i + 1] == ':') {
            return trim(s.substr(0, i));
        }
    }
    return s;
}

inline std::string unquote(std::string_view literal) {
    std::string out;
    for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
        out.push_back(literal[i]);
        if (literal[i] == literal.front()) ++i;  // the second of a doubled quote
    }
    return out;
}

enum class default_form : unsigned char { none, number, boolean, text, current_timestamp, expression };

// A default as the database reports it, reduced to what it means.
struct parsed_default {
    default_form form = default_form::none;
    std::string text;  // number as written, unescaped text, or the whole expression
    bool flag = false;  // boolean value
};

inline parsed_default parse_default(std::string_view sql, dialect_family family) {
    std::string_view s = trim(sql);
    for (std::string_view before; before != s;) {
        before = s;
        s = strip_parentheses(s);
        if (family == dialect_family::postgresql) s = strip_casts(s);
    }
    parsed_default p;
    if (s.empty() || iequals(s, "NULL")) return p;
    if (s.front() == '\'' && literal_end(s, 0) == s.size()) {
        p.form = default_form::text;
        p.text = unquote(s);
    } else if (iequals(s, "TRUE") || iequals(s, "FALSE")) {
        p.form = default_form::boolean;
        p.flag = iequals(s, "TRUE");
    } else if (iequals(s, "CURRENT_TIMESTAMP") || iequals(s, "now()") ||
               iequals(s, "transaction_timestamp()")) {
        p.form = default_form::current_timestamp;
    } else if (is_decimal_number(s)) {
        p.form = default_form::number;
        p.text = std::string(s);
    } else {
        p.form = default_form::expression;
        p.text = std::string(s);
    }
    return p;
}

inline std::optional<std::int64_t> parse_integer(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

inline std::optional<double> parse_real(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// Whether the reported default means the declared one, for a column of type `type`.
// Numbers are compared by value ('-3'::integer, -3 and '-3' are alike; so are 1e5 and 100000),
// booleans also as 1/0 (what SQLite stores), text exactly.
inline bool default_matches(const default_spec& declared, sql_type type, const parsed_default& live) {
    // A number, possibly quoted (PostgreSQL quotes negative numbers; both databases convert a
    // quoted number to a numeric column's type).
    std::optional<std::string_view> number;
    if (live.form == default_form::number ||
        (live.form == default_form::text && is_decimal_number(live.text)))
        number = live.text;
    switch (declared.kind) {
        case default_kind::none: return live.form == default_form::none;
        case default_kind::current_timestamp: return live.form == default_form::current_timestamp;
        case default_kind::text: return live.form == default_form::text && live.text == declared.text;
        case default_kind::boolean:
            if (live.form == default_form::boolean) return live.flag == (declared.integer != 0);
            return number && parse_integer(*number) == declared.integer;
        case default_kind::integer:
        case default_kind::real: {
            if (!number) return false;
            if (type.kind != type_kind::real) {
                return declared.kind == default_kind::integer && declared.fits_int64 &&
                       parse_integer(*number) == declared.integer;
            }
            const std::optional<double> expected = declared.kind == default_kind::integer
                                                       ? std::optional<double>(static_cast<double>(declared.integer))
                                                       : parse_real(declared.text);
            const std::optional<double> actual = parse_real(*number);
            if (!expected || !actual) return false;
            if (type.bytes == 4) return static_cast<float>(*expected) == static_cast<float>(*actual);
            return *expected == *actual;
        }
    }
    return false;
}

template <class Names>
std::string names_text(const Names& names) {
    std::string out = "(";
    bool first = true;
    for (const auto& name : names) {
        if (!first) out += ", ";
        first = false;
        out += name;
    }
    out += ')';
    return out;
}

inline std::string key_text(std::span<const std::string> names) {
    return names.empty() ? std::string("none") : names_text(names);
}
inline std::string key_text(name_list names) {
    return names.empty() ? std::string("none") : names_text(names);
}

inline bool same_names(name_list declared, const std::vector<std::string>& live) noexcept {
    return std::equal(declared.begin(), declared.end(), live.begin(), live.end());
}

inline std::string foreign_key_text(name_list columns, std::string_view target, name_list target_columns) {
    return "foreign key " + names_text(columns) + " references " + std::string(target) + ' ' +
           names_text(target_columns);
}
inline std::string foreign_key_text(const live_foreign_key& fk) {
    return "foreign key " + names_text(fk.columns) + " references " + fk.target_table + ' ' +
           names_text(fk.target_columns);
}

inline bool same_target(const foreign_key_spec& declared, const live_foreign_key& live) noexcept {
    return same_names(declared.columns, live.columns) && declared.target_table == live.target_table &&
           same_names(declared.target_columns, live.target_columns);
}

template <class Dialect>
std::string default_text(const default_spec& d) {
    if (d.kind == default_kind::none) return "no default";
    string_writer out;
    out.put("DEFAULT ");
    write_default<Dialect>(out, d);
    return std::move(out.text);
}

inline std::string default_text(const std::optional<std::string>& sql) {
    return sql ? "DEFAULT " + *sql : std::string("no default");
}

template <class List>
struct table_spec_pointers;
template <class... Tables>
struct table_spec_pointers<type_list<Tables...>> {
    static constexpr std::array<const table_spec*, sizeof...(Tables)> value{&table_spec_of<Tables>...};
};

}  // namespace detail::live

// The table_spec of every table of schema S, in declaration order.
template <schema_type S>
inline constexpr const auto& schema_table_specs = detail::live::table_spec_pointers<typename S::table_list>::value;

// What compare() counts as a difference beyond names, types, keys and indexes.
struct compare_options {
    // The order of the columns both sides have. A migration runner turns it off: a downgrade
    // that restores a dropped column can only append it, and ctsql never reads by position.
    bool column_order = true;
};

// The differences between a declared table and the table in the database, one human-readable
// line each ("table users: column email: declared NOT NULL, database allows NULL"); empty when
// they agree. Columns and the column order of keys and indexes must match exactly; unique keys,
// foreign keys and indexes are compared as sets. Defaults are compared by meaning, so the
// database's spelling ('-3'::integer, 1 for TRUE in SQLite, ...) is no difference.
template <dialect D>
std::vector<std::string> compare(const table_spec& declared, const live_table& live,
                                 compare_options options = {}) {
    using namespace detail::live;
    std::vector<std::string> out;
    const std::string prefix = "table " + std::string(declared.name) + ": ";
    auto report = [&](std::string message) { out.push_back(prefix + std::move(message)); };
    constexpr std::string_view autoincrement_name =
        D::family == dialect_family::sqlite ? "AUTOINCREMENT" : "GENERATED BY DEFAULT AS IDENTITY";

    if (live.name != declared.name) report("the database table is named " + live.name);

    // Columns, one by one.
    for (const column_spec& column : declared.columns) {
        const std::string what = "column " + std::string(column.name) + ": ";
        const live_column* l = live.find_column(column.name);
        if (l == nullptr) {
            report(what + "declared, missing in database");
            continue;
        }
        const std::string_view expected_type = D::type_name(column.type);
        const std::string actual_type = to_upper(l->declared_type);
        if (actual_type != expected_type)
            report(what + "declared type " + std::string(expected_type) + ", database type " + actual_type);
        if (!column.nullable && !l->not_null) report(what + "declared NOT NULL, database allows NULL");
        if (column.nullable && l->not_null) report(what + "declared nullable, database NOT NULL");
        const parsed_default actual =
            l->default_sql ? parse_default(*l->default_sql, D::family) : parsed_default{};
        if (!default_matches(column.default_value, column.type, actual))
            report(what + "declared " + default_text<D>(column.default_value) + ", database " +
                   default_text(l->default_sql));
        if (column.autoincrement && !l->identity_or_autoincrement)
            report(what + "declared " + std::string(autoincrement_name) + ", database column is not");
        if (!column.autoincrement && l->identity_or_autoincrement)
            report(what + "database column is " + std::string(autoincrement_name) + ", declared column is not");
    }
    for (const live_column& l : live.columns)
        if (declared.find_column(l.name) == nullptr) report("column " + l.name + ": in database, not declared");

    // Column order, among the columns both have.
    std::vector<std::string_view> declared_order, live_order;
    for (const column_spec& column : declared.columns)
        if (live.find_column(column.name) != nullptr) declared_order.push_back(column.name);
    for (const live_column& l : live.columns)
        if (declared.find_column(l.name) != nullptr) live_order.push_back(l.name);
    if (options.column_order && declared_order != live_order)
        report("columns in a different order: declared " + names_text(declared_order) + ", database " +
               names_text(live_order));

    // Primary key, in key order.
    if (!same_names(declared.primary_key, live.primary_key))
        report("primary key: declared " + key_text(declared.primary_key) + ", database " +
               key_text(live.primary_key));

    // Unique keys, as a set (a key declared twice is one key).
    for (std::size_t k = 0; k != declared.unique_keys.size(); ++k) {
        const name_list key = declared.unique_keys[k];
        bool repeated = false;
        for (std::size_t j = 0; j != k; ++j) repeated = repeated || declared.unique_keys[j] == key;
        if (repeated) continue;
        if (std::none_of(live.unique_keys.begin(), live.unique_keys.end(),
                         [&](const auto& l) { return same_names(key, l); }))
            report("unique key " + names_text(key) + ": declared, missing in database");
    }
    for (std::size_t k = 0; k != live.unique_keys.size(); ++k) {
        const auto& key = live.unique_keys[k];
        if (std::find(live.unique_keys.begin(), live.unique_keys.begin() + static_cast<std::ptrdiff_t>(k), key) !=
            live.unique_keys.begin() + static_cast<std::ptrdiff_t>(k))
            continue;
        if (std::none_of(declared.unique_keys.begin(), declared.unique_keys.end(),
                         [&](name_list d) { return same_names(d, key); }))
            report("unique key " + names_text(key) + ": in database, not declared");
    }

    // Foreign keys, as a set, matched by their columns and target; then their actions.
    std::vector<bool> matched(live.foreign_keys.size(), false);
    for (const foreign_key_spec& fk : declared.foreign_keys) {
        std::size_t found = live.foreign_keys.size();
        for (std::size_t i = 0; i != live.foreign_keys.size(); ++i) {
            if (!same_target(fk, live.foreign_keys[i])) continue;
            if (found == live.foreign_keys.size() || (matched[found] && !matched[i])) found = i;
        }
        const std::string what = foreign_key_text(fk.columns, fk.target_table, fk.target_columns) + ": ";
        if (found == live.foreign_keys.size()) {
            report(what + "declared, missing in database");
            continue;
        }
        matched[found] = true;
        const live_foreign_key& l = live.foreign_keys[found];
        if (fk.on_delete != l.on_delete)
            report(what + "declared ON DELETE " + std::string(fk_action_name(fk.on_delete)) +
                   ", database ON DELETE " + std::string(fk_action_name(l.on_delete)));
        if (fk.on_update != l.on_update)
            report(what + "declared ON UPDATE " + std::string(fk_action_name(fk.on_update)) +
                   ", database ON UPDATE " + std::string(fk_action_name(l.on_update)));
    }
    for (std::size_t i = 0; i != live.foreign_keys.size(); ++i)
        if (!matched[i]) report(foreign_key_text(live.foreign_keys[i]) + ": in database, not declared");

    // Explicit indexes, by name.
    for (const index_spec& index : declared.indexes) {
        const std::string what = "index " + std::string(index.name) + ": ";
        const live_index* l = live.find_index(index.name);
        if (l == nullptr) {
            report(what + "declared, missing in database");
            continue;
        }
        if (!same_names(index.columns, l->columns))
            report(what + "declared columns " + names_text(index.columns) + ", database columns " +
                   names_text(l->columns));
        if (index.unique && !l->unique) report(what + "declared UNIQUE, database index is not unique");
        if (!index.unique && l->unique) report(what + "declared not unique, database index is UNIQUE");
    }
    for (const live_index& l : live.indexes)
        if (std::none_of(declared.indexes.begin(), declared.indexes.end(),
                         [&](const index_spec& d) { return d.name == l.name; }))
            report("index " + l.name + ": in database, not declared");
    return out;
}

// compare() for every table, plus the tables one side lacks ("table x: declared, missing in
// database", "table y: in database, not declared").
template <dialect D>
std::vector<std::string> compare_schema(std::span<const table_spec* const> declared,
                                        std::span<const live_table> live, compare_options options = {}) {
    std::vector<std::string> out;
    for (const table_spec* table : declared) {
        const auto l = std::find_if(live.begin(), live.end(),
                                    [&](const live_table& t) { return t.name == table->name; });
        if (l == live.end()) {
            out.push_back("table " + std::string(table->name) + ": declared, missing in database");
            continue;
        }
        auto differences = compare<D>(*table, *l, options);
        out.insert(out.end(), std::make_move_iterator(differences.begin()),
                   std::make_move_iterator(differences.end()));
    }
    for (const live_table& l : live)
        if (std::none_of(declared.begin(), declared.end(),
                         [&](const table_spec* t) { return t->name == l.name; }))
            out.push_back("table " + l.name + ": in database, not declared");
    return out;
}

// compare_schema() against the tables of schema S:
//   ctsql::compare_schema<ctsql::sqlite<>, app_schema>(ctsql::sqlite_introspect_schema(db))
template <dialect D, schema_type S>
std::vector<std::string> compare_schema(std::span<const live_table> live, compare_options options = {}) {
    return compare_schema<D>(std::span<const table_spec* const>(schema_table_specs<S>), live, options);
}

}  // namespace ctsql
