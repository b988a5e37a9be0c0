// The migration runner on SQLite: two runners in separate processes (fork(), each with its own
// connection to the same database file) upgrade at once.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "migrate_backend_sqlite.hpp"

namespace t = ctsql_migrate_test;

TEST_CASE("sqlite migrate: two runners in separate processes apply each revision exactly once",
          "[sqlite][migrate][concurrency]") {
    t::sqlite_backend b;
    // A third connection holds the write lock while both runners start, so both must wait
    // (busy timeout 5 s) before they get to work.
    const auto outcomes = t::race_two_runners(b, [&] {
        auto holder = std::make_shared<ctsql::sqlite_connection>(b.connect());
        if (auto error = t::sqlite_backend::try_exec_on(holder->native_handle(), "BEGIN IMMEDIATE"))
            throw std::runtime_error(*error);
        return [holder] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));  // both runners reach BEGIN IMMEDIATE
            (void)t::sqlite_backend::try_exec_on(holder->native_handle(), "COMMIT");
        };
    });
    REQUIRE(outcomes.size() == 2);
    // The run holds an flock() on "<database>.migrate-lock": the first runner applies all, the
    // second waits for it, then finds nothing to do.
    const auto first = t::applied_ids(outcomes[0].output);
    const auto second = t::applied_ids(outcomes[1].output);
    INFO(outcomes[0].output << "\n" << outcomes[1].output);
    CHECK(((first.size() == 12 && second.empty()) || (second.size() == 12 && first.empty())));
}

TEST_CASE("sqlite migrate: a runner waits for the run lock file held by another",
          "[sqlite][migrate][concurrency]") {
    t::sqlite_backend b;
    const std::string lock_path = std::string(b.db.database_file()) + ".migrate-lock";
    bool applied_while_locked = true;
    const auto outcomes = t::race_two_runners(b, [&] {
        const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0 || ::flock(fd, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + lock_path);
        return [&b, fd, &applied_while_locked] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));  // both runners reach the lock
            applied_while_locked = !b.rows("SELECT name FROM sqlite_schema WHERE name = 'ctsql_migrations'").empty();
            ::close(fd);
        };
    });
    CHECK_FALSE(applied_while_locked);  // neither runner touched the database while the lock was held
    const auto first = t::applied_ids(outcomes[0].output);
    const auto second = t::applied_ids(outcomes[1].output);
    INFO(outcomes[0].output << "\n" << outcomes[1].output);
    CHECK(((first.size() == 12 && second.empty()) || (second.size() == 12 && first.empty())));
}
