// `migrate import`: a live database's schema (what introspection returns) as a ctsql model
// header plus a baseline revision that creates exactly that schema, so an existing database can
// adopt ctsql (what diesel print-schema, sqlacodegen and ddl2cpp do). Text in, text out.
//
//   auto live = ctsql::sqlite_introspect_schema(db.native_handle());
//   auto imported = ctsql::tools::import_schema(live, ctsql::dialect_family::sqlite);
//   // imported.model_header -> model.hpp, imported.baseline -> migrations/versions/, warnings
//
// Every column type maps to the C++ type whose DDL is the type the database reports (INTEGER,
// BIGINT, TEXT, BYTEA, TIMESTAMP WITH TIME ZONE, ...). Other declared types map to the closest C++
// type with a warning and a `// REVIEW:` comment on the column (ctsql's DDL then differs from the
// database's, and `migrate check` reports it); types with no close C++ type (uuid, json, date,
// arrays, ...) become std::string the same way. Defaults that are not a constant of the column's
// type (expressions, nextval(...) of a serial, which becomes autoincrement) are left out with a
// warning and a REVIEW comment. Nothing is dropped silently.
#pragma once

#include <algorithm>
#include <cstddef>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/schema/table_spec.hpp"
#include "ctsql/tools/autogenerate.hpp"
#include "ctsql/tools/cpp_text.hpp"

namespace ctsql::tools {

struct import_options {
    std::string model_namespace = "app";  // the namespace of the table structs and `model`
    std::string baseline_id = "0001";
    std::string baseline_message = "baseline";
};

struct imported_schema {
    std::string model_header;           // model.hpp
    generated_revision baseline;        // revision baseline_id creating the schema (parent: base)
    std::vector<std::string> warnings;  // everything imported approximately or left out
};

namespace detail::import {

using ctsql::detail::live::default_form;

// How a declared type reads: the C++ type, and whether ctsql's DDL for it is the declared type.
struct type_reading {
    sql_type type;
    bool exact = true;
    std::string note;  // why it is not exact
};

inline bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

constexpr sql_type integer_type(unsigned char bytes) { return sql_type{type_kind::integer, bytes, false}; }

inline type_reading exact(sql_type type) { return type_reading{type, true, {}}; }

inline type_reading read_sqlite_type(std::string_view declared) {
    const auto approx = [&](sql_type t, std::string what) { return type_reading{t, false, std::move(what)}; };
    if (declared == "INTEGER") return exact(integer_type(8));
    if (declared == "REAL") return exact(sql_type{type_kind::real, 8, false});
    if (declared == "TEXT") return exact(sql_type{type_kind::text, 0, false});
    if (declared == "BLOB") return exact(sql_type{type_kind::blob, 0, false});
    if (declared == "BOOLEAN") return exact(sql_type{type_kind::boolean, 1, false});
    if (declared == "TIMESTAMP") return exact(sql_type{type_kind::timestamp, 8, false});
    const std::string ddl = " (ctsql's DDL says ";
    if (declared == "BOOL") return approx(sql_type{type_kind::boolean, 1, false}, "read as bool" + ddl + "BOOLEAN)");
    if (declared == "DATETIME")
        return approx(sql_type{type_kind::timestamp, 8, false}, "read as ctsql::timestamp" + ddl + "TIMESTAMP)");
    if (declared == "SMALLINT" || declared == "INT2") return approx(integer_type(2), "read as std::int16_t" + ddl + "INTEGER)");
    if (declared == "TINYINT") return approx(integer_type(1), "read as std::int8_t" + ddl + "INTEGER)");
    if (declared == "INT" || declared == "MEDIUMINT" || declared == "INT4")
        return approx(integer_type(4), "read as std::int32_t" + ddl + "INTEGER)");
    // SQLite's affinity rules (https://sqlite.org/datatype3.html#determination_of_column_affinity)
    if (contains(declared, "INT")) return approx(integer_type(8), "read as std::int64_t" + ddl + "INTEGER)");
    if (contains(declared, "CHAR") || contains(declared, "CLOB") || contains(declared, "TEXT"))
        return approx(sql_type{type_kind::text, 0, false}, "read as std::string, any length limit is not kept" + ddl + "TEXT)");
    if (declared.empty()) return approx(sql_type{type_kind::blob, 0, false}, "read as ctsql::blob" + ddl + "BLOB)");
    if (contains(declared, "BLOB")) return approx(sql_type{type_kind::blob, 0, false}, "read as ctsql::blob" + ddl + "BLOB)");
    if (contains(declared, "REAL") || contains(declared, "FLOA") || contains(declared, "DOUB"))
        return approx(sql_type{type_kind::real, 8, false}, "read as double" + ddl + "REAL)");
    if (declared.starts_with("NUMERIC") || declared.starts_with("DECIMAL"))
        return approx(sql_type{type_kind::real, 8, false}, "exact decimals read as double, which rounds" + ddl + "REAL)");
    return approx(sql_type{type_kind::text, 0, false}, "no ctsql type: read as std::string" + ddl + "TEXT)");
}

inline type_reading read_postgresql_type(std::string_view declared) {
    const auto approx = [&](sql_type t, std::string what) { return type_reading{t, false, std::move(what)}; };
    if (declared == "SMALLINT") return exact(integer_type(2));
    if (declared == "INTEGER") return exact(integer_type(4));
    if (declared == "BIGINT") return exact(integer_type(8));
    if (declared == "REAL") return exact(sql_type{type_kind::real, 4, false});
    if (declared == "DOUBLE PRECISION") return exact(sql_type{type_kind::real, 8, false});
    if (declared == "TEXT") return exact(sql_type{type_kind::text, 0, false});
    if (declared == "BYTEA") return exact(sql_type{type_kind::blob, 0, false});
    if (declared == "BOOLEAN") return exact(sql_type{type_kind::boolean, 1, false});
    if (declared == "TIMESTAMP WITH TIME ZONE") return exact(sql_type{type_kind::timestamp, 8, false});
    const std::string ddl = " (ctsql's DDL says ";
    if (declared.starts_with("CHARACTER") || declared.starts_with("\"CHAR\"") || declared == "NAME" || declared == "CITEXT")
        return approx(sql_type{type_kind::text, 0, false}, "read as std::string, any length limit is not kept" + ddl + "TEXT)");
    if (declared.starts_with("TIMESTAMP"))
        return approx(sql_type{type_kind::timestamp, 8, false},
                      "read as ctsql::timestamp (UTC)" + ddl + "TIMESTAMP WITH TIME ZONE)");
    if (declared.starts_with("NUMERIC"))
        return approx(sql_type{type_kind::real, 8, false}, "exact decimals read as double, which rounds" + ddl + "DOUBLE PRECISION)");
    return approx(sql_type{type_kind::text, 0, false}, "no ctsql type: read as std::string" + ddl + "TEXT)");
}

// The imported schema as table_spec values (what autogenerate and the model writer read), with
// the storage they point into, plus the REVIEW notes for each column and table.
class normalized_schema {
public:
    normalized_schema(std::span<const live_table> live, dialect_family family) : family_(family) {
        for (const live_table& t : live) {
            if (t.name == "ctsql_migrations") {
                warnings.push_back("table ctsql_migrations is ctsql's version table; not imported");
                continue;
            }
            add_table(t);
        }
        for (const table_entry& e : entries_) pointers_.push_back(&e.spec);
    }
    normalized_schema(const normalized_schema&) = delete;
    normalized_schema& operator=(const normalized_schema&) = delete;

    std::span<const table_spec* const> specs() const { return pointers_; }

    // Leaves out a foreign key the model cannot declare, so the baseline matches the model.
    void remove_foreign_key(std::size_t table, name_list columns) {
        std::vector<foreign_key_spec>& fks = *fk_storage_[table];
        std::erase_if(fks, [&](const foreign_key_spec& fk) { return fk.columns == columns; });
        entries_[table].spec.foreign_keys = fks;
    }
    const std::vector<std::string>& column_notes(std::size_t table, std::size_t column) const {
        return entries_[table].column_notes[column];
    }
    const std::vector<std::string>& table_notes(std::size_t table) const { return entries_[table].table_notes; }

    std::vector<std::string> warnings;

private:
    struct table_entry {
        table_spec spec;
        std::vector<std::vector<std::string>> column_notes;
        std::vector<std::string> table_notes;
    };
    dialect_family family_;
    // deques: elements never move, so the spans and views into them stay valid
    std::deque<table_entry> entries_;
    std::deque<std::vector<column_spec>> columns_;
    std::deque<std::vector<std::string_view>> name_lists_;
    std::deque<std::vector<name_list>> key_lists_;
    std::deque<std::vector<foreign_key_spec>> fk_lists_;
    std::deque<std::vector<index_spec>> index_lists_;
    std::deque<std::string> texts_;
    std::vector<const table_spec*> pointers_;
    std::vector<std::vector<foreign_key_spec>*> fk_storage_;  // per table entry

    template <class Strings>
    name_list names(const Strings& strings) {
        auto& list = name_lists_.emplace_back();
        for (const auto& s : strings) list.push_back(s);
        return list;
    }

    void note(table_entry& e, std::size_t column, const std::string& table, const std::string& column_name,
              const std::string& text) {
        e.column_notes[column].push_back("// REVIEW: " + text);
        warnings.push_back("table " + table + ": column " + column_name + ": " + text);
    }

    void table_note(table_entry& e, const std::string& table, const std::string& text) {
        e.table_notes.push_back("// REVIEW: " + text);
        warnings.push_back("table " + table + ": " + text);
    }

    // The default as ctsql declares it, or none with a note.
    default_spec read_default(table_entry& e, std::size_t index, const live_table& t, const live_column& c,
                              sql_type type, bool& serial) {
        using ctsql::detail::live::parse_default;
        using ctsql::detail::live::parse_integer;
        if (!c.default_sql) return {};
        const auto p = parse_default(*c.default_sql, family_);
        const auto unsupported = [&](const std::string& why) {
            note(e, index, t.name, c.name, "default " + *c.default_sql + " left out: " + why);
            return default_spec{};
        };
        // A number may come quoted ('-3'::integer on PostgreSQL).
        const bool is_number = p.form == default_form::number ||
                               (p.form == default_form::text && type.kind != type_kind::text &&
                                ctsql::detail::is_decimal_number(p.text));
        switch (p.form) {
            case default_form::none: return {};
            case default_form::current_timestamp:
                if (type.kind == type_kind::timestamp) return {default_kind::current_timestamp, 0, {}, true};
                return unsupported("CURRENT_TIMESTAMP on a column that is not a timestamp");
            case default_form::expression:
                if (family_ == dialect_family::postgresql && p.text.starts_with("nextval(") &&
                    type.kind == type_kind::integer) {
                    serial = true;
                    return {};
                }
                return unsupported("an expression, which ctsql defaults cannot state");
            default: break;
        }
        if (type.kind == type_kind::boolean) {
            if (p.form == default_form::boolean) return {default_kind::boolean, p.flag ? 1 : 0, {}, true};
            if (is_number && (p.text == "0" || p.text == "1"))  // SQLite stores TRUE as 1
                return {default_kind::boolean, p.text == "1" ? 1 : 0, {}, true};
            return unsupported("not a boolean");
        }
        if (type.kind == type_kind::integer) {
            if (!is_number) return unsupported("not an integer");
            const auto value = parse_integer(p.text);
            if (!value) return unsupported("not an integer that fits std::int64_t");
            return {default_kind::integer, *value, {}, true};
        }
        if (type.kind == type_kind::real) {
            if (!is_number) return unsupported("not a number");
            std::string_view text = texts_.emplace_back(p.text);
            if (!text.empty() && text.front() == '+') text.remove_prefix(1);
            return {default_kind::real, 0, text, true};
        }
        if (type.kind == type_kind::text) {
            if (p.form != default_form::text) return unsupported("not a string");
            if (p.text.find('\0') != std::string::npos) return unsupported("a string holding NUL");
            return {default_kind::text, 0, texts_.emplace_back(p.text), true};
        }
        return unsupported(type.kind == type_kind::timestamp ? "a constant timestamp, which ctsql defaults cannot state"
                                                             : "a constant of a type ctsql defaults cannot state");
    }

    void add_table(const live_table& t) {
        table_entry& e = entries_.emplace_back();
        e.column_notes.resize(t.columns.size());
        auto& columns = columns_.emplace_back();
        for (std::size_t i = 0; i != t.columns.size(); ++i) {
            const live_column& c = t.columns[i];
            const type_reading reading =
                family_ == dialect_family::sqlite ? read_sqlite_type(c.declared_type) : read_postgresql_type(c.declared_type);
            if (!reading.exact) note(e, i, t.name, c.name, "declared " + (c.declared_type.empty() ? std::string("without a type") : c.declared_type) + ": " + reading.note);
            bool serial = false;
            column_spec spec{c.name, reading.type, !c.not_null, c.identity_or_autoincrement,
                             read_default(e, i, t, c, reading.type, serial)};
            if (serial) {
                spec.autoincrement = true;
                note(e, i, t.name, c.name,
                     "a serial column (DEFAULT " + *c.default_sql +
                         ") read as ctsql::autoincrement, which ctsql creates as GENERATED BY DEFAULT AS IDENTITY");
            }
            if (spec.nullable && c.primary_key_position > 0) {
                spec.nullable = false;
                const bool rowid = c.declared_type == "INTEGER" && t.primary_key.size() == 1;
                note(e, i, t.name, c.name,
                     rowid ? "INTEGER PRIMARY KEY without NOT NULL (the rowid: never NULL); declared NOT NULL, as ctsql creates it"
                           : "in the primary key but allows NULL (an SQLite quirk); declared NOT NULL");
            }
            columns.push_back(spec);
        }

        auto& uniques = key_lists_.emplace_back();
        for (const auto& key : t.unique_keys) uniques.push_back(names(key));

        auto& fks = fk_lists_.emplace_back();
        fk_storage_.push_back(&fks);
        for (const live_foreign_key& fk : t.foreign_keys)
            fks.push_back(foreign_key_spec{names(fk.columns), fk.target_table, names(fk.target_columns), fk.on_delete,
                                           fk.on_update});

        auto& indexes = index_lists_.emplace_back();
        for (const live_index& index : t.indexes) {
            const bool plain_columns = std::all_of(index.columns.begin(), index.columns.end(),
                                                   [&](const std::string& c) { return t.find_column(c) != nullptr; });
            if (!plain_columns) {
                table_note(e, t.name,
                           "index " + index.name + " on " + ctsql::detail::live::names_text(index.columns) +
                               " left out: ctsql indexes list columns, not expressions; create it with m::raw_sql_step");
                continue;
            }
            indexes.push_back(index_spec{index.name, t.name, names(index.columns), index.unique});
        }
        e.spec = table_spec{t.name, columns, names(t.primary_key), uniques, fks, indexes};
    }
};

// The model's C++ names for one table: struct names of columns and indexes, member names.
struct table_names {
    std::string struct_name;
    std::vector<std::string> column_struct, column_member, index_struct;
};

// Names unique within the table's scope (members, nested structs, sql_name/indexes/constraints).
inline table_names name_table(const table_spec& t, std::string struct_name) {
    table_names out{std::move(struct_name), {}, {}, {}};
    std::vector<std::string> used{"sql_name", "indexes", "constraints", out.struct_name};
    const auto free = [&](const std::string& n) { return std::find(used.begin(), used.end(), n) == used.end(); };
    for (const column_spec& c : t.columns) {
        std::string base = cpp_identifier(c.name);
        while (!free(base) || !free(base + "_c")) base += '_';
        used.push_back(base);
        used.push_back(base + "_c");
        out.column_member.push_back(base);
        out.column_struct.push_back(base + "_c");
    }
    for (const index_spec& i : t.indexes) {
        std::string base = cpp_identifier(i.name) + "_i";
        while (!free(base)) base += '_';
        used.push_back(base);
        out.index_struct.push_back(base);
    }
    return out;
}

inline std::size_t column_position(const table_spec& t, std::string_view column) { return t.column_index(column); }

inline std::string write_model(normalized_schema& schema, dialect_family family, const import_options& options,
                               std::vector<std::string>& warnings) {
    const auto tables = schema.specs();
    // Declaration order: a table after the tables it references (C++ needs them complete).
    std::vector<std::size_t> order;
    std::vector<bool> placed(tables.size(), false);
    const auto index_of = [&](std::string_view name) {
        for (std::size_t i = 0; i != tables.size(); ++i)
            if (tables[i]->name == name) return i;
        return tables.size();
    };
    while (order.size() != tables.size()) {
        std::size_t next = tables.size();
        for (std::size_t i = 0; i != tables.size() && next == tables.size(); ++i) {
            if (placed[i]) continue;
            const bool ready = std::all_of(tables[i]->foreign_keys.begin(), tables[i]->foreign_keys.end(), [&](const foreign_key_spec& fk) {
                const std::size_t target = index_of(fk.target_table);
                return target == i || target == tables.size() || placed[target];
            });
            if (ready) next = i;
        }
        if (next == tables.size())  // a cycle: place the first remaining; its back references are left out below
            next = static_cast<std::size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
        placed[next] = true;
        order.push_back(next);
    }

    std::vector<std::string> struct_names(tables.size());
    {
        std::vector<std::string> used{"model"};
        for (std::size_t i = 0; i != tables.size(); ++i) {
            // users_t, users__t, ... (appending, not insert(): g++ 12 -O3 reports a false
            // -Wrestrict overlap in basic_string::insert).
            const std::string stem = cpp_identifier(tables[i]->name);
            std::string underscores = "_";
            std::string name = stem + underscores + "t";
            while (std::find(used.begin(), used.end(), name) != used.end()) {
                underscores += '_';
                name = stem + underscores + "t";
            }
            used.push_back(name);
            struct_names[i] = name;
        }
    }
    std::vector<table_names> names(tables.size());
    for (std::size_t i = 0; i != tables.size(); ++i) names[i] = name_table(*tables[i], struct_names[i]);

    std::string out;
    out += "// The model: the tables of a live ";
    out += family == dialect_family::sqlite ? "SQLite" : "PostgreSQL";
    out += " database as ctsql table types, imported by `migrate import`\n"
           "// (ctsql::tools::import_schema). It is your model now: edit it, then `migrate revision --autogenerate`.\n";
    out += "// The baseline revision creates exactly these tables; on the database they came from, `migrate stamp`\n"
           "// it instead of running it.\n";
    if (!warnings.empty()) out += "// Lines marked REVIEW were imported approximately or left out.\n";
    out += "#pragma once\n\n#include <cstdint>\n#include <optional>\n#include <string>\n\n#include <ctsql/ctsql.hpp>\n\n";
    out += "namespace " + options.model_namespace + " {\n";

    std::vector<bool> declared(tables.size(), false);
    for (const std::size_t ti : order) {
        const table_spec& t = *tables[ti];
        const table_names& n = names[ti];
        out += "\n";
        for (const std::string& line : schema.table_notes(ti)) out += line + "\n";
        out += "struct " + n.struct_name + " {\n";
        out += "    static constexpr ctsql::fixed_string sql_name = " + cpp_string_literal(t.name) + ";\n";
        const auto column_ref = [&](std::size_t table, std::string_view column) {
            const std::string prefix = table == ti ? std::string() : names[table].struct_name + "::";
            return prefix + names[table].column_struct[column_position(*tables[table], column)];
        };
        // foreign keys: single-column ones to a column already declared are column options
        std::vector<const foreign_key_spec*> table_level;
        std::vector<name_list> left_out;
        std::vector<std::string> column_fk(t.columns.size());
        for (const foreign_key_spec& fk : t.foreign_keys) {
            const std::size_t target = index_of(fk.target_table);
            if (target == tables.size() || (target != ti && !declared[target])) {
                const std::string why = target == tables.size() ? "its table " + std::string(fk.target_table) + " was not imported"
                                                                : "it references a table declared later (tables that reference each other: a C++ type can only name complete ones)";
                out += "    // REVIEW: foreign key " + ctsql::detail::live::names_text(fk.columns) + " -> " +
                       std::string(fk.target_table) + ctsql::detail::live::names_text(fk.target_columns) + " left out: " + why + "\n";
                warnings.push_back("table " + std::string(t.name) + ": foreign key " + ctsql::detail::live::names_text(fk.columns) +
                                   " left out: " + why);
                left_out.push_back(fk.columns);
                continue;
            }
            const std::size_t own = column_position(t, fk.columns[0]);
            const bool target_declared_before =
                target != ti || column_position(t, fk.target_columns[0]) < own;
            if (fk.columns.size() == 1 && target_declared_before && column_fk[own].empty()) {
                column_fk[own] = "ctsql::references<" + column_ref(target, fk.target_columns[0]) + ">" +
                                 fk_action_suffix(fk.on_delete, fk.on_update);
            } else {
                table_level.push_back(&fk);
            }
        }
        for (std::size_t ci = 0; ci != t.columns.size(); ++ci) {
            const column_spec& c = t.columns[ci];
            for (const std::string& line : schema.column_notes(ti, ci)) out += "    " + line + "\n";
            std::string decl = "    struct " + n.column_struct[ci] + " : ctsql::column<" + n.struct_name + ", " +
                               cpp_string_literal(c.name) + ", " + cpp_column_type(c.type, c.nullable);
            if (t.primary_key.size() == 1 && t.primary_key[0] == c.name) decl += ", ctsql::primary_key";
            if (c.autoincrement) decl += ", ctsql::autoincrement";
            for (const name_list key : t.unique_keys)
                if (key.size() == 1 && key[0] == c.name) decl += ", ctsql::unique";
            if (const std::string d = default_column_option(c.default_value); !d.empty()) decl += ", " + d;
            if (!column_fk[ci].empty()) decl += ", " + column_fk[ci];
            out += decl + "> {} " + n.column_member[ci] + ";\n";
        }
        const auto column_list = [&](name_list columns, std::size_t table) {
            std::string s;
            for (const std::string_view c : columns) s += (s.empty() ? "" : ", ") + column_ref(table, c);
            return s;
        };
        for (std::size_t ii = 0; ii != t.indexes.size(); ++ii) {
            const index_spec& index = t.indexes[ii];
            out += "    struct " + n.index_struct[ii] + " : ctsql::" + (index.unique ? "unique_index" : "index") + "<" +
                   cpp_string_literal(index.name) + ", " + column_list(index.columns, ti) + "> {};\n";
        }
        if (!t.indexes.empty()) {
            out += "    using indexes = ctsql::indexes<";
            for (std::size_t ii = 0; ii != t.indexes.size(); ++ii) out += (ii ? ", " : "") + n.index_struct[ii];
            out += ">;\n";
        }
        std::vector<std::string> constraints;
        if (t.primary_key.size() > 1) constraints.push_back("ctsql::primary_key_on<" + column_list(t.primary_key, ti) + ">");
        for (const name_list key : t.unique_keys)
            if (key.size() != 1) constraints.push_back("ctsql::unique_on<" + column_list(key, ti) + ">");
        for (const foreign_key_spec* fk : table_level) {
            const std::size_t target = index_of(fk->target_table);
            constraints.push_back("ctsql::foreign_key<ctsql::columns<" + column_list(fk->columns, ti) + ">, ctsql::columns<" +
                                  column_list(fk->target_columns, target) + ">>" +
                                  fk_action_suffix(fk->on_delete, fk->on_update));
        }
        if (!constraints.empty()) {
            out += "    using constraints = ctsql::constraints<";
            for (std::size_t k = 0; k != constraints.size(); ++k) out += (k ? ",\n                                           " : "") + constraints[k];
            out += ">;\n";
        }
        out += "};\n";
        declared[ti] = true;
        for (const name_list columns : left_out) schema.remove_foreign_key(ti, columns);
    }
    out += "\nusing model = ctsql::schema<";
    for (std::size_t k = 0; k != order.size(); ++k) out += (k ? ", " : "") + names[order[k]].struct_name;
    out += ">;\n\n}  // namespace " + options.model_namespace + "\n";
    return out;
}

}  // namespace detail::import

// The model header and baseline revision for a live schema (from sqlite_introspect_schema /
// postgresql_introspect_schema). ctsql's own version table is skipped.
inline imported_schema import_schema(std::span<const live_table> live, dialect_family family,
                                     const import_options& options = {}) {
    detail::import::normalized_schema schema(live, family);
    imported_schema out;
    out.warnings = schema.warnings;
    out.model_header = detail::import::write_model(schema, family, options, out.warnings);
    out.baseline = detail::autogen::generate(
        {}, schema.specs(), {options.baseline_id, options.baseline_message, ""},
        "Written by `migrate import`: creates the imported schema. On the database it came from, `migrate stamp` it.");
    for (const std::string& w : out.baseline.warnings) out.warnings.push_back(w);
    return out;
}

}  // namespace ctsql::tools
