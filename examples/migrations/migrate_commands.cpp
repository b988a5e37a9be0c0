// The migrate program's commands (ctsql/tools/cli.hpp), compiled once: they work on the chain
// table main.cpp hands them, so a new revision rebuilds main.cpp only.
#define CTSQL_CLI_DEFINE_RUN_CLI
#include <ctsql/tools/cli.hpp>
