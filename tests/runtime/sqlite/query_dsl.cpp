// The query DSL on a real SQLite database (cases in tests/support/query_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>

#include "query_cases.hpp"

TEST_CASE("sqlite query DSL: every statement kind and expression on a real database", "[sqlite][query]") {
    ctsql::sqlite_connection db(":memory:");
    qcase::run_all(db);
}
