// Bulk writes on PostgreSQL (issue 5, item 8): 100,000 rows of (int8, text, float8, bool).
//
//   insert/raw-loop        hand-written libpq: PQexecPrepared per row, binary parameters, one
//                          transaction (the baseline)
//   insert/raw-pipeline    hand-written libpq pipeline mode, a sync every 1000 rows, one transaction
//   insert/ctsql-many      ctsql execute_many (pipeline mode, 1000 rows per sync)
//   insert/ctsql-bulk      ctsql bulk_insert (COPY ... FROM STDIN (FORMAT binary))
//   update/raw-loop        100,000 "UPDATE ... SET score = $1 WHERE id = $2", PQexecPrepared per row
//   update/ctsql-many      the same UPDATE through ctsql execute_many
//   update/ctsql-bulk      the same UPDATE through ctsql bulk_update (COPY into a temporary table,
//                          then one UPDATE ... FROM)
//
// Each iteration starts from the same table state (TRUNCATE for inserts, VACUUM for updates, both
// outside the timed region). After the runs, the ratios to the raw loop are printed.
// Connects with the PG* environment variables (scripts/with-postgres.sh sets them).
//
//   scripts/with-postgres.sh build/.../bench_postgresql_bulk [--rows=N] [Google Benchmark flags]
#include <libpq-fe.h>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

namespace {

struct bench_rows_t {
    static constexpr ctsql::fixed_string sql_name = "bench_rows";
    struct id_c : ctsql::column<bench_rows_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<bench_rows_t, "name", std::string> {} name;
    struct score_c : ctsql::column<bench_rows_t, "score", double> {} score;
    struct active_c : ctsql::column<bench_rows_t, "active", bool> {} active;
};
constexpr bench_rows_t bench_rows;

constexpr auto insert_rows = ctsql::insert_into(bench_rows).columns(bench_rows.id, bench_rows.name, bench_rows.score,
                                                                     bench_rows.active);
constexpr auto update_score =
    ctsql::update(bench_rows).set(bench_rows.score.to(ctsql::param<"score">)).where(bench_rows.id == ctsql::param<"id">);

constexpr const char* raw_insert_sql = "INSERT INTO bench_rows (id, name, score, active) VALUES ($1, $2, $3, $4)";
constexpr const char* raw_update_sql = "UPDATE bench_rows SET score = $1 WHERE id = $2";

struct row_data {
    std::int64_t id;
    std::string name;
    double score;
    bool active;
};
struct score_update {
    double score;
    std::int64_t id;
};

std::size_t row_count = 100'000;
std::vector<row_data> rows;
std::vector<score_update> updates;
std::map<std::string, double> best_seconds;  // per benchmark name: the fastest iteration
std::string current_name;                     // the running benchmark's name

struct result_deleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using result = std::unique_ptr<PGresult, result_deleter>;

[[noreturn]] void fail(PGconn* c, const char* what) { throw std::runtime_error(std::string(what) + ": " + PQerrorMessage(c)); }

void exec(PGconn* c, const char* sql) {
    result r(PQexec(c, sql));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail(c, sql);
}

struct raw_connection {
    PGconn* conn = PQconnectdb("");
    raw_connection() {
        if (PQstatus(conn) != CONNECTION_OK) fail(conn, "connect");
        PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    }
    ~raw_connection() { PQfinish(conn); }
    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;
};

raw_connection& raw() {
    static raw_connection c;
    return c;
}
ctsql::postgresql_connection& db() {
    static ctsql::postgresql_connection c("");
    return c;
}

void put64(char* out, std::uint64_t v) {
    v = __builtin_bswap64(v);
    std::memcpy(out, &v, 8);
}

// The binary parameters of one row, as a hand-written program would encode them.
struct raw_row_parameters {
    char id[8], score[8], active[1];
    const char* values[4];
    int lengths[4];
    explicit raw_row_parameters(const row_data& r) {
        put64(id, static_cast<std::uint64_t>(r.id));
        std::uint64_t bits;
        std::memcpy(&bits, &r.score, 8);
        put64(score, bits);
        active[0] = r.active ? 1 : 0;
        values[0] = id;
        values[1] = r.name.data();
        values[2] = score;
        values[3] = active;
        lengths[0] = 8;
        lengths[1] = static_cast<int>(r.name.size());
        lengths[2] = 8;
        lengths[3] = 1;
    }
};
constexpr Oid insert_types[4] = {20, 25, 701, 16};
constexpr int insert_formats[4] = {1, 1, 1, 1};
constexpr Oid update_types[2] = {701, 20};
constexpr int update_formats[2] = {1, 1};

void prepare_raw() {
    static bool done = false;
    if (done) return;
    PGconn* c = raw().conn;
    result a(PQprepare(c, "bench_insert", raw_insert_sql, 4, insert_types));
    if (PQresultStatus(a.get()) != PGRES_COMMAND_OK) fail(c, "prepare insert");
    result b(PQprepare(c, "bench_update", raw_update_sql, 2, update_types));
    if (PQresultStatus(b.get()) != PGRES_COMMAND_OK) fail(c, "prepare update");
    done = true;
}

void setup_table() {
    exec(raw().conn, "DROP TABLE IF EXISTS bench_rows");
    exec(raw().conn,
         "CREATE TABLE bench_rows (id BIGINT PRIMARY KEY, name TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, "
         "active BOOLEAN NOT NULL)");
}

void check_count(std::size_t expected) {
    result r(PQexec(raw().conn, "SELECT count(*) FROM bench_rows"));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || std::strtoull(PQgetvalue(r.get(), 0, 0), nullptr, 10) != expected)
        throw std::runtime_error("bench_rows does not hold the expected number of rows");
}

// Times fn() per iteration (manual time); `prepare` runs before each, untimed.
template <class Prepare, class F>
void timed(benchmark::State& state, Prepare prepare, F fn) {
    double best = 1e300;
    for (auto _ : state) {
        prepare();
        const auto start = std::chrono::steady_clock::now();
        fn();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(seconds);
        if (seconds < best) best = seconds;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * row_count));
    auto& slot = best_seconds[current_name];
    slot = slot == 0 ? best : std::min(slot, best);
}

void truncate_table() { exec(raw().conn, "TRUNCATE bench_rows"); }
void filled_table() {
    truncate_table();
    db().bulk_insert(insert_rows, rows);
    exec(raw().conn, "VACUUM ANALYZE bench_rows");
}

// ---- inserts ---------------------------------------------------------------------------------

void insert_raw_loop(benchmark::State& state) {
    prepare_raw();
    PGconn* c = raw().conn;
    timed(state, truncate_table, [&] {
        exec(c, "BEGIN");
        for (const row_data& r : rows) {
            raw_row_parameters p(r);
            result res(PQexecPrepared(c, "bench_insert", 4, p.values, p.lengths, insert_formats, 1));
            if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) fail(c, "insert");
        }
        exec(c, "COMMIT");
    });
    check_count(row_count);
}

void insert_raw_pipeline(benchmark::State& state) {
    prepare_raw();
    PGconn* c = raw().conn;
    timed(state, truncate_table, [&] {
        exec(c, "BEGIN");
        if (PQenterPipelineMode(c) != 1) fail(c, "pipeline");
        std::size_t pending = 0;
        auto read = [&] {
            if (PQpipelineSync(c) != 1) fail(c, "sync");
            for (; pending != 0; --pending) {
                result res(PQgetResult(c));
                if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) fail(c, "insert");
                while (PGresult* end = PQgetResult(c)) PQclear(end);
            }
            result sync(PQgetResult(c));
            if (PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) fail(c, "sync result");
        };
        for (const row_data& r : rows) {
            raw_row_parameters p(r);
            if (PQsendQueryPrepared(c, "bench_insert", 4, p.values, p.lengths, insert_formats, 1) != 1) fail(c, "send");
            if (++pending == 1000) read();
        }
        if (pending != 0) read();
        if (PQexitPipelineMode(c) != 1) fail(c, "exit pipeline");
        exec(c, "COMMIT");
    });
    check_count(row_count);
}

void insert_ctsql_many(benchmark::State& state) {
    timed(state, truncate_table, [] {
        if (db().execute_many(insert_rows, rows) != row_count) throw std::runtime_error("execute_many");
    });
    check_count(row_count);
}

void insert_ctsql_bulk(benchmark::State& state) {
    timed(state, truncate_table, [] {
        if (db().bulk_insert(insert_rows, rows) != row_count) throw std::runtime_error("bulk_insert");
    });
    check_count(row_count);
}

// ---- updates ---------------------------------------------------------------------------------

void update_raw_loop(benchmark::State& state) {
    prepare_raw();
    PGconn* c = raw().conn;
    timed(state, filled_table, [&] {
        exec(c, "BEGIN");
        for (const score_update& u : updates) {
            char score[8], id[8];
            std::uint64_t bits;
            std::memcpy(&bits, &u.score, 8);
            put64(score, bits);
            put64(id, static_cast<std::uint64_t>(u.id));
            const char* values[2] = {score, id};
            const int lengths[2] = {8, 8};
            result res(PQexecPrepared(c, "bench_update", 2, values, lengths, update_formats, 1));
            if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) fail(c, "update");
        }
        exec(c, "COMMIT");
    });
}

void update_ctsql_many(benchmark::State& state) {
    timed(state, filled_table, [] {
        if (db().execute_many(update_score, updates) != row_count) throw std::runtime_error("execute_many update");
    });
}

void update_ctsql_bulk(benchmark::State& state) {
    timed(state, filled_table, [] {
        if (db().bulk_update(update_score, updates) != row_count) throw std::runtime_error("bulk_update");
    });
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i != argc; ++i) {
        if (std::string_view(argv[i]).starts_with("--rows="))
            row_count = std::strtoull(argv[i] + 7, nullptr, 10);
        else
            args.push_back(argv[i]);
    }
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;

    for (std::size_t i = 0; i != row_count; ++i) {
        const auto id = static_cast<std::int64_t>(i + 1);
        std::string name = "user ";
        name += std::to_string(id);
        rows.push_back({id, std::move(name), static_cast<double>(i) * 0.5, i % 2 == 0});
        updates.push_back({static_cast<double>(i) * 0.25, id});
    }
    try {
        setup_table();
        (void)db();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_postgresql_bulk: %s (run it through scripts/with-postgres.sh)\n", e.what());
        return 1;
    }

    const auto add = [](const char* name, void (*fn)(benchmark::State&)) {
        benchmark::RegisterBenchmark(name, [name, fn](benchmark::State& state) {
            current_name = name;
            fn(state);
        })->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);
    };
    add("insert/raw-loop", insert_raw_loop);
    add("insert/raw-pipeline", insert_raw_pipeline);
    add("insert/ctsql-many", insert_ctsql_many);
    add("insert/ctsql-bulk", insert_ctsql_bulk);
    add("update/raw-loop", update_raw_loop);
    add("update/ctsql-many", update_ctsql_many);
    add("update/ctsql-bulk", update_ctsql_bulk);
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_postgresql_bulk: %s\n", e.what());
        return 1;
    }
    benchmark::Shutdown();

    // Speed-up over the raw per-row loop of the same kind, from the fastest iteration of each.
    std::printf("\n%zu rows; speed-up over the raw per-row loop (fastest iteration of each):\n", row_count);
    for (const auto& [name, seconds] : best_seconds) {
        const std::string kind = name.substr(0, name.find('/'));
        const auto baseline = best_seconds.find(kind + "/raw-loop");
        if (baseline == best_seconds.end()) continue;
        std::printf("  %-22s %9.1f ms  %5.2fx\n", name.c_str(), seconds * 1e3, baseline->second / seconds);
    }
    return 0;
}
