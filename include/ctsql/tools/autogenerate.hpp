// `migrate revision --autogenerate`: the C++ revision whose operations take the schema at the
// chain's head to the model, as source text. Text in, text out: the caller (the CLI) gets the
// head from the chain (ctsql::migrate::state_specs<state_after<head>>) and the model from
// ctsql::schema_table_specs<Model>, and writes the file.
//
//   auto revision = ctsql::tools::autogenerate(head, model, {"0003", "add email", "0002"});
//   // revision.file_name == "0003_add_email.hpp"; revision.text: the file; revision.warnings
//
// What is generated, in this order (so every operation finds what it needs): foreign keys that
// go away or whose columns change type; dropped tables (referencing tables first); indexes and unique keys that go; new tables
// (referenced tables first) and their indexes; new columns; column changes (type, nullability,
// default); dropped columns; new unique keys, indexes and foreign keys (and those dropped for a
// type change, again).
//
// Operations that destroy data (drop_table, drop_column, a narrowing alter_column) are written
// with `/*, m::acknowledge_data_loss */` commented out and a `// REVIEW:` line: the revision
// does not compile (ctsql[E085]) until the user removes the comment markers, i.e. confirms. A
// dropped and an added column of the same type in one table get a `// REVIEW: rename?` line
// with the rename_column to use instead; a dropped and a created table with the same columns, the
// rename_table. What no operation can express (a primary key or autoincrement change, a column
// order the appends cannot give) is a warning and a `// REVIEW:` line at the top of the revision.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ctsql/check/schema_rules.hpp"
#include "ctsql/migrate/ops.hpp"
#include "ctsql/schema/table_spec.hpp"
#include "ctsql/tools/cpp_text.hpp"

namespace ctsql::tools {

struct revision_names {
    std::string id;         // "0003"
    std::string message;    // "add email"
    std::string parent_id;  // "0002"; "" for the first revision (parent ctsql::migrate::base)
};

struct generated_revision {
    std::string file_name;              // "<id>_<slug>.hpp", for migrations/versions/
    std::string text;                   // the whole file
    std::vector<std::string> warnings;  // for the user, one line each; also in the file as REVIEW
};

// The struct a revision id names: "0003" -> r0003.
inline std::string revision_struct_name(std::string_view id) {
    std::string out = "r";
    for (const char c : id) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out += alnum ? c : '_';
    }
    return out;
}

inline std::string revision_file_name(const revision_names& names) {
    return names.id + "_" + revision_slug(names.message) + ".hpp";
}

namespace detail::autogen {

// One operation of the revision: REVIEW/explanation lines written above it, then its text.
struct operation {
    std::vector<std::string> notes;
    std::string text;
};

using table_list = std::span<const table_spec* const>;

inline const table_spec* find_table(table_list tables, std::string_view name) {
    for (const table_spec* t : tables)
        if (t->name == name) return t;
    return nullptr;
}

inline bool contains_key(std::span<const name_list> keys, name_list key) {
    return std::any_of(keys.begin(), keys.end(), [&](name_list k) { return k == key; });
}

inline const foreign_key_spec* find_fk(std::span<const foreign_key_spec> fks, name_list columns) {
    for (const foreign_key_spec& fk : fks)
        if (fk.columns == columns) return &fk;
    return nullptr;
}

inline const index_spec* find_index(std::span<const index_spec> indexes, std::string_view name) {
    for (const index_spec& i : indexes)
        if (i.name == name) return &i;
    return nullptr;
}

// Defaults compared by their literal: a real default is the text default of a real column, so
// after a type change (text -> double) the same literal is the same default.
inline bool same_default(const default_spec& a, const default_spec& b) {
    const auto literal_kind = [](default_kind k) { return k == default_kind::real ? default_kind::text : k; };
    return literal_kind(a.kind) == literal_kind(b.kind) && a.integer == b.integer && a.text == b.text &&
           a.fits_int64 == b.fits_int64;
}

inline std::string name_literal(std::string_view name) { return cpp_string_literal(name); }

inline std::string names_type(name_list names) { return "m::names<" + name_arguments(names) + ">"; }

inline std::string index_item(const index_spec& index) {
    std::string args = name_literal(index.name);
    if (!index.columns.empty()) args += ", " + name_arguments(index.columns);
    return std::string(index.unique ? "m::unique_index_on<" : "m::index_on<") + args + ">";
}

inline std::string foreign_key_item(const foreign_key_spec& fk) {
    return "m::foreign_key_on<" + names_type(fk.columns) + ", " + name_literal(fk.target_table) + ", " +
           names_type(fk.target_columns) + ">" + fk_action_suffix(fk.on_delete, fk.on_update);
}

// m::col<"name", T, options...>; `extra` are options beyond type, default and autoincrement.
inline std::string column_item(const column_spec& c, const std::vector<std::string>& extra = {}) {
    std::string out = "m::col<" + name_literal(c.name) + ", " + cpp_column_type(c.type, c.nullable);
    for (const std::string& option : extra) out += ", " + option;
    if (c.autoincrement) out += ", ctsql::autoincrement";
    if (const std::string d = default_column_option(c.default_value); !d.empty()) out += ", " + d;
    return out + ">";
}

inline std::string key_text(name_list names) {
    std::string out = "(";
    for (std::size_t i = 0; i != names.size(); ++i) out += (i ? ", " : "") + std::string(names[i]);
    return out + ")";
}

class planner {
public:
    planner(table_list head, table_list model) : head_(head), model_(model) {}

    std::vector<operation> plan() {
        for (const table_spec* h : head_)
            if (const table_spec* t = find_table(model_, h->name)) drop_foreign_keys_going_away(*h, *t);
        // before the keys and columns they may reference go
        drop_old_tables();
        for (const table_spec* h : head_)
            if (const table_spec* t = find_table(model_, h->name)) drop_keys_going_away(*h, *t);
        create_new_tables();
        for (const table_spec* t : model_)
            if (const table_spec* h = find_table(head_, t->name)) change_columns(*h, *t);
        for (const table_spec* t : model_)
            if (const table_spec* h = find_table(head_, t->name)) add_new_keys(*h, *t);
        // after every new key: a foreign key may reference a unique key added above
        for (const table_spec* t : model_)
            if (const table_spec* h = find_table(head_, t->name)) add_new_foreign_keys(*h, *t);
        for (operation& fk : deferred_foreign_keys_) ops_.push_back(std::move(fk));
        return std::move(ops_);
    }

    std::vector<std::string> warnings;  // also written as REVIEW lines at the top

private:
    table_list head_, model_;
    std::vector<operation> ops_;
    std::vector<operation> deferred_foreign_keys_;

    void warn(std::string text) { warnings.push_back(std::move(text)); }

    void drop_foreign_keys_going_away(const table_spec& h, const table_spec& t) {
        for (const foreign_key_spec& fk : h.foreign_keys) {
            const foreign_key_spec* now = find_fk(t.foreign_keys, fk.columns);
            if (now == nullptr || !(fk == *now) || retyped(t, *now))
                ops_.push_back({{}, "m::drop_foreign_key<" + name_literal(t.name) + ", " + names_type(fk.columns) + ">"});
        }
    }

    void drop_keys_going_away(const table_spec& h, const table_spec& t) {
        const std::string table = name_literal(t.name);
        for (const index_spec& index : h.indexes) {
            const index_spec* now = find_index(t.indexes, index.name);
            if (now == nullptr || !(index == *now))
                ops_.push_back({{}, "m::drop_index<" + table + ", " + name_literal(index.name) + ">"});
        }
        for (const name_list key : h.unique_keys)
            if (!contains_key(t.unique_keys, key))
                ops_.push_back({{}, "m::drop_unique<" + table + ", " + name_arguments(key) + ">"});
    }

    // New tables, each after the tables its foreign keys reference; on a cycle the foreign keys
    // to tables not created yet become add_foreign_key after all the tables exist.
    void create_new_tables() {
        std::vector<const table_spec*> pending;
        for (const table_spec* t : model_)
            if (find_table(head_, t->name) == nullptr) pending.push_back(t);
        std::vector<std::string_view> created;
        const auto target_ready = [&](const table_spec& t, const foreign_key_spec& fk) {
            if (fk.target_table == t.name) return true;
            if (std::find(created.begin(), created.end(), fk.target_table) != created.end()) return true;
            // an existing table: ready when its target columns are already there, with their
            // final types, as a key (else the key is added after the column changes)
            const table_spec* existing = find_table(head_, fk.target_table);
            const table_spec* final_shape = find_table(model_, fk.target_table);
            if (existing == nullptr || final_shape == nullptr) return false;
            return std::all_of(fk.target_columns.begin(), fk.target_columns.end(),
                               [&](std::string_view c) {
                                   const column_spec* now = existing->find_column(c);
                                   const column_spec* then = final_shape->find_column(c);
                                   return now != nullptr && then != nullptr && now->type == then->type;
                               }) &&
                   ctsql::detail::is_constraint_key_of(*existing, fk.target_columns);
        };
        const auto is_pending = [&](std::string_view name) {
            return std::any_of(pending.begin(), pending.end(), [&](const table_spec* p) { return p->name == name; });
        };
        while (!pending.empty()) {
            auto next = std::find_if(pending.begin(), pending.end(), [&](const table_spec* t) {
                return std::all_of(t->foreign_keys.begin(), t->foreign_keys.end(), [&](const foreign_key_spec& fk) {
                    return target_ready(*t, fk) || !is_pending(fk.target_table);
                });
            });
            if (next == pending.end()) next = pending.begin();  // a cycle: break it here
            const table_spec& t = **next;
            pending.erase(next);
            create_table(t, [&](const foreign_key_spec& fk) { return target_ready(t, fk); });
            created.push_back(t.name);
        }
    }

    template <class Ready>
    void create_table(const table_spec& t, Ready ready) {
        std::vector<std::string> items;
        std::vector<const foreign_key_spec*> inline_fks;
        for (const foreign_key_spec& fk : t.foreign_keys) {
            if (ready(fk)) inline_fks.push_back(&fk);
            else
                deferred_foreign_keys_.push_back({{}, "m::add_foreign_key<" + name_literal(t.name) + ", " + foreign_key_item(fk) + ">"});
        }
        const auto single = [](name_list key, std::string_view column) { return key.size() == 1 && key[0] == column; };
        for (const column_spec& c : t.columns) {
            std::vector<std::string> options;
            if (single(t.primary_key, c.name)) options.push_back("ctsql::primary_key");
            for (const name_list key : t.unique_keys)
                if (single(key, c.name)) options.push_back("ctsql::unique");
            for (const foreign_key_spec* fk : inline_fks)
                if (single(fk->columns, c.name))
                    options.push_back("m::references<" + name_literal(fk->target_table) + ", " + name_literal(fk->target_columns[0]) + ">" +
                                      fk_action_suffix(fk->on_delete, fk->on_update));
            items.push_back(column_item(c, options));
        }
        if (t.primary_key.size() > 1) items.push_back("m::primary_key_on<" + name_arguments(t.primary_key) + ">");
        for (const name_list key : t.unique_keys)
            if (key.size() != 1) items.push_back("m::unique_on<" + name_arguments(key) + ">");
        for (const foreign_key_spec* fk : inline_fks)
            if (fk->columns.size() != 1) items.push_back(foreign_key_item(*fk));
        std::string text = "m::create_table<" + name_literal(t.name);
        for (const std::string& item : items) text += ",\n        " + item;
        ops_.push_back({rename_table_hint(t), text + ">"});
        for (const index_spec& index : t.indexes)
            ops_.push_back({{}, "m::create_index<" + name_literal(t.name) + ", " + index_item(index) + ">"});
    }

    // A table going away with the same columns as this new one: perhaps a rename.
    std::vector<std::string> rename_table_hint(const table_spec& t) {
        for (const table_spec* h : head_) {
            if (find_table(model_, h->name) != nullptr || h->columns.size() != t.columns.size()) continue;
            bool same = true;
            for (std::size_t i = 0; same && i != t.columns.size(); ++i)
                same = h->columns[i].name == t.columns[i].name && h->columns[i].type == t.columns[i].type &&
                       h->columns[i].nullable == t.columns[i].nullable;
            if (!same) continue;
            warn("table " + std::string(h->name) + " is dropped and " + std::string(t.name) +
                 " created with the same columns; if it is a rename, use m::rename_table");
            return {"// REVIEW: rename? If table " + std::string(h->name) + " became " + std::string(t.name) +
                    ", replace its drop_table and this create_table (and its create_index) with: m::rename_table<" +
                    name_literal(h->name) + ", " + name_literal(t.name) + ">"};
        }
        return {};
    }

    void change_columns(const table_spec& h, const table_spec& t) {
        const std::string table = name_literal(t.name);
        std::vector<const column_spec*> added, dropped;
        for (const column_spec& c : t.columns)
            if (!h.has_column(c.name)) added.push_back(&c);
        for (const column_spec& c : h.columns)
            if (!t.has_column(c.name)) dropped.push_back(&c);

        // A column with the same type appearing as one goes: perhaps a rename.
        std::vector<std::string> rename_hint;
        for (const column_spec* d : dropped)
            for (const column_spec* a : added)
                if (d->type == a->type) {
                    warn("table " + std::string(t.name) + ": " + std::string(d->name) + " is dropped and " +
                         std::string(a->name) + " added with the same type; if it is a rename, use m::rename_column");
                    rename_hint.push_back("// REVIEW: rename? If " + std::string(t.name) + "." + std::string(d->name) +
                                          " became " + std::string(a->name) +
                                          ", replace its drop_column and add_column with: m::rename_column<" + table +
                                          ", " + name_literal(d->name) + ", " + name_literal(a->name) + ">");
                }

        for (const column_spec* a : added) {
            operation op{rename_hint, "m::add_column<" + table + ", " + column_item(*a) + ">"};
            rename_hint.clear();
            if (a->autoincrement) {
                op.notes.push_back("// REVIEW: add_column cannot add an autoincrement column (ctsql[E092])");
                warn("table " + std::string(t.name) + ": column " + std::string(a->name) +
                     " is autoincrement; add_column cannot add such a column");
            } else if (!a->nullable && a->default_value.kind == default_kind::none) {
                op.notes.push_back("// REVIEW: a NOT NULL column needs a default for the rows already there (ctsql[E088]): "
                                   "give it ctsql::default_value<...>, or add it nullable, fill it, then set_not_null");
                warn("table " + std::string(t.name) + ": new column " + std::string(a->name) +
                     " is NOT NULL without a default (ctsql[E088] until it has one)");
            }
            ops_.push_back(std::move(op));
        }

        for (const column_spec& c : t.columns)
            if (const column_spec* before = h.find_column(c.name)) alter_column(t, *before, c);

        for (const column_spec* d : dropped) {
            operation op{rename_hint, "m::drop_column<" + table + ", " + name_literal(d->name) + " /*, m::acknowledge_data_loss */>"};
            rename_hint.clear();
            op.notes.push_back("// REVIEW: drops " + std::string(t.name) + "." + std::string(d->name) +
                               " and its data; to confirm, remove the comment markers around m::acknowledge_data_loss (ctsql[E085] until then)");
            warn("table " + std::string(t.name) + ": column " + std::string(d->name) +
                 " is dropped with its data; confirm with m::acknowledge_data_loss (or make it a rename_column)");
            ops_.push_back(std::move(op));
        }

        check_what_operations_cannot_say(h, t, dropped);
    }

    void alter_column(const table_spec& t, const column_spec& before, const column_spec& after) {
        std::vector<std::string> changes;
        std::vector<std::string> notes;
        bool narrowing = false;
        if (!(before.type == after.type)) {
            changes.push_back("m::to_type<" + cpp_value_type(after.type) + ">");
            narrowing = ctsql::migrate::detail::narrows(before.type, after.type);
        }
        if (before.nullable != after.nullable) {
            changes.push_back(after.nullable ? "m::set_nullable" : "m::set_not_null");
            if (!after.nullable)
                notes.push_back("// REVIEW: SET NOT NULL fails while rows hold NULL in " + std::string(t.name) + "." +
                                std::string(after.name) + "; fill them first (m::raw_sql_step) if there can be any");
        }
        if (!same_default(before.default_value, after.default_value)) {
            if (after.default_value.kind == default_kind::none) changes.push_back("m::drop_default");
            else if (after.default_value.kind == default_kind::current_timestamp) changes.push_back("m::set_default_now");
            else changes.push_back("m::set_default<" + default_literal_argument(after.default_value) + ">");
        }
        if (before.autoincrement != after.autoincrement) {
            warn("table " + std::string(t.name) + ": column " + std::string(after.name) +
                 " changes autoincrement; no operation can do that (use m::raw_sql_step with its effect)");
            top_notes.push_back("// REVIEW: " + std::string(t.name) + "." + std::string(after.name) +
                                ": autoincrement changes, which no operation expresses; use m::raw_sql_step");
        }
        if (changes.empty()) return;
        std::string text = "m::alter_column<" + name_literal(t.name) + ", " + name_literal(after.name);
        for (const std::string& change : changes) text += ", " + change;
        if (narrowing) {
            text += " /*, m::acknowledge_data_loss */";
            notes.push_back("// REVIEW: " + cpp_value_type(before.type) + " -> " + cpp_value_type(after.type) +
                            " can lose values of " + std::string(t.name) + "." + std::string(after.name) +
                            "; to confirm, remove the comment markers around m::acknowledge_data_loss (ctsql[E085] until then)");
            warn("table " + std::string(t.name) + ": column " + std::string(after.name) + " narrows from " +
                 cpp_value_type(before.type) + " to " + cpp_value_type(after.type) + "; confirm with m::acknowledge_data_loss");
        }
        ops_.push_back({std::move(notes), text + ">"});
    }

    void check_what_operations_cannot_say(const table_spec& h, const table_spec& t,
                                          const std::vector<const column_spec*>& dropped) {
        const std::string table(t.name);
        if (!(h.primary_key == t.primary_key)) {
            warn("table " + table + ": the primary key changes from " + key_text(h.primary_key) + " to " +
                 key_text(t.primary_key) + "; no operation can do that (use m::raw_sql_step with its effect, or re-create the table)");
            top_notes.push_back("// REVIEW: " + table + ": primary key " + key_text(h.primary_key) + " -> " +
                                key_text(t.primary_key) + " is not generated; no operation changes a primary key");
        }
        // add_column appends: the table ends as the kept columns in their old order, then the new ones.
        std::vector<std::string_view> result;
        for (const column_spec& c : h.columns)
            if (std::none_of(dropped.begin(), dropped.end(), [&](const column_spec* d) { return d->name == c.name; }))
                result.push_back(c.name);
        for (const column_spec& c : t.columns)
            if (!h.has_column(c.name)) result.push_back(c.name);
        bool same_order = result.size() == t.columns.size();
        for (std::size_t i = 0; same_order && i != result.size(); ++i) same_order = result[i] == t.columns[i].name;
        if (!same_order) {
            std::string order;
            for (const std::string_view c : result) order += (order.empty() ? "" : ", ") + std::string(c);
            warn("table " + table + ": these operations leave the columns in the order (" + order +
                 "), not the model's (ctsql[E080]); add_column appends: declare new columns last in the model, or use rename_column");
            top_notes.push_back("// REVIEW: " + table + ": the columns end in the order (" + order +
                                "), which differs from the model's; add_column appends, so declare new columns last "
                                "(or use rename_column where a column was renamed)");
        }
    }

    void add_new_keys(const table_spec& h, const table_spec& t) {
        const std::string table = name_literal(t.name);
        for (const name_list key : t.unique_keys)
            if (!contains_key(h.unique_keys, key))
                ops_.push_back({{}, "m::add_unique<" + table + ", " + name_arguments(key) + ">"});
        for (const index_spec& index : t.indexes) {
            const index_spec* before = find_index(h.indexes, index.name);
            if (before == nullptr || !(index == *before))
                ops_.push_back({{}, "m::create_index<" + table + ", " + index_item(index) + ">"});
        }
    }

    void add_new_foreign_keys(const table_spec& h, const table_spec& t) {
        const std::string table = name_literal(t.name);
        for (const foreign_key_spec& fk : t.foreign_keys) {
            const foreign_key_spec* before = find_fk(h.foreign_keys, fk.columns);
            if (before == nullptr || !(fk == *before) || retyped(t, fk))
                ops_.push_back({{}, "m::add_foreign_key<" + table + ", " + foreign_key_item(fk) + ">"});
        }
    }

    // Whether a column of the foreign key, or of its target, changes type: the key is dropped
    // before the alter_columns and added again after (between them the types would not match).
    bool retyped(const table_spec& t, const foreign_key_spec& fk) const {
        const auto column_retyped = [&](std::string_view table, std::string_view column) {
            const table_spec* before = find_table(head_, table);
            const table_spec* after = find_table(model_, table);
            if (before == nullptr || after == nullptr) return false;
            const column_spec* b = before->find_column(column);
            const column_spec* a = after->find_column(column);
            return b != nullptr && a != nullptr && !(b->type == a->type);
        };
        return std::any_of(fk.columns.begin(), fk.columns.end(), [&](std::string_view c) { return column_retyped(t.name, c); }) ||
               std::any_of(fk.target_columns.begin(), fk.target_columns.end(),
                           [&](std::string_view c) { return column_retyped(fk.target_table, c); });
    }

    // Tables the model no longer has, each before the tables it references.
    void drop_old_tables() {
        std::vector<const table_spec*> pending;
        for (const table_spec* h : head_)
            if (find_table(model_, h->name) == nullptr) pending.push_back(h);
        while (!pending.empty()) {
            auto next = std::find_if(pending.begin(), pending.end(), [&](const table_spec* candidate) {
                return std::none_of(pending.begin(), pending.end(), [&](const table_spec* other) {
                    return other != candidate &&
                           std::any_of(other->foreign_keys.begin(), other->foreign_keys.end(),
                                       [&](const foreign_key_spec& fk) { return fk.target_table == candidate->name; });
                });
            });
            if (next == pending.end()) {
                next = pending.begin();
                warn("table " + std::string((*next)->name) +
                     ": dropped tables reference each other in a cycle; drop a foreign key first (m::drop_foreign_key)");
            }
            const std::string name((*next)->name);
            ops_.push_back({{"// REVIEW: drops table " + name +
                             " and all its rows; to confirm, remove the comment markers around m::acknowledge_data_loss (ctsql[E085] until then)"},
                            "m::drop_table<" + name_literal(name) + " /*, m::acknowledge_data_loss */>"});
            warn("table " + name + " is dropped with its rows; confirm with m::acknowledge_data_loss");
            pending.erase(next);
        }
    }

public:
    std::vector<std::string> top_notes;  // REVIEW lines for what no operation expresses
};

inline generated_revision write_revision(const revision_names& names, const std::vector<operation>& ops,
                                         std::vector<std::string> top_notes, std::vector<std::string> warnings,
                                         std::string_view origin) {
    const std::string parent = names.parent_id.empty() ? "m::base" : revision_struct_name(names.parent_id);
    std::string text = "// Revision " + names.id + ": " + names.message + "\n";
    text += "// " + std::string(origin) + "\n";
    text += "// Parent: " + (names.parent_id.empty() ? std::string("none (the empty schema)") : names.parent_id) +
            ". Included by ../chain.hpp after its parent; the downgrade is derived from the operations.\n";
    for (const std::string& note : top_notes) text += note + "\n";
    text += "#pragma once\n\n#include <ctsql/ctsql.hpp>\n#include <ctsql/migrate/migrate.hpp>\n\n";
    text += "namespace migrations {\nnamespace m = ctsql::migrate;\n\n";
    text += "struct " + revision_struct_name(names.id) + " : m::revision<" + cpp_string_literal(names.id) + ", " +
            cpp_string_literal(names.message) + ", " + parent;
    for (const operation& op : ops) {
        text += ",\n";
        for (const std::string& note : op.notes) text += "    " + note + "\n";
        text += "    " + op.text;
    }
    text += "> {};\n\n}  // namespace migrations\n";
    return {revision_file_name(names), std::move(text), std::move(warnings)};
}

inline generated_revision generate(table_list head, table_list model, const revision_names& names, std::string_view origin) {
    planner planner(head, model);
    std::vector<operation> ops = planner.plan();
    return write_revision(names, ops, std::move(planner.top_notes), std::move(planner.warnings), origin);
}

}  // namespace detail::autogen

// The revision taking `head` (the schema after the chain's last revision; empty at base) to
// `model`. With nothing to do, a revision without operations (and no warnings).
inline generated_revision autogenerate(std::span<const table_spec* const> head, std::span<const table_spec* const> model,
                                       const revision_names& names) {
    return detail::autogen::generate(
        head, model, names,
        "Generated by `migrate revision --autogenerate` from the difference between the chain and the model; review it.");
}

// A revision without operations, for the user to fill in (`migrate revision -m MSG`).
inline generated_revision empty_revision(const revision_names& names) {
    generated_revision revision = detail::autogen::write_revision(
        names, {},
        {"// Add operations after the parent, e.g. m::add_column<\"users\", m::col<\"email\", std::optional<std::string>>>",
         "// (docs/migrations.md lists them)."},
        {}, "Written by `migrate revision`.");
    return revision;
}

struct chain_entry {
    std::string id;         // "0001"
    std::string file_name;  // "0001_create_users.hpp", in migrations/versions/
};

// migrations/chain.hpp: includes every revision, oldest first, and names the chain (an empty
// chain<> when there are none yet).
inline std::string chain_header(std::span<const chain_entry> revisions) {
    std::string text =
        "// The migration chain, oldest revision first. Written by `migrate revision`: a new revision\n"
        "// is appended here; edit it only to remove a revision you have never applied anywhere.\n"
        "#pragma once\n\n#include <ctsql/migrate/migrate.hpp>\n";
    if (!revisions.empty()) text += "\n";
    for (const chain_entry& r : revisions) text += "#include " + cpp_string_literal("versions/" + r.file_name) + "\n";
    text += "\nnamespace migrations {\nusing chain = ctsql::migrate::chain<";
    for (std::size_t i = 0; i != revisions.size(); ++i)
        text += (i ? ", " : "") + revision_struct_name(revisions[i].id);
    text += ">;\n}  // namespace migrations\n";
    return text;
}

}  // namespace ctsql::tools
