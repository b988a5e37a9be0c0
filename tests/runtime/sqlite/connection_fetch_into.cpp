// sqlite_connection::fetch_all_into on a real SQLite database (cases in
// tests/support/fetch_into_cases.hpp).
#include <ctsql/connector/sqlite.hpp>

#include "fetch_into_cases.hpp"

TEST_CASE("sqlite fetch_all_into: contents replaced, capacity and strings reused, errors", "[sqlite][connection]") {
    ctsql::sqlite_connection db;
    fcase::run_all(db);
}
