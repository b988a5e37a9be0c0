// The statement cache's key: every statement TYPE gets a small integer, its slot, the first
// time a connection runs it; a connection keeps its prepared statements in a vector indexed by
// slot. Re-running a statement is one vector access and one pointer comparison: no SQL text is
// hashed or compared at run time, nothing is prepared twice on a connection.
//
// Slots are process-wide (one counter, constant-initialised, so usable during static
// initialisation) and assigned on first use: any number of connections in any number of threads
// share the numbering; each connection has its own vector, so nothing is shared between
// connections at run time. Each cache entry also records the address of the statement's SQL
// constant (one array in read-only data per statement type and dialect) and is re-prepared on a
// mismatch: this keeps the cache correct even if two shared libraries, each with its own copy of
// the counter (hidden visibility), hand out the same slot number to different statements on one
// connection.
#pragma once

#include <atomic>
#include <cstddef>
#include <type_traits>

#include "ctsql/detail/type_list.hpp"

namespace ctsql::detail {

inline std::atomic<std::size_t> next_statement_slot{0};

// The slot of statement type S (an unqualified type, as deduced from `const S&`), npos until the
// statement first runs. A constant-initialised variable rather than a function-local static:
// no guard and no function per statement type, only this variable (the compile cost of a query
// counts every function it instantiates).
template <class S>
    requires std::is_same_v<S, std::remove_cvref_t<S>>
inline constinit std::atomic<std::size_t> assigned_slot{npos};

// Out of line: once per statement type and process. Two threads may race here; one number wins.
[[gnu::cold, gnu::noinline]] inline std::size_t assign_statement_slot(std::atomic<std::size_t>& slot) noexcept {
    std::size_t expected = npos;
    const std::size_t fresh = next_statement_slot.fetch_add(1, std::memory_order_relaxed);
    return slot.compare_exchange_strong(expected, fresh, std::memory_order_relaxed) ? fresh : expected;
}

// The cache slot held by `slot` (assigned_slot<S>), assigning it on first use. Relaxed: the
// number is all that is shared (a connection checks the SQL address of what the slot holds).
[[gnu::always_inline]] inline std::size_t statement_slot(std::atomic<std::size_t>& slot) noexcept {
    const std::size_t value = slot.load(std::memory_order_relaxed);
    if (value != npos) [[likely]] return value;
    return assign_statement_slot(slot);
}

}  // namespace ctsql::detail
