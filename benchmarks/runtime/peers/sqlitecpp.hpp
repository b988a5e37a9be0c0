// SQLiteCpp 3.2 (libsqlitecpp-dev) running W1-W5: one SQLite::Statement per workload, bound and
// reset per row, text bound with bindNoCopy (the library's advice for speed: no copy of the
// string), one SQLite::Transaction around W1 and W5. Built only when SQLiteCpp is found
// (benchmarks/CMakeLists.txt, CTSQL_BENCH_PEERS).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../workloads.hpp"

struct sqlite3;

namespace bench::peers {

class SqliteCpp {
public:
    explicit SqliteCpp(const std::string& path);  // OPEN_READWRITE | OPEN_CREATE, the library's default
    SqliteCpp(SqliteCpp&&) noexcept;
    SqliteCpp& operator=(SqliteCpp&&) = delete;
    ~SqliteCpp();
    sqlite3* handle() const;  // SQLite::Database::getHandle(): the harness's setup and checksum

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
