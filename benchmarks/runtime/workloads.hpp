// Runtime benchmarks W1-W5 (docs: benchmarks/README.md): the data, the ctsql statements, and
// the driver that registers one Google Benchmark per (round, backend, workload, implementation).
//
// Every benchmark is self-contained: it opens a fresh connection, prepares the table (untimed:
// empty for W1; for W2-W5 filled with the same rows by the same setup code, then the index on
// score and ANALYZE), times exactly the workload (manual time), and afterwards (untimed)
// records a checksum of what was read (W2-W4) or of the table it wrote (W1, W5), so the
// summary can show that every implementation did the same work. Rounds are registered in
// order and implementations alternate inside a round (A B / B A ...), so drift on a busy
// machine hits all of them alike; summarize.py takes the median over rounds.
//
// Under valgrind --tool=callgrind the timed region is bracketed with CALLGRIND_ZERO_STATS /
// CALLGRIND_DUMP_STATS_AT(<benchmark name>): one dump per benchmark, instructions of the
// workload only (no-ops when not running under valgrind).
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_DUMP_STATS_AT(name) static_cast<void>(name)
#endif

#include <ctsql/ctsql.hpp>

namespace bench {

// ---- data -----------------------------------------------------------------------------------

// One row of users, read by every implementation (ctsql through Boost.PFR, by position).
struct User {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::optional<std::int32_t> age;
    std::optional<double> score;
};

// W5 payload, in the order of the UPDATE's parameters (age, email, id).
struct Update {
    std::int32_t age;
    std::string email;
    std::int64_t id;
};

// Deterministic values: the same formulas as ../shared/peers/common.hpp.
inline std::int32_t age_of(std::int64_t id) { return static_cast<std::int32_t>(18 + (id * 7919) % 62); }
inline double score_of(std::int64_t id) { return static_cast<double>((id * 2654435761LL) % 1000003) / 10.0; }
inline std::int64_t point_id(std::int64_t k, std::int64_t n) { return (k * 7919) % n + 1; }
inline std::int32_t w4_lo(std::int64_t k) { return static_cast<std::int32_t>(18 + (k * 13) % 42); }
inline std::int32_t w4_hi(std::int64_t k) { return w4_lo(k) + 20; }

inline std::vector<User> make_users(std::int64_t n) {
    std::vector<User> v;
    v.reserve(static_cast<std::size_t>(n));
    for (std::int64_t id = 1; id <= n; ++id) {
        const std::string s = std::to_string(id);
        v.push_back(User{id, "user" + s, "user" + s + "@example.com", age_of(id), score_of(id)});
    }
    return v;
}

inline std::vector<Update> make_updates(std::int64_t n) {
    std::vector<Update> v;
    v.reserve(static_cast<std::size_t>(n));
    for (std::int64_t id = 1; id <= n; ++id) v.push_back(Update{age_of(id) + 1, "u" + std::to_string(id) + "@example.org", id});
    return v;
}

// The same number for the same rows, whichever implementation read them.
struct Check {
    std::uint64_t v = 0;
    void add(const User& u) {
        std::uint64_t h = static_cast<std::uint64_t>(u.id) * 31 + u.name.size() * 7 + u.email.size();
        h += u.age ? static_cast<std::uint64_t>(*u.age) * 1000003ULL : 17;
        h += u.score ? static_cast<std::uint64_t>(std::llround(*u.score * 10.0)) : 19;
        v += h;
    }
};

inline std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
}

// ---- the ctsql schema and statements --------------------------------------------------------

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
    struct score_c : ctsql::column<users_t, "score", std::optional<double>> {} score;
    using by_score = ctsql::index<"users_score_idx", score_c>;
    using indexes = ctsql::indexes<by_score>;
};
inline constexpr users_t users{};

// DDL (setup, untimed, the same text for every implementation of a backend).
inline constexpr auto create_users = ctsql::create_table(users);
inline constexpr auto create_score_index = ctsql::create_index<users_t::by_score>();

// W1
inline constexpr auto insert_user =
    ctsql::insert_into(users).columns(users.id, users.name, users.email, users.age, users.score).values();
// W1 through bulk_insert (PostgreSQL: binary COPY), which takes the INSERT without VALUES
inline constexpr auto bulk_insert_users =
    ctsql::insert_into(users).columns(users.id, users.name, users.email, users.age, users.score);
// W2
inline constexpr auto all_users = ctsql::select(users.id, users.name, users.email, users.age, users.score).from(users);
// W3
inline constexpr auto user_by_id = ctsql::select(users.id, users.name, users.email, users.age, users.score)
                                       .from(users)
                                       .where(users.id == ctsql::param<"id">);
// W4
inline constexpr auto users_by_age = ctsql::select(users.id, users.name, users.email, users.age, users.score)
                                         .from(users)
                                         .where(users.age.between(ctsql::param<"lo">, ctsql::param<"hi">))
                                         .order_by(users.score.desc())
                                         .limit(ctsql::lit<100>);
// W5
inline constexpr auto update_user = ctsql::update(users)
                                        .set(users.age.to(ctsql::param<"age">), users.email.to(ctsql::param<"email">))
                                        .where(users.id == ctsql::param<"id">);

// ---- options --------------------------------------------------------------------------------

struct Options {
    std::int64_t rows = 100000;  // W1, W2, W3, W5
    std::int64_t w4 = 10000;     // executions of W4 (100 rows each)
    int reps = 5;                // rounds
    int first_round = 0;         // number of the first (run.sh runs one round per process)
    std::string impls;           // comma-separated filter ("" = all)
    std::string backends;        // comma-separated filter ("" = all)
    std::string dir = "/tmp";    // SQLite file backend: where bench.db goes
};

inline bool listed(const std::string& list, std::string_view name) {
    if (list.empty()) return true;
    std::string_view rest = list;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (rest.substr(0, comma) == name) return true;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return false;
}

// Takes --rows=N --w4=N --reps=N --first-round=N --impls=a,b --backends=a,b --dir=PATH out of argv
// (the rest is for Google Benchmark); defaults from the environment variables ROWS, W4, REPS.
inline Options parse_options(int& argc, char** argv) {
    Options o;
    if (const char* v = std::getenv("ROWS")) o.rows = std::atoll(v);
    if (const char* v = std::getenv("W4")) o.w4 = std::atoll(v);
    if (const char* v = std::getenv("REPS")) o.reps = std::atoi(v);
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&](std::string_view flag) -> const char* {
            return a.starts_with(flag) && a.size() > flag.size() && a[flag.size()] == '=' ? argv[i] + flag.size() + 1
                                                                                           : nullptr;
        };
        if (const char* v = value("--rows")) o.rows = std::atoll(v);
        else if (const char* v = value("--w4")) o.w4 = std::atoll(v);
        else if (const char* v = value("--reps")) o.reps = std::atoi(v);
        else if (const char* v = value("--first-round")) o.first_round = std::atoi(v);
        else if (const char* v = value("--impls")) o.impls = v;
        else if (const char* v = value("--backends")) o.backends = v;
        else if (const char* v = value("--dir")) o.dir = v;
        else argv[out++] = argv[i];
    }
    argc = out;
    if (o.rows < 1 || o.w4 < 0 || o.reps < 1 || o.first_round < 0) {
        std::fprintf(stderr, "bad --rows / --w4 / --reps / --first-round\n");
        std::exit(2);
    }
    return o;
}

// ---- the driver -----------------------------------------------------------------------------

enum class Workload { w1, w2, w3, w4, w5 };
inline constexpr Workload all_workloads[] = {Workload::w1, Workload::w2, Workload::w3, Workload::w4, Workload::w5};
inline const char* workload_name(Workload w) {
    static constexpr const char* names[] = {"W1", "W2", "W3", "W4", "W5"};
    return names[static_cast<int>(w)];
}

struct Data {
    std::int64_t rows = 0, w4 = 0;
    std::vector<User> users;
    std::vector<Update> updates;
};

// What one timed workload produced: rows counted and, for reads, a checksum of them.
struct Outcome {
    std::int64_t rows = 0;
    std::uint64_t checksum = 0;
};

using clock_type = std::chrono::steady_clock;

// Times f() for the benchmark: manual time (only f), and a callgrind dump of only f.
template <class F>
void timed(benchmark::State& state, const std::string& name, F&& f) {
    const auto t0 = clock_type::now();
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    f();
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT(name.c_str());
    const auto t1 = clock_type::now();
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
}

// Runs workload w on db (a fresh, prepared connection), timing only the workload itself.
// Impl provides w1(users), w2() -> vector<User>, w3(n) -> checksum, w4(m) -> (rows, checksum),
// w5(updates); the vector of W2 is destroyed outside the timed region.
template <class Impl>
Outcome run_workload(benchmark::State& state, const std::string& name, Impl& db, Workload w, const Data& d) {
    Outcome out;
    switch (w) {
        case Workload::w1:
            timed(state, name, [&] { db.w1(d.users); });
            out.rows = d.rows;
            break;
        case Workload::w2: {
            std::vector<User> all;
            timed(state, name, [&] { all = db.w2(); });
            Check c;
            for (const User& u : all) c.add(u);
            out = {static_cast<std::int64_t>(all.size()), c.v};
            break;
        }
        case Workload::w3:
            timed(state, name, [&] { out.checksum = db.w3(d.rows); });
            out.rows = d.rows;
            break;
        case Workload::w4:
            timed(state, name, [&] { out = db.w4(d.w4); });
            break;
        case Workload::w5:
            timed(state, name, [&] { db.w5(d.updates); });
            out.rows = d.rows;
            break;
    }
    return out;
}

// An implementation of a backend: its name, which workloads it has, and how to run one
// benchmark (open, set up, time, check).
struct Entry {
    std::string name;
    std::vector<Workload> workloads;
    std::function<Outcome(benchmark::State&, const std::string& name, Workload)> run;
};

// Registers REPS rounds; in each round, for each workload, every implementation that has it,
// in an order that alternates between rounds (forward in even rounds, backward in odd ones).
inline void register_rounds(const Options& o, const std::string& backend, const std::vector<Entry>& entries) {
    if (!listed(o.backends, backend)) return;
    std::vector<const Entry*> chosen;
    for (const Entry& e : entries)
        if (listed(o.impls, e.name)) chosen.push_back(&e);
    for (int round = o.first_round; round < o.first_round + o.reps; ++round) {
        for (const Workload w : all_workloads) {
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                const Entry* e = chosen[round % 2 == 0 ? i : chosen.size() - 1 - i];
                if (std::find(e->workloads.begin(), e->workloads.end(), w) == e->workloads.end()) continue;
                std::string name = backend + "/" + workload_name(w) + "/" + e->name + "/round:" + std::to_string(round);
                benchmark::RegisterBenchmark(name.c_str(), [e, w, name](benchmark::State& state) {
                    try {
                        const Outcome out = e->run(state, name, w);
                        state.counters["rows"] = static_cast<double>(out.rows);
                        // 2^50: exact in the double a counter is.
                        state.counters["checksum"] = static_cast<double>(out.checksum % (1ULL << 50));
                    } catch (const std::exception& error) {
                        state.SkipWithError(error.what());
                    }
                })
                    ->UseManualTime()
                    ->Iterations(1)
                    ->Unit(benchmark::kMillisecond);
            }
        }
    }
}

// Runs one benchmark of implementation Impl: Env opens it (fresh) and prepares the table
// through its native handle; after the workload Env checksums the table that W1/W5 wrote.
template <class Impl, class Env>
Outcome run_entry(benchmark::State& state, const std::string& name, Workload w, const Env& env, const Data& d) {
    Impl db = env.template open<Impl>();
    env.prepare(db.handle(), w == Workload::w1 ? nullptr : &d);
    Outcome out;
    for (auto _ : state) out = run_workload(state, name, db, w, d);
    if (w == Workload::w1 || w == Workload::w5) out.checksum = env.table_checksum(db.handle());
    return out;
}

template <class Impl, class Env>
Entry entry(std::string name, std::vector<Workload> workloads, const Env& env, const Data& d) {
    return Entry{std::move(name), std::move(workloads),
                 [&env, &d](benchmark::State& state, const std::string& bench, Workload w) {
                     return run_entry<Impl>(state, bench, w, env, d);
                 }};
}

inline std::vector<Workload> every_workload() { return {std::begin(all_workloads), std::end(all_workloads)}; }

// Common context for the JSON output (the machine is described by Google Benchmark itself).
inline void add_context(const Options& o) {
    benchmark::AddCustomContext("rows", std::to_string(o.rows));
    benchmark::AddCustomContext("w4", std::to_string(o.w4));
    benchmark::AddCustomContext("reps", std::to_string(o.reps));
#if defined(__clang__)
    benchmark::AddCustomContext("compiler", "clang++ " __clang_version__);
#elif defined(__GNUC__)
    benchmark::AddCustomContext("compiler", "g++ " __VERSION__);
#endif
}

}  // namespace bench
