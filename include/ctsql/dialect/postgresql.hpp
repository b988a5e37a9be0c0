// PostgreSQL, by major version (postgresql<15>) or in PG_VERSION_NUM form (postgresql<90'500>
// is 9.5); `version` is always the PG_VERSION_NUM form.
#pragma once

#include <cstdint>
#include <string_view>

#include "ctsql/dialect/dialect.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

template <std::uint32_t Version = 15>
struct postgresql {
    static constexpr dialect_family family = dialect_family::postgresql;
    static constexpr std::uint32_t version = Version < 100 ? Version * 10'000 : Version;
    static constexpr std::string_view name = "PostgreSQL";

    // PostgreSQL has no unsigned types: an unsigned C++ type takes the next wider signed
    // type so every value fits (std::uint64_t stays BIGINT; values above INT64_MAX are
    // refused when bound).
    static constexpr std::string_view type_name(sql_type type) noexcept {
        switch (type.kind) {
            case type_kind::boolean: return "BOOLEAN";
            case type_kind::integer: {
                const unsigned bytes = type.is_unsigned && type.bytes < 8 ? type.bytes * 2u : type.bytes;
                return bytes <= 2 ? "SMALLINT" : bytes <= 4 ? "INTEGER" : "BIGINT";
            }
            case type_kind::real: return type.bytes == 4 ? "REAL" : "DOUBLE PRECISION";
            case type_kind::text: return "TEXT";
            case type_kind::blob: return "BYTEA";
            case type_kind::timestamp: return "TIMESTAMP WITH TIME ZONE";
        }
        return "";
    }

    static constexpr std::string_view boolean_literal(bool value) noexcept {
        return value ? "TRUE" : "FALSE";
    }
};

}  // namespace ctsql
