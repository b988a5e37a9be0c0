// The connectors' shared non-template code (connector/error.hpp: the exceptions' constructors,
// destructors, vtables and typeinfo), compiled once when CTSQL_SEPARATE_COMPILATION is on
// (CMake: the ctsql_connector library; docs/building.md).
#if !defined(CTSQL_SEPARATE_COMPILATION)
#error "src/connector.cpp is built with CTSQL_SEPARATE_COMPILATION defined (header-only mode needs no library)"
#endif

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/error_inl.hpp"
