// CASE, window functions, subqueries and set operations on a real SQLite database (cases in
// tests/support/advanced_cases.hpp).
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>

#include "advanced_cases.hpp"

namespace {
struct seeded {
    ctsql::sqlite_connection db{":memory:"};
    seeded() { acase::seed(db); }
};
}  // namespace

TEST_CASE("sqlite advanced queries: CASE WHEN", "[sqlite][query][case]") {
    seeded s;
    acase::run_case(s.db);
}

TEST_CASE("sqlite advanced queries: window functions", "[sqlite][query][window]") {
    seeded s;
    acase::run_window(s.db);
    // LEAD with the offset as a parameter (a std::int32_t)
    CHECK(acase::field_values<"ahead">(s.db.fetch_all(acase::win_lead_param, std::int32_t{3})) ==
          std::vector<acase::opt_str>{"dee", "eve", {}, {}, {}});
}

TEST_CASE("sqlite advanced queries: EXISTS, IN and scalar subqueries", "[sqlite][query][subquery]") {
    seeded s;
    acase::run_subquery(s.db);
}

TEST_CASE("sqlite advanced queries: subqueries in UPDATE and DELETE", "[sqlite][query][subquery]") {
    seeded s;
    acase::run_subquery_modify(s.db);
}

TEST_CASE("sqlite advanced queries: UNION, INTERSECT, EXCEPT", "[sqlite][query][compound]") {
    seeded s;
    acase::run_compound(s.db);
}
