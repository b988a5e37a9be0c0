// The commands of the migrate fixture, compiled once: the one translation unit that defines
// ctsql::tools::run_cli (migrate_fixture.cpp, which holds the chains, calls it).
#define CTSQL_CLI_DEFINE_RUN_CLI
#include <ctsql/tools/cli.hpp>
