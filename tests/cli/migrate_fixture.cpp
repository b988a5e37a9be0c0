// The migrate program the CLI tests drive as a separate process: the 12-revision chain of the
// runtime migration tests and the model it yields (tests/support/migrate_chain.hpp).
// CTSQL_TEST_CHAIN picks a variant chain, as a different build of the same project would be:
//   extended  one revision more (0013): makes a database that is ahead of the default chain
//   bad_sql   0013 fails in its third operation (raw SQL that is not SQL): failure mid-upgrade
//   short     only 0001-0011: the model is ahead of the chain (check must say so)
//   bad_fk    0013 adds a foreign key that rows may violate (foreign_key_check must refuse it)
// CTSQL_TEST_MIGRATIONS_DIR replaces the migrations folder it was built with (revision tests).
// Built split, as docs/cli.md suggests for projects: this file holds the chains and calls
// run_cli; the commands are compiled once in migrate_fixture_program.cpp.
#include <cstdlib>
#include <string_view>

#include <ctsql/tools/cli_chain.hpp>

#include "migrate_chain.hpp"

namespace fixture = ctsql_migrate_test;
namespace m = ctsql::migrate;

using short_history = m::chain<fixture::r01, fixture::r02, fixture::r03, fixture::r04, fixture::r05, fixture::r06,
                               fixture::r07, fixture::r08, fixture::r09, fixture::r10, fixture::r11>;

template <class Chain>
int run(int argc, char** argv) {
    const char* dir = std::getenv("CTSQL_TEST_MIGRATIONS_DIR");
    return ctsql::tools::run_cli(ctsql::tools::cli_chain_of<fixture::model, Chain>(), dir != nullptr ? dir : CTSQL_MIGRATIONS_DIR, argc, argv);
}

int main(int argc, char** argv) {
    const char* variant = std::getenv("CTSQL_TEST_CHAIN");
    const std::string_view chain = variant == nullptr ? "" : variant;
    if (chain == "extended") return run<fixture::extended_history>(argc, argv);
    if (chain == "bad_sql") return run<fixture::bad_sql_history>(argc, argv);
    if (chain == "short") return run<short_history>(argc, argv);
    if (chain == "bad_fk") return run<fixture::bad_fk_history>(argc, argv);
    return run<fixture::history>(argc, argv);
}
