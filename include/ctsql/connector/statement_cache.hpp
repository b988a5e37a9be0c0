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

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/type_list.hpp"

// The slot numbers are relaxed atomics. g++ and clang++ get them from builtins instead of
// <atomic> (a twentieth of a second and 4 MB in every TU with a connector).
#if !defined(__GNUC__)
#include <atomic>
#endif

namespace ctsql::detail {

#if defined(__GNUC__)
using slot_number = std::size_t;
inline std::size_t load_relaxed(const slot_number& n) noexcept { return __atomic_load_n(&n, __ATOMIC_RELAXED); }
inline std::size_t increment_relaxed(slot_number& n) noexcept { return __atomic_fetch_add(&n, 1, __ATOMIC_RELAXED); }
inline bool replace_relaxed(slot_number& n, std::size_t& expected, std::size_t desired) noexcept {
    return __atomic_compare_exchange_n(&n, &expected, desired, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}
#else
using slot_number = std::atomic<std::size_t>;
inline std::size_t load_relaxed(const slot_number& n) noexcept { return n.load(std::memory_order_relaxed); }
inline std::size_t increment_relaxed(slot_number& n) noexcept { return n.fetch_add(1, std::memory_order_relaxed); }
inline bool replace_relaxed(slot_number& n, std::size_t& expected, std::size_t desired) noexcept {
    return n.compare_exchange_strong(expected, desired, std::memory_order_relaxed);
}
#endif

inline constinit slot_number next_statement_slot{0};

// The slot of statement type S (an unqualified type, as deduced from `const S&`), npos until the
// statement first runs. A constant-initialised variable rather than a function-local static:
// no guard and no function per statement type, only this variable (the compile cost of a query
// counts every function it instantiates).
template <class S>
    requires std::is_same_v<S, std::remove_cvref_t<S>>
inline constinit slot_number assigned_slot{npos};

// Out of line: once per statement type and process. Two threads may race here; one number wins.
[[gnu::cold, gnu::noinline]] inline std::size_t assign_statement_slot(slot_number& slot) noexcept {
    std::size_t expected = npos;
    const std::size_t fresh = increment_relaxed(next_statement_slot);
    return replace_relaxed(slot, expected, fresh) ? fresh : expected;
}

// The cache slot held by `slot` (assigned_slot<S>), assigning it on first use. Relaxed: the
// number is all that is shared (a connection checks the SQL address of what the slot holds).
[[gnu::always_inline]] inline std::size_t statement_slot(slot_number& slot) noexcept {
    const std::size_t value = load_relaxed(slot);
    if (value != npos) [[likely]] return value;
    return assign_statement_slot(slot);
}

}  // namespace ctsql::detail
