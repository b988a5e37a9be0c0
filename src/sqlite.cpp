// The SQLite connector's non-template code (the `*_inl.hpp` headers of connector/sqlite/),
// compiled once when CTSQL_SEPARATE_COMPILATION is on (CMake: the ctsql_sqlite_compiled library;
// docs/building.md).
#if !defined(CTSQL_SEPARATE_COMPILATION)
#error "src/sqlite.cpp is built with CTSQL_SEPARATE_COMPILATION defined (header-only mode needs no library)"
#endif

#include "ctsql/connector/sqlite.hpp"
#include "ctsql/connector/sqlite/connection_inl.hpp"
#include "ctsql/connector/sqlite/dynamic_inl.hpp"
#include "ctsql/connector/sqlite/error_inl.hpp"
#include "ctsql/connector/sqlite/introspect_inl.hpp"
#include "ctsql/connector/sqlite/values_inl.hpp"
