// The PostgreSQL connector's non-template code (the `*_inl.hpp` headers of
// connector/postgresql/), compiled once when CTSQL_SEPARATE_COMPILATION is on (CMake: the
// ctsql_postgresql_compiled library; docs/building.md).
#if !defined(CTSQL_SEPARATE_COMPILATION)
#error "src/postgresql.cpp is built with CTSQL_SEPARATE_COMPILATION defined (header-only mode needs no library)"
#endif

#include "ctsql/connector/postgresql.hpp"
#include "ctsql/connector/postgresql/binary_copy_inl.hpp"
#include "ctsql/connector/postgresql/connection_inl.hpp"
#include "ctsql/connector/postgresql/error_inl.hpp"
#include "ctsql/connector/postgresql/introspect_inl.hpp"
#include "ctsql/connector/postgresql/values_inl.hpp"
