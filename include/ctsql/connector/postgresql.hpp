// The PostgreSQL connector: ctsql::postgresql_connection (connector/postgresql/connection.hpp),
// its transactions and exceptions, and ctsql::postgresql_pool (connector/postgresql/pool.hpp).
// Link with libpq (CMake: ctsql::postgresql). See docs/connectors.md.
#pragma once

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/connection.hpp"
#include "ctsql/connector/postgresql/pool.hpp"
#include "ctsql/connector/transaction.hpp"
