// E135 (bulk update): a table named like one of bulk_update's temporary relations (the CTE
// ctsql_last). Mistake: bulk_update on table ctsql_last. Control: the same update on table last_runs.
#include <cstdint>
#include <tuple>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

struct ctsql_last_t {
    static constexpr ctsql::fixed_string sql_name = "ctsql_last";
    struct id_c : ctsql::column<ctsql_last_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct score_c : ctsql::column<ctsql_last_t, "score", double> {} score;
};
constexpr ctsql_last_t ctsql_last;
struct last_runs_t {
    static constexpr ctsql::fixed_string sql_name = "last_runs";
    struct id_c : ctsql::column<last_runs_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct score_c : ctsql::column<last_runs_t, "score", double> {} score;
};
constexpr last_runs_t last_runs;

void run(ctsql::postgresql_connection& db, const std::vector<std::tuple<double, std::int64_t>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    (void)last_runs;
    db.bulk_update(ctsql::update(ctsql_last).set(ctsql_last.score.to(ctsql::param<"score">)).where(ctsql_last.id == ctsql::param<"id">),
                   rows);
#else
    (void)ctsql_last;
    db.bulk_update(ctsql::update(last_runs).set(last_runs.score.to(ctsql::param<"score">)).where(last_runs.id == ctsql::param<"id">),
                   rows);
#endif
}
