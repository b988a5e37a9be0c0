// ctsql: schemas, queries and migrations as C++ types, SQL rendered at compile time.
// This umbrella covers everything that needs no database client library; connectors are
// separate headers (ctsql/connector/sqlite.hpp, ctsql/connector/postgresql.hpp).
#pragma once

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/dialect/postgresql.hpp"
#include "ctsql/dialect/sqlite.hpp"
#include "ctsql/query/ddl.hpp"
#include "ctsql/render/ddl.hpp"
#include "ctsql/render/statement_renderer.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/sql_type.hpp"
#include "ctsql/schema/table.hpp"
#include "ctsql/schema/table_spec.hpp"
