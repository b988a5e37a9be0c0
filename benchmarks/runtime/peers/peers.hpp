// The peer libraries in the runtime benchmarks: adds an entry (register_rounds) for every peer
// this build found; CMake defines CTSQL_BENCH_SOCI, CTSQL_BENCH_SQLITECPP, CTSQL_BENCH_LIBPQXX
// and links the library (benchmarks/CMakeLists.txt). Each runs every workload with the same
// untimed setup and checksums as raw and ctsql (Env::prepare / table_checksum on its handle()).
#pragma once

#include <vector>

#include "../workloads.hpp"

#if CTSQL_BENCH_SOCI
#include "soci.hpp"
#endif
#if CTSQL_BENCH_SQLITECPP
#include "sqlitecpp.hpp"
#endif
#if CTSQL_BENCH_LIBPQXX
#include "libpqxx.hpp"
#endif

namespace bench::peers {

template <class Env>
void add_sqlite_peers([[maybe_unused]] std::vector<Entry>& entries, [[maybe_unused]] const Env& env,
                      [[maybe_unused]] const Data& d) {
#if CTSQL_BENCH_SOCI
    entries.push_back(entry<SociSqlite>("soci", every_workload(), env, d));
#endif
#if CTSQL_BENCH_SQLITECPP
    entries.push_back(entry<SqliteCpp>("sqlitecpp", every_workload(), env, d));
#endif
}

template <class Env>
void add_postgresql_peers([[maybe_unused]] std::vector<Entry>& entries, [[maybe_unused]] const Env& env,
                          [[maybe_unused]] const Data& d) {
#if CTSQL_BENCH_SOCI
    entries.push_back(entry<SociPg>("soci", every_workload(), env, d));
#endif
#if CTSQL_BENCH_LIBPQXX
    entries.push_back(entry<Libpqxx>("libpqxx", every_workload(), env, d));
#endif
}

}  // namespace bench::peers
