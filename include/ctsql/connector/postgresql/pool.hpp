// ctsql::postgresql_pool: a thread-safe, bounded pool of PostgreSQL connections.
//
//   ctsql::postgresql_pool pool("host=db dbname=app", {.max_size = 8});
//   {
//       auto db = pool.acquire();                 // waits up to acquire_timeout
//       db->execute(insert_user, "ada", 36);
//   }                                             // back to the pool
//
// - At most max_size connections exist; they are opened on demand (none at construction).
// - acquire() waits for a free connection up to acquire_timeout, then throws connection_error.
// - A connection idle for longer than health_check_after is pinged before it is handed out;
//   a broken one is reconnected (or replaced), so callers do not receive dead connections
//   after a server restart or an idle timeout.
// - A connection returned in a bad state (lost, or with a transaction still open, or a fetch()
//   range still reading) is rolled back or closed, never handed to the next caller as is.
// - Leases may outlive the pool object: the shared state lives until the last lease returns.
// Each connection keeps its own prepared statements (statement cache), so a statement is
// prepared once per pooled connection, not once per acquire.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/connection.hpp"
#include "ctsql/dialect/postgresql.hpp"

namespace ctsql {

struct postgresql_pool_options {
    std::size_t max_size = 8;
    std::chrono::milliseconds acquire_timeout{5000};
    // Ping a connection that was idle at least this long before handing it out (0: always).
    std::chrono::milliseconds health_check_after{1000};
};

template <class Dialect = postgresql<>>
class basic_postgresql_pool {
public:
    using connection_type = basic_postgresql_connection<Dialect>;

private:
    using clock = std::chrono::steady_clock;

    struct idle_connection {
        connection_type connection;
        clock::time_point since;
    };

    struct shared_state {
        std::string conninfo;
        postgresql_pool_options options;
        std::mutex mutex;
        std::condition_variable returned;
        std::vector<idle_connection> idle;  // most recently returned last
        std::size_t open = 0;               // idle + leased + being opened

        // Takes a connection back: reusable ones go to `idle`, others are closed.
        void give_back(std::optional<connection_type>& connection) noexcept {
            bool reusable = false;
            try {
                PGconn* conn = connection->native_handle();
                if (PQstatus(conn) == CONNECTION_OK) {
                    connection->reset_session();
                    reusable = PQtransactionStatus(conn) == PQTRANS_IDLE;
                }
            } catch (...) {
                reusable = false;
            }
            {
                std::lock_guard lock(mutex);
                if (reusable) {
                    idle.push_back(idle_connection{std::move(*connection), clock::now()});
                } else {
                    --open;
                }
            }
            if (!reusable) connection.reset();  // close outside the lock
            returned.notify_one();
        }
    };

public:
    // A connection on loan: use it through -> or *; it returns to the pool when destroyed.
    class lease {
    public:
        lease(lease&& other) noexcept : state_(std::move(other.state_)), connection_(std::move(other.connection_)) {
            other.connection_.reset();
        }
        lease& operator=(lease&& other) noexcept {
            if (this != &other) {
                release();
                state_ = std::move(other.state_);
                connection_ = std::move(other.connection_);
                other.connection_.reset();
            }
            return *this;
        }
        lease(const lease&) = delete;
        lease& operator=(const lease&) = delete;
        ~lease() { release(); }

        connection_type& operator*() noexcept { return *connection_; }
        connection_type* operator->() noexcept { return &*connection_; }

        // Closes the connection instead of returning it (e.g. after changing session settings).
        void discard() noexcept {
            if (!connection_) return;
            connection_.reset();
            {
                std::lock_guard lock(state_->mutex);
                --state_->open;
            }
            state_->returned.notify_one();
        }

    private:
        friend class basic_postgresql_pool;
        lease(std::shared_ptr<shared_state> state, connection_type connection)
            : state_(std::move(state)), connection_(std::move(connection)) {}
        void release() noexcept {
            if (connection_) {
                state_->give_back(connection_);
                connection_.reset();
            }
        }
        std::shared_ptr<shared_state> state_;
        std::optional<connection_type> connection_;
    };

    explicit basic_postgresql_pool(std::string conninfo = "", postgresql_pool_options options = {})
        : state_(std::make_shared<shared_state>()) {
        if (options.max_size == 0) throw usage_error("a connection pool needs max_size >= 1");
        state_->conninfo = std::move(conninfo);
        state_->options = options;
    }

    // A healthy connection; waits up to acquire_timeout for one to be free, then throws
    // connection_error. Connecting failures are connection_error too.
    lease acquire() { return acquire_for(state_->options.acquire_timeout); }

    lease acquire_for(std::chrono::milliseconds timeout) {
        const clock::time_point deadline = clock::now() + timeout;
        shared_state& s = *state_;
        std::unique_lock lock(s.mutex);
        for (;;) {
            if (!s.idle.empty()) {
                idle_connection entry = std::move(s.idle.back());
                s.idle.pop_back();
                lock.unlock();
                std::optional<connection_type> healthy = check(std::move(entry));
                if (healthy) return lease(state_, std::move(*healthy));
                lock.lock();
                continue;
            }
            if (s.open < s.options.max_size) {
                ++s.open;
                lock.unlock();
                try {
                    return lease(state_, connection_type(s.conninfo));
                } catch (...) {
                    lock.lock();
                    --s.open;
                    lock.unlock();
                    s.returned.notify_one();
                    throw;
                }
            }
            if (s.returned.wait_until(lock, deadline) == std::cv_status::timeout && s.idle.empty() &&
                s.open >= s.options.max_size)
                throw connection_error(detail::join_text("no pooled PostgreSQL connection became free within ",
                                                      std::to_string(timeout.count()), " ms (max_size ",
                                                      std::to_string(s.options.max_size), ")"));
        }
    }

    // Connections open (idle or on loan) and idle.
    std::size_t size() const {
        std::lock_guard lock(state_->mutex);
        return state_->open;
    }
    std::size_t idle() const {
        std::lock_guard lock(state_->mutex);
        return state_->idle.size();
    }

private:
    // The connection if it is healthy (pinged when it was idle long enough), reconnected if
    // it was broken; nullopt (and the slot freed) if it cannot be repaired.
    std::optional<connection_type> check(idle_connection entry) {
        shared_state& s = *state_;
        if (clock::now() - entry.since >= s.options.health_check_after && !entry.connection.ping()) {
            try {
                entry.connection.reconnect();
            } catch (const connection_error&) {
                {
                    std::lock_guard lock(s.mutex);
                    --s.open;
                }
                s.returned.notify_one();
                return std::nullopt;
            }
        }
        return std::optional<connection_type>(std::move(entry.connection));
    }

    std::shared_ptr<shared_state> state_;
};

using postgresql_pool = basic_postgresql_pool<>;

}  // namespace ctsql
