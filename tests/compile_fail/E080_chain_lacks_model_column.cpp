// E080: replaying the chain must yield the model schema exactly.
// Mistake: the model has users.email, no revision adds it. Control: r2 adds it.
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
    struct email_c : ctsql::column<users_t, "email", std::optional<std::string>> {} email;
    struct by_name : ctsql::index<"users_by_name", name_c> {};
    using indexes = ctsql::indexes<by_name>;
};

struct r1 : m::revision<"0001", "users", m::base,
                        m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"name", std::string>, m::index_on<"users_by_name", "name">>> {};

#ifdef CTSQL_COMPILE_FAIL
using history = m::chain<r1>;
#else
struct r2 : m::revision<"0002", "email", r1, m::add_column<"users", col<"email", std::optional<std::string>>>> {};
using history = m::chain<r1, r2>;
#endif

static_assert(m::chain_yields<history, ctsql::schema<users_t>>);
