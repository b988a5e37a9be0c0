// Aggregates of 1 to 40 fields read from PostgreSQL (cases in tests/support/wide_row_cases.hpp).
#include <ctsql/connector/postgresql.hpp>

#include "connector_test_pg.hpp"
#include "wide_row_cases.hpp"

TEST_CASE("postgresql: aggregates of 1, 24, 25 and 40 fields read by every fetch", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    wide_rows::run_all<wide_rows::postgresql_statements>(db);
}
