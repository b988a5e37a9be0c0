// CASE, window functions, subqueries and set operations on a real PostgreSQL server (cases in
// tests/support/advanced_cases.hpp).
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>

#include "advanced_cases.hpp"
#include "connector_test_pg.hpp"

namespace {
struct seeded {
    ctsql_conn_test::pg_schema schema;
    ctsql::postgresql_connection db = schema.connect();
    seeded() { acase::seed(db); }
};
}  // namespace

TEST_CASE("postgresql advanced queries: CASE WHEN", "[postgresql][query][case]") {
    seeded s;
    acase::run_case(s.db);
}

TEST_CASE("postgresql advanced queries: window functions", "[postgresql][query][window]") {
    seeded s;
    acase::run_window(s.db);
    // LEAD with the offset as a parameter: a std::int32_t, bound as integer (there is no lead(anyelement, bigint))
    CHECK(acase::field_values<"ahead">(s.db.fetch_all(acase::win_lead_param, std::int32_t{3})) ==
          std::vector<acase::opt_str>{"dee", "eve", {}, {}, {}});
}

TEST_CASE("postgresql advanced queries: EXISTS, IN and scalar subqueries", "[postgresql][query][subquery]") {
    seeded s;
    acase::run_subquery(s.db);
}

TEST_CASE("postgresql advanced queries: subqueries in UPDATE and DELETE", "[postgresql][query][subquery]") {
    seeded s;
    acase::run_subquery_modify(s.db);
}

TEST_CASE("postgresql advanced queries: UNION, INTERSECT, EXCEPT", "[postgresql][query][compound]") {
    seeded s;
    acase::run_compound(s.db);
}
