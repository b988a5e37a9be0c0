// Extra tables for the query tests (the shared ones are in fixtures.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fixtures.hpp"

namespace qx {

using ctsql::column;

// Target of INSERT ... SELECT from users.
struct archive_t {
    static constexpr ctsql::fixed_string sql_name = "archive";
    struct id_c : column<archive_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : column<archive_t, "name", std::string> {} name;
    struct age_c : column<archive_t, "age", std::optional<std::int64_t>> {} age;
};
inline constexpr archive_t archive{};

// Every column has a default or may be NULL: INSERT ... DEFAULT VALUES.
struct events_t {
    static constexpr ctsql::fixed_string sql_name = "events";
    struct id_c : column<events_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct at_c : column<events_t, "at", ctsql::timestamp, ctsql::default_now> {} at;
    struct note_c : column<events_t, "note", std::optional<std::string>> {} note;
};
inline constexpr events_t events{};

// A self-reference for table aliases.
struct employees_t {
    static constexpr ctsql::fixed_string sql_name = "employees";
    struct id_c : column<employees_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : column<employees_t, "name", std::string> {} name;
    struct boss_id_c : column<employees_t, "boss_id", std::optional<std::int64_t>, ctsql::references<id_c>> {} boss_id;
};
inline constexpr employees_t employees{};

inline constexpr fx::types_t types{};
inline constexpr fx::quoted_t quoted{};
inline constexpr fx::groups_t groups{};
inline constexpr fx::memberships_t memberships{};

// The text of one expression: SELECT <e> FROM "users", "posts", cut out of the statement.
template <class D, class E>
constexpr std::string_view expr_sql(const E&) {
    constexpr std::string_view full = ctsql::sql<D>(decltype(ctsql::select(E{}).from(fx::users, fx::posts)){});
    constexpr std::string_view head = "SELECT ";
    constexpr std::string_view tail = R"( FROM "users", "posts")";
    static_assert(full.starts_with(head) && full.ends_with(tail));
    return full.substr(head.size(), full.size() - head.size() - tail.size());
}

// The statement type of SELECT <e> FROM "users", "posts" (for its parameters and row).
template <class E>
using expr_statement = decltype(ctsql::select(E{}).from(fx::users, fx::posts));

}  // namespace qx
