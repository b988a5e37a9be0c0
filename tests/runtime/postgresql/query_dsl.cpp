// The query DSL on a real PostgreSQL server (cases in tests/support/query_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>

#include "connector_test_pg.hpp"
#include "query_cases.hpp"

TEST_CASE("postgresql query DSL: every statement kind and expression on a real server", "[postgresql][query]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    qcase::run_all(db);
}
