// E094: each revision's parent is the revision before it in the chain (one line, no branches).
// Mistake: r3 names r1 as its parent. Control: r2.
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
struct r2 : m::revision<"0002", "nickname", r1, m::add_column<"users", col<"nickname", std::optional<std::string>>>> {};
#ifdef CTSQL_COMPILE_FAIL
struct r3 : m::revision<"0003", "no nickname", r1, m::drop_column<"users", "nickname", m::acknowledge_data_loss>> {};
#else
struct r3 : m::revision<"0003", "no nickname", r2, m::drop_column<"users", "nickname", m::acknowledge_data_loss>> {};
#endif

static_assert(m::chain_yields<m::chain<r1, r2, r3>, ctsql::schema<users_t>>);
