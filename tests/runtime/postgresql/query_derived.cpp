// Derived tables, CTEs and recursive CTEs on a real PostgreSQL server (cases in
// tests/support/derived_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>

#include "connector_test_pg.hpp"
#include "derived_cases.hpp"

namespace {
struct seeded {
    ctsql_conn_test::pg_schema schema;
    ctsql::postgresql_connection db = schema.connect();
    seeded() { dcase::seed(db); }
};
}  // namespace

TEST_CASE("postgresql derived tables: counts per author, LEFT JOIN gives NULL, parameters inside and outside", "[postgresql][query][derived]") {
    seeded s;
    dcase::run_derived(s.db);
}

TEST_CASE("postgresql CTEs: two CTEs in one WITH filtered by a parameter, a CTE in a compound", "[postgresql][query][derived]") {
    seeded s;
    dcase::run_cte(s.db);
}

TEST_CASE("postgresql recursive CTEs: tree walk with depth", "[postgresql][query][derived]") {
    seeded s;
    dcase::run_recursive(s.db);
}
