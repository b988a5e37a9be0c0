// A live schema as canonical text, for the import round trip: every field introspection reports,
// tables by name, columns in table order, keys in key order; unique keys, foreign keys and
// indexes sorted (their order is the database's, not the schema's). ctsql's version table is left out.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include <ctsql/connector/live_schema.hpp>

namespace tools_test {

inline std::string names_text(const std::vector<std::string>& names) { return ctsql::detail::live::names_text(names); }

inline std::string live_schema_text(std::span<const ctsql::live_table> tables) {
    std::vector<const ctsql::live_table*> sorted;
    for (const auto& t : tables)
        if (t.name != "ctsql_migrations") sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
    std::string out;
    for (const ctsql::live_table* t : sorted) {
        out += "table " + t->name + "\n";
        for (const auto& c : t->columns)
            out += "  column " + c.name + " " + c.declared_type + (c.not_null ? " NOT NULL" : "") +
                   (c.default_sql ? " DEFAULT " + *c.default_sql : "") + " pk" + std::to_string(c.primary_key_position) +
                   (c.identity_or_autoincrement ? " AUTOINCREMENT" : "") + "\n";
        out += "  primary key " + names_text(t->primary_key) + "\n";
        std::vector<std::string> lines;
        for (const auto& key : t->unique_keys) lines.push_back("  unique " + names_text(key));
        for (const auto& fk : t->foreign_keys)
            lines.push_back("  foreign key " + names_text(fk.columns) + " -> " + fk.target_table + names_text(fk.target_columns) +
                            " ON DELETE " + std::string(ctsql::fk_action_name(fk.on_delete)) + " ON UPDATE " +
                            std::string(ctsql::fk_action_name(fk.on_update)));
        for (const auto& index : t->indexes)
            lines.push_back("  " + std::string(index.unique ? "unique index " : "index ") + index.name + " " + names_text(index.columns));
        std::sort(lines.begin(), lines.end());
        for (const auto& line : lines) out += line + "\n";
    }
    return out;
}

}  // namespace tools_test
