// W1-W5 on PostgreSQL: hand-written libpq code ("raw": PQprepare + PQexecPrepared, binary
// parameters and results, one statement per round trip) against ctsql ("ctsql": execute /
// fetch_all<User> / fetch_one<User> / transaction), and the bulk paths for W1 and W5:
// "ctsql-many" (execute_many, libpq pipeline mode, 1000 rows per sync) and, for reference,
// "raw-pipeline" (the same pipeline written by hand); for W1 also "ctsql-bulk" (bulk_insert,
// binary COPY). See benchmarks/README.md.
//
// Connects with the PG* environment variables (scripts/with-postgres.sh sets them).
//
//   bench_postgresql [--rows=N] [--w4=N] [--reps=N] [--impls=raw,ctsql] [Google Benchmark flags]
#include <libpq-fe.h>

#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <ctsql/connector/postgresql.hpp>

#include "peers/peers.hpp"
#include "workloads.hpp"

namespace bench {
namespace {

// ---- hand-written libpq code ------------------------------------------------------------------

struct ResultDeleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void fail(PGconn* c, const char* what) {
    throw std::runtime_error(std::string(what) + ": " + PQerrorMessage(c));
}

void check(PGconn* c, const PGresult* r, ExecStatusType want, const char* what) {
    if (PQresultStatus(r) != want) fail(c, what);
}

void exec(PGconn* c, const char* sql) {
    Result r(PQexec(c, sql));
    check(c, r.get(), PGRES_COMMAND_OK, sql);
}

// Type OIDs (pg_type.dat) of the parameters sent in binary.
constexpr Oid int4_oid = 23, int8_oid = 20, text_oid = 25, float8_oid = 701;

void prepare(PGconn* c, const char* name, const char* sql, int n, const Oid* types) {
    Result r(PQprepare(c, name, sql, n, types));
    check(c, r.get(), PGRES_COMMAND_OK, sql);
}

// Network byte order.
inline void put64(char* out, std::uint64_t v) {
    v = __builtin_bswap64(v);
    std::memcpy(out, &v, 8);
}
inline void put32(char* out, std::uint32_t v) {
    v = __builtin_bswap32(v);
    std::memcpy(out, &v, 4);
}
inline std::uint64_t get64(const char* in) {
    std::uint64_t v;
    std::memcpy(&v, in, 8);
    return __builtin_bswap64(v);
}
inline std::uint32_t get32(const char* in) {
    std::uint32_t v;
    std::memcpy(&v, in, 4);
    return __builtin_bswap32(v);
}

// Binary results: id int8, name text, email text, age int4, score float8.
User read_user(const PGresult* r, int i) {
    User u;
    u.id = static_cast<std::int64_t>(get64(PQgetvalue(r, i, 0)));
    u.name.assign(PQgetvalue(r, i, 1), static_cast<std::size_t>(PQgetlength(r, i, 1)));
    u.email.assign(PQgetvalue(r, i, 2), static_cast<std::size_t>(PQgetlength(r, i, 2)));
    if (!PQgetisnull(r, i, 3)) u.age = static_cast<std::int32_t>(get32(PQgetvalue(r, i, 3)));
    if (!PQgetisnull(r, i, 4)) u.score = std::bit_cast<double>(get64(PQgetvalue(r, i, 4)));
    return u;
}

const char* const q_insert = "INSERT INTO users (id, name, email, age, score) VALUES ($1, $2, $3, $4, $5)";
const char* const q_all = "SELECT id, name, email, age, score FROM users";
const char* const q_point = "SELECT id, name, email, age, score FROM users WHERE id = $1";
const char* const q_filter =
    "SELECT id, name, email, age, score FROM users WHERE age BETWEEN $1 AND $2 ORDER BY score DESC LIMIT 100";
const char* const q_update = "UPDATE users SET age = $1, email = $2 WHERE id = $3";
constexpr Oid insert_types[] = {int8_oid, text_oid, text_oid, int4_oid, float8_oid};
constexpr Oid point_types[] = {int8_oid};
constexpr Oid filter_types[] = {int4_oid, int4_oid};
constexpr Oid update_types[] = {int4_oid, text_oid, int8_oid};
constexpr int binary[] = {1, 1, 1, 1, 1};

// The parameters of one INSERT / UPDATE, encoded in binary.
struct InsertParams {
    char id[8], age[4], score[8];
    const char* values[5];
    int lengths[5];
    explicit InsertParams(const User& u) {
        put64(id, static_cast<std::uint64_t>(u.id));
        if (u.age) put32(age, static_cast<std::uint32_t>(*u.age));
        if (u.score) put64(score, std::bit_cast<std::uint64_t>(*u.score));
        values[0] = id;
        values[1] = u.name.c_str();
        values[2] = u.email.c_str();
        values[3] = u.age ? age : nullptr;
        values[4] = u.score ? score : nullptr;
        lengths[0] = 8;
        lengths[1] = static_cast<int>(u.name.size());
        lengths[2] = static_cast<int>(u.email.size());
        lengths[3] = 4;
        lengths[4] = 8;
    }
};
struct UpdateParams {
    char age[4], id[8];
    const char* values[3];
    int lengths[3];
    explicit UpdateParams(const Update& u) {
        put32(age, static_cast<std::uint32_t>(u.age));
        put64(id, static_cast<std::uint64_t>(u.id));
        values[0] = age;
        values[1] = u.email.c_str();
        values[2] = id;
        lengths[0] = 4;
        lengths[1] = static_cast<int>(u.email.size());
        lengths[2] = 8;
    }
};

class RawPg {
public:
    RawPg() : c_(PQconnectdb("")) {
        if (PQstatus(c_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(c_);
            PQfinish(c_);
            throw std::runtime_error("connect: " + message);
        }
    }
    RawPg(RawPg&& other) noexcept : c_(std::exchange(other.c_, nullptr)) {}
    RawPg& operator=(RawPg&&) = delete;
    ~RawPg() { PQfinish(c_); }
    PGconn* handle() const { return c_; }

    void w1(const std::vector<User>& rows) {
        exec(c_, "BEGIN");
        prepare(c_, "ins", q_insert, 5, insert_types);
        for (const User& u : rows) {
            const InsertParams p(u);
            Result r(PQexecPrepared(c_, "ins", 5, p.values, p.lengths, binary, 1));
            check(c_, r.get(), PGRES_COMMAND_OK, "w1");
        }
        exec(c_, "COMMIT");
    }
    std::vector<User> w2() {
        prepare(c_, "all", q_all, 0, nullptr);
        Result r(PQexecPrepared(c_, "all", 0, nullptr, nullptr, nullptr, 1));
        check(c_, r.get(), PGRES_TUPLES_OK, "w2");
        const int n = PQntuples(r.get());
        std::vector<User> out;
        out.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) out.push_back(read_user(r.get(), i));
        return out;
    }
    std::uint64_t w3(std::int64_t n) {
        Check c;
        prepare(c_, "pt", q_point, 1, point_types);
        char id[8];
        const char* values[1] = {id};
        const int lengths[1] = {8};
        for (std::int64_t k = 0; k < n; ++k) {
            put64(id, static_cast<std::uint64_t>(point_id(k, n)));
            Result r(PQexecPrepared(c_, "pt", 1, values, lengths, binary, 1));
            check(c_, r.get(), PGRES_TUPLES_OK, "w3");
            if (PQntuples(r.get()) != 1) throw std::runtime_error("w3: no row");
            c.add(read_user(r.get(), 0));
        }
        return c.v;
    }
    Outcome w4(std::int64_t m) {
        Check c;
        std::int64_t rows = 0;
        prepare(c_, "flt", q_filter, 2, filter_types);
        char lo[4], hi[4];
        const char* values[2] = {lo, hi};
        const int lengths[2] = {4, 4};
        std::vector<User> page;
        for (std::int64_t k = 0; k < m; ++k) {
            put32(lo, static_cast<std::uint32_t>(w4_lo(k)));
            put32(hi, static_cast<std::uint32_t>(w4_hi(k)));
            Result r(PQexecPrepared(c_, "flt", 2, values, lengths, binary, 1));
            check(c_, r.get(), PGRES_TUPLES_OK, "w4");
            page.clear();
            for (int i = 0, n = PQntuples(r.get()); i < n; ++i) page.push_back(read_user(r.get(), i));
            for (const User& u : page) c.add(u);
            rows += static_cast<std::int64_t>(page.size());
        }
        return {rows, c.v};
    }
    void w5(const std::vector<Update>& updates) {
        exec(c_, "BEGIN");
        prepare(c_, "upd", q_update, 3, update_types);
        for (const Update& u : updates) {
            const UpdateParams p(u);
            Result r(PQexecPrepared(c_, "upd", 3, p.values, p.lengths, binary, 1));
            check(c_, r.get(), PGRES_COMMAND_OK, "w5");
        }
        exec(c_, "COMMIT");
    }

protected:
    PGconn* c_ = nullptr;
};

// W1 and W5 in libpq's pipeline mode, `batch` requests per sync (ctsql's default: 1000).
class RawPgPipeline : public RawPg {
public:
    static constexpr std::size_t batch = 1000;

    void w1(const std::vector<User>& rows) {
        exec(c_, "BEGIN");
        prepare(c_, "ins", q_insert, 5, insert_types);
        pipelined(rows, [&](const User& u) {
            const InsertParams p(u);
            return PQsendQueryPrepared(c_, "ins", 5, p.values, p.lengths, binary, 1);
        });
        exec(c_, "COMMIT");
    }
    void w5(const std::vector<Update>& updates) {
        exec(c_, "BEGIN");
        prepare(c_, "upd", q_update, 3, update_types);
        pipelined(updates, [&](const Update& u) {
            const UpdateParams p(u);
            return PQsendQueryPrepared(c_, "upd", 3, p.values, p.lengths, binary, 1);
        });
        exec(c_, "COMMIT");
    }

private:
    template <class Rows, class Send>
    void pipelined(const Rows& rows, Send&& send) {
        if (PQenterPipelineMode(c_) == 0) fail(c_, "pipeline");
        for (std::size_t i0 = 0; i0 < rows.size(); i0 += batch) {
            const std::size_t i1 = std::min(rows.size(), i0 + batch);
            for (std::size_t i = i0; i < i1; ++i)
                if (send(rows[i]) == 0) fail(c_, "pipeline send");
            if (PQpipelineSync(c_) == 0) fail(c_, "pipeline sync");
            for (std::size_t i = i0; i < i1; ++i) {
                Result r(PQgetResult(c_));
                check(c_, r.get(), PGRES_COMMAND_OK, "pipeline");
                if (PGresult* end = PQgetResult(c_)) {  // NULL ends each request's results
                    PQclear(end);
                    throw std::runtime_error("pipeline: unexpected extra result");
                }
            }
            Result sync(PQgetResult(c_));
            check(c_, sync.get(), PGRES_PIPELINE_SYNC, "pipeline sync");
        }
        if (PQexitPipelineMode(c_) == 0) fail(c_, "pipeline exit");
    }
};

// ---- ctsql ------------------------------------------------------------------------------------

class CtsqlPg {
public:
    CtsqlPg() : db_("") {}
    PGconn* handle() const { return db_.native_handle(); }

    void w1(const std::vector<User>& rows) {
        auto tx = db_.transaction();
        for (const User& u : rows) db_.execute(insert_user, u.id, u.name, u.email, u.age, u.score);
        tx.commit();
    }
    std::vector<User> w2() { return db_.fetch_all<User>(all_users); }
    std::uint64_t w3(std::int64_t n) {
        Check c;
        for (std::int64_t k = 0; k < n; ++k) c.add(db_.fetch_one<User>(user_by_id, point_id(k, n)));
        return c.v;
    }
    Outcome w4(std::int64_t m) {
        Check c;
        std::int64_t rows = 0;
        // One vector for every execution, as the hand-written libpq loop keeps one (like for
        // like: fetch_all would allocate a new vector per execution); fetch_all_into also reuses
        // the elements' strings, where the hand-written loop clears the vector and builds new ones.
        std::vector<User> page;
        for (std::int64_t k = 0; k < m; ++k) {
            db_.fetch_all_into(page, users_by_age, w4_lo(k), w4_hi(k));
            for (const User& u : page) c.add(u);
            rows += static_cast<std::int64_t>(page.size());
        }
        return {rows, c.v};
    }
    void w5(const std::vector<Update>& updates) {
        auto tx = db_.transaction();
        for (const Update& u : updates) db_.execute(update_user, u.age, u.email, u.id);
        tx.commit();
    }

protected:
    ctsql::postgresql_connection db_;
};

// The bulk path: execute_many (pipeline mode, its own transaction) for W1 and W5.
class CtsqlPgMany : public CtsqlPg {
public:
    void w1(const std::vector<User>& rows) { db_.execute_many(insert_user, rows); }
    void w5(const std::vector<Update>& updates) { db_.execute_many(update_user, updates); }
};

// W1 through bulk_insert (COPY ... FROM STDIN (FORMAT binary)), W5 through bulk_update (COPY
// into a temporary table, one UPDATE ... FROM).
class CtsqlPgBulk : public CtsqlPg {
public:
    void w1(const std::vector<User>& rows) { db_.bulk_insert(bulk_insert_users, rows); }
    void w5(const std::vector<Update>& updates) { db_.bulk_update(update_user, updates); }
};

// ---- the backend: the untimed setup -----------------------------------------------------------

struct PgEnv {
    template <class Impl>
    Impl open() const {
        return Impl();
    }

    // An empty users table; with d: d's rows (COPY), the index on score, VACUUM ANALYZE.
    void prepare(PGconn* c, const Data* d) const {
        exec(c, "SET client_min_messages = warning");
        exec(c, "DROP TABLE IF EXISTS users");
        exec(c, ctsql::c_str<ctsql::postgresql<>>(create_users));
        if (d == nullptr) return;
        Result start(PQexec(c, "COPY users (id, name, email, age, score) FROM STDIN"));
        check(c, start.get(), PGRES_COPY_IN, "COPY");
        std::string buffer;
        char number[32];
        auto append_number = [&](auto v) {
            buffer.append(number, std::to_chars(number, number + sizeof number, v).ptr);
        };
        for (const User& u : d->users) {
            append_number(u.id);
            buffer += '\t';
            buffer += u.name;
            buffer += '\t';
            buffer += u.email;
            buffer += '\t';
            if (u.age) append_number(*u.age);
            else buffer += "\\N";
            buffer += '\t';
            if (u.score) append_number(*u.score);  // shortest text that reads back exactly
            else buffer += "\\N";
            buffer += '\n';
            if (buffer.size() > (1 << 16)) {
                if (PQputCopyData(c, buffer.data(), static_cast<int>(buffer.size())) != 1) fail(c, "COPY data");
                buffer.clear();
            }
        }
        if (PQputCopyData(c, buffer.data(), static_cast<int>(buffer.size())) != 1 || PQputCopyEnd(c, nullptr) != 1)
            fail(c, "COPY end");
        Result done(PQgetResult(c));
        check(c, done.get(), PGRES_COMMAND_OK, "COPY");
        while (PGresult* r = PQgetResult(c)) PQclear(r);
        exec(c, ctsql::c_str<ctsql::postgresql<>>(create_score_index));
        exec(c, "VACUUM ANALYZE users");
    }

    // What W1 / W5 left in the table.
    std::uint64_t table_checksum(PGconn* c) const {
        Result r(PQexec(c,
                        "SELECT concat_ws(',', count(*), sum(id), sum(age), sum(length(name)), sum(length(email)), "
                        "sum(round(score * 10)::bigint)) FROM users"));
        check(c, r.get(), PGRES_TUPLES_OK, "checksum");
        return fnv1a(PQgetvalue(r.get(), 0, 0));
    }
};

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
    using namespace bench;
    const Options o = parse_options(argc, argv);
    Data d{o.rows, o.w4, make_users(o.rows), make_updates(o.rows)};

    const PgEnv pg;
    const std::vector<Workload> bulk = {Workload::w1, Workload::w5};
    std::vector<Entry> entries = {entry<RawPg>("raw", every_workload(), pg, d),
                                  entry<CtsqlPg>("ctsql", every_workload(), pg, d),
                                  entry<CtsqlPgMany>("ctsql-many", bulk, pg, d),
                                  entry<CtsqlPgBulk>("ctsql-bulk", bulk, pg, d),
                                  entry<RawPgPipeline>("raw-pipeline", bulk, pg, d)};
    peers::add_postgresql_peers(entries, pg, d);
    register_rounds(o, "pg", entries);

    add_context(o);
    benchmark::AddCustomContext("libpq", std::to_string(PQlibVersion()));
    {
        const RawPg probe;
        benchmark::AddCustomContext("postgresql_server", std::to_string(PQserverVersion(probe.handle())));
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
