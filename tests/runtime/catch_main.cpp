// Catch2's main(), compiled once into ctsql_catch_main and linked into runtime_sqlite and
// runtime_postgresql (this TU is slow to compile).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
