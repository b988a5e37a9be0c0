// E135 (bulk update): a SET or key column named like the ordinal column of bulk_update's
// temporary table. Mistake: jobs.ctsql_row assigned. Control: jobs.row_no, the same update.
#include <cstdint>
#include <tuple>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

struct jobs_t {
    static constexpr ctsql::fixed_string sql_name = "jobs";
    struct id_c : ctsql::column<jobs_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct ctsql_row_c : ctsql::column<jobs_t, "ctsql_row", std::int64_t> {} ctsql_row;
    struct row_no_c : ctsql::column<jobs_t, "row_no", std::int64_t> {} row_no;
};
constexpr jobs_t jobs;

void run(ctsql::sqlite_connection& db, const std::vector<std::tuple<std::int64_t, std::int64_t>>& rows) {
#ifdef CTSQL_COMPILE_FAIL
    db.bulk_update(ctsql::update(jobs).set(jobs.ctsql_row.to(ctsql::param<"ctsql_row">)).where(jobs.id == ctsql::param<"id">),
                   rows);
#else
    db.bulk_update(ctsql::update(jobs).set(jobs.row_no.to(ctsql::param<"row_no">)).where(jobs.id == ctsql::param<"id">), rows);
#endif
}
