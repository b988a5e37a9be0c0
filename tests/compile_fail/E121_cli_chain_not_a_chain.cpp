// E121 (migration CLI): cli<Model, Chain> takes a ctsql::migrate::chain<...> as Chain.
// Mistake: the last revision instead of the chain. Control: the chain.
#include <cstdint>
#include <string>

#include <ctsql/ctsql.hpp>
#include <ctsql/tools/cli.hpp>

namespace app {
struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
};
using model = ctsql::schema<users_t>;
}  // namespace app

namespace migrations {
namespace m = ctsql::migrate;
struct r0001 : m::revision<"0001", "create users", m::base,
                           m::create_table<"users", m::col<"id", std::int64_t, ctsql::primary_key>, m::col<"name", std::string>>> {};
using chain = m::chain<r0001>;
}  // namespace migrations

int main(int argc, char** argv) {
#ifdef CTSQL_COMPILE_FAIL
    return ctsql::tools::cli<app::model, migrations::r0001>{.migrations_dir = "migrations"}.run(argc, argv);
#else
    return ctsql::tools::cli<app::model, migrations::chain>{.migrations_dir = "migrations"}.run(argc, argv);
#endif
}
