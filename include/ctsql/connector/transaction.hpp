// RAII transactions, shared by the connectors.
//
//   {
//       auto tx = db.transaction();          // BEGIN (or SAVEPOINT when one is already open)
//       db.execute(insert_user, "ada", 36);
//       tx.commit();                          // COMMIT (or RELEASE SAVEPOINT)
//   }                                         // not committed: ROLLBACK (or ROLLBACK TO SAVEPOINT)
//
// Transactions nest: the outermost one is a real transaction, every inner one a SAVEPOINT.
// Inner transactions must end before outer ones (commit, rollback or destruction); ending an
// outer one while an inner one is open throws ctsql::usage_error. The destructor never
// throws: a failed rollback there is ignored (the database rolls back anyway when the
// connection closes or, on PostgreSQL, when the transaction failed).
#pragma once

#include <string>
#include <utility>

#include "ctsql/connector/error.hpp"

namespace ctsql {

// Backend: the connector's connection state, providing
//   unsigned transaction_depth() const noexcept;
//   void commit_transaction(unsigned depth);            // throws; depth is this transaction's
//   void rollback_transaction(unsigned depth);          // throws
//   void rollback_transaction_noexcept(unsigned depth) noexcept;
template <class Backend>
class basic_transaction {
public:
    // Used by the connections' transaction(); `depth` is 1 for the outermost transaction.
    basic_transaction(Backend& backend, unsigned depth) noexcept : backend_(&backend), depth_(depth) {}

    basic_transaction(basic_transaction&& other) noexcept
        : backend_(std::exchange(other.backend_, nullptr)), depth_(other.depth_) {}
    basic_transaction& operator=(basic_transaction&&) = delete;
    basic_transaction(const basic_transaction&) = delete;
    basic_transaction& operator=(const basic_transaction&) = delete;

    ~basic_transaction() {
        if (active()) backend_->rollback_transaction_noexcept(depth_);
    }

    // Makes the changes permanent (outermost) or folds them into the enclosing transaction.
    // If COMMIT fails and the database kept the transaction open (SQLite: a deferred foreign
    // key violation, SQLITE_BUSY) the transaction stays active: retry, or let it roll back.
    void commit() {
        Backend& backend = require_active("commit");
        try {
            backend.commit_transaction(depth_);
        } catch (...) {
            if (backend.transaction_depth() < depth_) backend_ = nullptr;
            throw;
        }
        backend_ = nullptr;
    }

    // Undoes the changes now (the destructor does it too).
    void rollback() {
        Backend& backend = require_active("rollback");
        backend_ = nullptr;
        backend.rollback_transaction(depth_);
    }

    // True until commit() or rollback() succeeded (or the database ended the transaction).
    bool active() const noexcept { return backend_ != nullptr && backend_->transaction_depth() >= depth_; }

    // 1 for the outermost transaction, 2 for a savepoint inside it, ...
    unsigned depth() const noexcept { return depth_; }

private:
    Backend& require_active(const char* what) {
        if (!active())
            throw usage_error(detail::join_text("transaction::", what, "() on a transaction that is no longer active"));
        return *backend_;
    }

    Backend* backend_;
    unsigned depth_;
};

}  // namespace ctsql
