// SQLite, by library version in SQLITE_VERSION_NUMBER form: sqlite<3'040'000> is SQLite 3.40.0
// (so ctsql::sqlite<SQLITE_VERSION_NUMBER> targets the library being compiled against).
#pragma once

#include <cstdint>
#include <string_view>

#include "ctsql/dialect/dialect.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

template <std::uint32_t Version = 3'040'000>
struct sqlite {
    static constexpr dialect_family family = dialect_family::sqlite;
    static constexpr std::uint32_t version = Version;
    static constexpr std::string_view name = "SQLite";

    // Every integer is INTEGER: only that exact name makes a primary key the rowid alias,
    // and SQLite stores all widths alike. The other names keep their affinity (BOOLEAN and
    // TIMESTAMP: NUMERIC) and record the declared intent for introspection.
    static constexpr std::string_view type_name(sql_type type) noexcept {
        switch (type.kind) {
            case type_kind::boolean: return "BOOLEAN";
            case type_kind::integer: return "INTEGER";
            case type_kind::real: return "REAL";
            case type_kind::text: return "TEXT";
            case type_kind::blob: return "BLOB";
            case type_kind::timestamp: return "TIMESTAMP";
        }
        return "";
    }

    // TRUE/FALSE exist only since 3.23; 1/0 work everywhere and are what SQLite stores.
    static constexpr std::string_view boolean_literal(bool value) noexcept {
        return value ? "1" : "0";
    }
};

}  // namespace ctsql
