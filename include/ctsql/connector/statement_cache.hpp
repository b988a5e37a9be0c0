// The statement cache's key: every statement TYPE gets a small integer, its slot, the first
// time a connection runs it; a connection keeps its prepared statements in a vector indexed by
// slot. Re-running a statement is one vector access and one pointer comparison: no SQL text is
// hashed or compared at run time, nothing is prepared twice on a connection.
//
// Slots are process-wide (one counter, constant-initialised, so usable during static
// initialisation) and assigned on first use in a thread-safe function-local static: any number
// of connections in any number of threads share the numbering; each connection has its own
// vector, so nothing is shared between connections at run time. Each cache entry also records
// the address of the statement's SQL constant (one array in read-only data per statement type
// and dialect) and is re-prepared on a mismatch: this keeps the cache correct even if two
// shared libraries, each with its own copy of the counter (hidden visibility), hand out the
// same slot number to different statements on one connection.
#pragma once

#include <cstddef>
#include <type_traits>

// The counter is one relaxed atomic increment; g++ and clang++ do it with a builtin instead of
// <atomic> (a twentieth of a second and 4 MB in every TU with a connector).
#if !defined(__GNUC__)
#include <atomic>
#endif

namespace ctsql::detail {

#if defined(__GNUC__)
inline std::size_t next_statement_slot = 0;
#else
inline std::atomic<std::size_t> next_statement_slot{0};
#endif

// The cache slot of statement type S (an unqualified type, as deduced from `const S&`). One
// function per statement type (its static is the slot).
template <class S>
inline std::size_t statement_slot() noexcept {
    static_assert(std::is_same_v<S, std::remove_cvref_t<S>>);
#if defined(__GNUC__)
    static const std::size_t slot = __atomic_fetch_add(&next_statement_slot, 1, __ATOMIC_RELAXED);
#else
    static const std::size_t slot = next_statement_slot.fetch_add(1, std::memory_order_relaxed);
#endif
    return slot;
}

}  // namespace ctsql::detail
