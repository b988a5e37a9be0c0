// E080: replaying the chain must yield the model schema exactly.
// Mistake: the model's users.name is std::string, the chain created it as std::int64_t.
// Control: an alter_column revision changes its type.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/migrate.hpp>

namespace m = ctsql::migrate;
using m::col;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct by_name : ctsql::index<"users_by_name", name_c> {};
    using indexes = ctsql::indexes<by_name>;
};

struct r1 : m::revision<"0001", "users", m::base,
                        m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"name", std::int64_t>, m::index_on<"users_by_name", "name">>> {};
#ifdef CTSQL_COMPILE_FAIL
using history = m::chain<r1>;
#else
struct r2 : m::revision<"0002", "name is text", r1, m::alter_column<"users", "name", m::to_type<std::string>>> {};
using history = m::chain<r1, r2>;
#endif

static_assert(m::chain_yields<history, ctsql::schema<users_t>>);
