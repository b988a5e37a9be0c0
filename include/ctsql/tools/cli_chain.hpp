// The chain-specific part of a migrate program: its model and its chain as tables built at
// compile time (each revision's SQL for both dialects, step runners for both connections, the
// model's tables). The commands (cli.hpp) work on these tables only, so they are compiled once,
// not once per chain, and can live in a translation unit of their own that a new revision does
// not rebuild (docs/cli.md, "Build cost"):
//
//   // migrate.cpp: rebuilt for each new revision; includes only this header, the model and the chain
//   #include <ctsql/tools/cli_chain.hpp>
//   int main(int argc, char** argv) {
//       return ctsql::tools::run_cli(ctsql::tools::cli_chain_of<app::model, migrations::chain>(), CTSQL_MIGRATIONS_DIR, argc, argv);
//   }
//   // migrate_commands.cpp: compiled once
//   #define CTSQL_CLI_DEFINE_RUN_CLI
//   #include <ctsql/tools/cli.hpp>
#pragma once

#include <span>
#include <string>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/postgresql.hpp"
#include "ctsql/connector/sqlite.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/migrate/revision.hpp"
#include "ctsql/migrate/runner.hpp"
#include "ctsql/schema/schema.hpp"

namespace ctsql::error {

template <class Model>
struct cli_model_is_not_a_schema {
    static_assert(ctsql::detail::dependent_false<Model>,
                  "ctsql[E120] cli<Model, Chain> / cli_chain_of<Model, Chain>: Model must be the project's ctsql::schema<tables...> (app::model in model.hpp)");
};

template <class Chain>
struct cli_chain_is_not_a_migration_chain {
    static_assert(ctsql::detail::dependent_false<Chain>,
                  "ctsql[E121] cli<Model, Chain> / cli_chain_of<Model, Chain>: Chain must be a ctsql::migrate::chain<revisions...> (migrations::chain in "
                  "migrations/chain.hpp)");
};

}  // namespace ctsql::error

namespace ctsql::tools {

// A migrate program's model and chain, for the commands.
struct cli_chain {
    migrate::chain_table<sqlite_connection> sqlite;
    migrate::chain_table<postgresql_connection> postgresql;
    std::span<const table_spec* const> model;
};

namespace detail::cli_impl {

template <class T>
inline constexpr bool is_schema = false;
template <class... Tables>
inline constexpr bool is_schema<ctsql::schema<Tables...>> = true;
template <class T>
inline constexpr bool is_chain = false;
template <class... Revisions>
inline constexpr bool is_chain<migrate::chain<Revisions...>> = true;

template <class Model, class Chain>
constexpr auto check_cli_arguments() {
    if constexpr (!is_schema<Model>) return ctsql::detail::report<error::cli_model_is_not_a_schema<Model>>();
    else if constexpr (!is_chain<Chain>) return ctsql::detail::report<error::cli_chain_is_not_a_migration_chain<Chain>>();
    else return ctsql::detail::pass();
}

}  // namespace detail::cli_impl

// Model (the project's ctsql::schema<tables...>) and Chain (its ctsql::migrate::chain<revisions...>,
// checked as migrator<Chain, ...> checks it) as the commands' tables; empty when either is wrong
// (a compile error then says which).
template <class Model, class Chain>
cli_chain cli_chain_of() noexcept {
    using verdict = decltype(detail::cli_impl::check_cli_arguments<Model, Chain>());
    static_assert(::ctsql::detail::enforce<::ctsql::detail::rule_of<verdict>>::ok);
    if constexpr (verdict::ok) {
        static_assert(::ctsql::detail::enforce<::ctsql::detail::rule_of<decltype(migrate::check_chain<Chain>())>>::ok);
        return {migrate::chain_table_of<Chain, sqlite_connection>, migrate::chain_table_of<Chain, postgresql_connection>,
                schema_table_specs<Model>};
    } else {
        return {};
    }
}

// Runs the migrate program's command line (cli<Model, Chain>::run(argc, argv) without the
// commands' code in the caller's translation unit). Defined by <ctsql/tools/cli.hpp> in the one
// translation unit that defines CTSQL_CLI_DEFINE_RUN_CLI before including it.
int run_cli(const cli_chain& chain, const std::string& migrations_dir, int argc, char** argv);

}  // namespace ctsql::tools
