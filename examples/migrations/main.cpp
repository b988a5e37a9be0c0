// The migrate program of this example project: ctsql's migration CLI for app::model and
// migrations::chain (README.md walks through the commands).
//
//   example_migrations upgrade --url sqlite:///blog.db
//   example_migrations history -v --url sqlite:///blog.db
//
// Run without arguments (as the example test does), it tours the commands on a fresh SQLite
// database, blog.db in the working directory.
#include <cstdio>
#include <string>
#include <vector>

#include <ctsql/tools/cli.hpp>

#include "migrations/chain.hpp"
#include "model.hpp"

// The proof: replaying the three revisions gives exactly the model (else this does not compile).
static_assert(ctsql::migrate::chain_yields<migrations::chain, app::model>);

int main(int argc, char** argv) {
    const ctsql::tools::cli<app::model, migrations::chain> migrate{.migrations_dir = CTSQL_MIGRATIONS_DIR};
    if (argc > 1) return migrate.run(argc, argv);

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
        const int code = migrate.run("migrate", args);
        const bool expected_behind = args[0] == "check" && &args == &tour[5];
        if (code != 0 && !(expected_behind && code == 1)) return code;
    }
    return 0;
}
