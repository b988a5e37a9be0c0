// E087: a foreign key must reference a table and column that exist at its revision.
// Mistake: posts.views references "user" (a typo). Control: "users".
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/migrate.hpp>

namespace m = ctsql::migrate;
using m::col;

struct r1 : m::revision<"0001", "users", m::base,
                        m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"name", std::string>, m::index_on<"users_by_name", "name">>> {};
struct r2 : m::revision<"0002", "posts", r1,
                        m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"author", std::int64_t, m::references<"users", "id">>,
                                        col<"title", std::string>, col<"views", std::int64_t, ctsql::default_value<0>>>> {};

#ifdef CTSQL_COMPILE_FAIL
struct r3 : m::revision<"0003", "change", r2, m::add_foreign_key<"posts", m::foreign_key_on<m::names<"views">, "user", m::names<"id">>>> {};
#else
struct r3 : m::revision<"0003", "change", r2, m::add_foreign_key<"posts", m::foreign_key_on<m::names<"views">, "users", m::names<"id">>>> {};
#endif

inline constexpr auto up = ctsql::sql<ctsql::sqlite<>>(m::upgrade<r3>{});
