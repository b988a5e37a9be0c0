// Derived tables, CTEs and recursive CTEs on a real SQLite database (cases in
// tests/support/derived_cases.hpp).
#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>

#include "derived_cases.hpp"

namespace {
struct seeded {
    ctsql::sqlite_connection db{":memory:"};
    seeded() { dcase::seed(db); }
};
}  // namespace

TEST_CASE("sqlite derived tables: counts per author, LEFT JOIN gives NULL, parameters inside and outside", "[sqlite][query][derived]") {
    seeded s;
    dcase::run_derived(s.db);
}

TEST_CASE("sqlite CTEs: two CTEs in one WITH filtered by a parameter, a CTE in a compound", "[sqlite][query][derived]") {
    seeded s;
    dcase::run_cte(s.db);
}

TEST_CASE("sqlite recursive CTEs: tree walk with depth", "[sqlite][query][derived]") {
    seeded s;
    dcase::run_recursive(s.db);
}
