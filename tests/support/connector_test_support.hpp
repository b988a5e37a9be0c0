// Helpers for the connector tests (tests/runtime/<db>/connection_*.cpp).
//
//   ctsql_conn_test::temp_dir        a fresh directory for SQLite database files, removed after
//   ctsql_conn_test::pg_schema       (connector_test_pg.hpp) a fresh PostgreSQL schema
#pragma once

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace ctsql_conn_test {

// A name unique in this process and (with the pid and clock) across parallel test processes.
inline std::string unique_name(const char* prefix) {
    static std::atomic<unsigned> counter{0};
    const auto ticks = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
    return std::string(prefix) + std::to_string(::getpid()) + '_' + std::to_string(++counter) + '_' +
           std::to_string(ticks % 1000000007ull);
}

// prefix followed by the number ("note 12"); avoids `"literal" + std::to_string(n)`, on which
// g++ 12 -O3 reports a false -Wrestrict inside libstdc++.
inline std::string numbered(std::string_view prefix, long long n) {
    std::string text(prefix);
    text += std::to_string(n);
    return text;
}

class temp_dir {
public:
    temp_dir() : path_(std::filesystem::temp_directory_path() / unique_name("ctsql_conn_")) {
        std::filesystem::create_directories(path_);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const char* name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace ctsql_conn_test

