// E093: revision ids are unique within a chain (the runner records them).
// Mistake: r2 reuses id "0001". Control: "0002".
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
                                        col<"name", std::string>, m::index_on<"users_by_name", "name">>> {};

#ifdef CTSQL_COMPILE_FAIL
struct r2 : m::revision<"0001", "nickname", r1, m::add_column<"users", col<"nickname", std::optional<std::string>>>> {};
#else
struct r2 : m::revision<"0002", "nickname", r1, m::add_column<"users", col<"nickname", std::optional<std::string>>>> {};
#endif
struct r3 : m::revision<"0003", "no nickname", r2, m::drop_column<"users", "nickname", m::acknowledge_data_loss>> {};

static_assert(m::chain_yields<m::chain<r1, r2, r3>, ctsql::schema<users_t>>);
