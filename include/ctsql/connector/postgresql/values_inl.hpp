// Definitions of connector/postgresql/values.hpp's non-template functions (the cold error
// paths): included at the end of that header (header-only), or compiled once in
// src/postgresql.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <string>
#include <string_view>

#include <libpq-fe.h>

#include "ctsql/connector/postgresql/values.hpp"

namespace ctsql::detail::postgresql_impl {

CTSQL_FUNC void bind_conversion_failed(std::string_view parameter, std::string_view what, std::string_view sql) {
    throw conversion_error(join_text("parameter \"", parameter, "\": ", what), std::string(sql));
}

CTSQL_FUNC void read_failed(std::string_view column, std::string_view what, std::string_view sql) {
    throw conversion_error(join_text("column \"", column, "\": ", what), std::string(sql));
}

CTSQL_FUNC std::string type_oid_name(Oid type) {
    switch (type) {
        case oid::boolean: return "boolean";
        case oid::bytea: return "bytea";
        case oid::int2: return "smallint";
        case oid::int4: return "integer";
        case oid::int8: return "bigint";
        case oid::text: return "text";
        case oid::varchar: return "varchar";
        case oid::float4: return "real";
        case oid::float8: return "double precision";
        case oid::numeric: return "numeric";
        case oid::timestamptz: return "timestamptz";
        case oid::timestamp: return "timestamp";
        case oid::date: return "date";
        default: return join_text("the type with OID ", std::to_string(type));
    }
}

}  // namespace ctsql::detail::postgresql_impl
