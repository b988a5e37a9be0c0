// SOCI 4.0 (libsoci-dev) running W1-W5 on its sqlite3 and postgresql backends: prepared
// soci::statement objects executed again and again with use()/into() bound to plain variables
// and indicators (SOCI's documented way to avoid re-parsing), one soci::transaction around W1
// and W5. Built only when SOCI is found (benchmarks/CMakeLists.txt, CTSQL_BENCH_PEERS).
//
// The SOCI headers stay in soci.cpp: soci-sqlite3.h wraps <sqlite3.h> in a namespace of its own
// and redefines SQLITE_STATIC, so it cannot share a translation unit with plain sqlite3 code.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

#include "../workloads.hpp"

struct sqlite3;

namespace bench::peers {

class SociSqlite {
public:
    explicit SociSqlite(const std::string& path);  // "db=<path>"
    SociSqlite(SociSqlite&&) noexcept;
    SociSqlite& operator=(SociSqlite&&) = delete;
    ~SociSqlite();
    sqlite3* handle() const;  // the session's own connection: the harness's setup and checksum

    void w1(const std::vector<User>& rows);
    std::vector<User> w2();
    std::uint64_t w3(std::int64_t n);
    Outcome w4(std::int64_t m);
    void w5(const std::vector<Update>& updates);

private:
    struct State;
    std::unique_ptr<State> s_;
};

class SociPg {
public:
    SociPg();  // the PG* environment variables, as libpq reads them
    SociPg(SociPg&&) noexcept;
    SociPg& operator=(SociPg&&) = delete;
    ~SociPg();
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
