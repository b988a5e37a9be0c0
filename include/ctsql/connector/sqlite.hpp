// The SQLite connector: ctsql::sqlite_connection (connector/sqlite/connection.hpp), its
// transactions and exceptions. Link with sqlite3 (CMake: ctsql::sqlite). See docs/connectors.md.
#pragma once

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/sqlite/connection.hpp"
#include "ctsql/connector/transaction.hpp"
