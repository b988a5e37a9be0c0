// The migration runner on PostgreSQL: two runners in separate processes (fork(), each with its
// own connection to the test's schema) upgrade at once; the session advisory lock makes one
// wait for the other's whole run.
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "migrate_backend_pg.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("postgresql migrate: two runners in separate processes: one applies everything, the other waits, then "
          "finds nothing to do",
          "[postgresql][migrate][concurrency]") {
    t::pg_backend b;
    const std::string key = std::to_string(ctsql::migrate::detail::lock_key);
    long long waiting = -1;
    // A third session holds the runners' lock until both runners wait for it (bounded).
    const auto outcomes = t::race_two_runners(b, [&] {
        auto holder = std::make_shared<ctsql::postgresql_connection>(b.connect());
        if (auto error = t::pg_backend::try_exec_on(holder->native_handle(), "SELECT pg_advisory_lock(" + key + ")"))
            throw std::runtime_error(*error);
        return [&, holder] {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            // a bigint advisory key shows as classid (high 32 bits), objid (low 32 bits), objsubid 1
            const auto bits = static_cast<std::uint64_t>(ctsql::migrate::detail::lock_key);
            const std::string blocked =
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 AND classid = " +
                std::to_string(bits >> 32) + " AND objid = " + std::to_string(bits & 0xffffffffu) +
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            do {
                waiting = std::stoll(*t::pg_backend::rows_on(holder->native_handle(), blocked).at(0).at(0));
                if (waiting >= 2) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            } while (std::chrono::steady_clock::now() < deadline);
            (void)t::pg_backend::try_exec_on(holder->native_handle(), "SELECT pg_advisory_unlock(" + key + ")");
        };
    });
    CHECK(waiting == 2);  // both runners waited for the lock
    const auto first = t::applied_ids(outcomes[0].output);
    const auto second = t::applied_ids(outcomes[1].output);
    INFO(outcomes[0].output << "\n" << outcomes[1].output);
    CHECK(((first.size() == 12 && second.empty()) || (second.size() == 12 && first.empty())));
}
