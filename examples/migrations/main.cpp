// The migrate program of this example project: ctsql's migration CLI for app::model and
// migrations::chain (README.md walks through the commands). This file holds the chain and is
// rebuilt after each new revision; the commands are compiled once, in migrate_commands.cpp
// (the layout `ctsql init` writes).
//
//   example_migrations upgrade --url sqlite:///blog.db
//   example_migrations history -v --url sqlite:///blog.db
//
// Run without arguments (as the example test does), it tours the commands on a fresh SQLite
// database, blog.db in the working directory.
#include <cstdio>
#include <string>
#include <vector>

#include <ctsql/tools/cli_chain.hpp>

#include "migrations/chain.hpp"
#include "model.hpp"

// The proof: replaying the three revisions gives exactly the model (else this does not compile).
static_assert(ctsql::migrate::chain_yields<migrations::chain, app::model>);

// Runs `migrate <args...>` (for the tour below).
static int run_line(const ctsql::tools::cli_chain& chain, std::vector<std::string> args) {
    std::string program = "migrate";
    std::vector<char*> argv{program.data()};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return ctsql::tools::run_cli(chain, CTSQL_MIGRATIONS_DIR, static_cast<int>(argv.size() - 1), argv.data());
}

int main(int argc, char** argv) {
    const ctsql::tools::cli_chain chain = ctsql::tools::cli_chain_of<app::model, migrations::chain>();
    if (argc > 1) return ctsql::tools::run_cli(chain, CTSQL_MIGRATIONS_DIR, argc, argv);

    const std::string url = "sqlite:///blog.db";
    const std::vector<std::vector<std::string>> tour = {
        {"upgrade", "+1", "--url", url},        // 0001 only
        {"current", "--url", url},
        {"upgrade", "--url", url},              // 0002 and 0003
        {"history", "-v", "--url", url},
        {"downgrade", "-1", "--url", url},      // 0003's derived downgrade: full_name back to name
        {"check", "--url", url},                // behind head: exit code 1, expected here
        {"upgrade", "--url", url},
        {"check", "--url", url},                // at head, no drift, the chain yields the model
        {"upgrade", "--sql", "--url", "postgresql://db.example/blog"},  // the script for a DBA; connects to nothing
    };
    for (const auto& args : tour) {
        std::string line = "$ migrate";
        for (const auto& a : args) line += " " + a;
        std::puts(line.c_str());
        std::fflush(stdout);
        const int code = run_line(chain, args);
        const bool expected_behind = args[0] == "check" && &args == &tour[5];
        if (code != 0 && !(expected_behind && code == 1)) return code;
    }
    return 0;
}
