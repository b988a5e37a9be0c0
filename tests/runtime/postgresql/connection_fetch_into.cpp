// postgresql_connection::fetch_all_into on a real PostgreSQL server (cases in
// tests/support/fetch_into_cases.hpp).
#include <ctsql/connector/postgresql.hpp>

#include "connector_test_pg.hpp"
#include "fetch_into_cases.hpp"

TEST_CASE("postgresql fetch_all_into: contents replaced, capacity and strings reused, errors", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    fcase::run_all(db);
}
