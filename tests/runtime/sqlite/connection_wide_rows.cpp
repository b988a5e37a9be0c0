// Aggregates of 1 to 40 fields read from SQLite (cases in tests/support/wide_row_cases.hpp).
#include <ctsql/connector/sqlite.hpp>

#include "wide_row_cases.hpp"

TEST_CASE("sqlite: aggregates of 1, 24, 25 and 40 fields read by every fetch", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    wide_rows::run_all<wide_rows::sqlite_statements>(db);
}
