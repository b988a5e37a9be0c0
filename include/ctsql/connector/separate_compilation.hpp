// Header-only (default) or separately compiled connectors (docs/building.md).
//
// The connectors' non-template functions that run once per connection, statement preparation or
// error (opening, preparing, error throwing, transactions, introspection, ...) are declared in
// the connector headers and defined in `*_inl.hpp` headers beside them. By default each
// declaring header includes its `_inl.hpp` at its end and CTSQL_FUNC is `inline`: every TU that
// uses a connector compiles them (fmt's FMT_HEADER_ONLY). With CTSQL_SEPARATE_COMPILATION
// defined (CMake: -DCTSQL_SEPARATE_COMPILATION=ON, which builds them into static libraries
// linked by ctsql::sqlite / ctsql::postgresql) the headers only declare them and the
// definitions are compiled once, in src/*.cpp. Hot paths (acquire, run, binding, reading) stay
// inline in both modes.
//
// Declarations carry neither `inline` nor gnu::noinline (g++ rejects an inline definition after
// a noinline declaration); the definitions carry CTSQL_FUNC and, where a function must stay out
// of its callers, [[gnu::noinline]].
#pragma once

#if defined(CTSQL_SEPARATE_COMPILATION)
#define CTSQL_FUNC
// Exception classes get an out-of-line destructor (their key function): their vtable and
// typeinfo are emitted once, in the library, instead of in every TU. Declaring it would drop
// the implicit move operations, so they are declared defaulted too.
#define CTSQL_EXCEPTION_KEY_FUNCTION(name)       \
    name(const name&) = default;                 \
    name(name&&) = default;                      \
    name& operator=(const name&) = default;      \
    name& operator=(name&&) = default;           \
    ~name() override
#else
#define CTSQL_FUNC inline
#define CTSQL_EXCEPTION_KEY_FUNCTION(name) static_assert(true)
#endif
