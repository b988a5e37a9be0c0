// `migrate init`: the files of a new migrations project, as (relative path, text) pairs; the
// caller writes them. The layout:
//
//   model.hpp                  the model: namespace app { struct users_t {...}; using model = ctsql::schema<...>; }
//   migrations/chain.hpp       the (empty) chain: namespace migrations { using chain = ctsql::migrate::chain<>; }
//   migrations/versions/       the revisions `migrate revision` writes (a .gitkeep until then)
//   migrate.cpp                the migrate program's chain part: run_cli(cli_chain_of<app::model, migrations::chain>(), ...)
//   migrate_commands.cpp       its commands (<ctsql/tools/cli.hpp>), compiled once: a new revision rebuilds migrate.cpp only
//   CMakeLists.txt             find_package(ctsql COMPONENTS cli) + add_executable(migrate ...)
//
// The project builds as generated; `migrate revision --autogenerate -m "create users"` then
// writes the first revision from the example model.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ctsql/tools/autogenerate.hpp"
#include "ctsql/tools/cpp_text.hpp"

namespace ctsql::tools {

struct scaffold_options {
    std::string project_name = "app";     // the CMake project() name (made a C++-style identifier)
    std::string model_namespace = "app";  // the namespace of the model's tables and `model`
    bool example_table = true;            // model.hpp with a users table; else an empty model
};

using project_file = std::pair<std::string, std::string>;  // relative path, text

// The lines that add the migrate program to an existing CMake project (scaffold_project's
// CMakeLists.txt holds the same lines after project()).
inline std::string migrate_cmake_lines() {
    return "# The migrate program (ctsql's migration CLI: `migrate --help`). CTSQL_MIGRATIONS_DIR is where\n"
           "# `migrate revision` writes new revisions: this project's migrations/ folder.\n"
           "find_package(ctsql CONFIG REQUIRED COMPONENTS cli)\n"
           "add_executable(migrate migrate.cpp migrate_commands.cpp)\n"
           "target_link_libraries(migrate PRIVATE ctsql::cli)\n"
           "target_compile_features(migrate PRIVATE cxx_std_20)\n"
           "target_compile_definitions(migrate PRIVATE CTSQL_MIGRATIONS_DIR=\"${CMAKE_CURRENT_SOURCE_DIR}/migrations\")\n";
}

inline std::vector<project_file> scaffold_project(const scaffold_options& options = {}) {
    const std::string& ns = options.model_namespace;
    std::vector<project_file> files;

    std::string model =
        "// The model: the tables your program queries, as C++ types. Change it, then run\n"
        "//   migrate revision --autogenerate -m \"what changed\"\n"
        "// to write the revision that takes the database there (review it), rebuild, and `migrate upgrade`.\n"
        "#pragma once\n\n#include <cstdint>\n#include <optional>\n#include <string>\n\n#include <ctsql/ctsql.hpp>\n\n"
        "namespace " + ns + " {\n\n";
    if (options.example_table) {
        model += "struct users_t {\n"
                 "    static constexpr ctsql::fixed_string sql_name = \"users\";\n"
                 "    struct id_c : ctsql::column<users_t, \"id\", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;\n"
                 "    struct email_c : ctsql::column<users_t, \"email\", std::string, ctsql::unique> {} email;\n"
                 "    struct name_c : ctsql::column<users_t, \"name\", std::optional<std::string>> {} name;\n"
                 "};\n\n"
                 "using model = ctsql::schema<users_t>;\n";
    } else {
        model += "using model = ctsql::schema<>;  // add your table types here\n";
    }
    model += "\n}  // namespace " + ns + "\n";
    files.emplace_back("model.hpp", std::move(model));

    files.emplace_back("migrations/chain.hpp", chain_header({}));
    files.emplace_back("migrations/versions/.gitkeep", "");

    files.emplace_back(
        "migrate.cpp",
        "// The migrate program: ctsql's migration CLI for this project's model and migration chain.\n"
        "//\n"
        "//   migrate revision --autogenerate -m \"create users\"   write the revision taking the chain to the model\n"
        "//   (rebuild: the new revision is part of the program)\n"
        "//   migrate upgrade --url sqlite:///app.db               apply it (or set CTSQL_DATABASE_URL)\n"
        "//   migrate check --url sqlite:///app.db                 exit 0 when the database is at head and matches\n"
        "//   migrate --help                                       every command: history, downgrade, stamp, --sql, ...\n"
        "//\n"
        "// Nothing here needs editing; the model lives in model.hpp, the revisions in migrations/. The\n"
        "// commands are in migrate_commands.cpp, which a new revision does not recompile.\n"
        "#include <ctsql/tools/cli_chain.hpp>\n\n"
        "#include \"migrations/chain.hpp\"\n"
        "#include \"model.hpp\"\n\n"
        "int main(int argc, char** argv) {\n"
        "    return ctsql::tools::run_cli(ctsql::tools::cli_chain_of<" + ns + "::model, migrations::chain>(), CTSQL_MIGRATIONS_DIR, argc, argv);\n"
        "}\n");
    files.emplace_back("migrate_commands.cpp",
                       "// The migrate program's commands (ctsql::tools::run_cli), compiled once: migrate.cpp holds\n"
                       "// what changes with each revision. Nothing here needs editing.\n"
                       "#define CTSQL_CLI_DEFINE_RUN_CLI\n"
                       "#include <ctsql/tools/cli.hpp>\n");

    files.emplace_back("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(" + cpp_identifier(options.project_name) +
                                             " LANGUAGES CXX)\n\n" + migrate_cmake_lines());
    return files;
}

}  // namespace ctsql::tools
