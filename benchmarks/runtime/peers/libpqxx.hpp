// libpqxx 6.4 (libpqxx-dev) running W1-W5: statements prepared once per workload on the
// connection (connection::prepare) and run with exec_prepared, W1 and W5 in one pqxx::work,
// reads in a pqxx::nontransaction, fields converted with field::as<T>() (libpqxx 6 exchanges
// parameters and results as text). Built only when libpqxx is found (benchmarks/CMakeLists.txt,
// CTSQL_BENCH_PEERS).
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <vector>

#include "../workloads.hpp"

namespace bench::peers {

class Libpqxx {
public:
    Libpqxx();  // the PG* environment variables, as libpq reads them
    Libpqxx(Libpqxx&&) noexcept;
    Libpqxx& operator=(Libpqxx&&) = delete;
    ~Libpqxx();
    // libpqxx 6 does not hand out its PGconn: the harness's setup and checksum go through a
    // second, plain libpq connection to the same database (committed before the workload runs).
    PGconn* handle() const;

    void w1(const std::vector<User>& rows);
    std::vector<User> w2();
    std::uint64_t w3(std::int64_t n);
    Outcome w4(std::int64_t m);
    void w5(const std::vector<Update>& updates);

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace bench::peers
