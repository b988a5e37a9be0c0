// The commands that need no model: `init` (scaffold a project) and `import` (the model and a
// baseline revision of a live database). Both the standalone `ctsql` program (tools/ctsql.cpp)
// and every project's migrate program (cli.hpp) offer them.
#pragma once

#include <filesystem>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/postgresql.hpp"
#include "ctsql/connector/postgresql/introspect.hpp"
#include "ctsql/connector/sqlite.hpp"
#include "ctsql/connector/sqlite/introspect.hpp"
#include "ctsql/query/raw.hpp"
#include "ctsql/tools/arguments.hpp"
#include "ctsql/tools/command_line.hpp"
#include "ctsql/tools/database_url.hpp"
#include "ctsql/tools/project_files.hpp"
#include "ctsql/tools/revision_files.hpp"
#include "ctsql/tools/schema_import.hpp"

namespace ctsql::tools {

namespace detail::project {

using current_schema_query = raw_statement<raw_sql<"", "SELECT current_schema()">, type_list<>, row<field<"schema", std::string>>>;

// Writes each (relative path, text) under `root`, creating folders; refuses (before writing
// anything) when one of the files exists.
inline std::vector<std::string> write_new_files(const std::filesystem::path& root,
                                                const std::vector<std::pair<std::string, std::string>>& files) {
    namespace fs = std::filesystem;
    for (const auto& [relative, text] : files)
        if (fs::exists(root / relative)) throw file_error((root / relative).string() + " already exists: refusing to overwrite it");
    std::vector<std::string> written;
    for (const auto& [relative, text] : files) {
        const fs::path path = root / relative;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (ec) throw file_error("cannot create " + path.parent_path().string() + ": " + ec.message());
        detail::revision_files::write_file(path, text);
        written.push_back(path.string());
    }
    return written;
}

}  // namespace detail::project

// The live schema of a connection's database (PostgreSQL: of its current schema, so a
// search_path in the URL selects it).
template <class Connection>
std::vector<live_table> introspect_database(Connection& db) {
    if constexpr (Connection::dialect::family == dialect_family::sqlite) {
        return sqlite_introspect_schema(db.native_handle());
    } else {
        const std::string schema = db.fetch_one(detail::project::current_schema_query{}).template get<0>();
        return postgresql_introspect_schema(db.native_handle(), schema);
    }
}

inline constexpr command_help init_help{
    "init", "init DIR [--namespace NS] [--empty]",
    "Create a project in DIR: model.hpp, migrate.cpp, migrate_commands.cpp, migrations/ and CMakeLists.txt (refuses to overwrite).",
    "  --namespace NS     the model's namespace (default app)\n"
    "  --empty            an empty model instead of the example users table\n"};
inline constexpr command_help import_help{
    "import", "import [--out DIR] [--namespace NS]",
    "Read the live database and print its C++ model (or write it and a baseline revision under DIR).",
    "  --out DIR          write DIR/model.hpp, DIR/migrations/versions/0001_baseline.hpp and DIR/migrations/chain.hpp\n"
    "  --namespace NS     the model's namespace (default app)\n"};

// init DIR
inline int init_command(const std::vector<std::string>& rest, std::ostream& out) {
    const parsed_arguments a = parse_arguments(rest, {{"--url", "", true}, {"--namespace", "", true}, {"--empty", "", false}});
    if (a.positional.size() != 1) throw command_line_error("usage: init DIR [--namespace NS] [--empty]");
    const std::filesystem::path root = a.positional[0];
    scaffold_options options;
    options.project_name = root.filename().empty() ? root.parent_path().filename().string() : root.filename().string();
    if (auto ns = a.value("--namespace")) options.model_namespace = *ns;
    options.example_table = !a.has("--empty");
    for (const std::string& path : detail::project::write_new_files(root, scaffold_project(options))) out << "created " << path << '\n';
    out << "next: build the migrate program (see " << (root / "CMakeLists.txt").string()
        << "), then run `migrate revision --autogenerate -m \"first tables\"`\n";
    return exit_ok;
}

// import [--out DIR] [--namespace NS]: without --out, model.hpp goes to stdout (warnings to
// stderr), so `import > model.hpp` works.
inline int import_command(const std::vector<std::string>& rest, std::ostream& out, std::ostream& err) {
    const parsed_arguments a = parse_arguments(rest, {{"--url", "", true}, {"--out", "", true}, {"--namespace", "", true}});
    if (!a.positional.empty()) throw command_line_error("usage: import [--out DIR] [--namespace NS]");
    const database_url url = url_of(a);
    import_options options;
    if (auto ns = a.value("--namespace")) options.model_namespace = *ns;
    std::vector<live_table> live;
    if (url.family == dialect_family::sqlite) {
        sqlite_options read_only;
        read_only.read_only = true;
        read_only.create = false;
        sqlite_connection db(url.target, read_only);
        live = introspect_database(db);
    } else {
        postgresql_connection db(url.target);
        live = introspect_database(db);
    }
    const imported_schema imported = import_schema(live, url.family, options);
    const auto out_dir = a.value("--out");
    if (!out_dir) {
        out << imported.model_header;
        for (const auto& w : imported.warnings) err << "warning: " << w << '\n';
        return exit_ok;
    }
    const std::vector<chain_entry> chain = {{options.baseline_id, imported.baseline.file_name}};
    const std::vector<std::pair<std::string, std::string>> files = {
        {"model.hpp", imported.model_header},
        {"migrations/versions/" + imported.baseline.file_name, imported.baseline.text},
        {"migrations/chain.hpp", chain_header(chain)},
    };
    for (const std::string& path : detail::project::write_new_files(*out_dir, files)) out << "wrote " << path << '\n';
    for (const auto& w : imported.warnings) out << "warning: " << w << '\n';
    out << "next: on this database, `migrate stamp " << options.baseline_id << "` records the baseline as applied\n";
    return exit_ok;
}

}  // namespace ctsql::tools
