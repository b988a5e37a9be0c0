// W1-W5 on SQLite (a file and :memory:): hand-written sqlite3 code ("raw") against ctsql
// ("ctsql": execute / fetch_all<User> / fetch_one<User> / transaction; "ctsql-many":
// execute_many for W1 and W5). See benchmarks/README.md.
//
//   bench_sqlite [--rows=N] [--w4=N] [--reps=N] [--impls=raw,ctsql] [--backends=sqlite-mem]
//                [--dir=PATH] [Google Benchmark flags, e.g. --benchmark_filter=W3]
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <ctsql/connector/sqlite.hpp>

#include "peers/peers.hpp"
#include "workloads.hpp"

namespace bench {
namespace {

[[noreturn]] void fail(sqlite3* db, const char* what) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// ---- hand-written sqlite3 code ----------------------------------------------------------------
// The plain C API as the peer harness uses it (prepare / bind / step / reset, SQLITE_STATIC
// text), opened with the same flags and settings as ctsql's connection (NOMUTEX, extended
// result codes, busy timeout, foreign_keys), so the comparison is about the code on top.

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) fail(db, sql);
    }
    ~Stmt() { sqlite3_finalize(s); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
};

void exec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, sql);
}

User read_user(sqlite3_stmt* s) {
    User u;
    u.id = sqlite3_column_int64(s, 0);
    u.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)), static_cast<std::size_t>(sqlite3_column_bytes(s, 1)));
    u.email.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 2)), static_cast<std::size_t>(sqlite3_column_bytes(s, 2)));
    if (sqlite3_column_type(s, 3) != SQLITE_NULL) u.age = sqlite3_column_int(s, 3);
    if (sqlite3_column_type(s, 4) != SQLITE_NULL) u.score = sqlite3_column_double(s, 4);
    return u;
}

const char* const q_insert = "INSERT INTO users (id, name, email, age, score) VALUES (?, ?, ?, ?, ?)";
const char* const q_all = "SELECT id, name, email, age, score FROM users";
const char* const q_point = "SELECT id, name, email, age, score FROM users WHERE id = ?";
const char* const q_filter =
    "SELECT id, name, email, age, score FROM users WHERE age BETWEEN ? AND ? ORDER BY score DESC LIMIT 100";
const char* const q_update = "UPDATE users SET age = ?, email = ? WHERE id = ?";

class RawSqlite {
public:
    explicit RawSqlite(const std::string& path) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            std::string message = sqlite3_errmsg(db_);
            sqlite3_close_v2(db_);
            throw std::runtime_error("open: " + message);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 5000);
        exec(db_, "PRAGMA foreign_keys = ON");
    }
    RawSqlite(RawSqlite&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
    RawSqlite& operator=(RawSqlite&&) = delete;
    ~RawSqlite() { sqlite3_close_v2(db_); }
    sqlite3* handle() const { return db_; }

    // W1; also the setup that fills the table for W2-W5 (every implementation).
    static void fill(sqlite3* db, const std::vector<User>& rows) {
        exec(db, "BEGIN");
        Stmt st(db, q_insert);
        for (const User& u : rows) {
            sqlite3_bind_int64(st.s, 1, u.id);
            sqlite3_bind_text(st.s, 2, u.name.data(), static_cast<int>(u.name.size()), SQLITE_STATIC);
            sqlite3_bind_text(st.s, 3, u.email.data(), static_cast<int>(u.email.size()), SQLITE_STATIC);
            if (u.age) sqlite3_bind_int(st.s, 4, *u.age);
            else sqlite3_bind_null(st.s, 4);
            if (u.score) sqlite3_bind_double(st.s, 5, *u.score);
            else sqlite3_bind_null(st.s, 5);
            if (sqlite3_step(st.s) != SQLITE_DONE) fail(db, "w1");
            sqlite3_reset(st.s);
        }
        exec(db, "COMMIT");
    }
    void w1(const std::vector<User>& rows) { fill(db_, rows); }
    std::vector<User> w2() {
        std::vector<User> out;
        Stmt st(db_, q_all);
        int rc;
        while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) out.push_back(read_user(st.s));
        if (rc != SQLITE_DONE) fail(db_, "w2");
        return out;
    }
    std::uint64_t w3(std::int64_t n) {
        Check c;
        Stmt st(db_, q_point);
        for (std::int64_t k = 0; k < n; ++k) {
            sqlite3_bind_int64(st.s, 1, point_id(k, n));
            if (sqlite3_step(st.s) != SQLITE_ROW) fail(db_, "w3: no row");
            c.add(read_user(st.s));
            sqlite3_reset(st.s);
        }
        return c.v;
    }
    Outcome w4(std::int64_t m) {
        Check c;
        std::int64_t rows = 0;
        Stmt st(db_, q_filter);
        std::vector<User> page;
        for (std::int64_t k = 0; k < m; ++k) {
            sqlite3_bind_int(st.s, 1, w4_lo(k));
            sqlite3_bind_int(st.s, 2, w4_hi(k));
            page.clear();
            int rc;
            while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) page.push_back(read_user(st.s));
            if (rc != SQLITE_DONE) fail(db_, "w4");
            sqlite3_reset(st.s);
            for (const User& u : page) c.add(u);
            rows += static_cast<std::int64_t>(page.size());
        }
        return {rows, c.v};
    }
    void w5(const std::vector<Update>& updates) {
        exec(db_, "BEGIN");
        Stmt st(db_, q_update);
        for (const Update& u : updates) {
            sqlite3_bind_int(st.s, 1, u.age);
            sqlite3_bind_text(st.s, 2, u.email.data(), static_cast<int>(u.email.size()), SQLITE_STATIC);
            sqlite3_bind_int64(st.s, 3, u.id);
            if (sqlite3_step(st.s) != SQLITE_DONE) fail(db_, "w5");
            sqlite3_reset(st.s);
        }
        exec(db_, "COMMIT");
    }

private:
    sqlite3* db_ = nullptr;
};

// ---- ctsql ------------------------------------------------------------------------------------

class CtsqlSqlite {
public:
    explicit CtsqlSqlite(const std::string& path) : db_(path) {}
    sqlite3* handle() const { return db_.native_handle(); }

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
        // One vector for every execution, as the hand-written sqlite3 loop keeps one (like for
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
    ctsql::sqlite_connection db_;
};

// The bulk path: execute_many (one prepared statement, one transaction) for W1 and W5.
class CtsqlSqliteMany : public CtsqlSqlite {
public:
    using CtsqlSqlite::CtsqlSqlite;
    void w1(const std::vector<User>& rows) { db_.execute_many(insert_user, rows); }
    void w5(const std::vector<Update>& updates) { db_.execute_many(update_user, updates); }
};

// ---- the backend: where the database is, and the untimed setup ------------------------------

struct SqliteEnv {
    std::string path;  // ":memory:" or a file, removed before every benchmark

    template <class Impl>
    Impl open() const {
        if (path != ":memory:") {
            std::filesystem::remove(path);
            std::filesystem::remove(path + "-journal");
        }
        return Impl(path);
    }

    // An empty users table; with d: d's rows, then the index on score and ANALYZE.
    void prepare(sqlite3* db, const Data* d) const {
        exec(db, "DROP TABLE IF EXISTS users");
        exec(db, ctsql::c_str<ctsql::sqlite<>>(create_users));
        if (d == nullptr) return;
        RawSqlite::fill(db, d->users);
        exec(db, ctsql::c_str<ctsql::sqlite<>>(create_score_index));
        exec(db, "ANALYZE");
    }

    // What W1 / W5 left in the table.
    std::uint64_t table_checksum(sqlite3* db) const {
        Stmt st(db,
                "SELECT count(*) || ',' || sum(id) || ',' || sum(age) || ',' || sum(length(name)) || ',' || "
                "sum(length(email)) || ',' || sum(CAST(round(score * 10) AS INTEGER)) FROM users");
        if (sqlite3_step(st.s) != SQLITE_ROW) fail(db, "checksum");
        return fnv1a(reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0)));
    }
};

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
    using namespace bench;
    const Options o = parse_options(argc, argv);
    Data d{o.rows, o.w4, make_users(o.rows), make_updates(o.rows)};

    std::filesystem::create_directories(o.dir);
    const SqliteEnv file{(std::filesystem::path(o.dir) / "bench.db").string()};
    const SqliteEnv memory{":memory:"};
    const std::vector<Workload> bulk = {Workload::w1, Workload::w5};
    std::vector<Entry> on_file = {entry<RawSqlite>("raw", every_workload(), file, d),
                                  entry<CtsqlSqlite>("ctsql", every_workload(), file, d),
                                  entry<CtsqlSqliteMany>("ctsql-many", bulk, file, d)};
    std::vector<Entry> in_memory = {entry<RawSqlite>("raw", every_workload(), memory, d),
                                    entry<CtsqlSqlite>("ctsql", every_workload(), memory, d),
                                    entry<CtsqlSqliteMany>("ctsql-many", bulk, memory, d)};
    peers::add_sqlite_peers(on_file, file, d);
    peers::add_sqlite_peers(in_memory, memory, d);
    register_rounds(o, "sqlite-file", on_file);
    register_rounds(o, "sqlite-mem", in_memory);

    add_context(o);
    benchmark::AddCustomContext("sqlite", sqlite3_libversion());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove(file.path);
    return 0;
}
