// The proof for a generated chain (compile_generated.cmake builds it with -I <out dir>): the
// revisions autogenerate wrote replay to the scenario's second model at compile time, and on
// SQLite they run: upgrade to head gives a database that compare_schema finds equal to the model,
// the derived downgrades go back to base, and upgrading again works.
#include <iostream>
#include <string>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
#include <ctsql/migrate/runner.hpp>

#include "autogenerate_scenarios.hpp"
#include "migrations/chain.hpp"

using model = scenarios::CTSQL_SCENARIO::v2::model;
static_assert(migrations::chain::size == 2);
static_assert(ctsql::migrate::chain_yields<migrations::chain, model>);

int main() try {
    ctsql::sqlite_connection db(":memory:");
    ctsql::migrate::migrator<migrations::chain, ctsql::sqlite_connection> runner(db);
    const auto user_tables = [&] {  // without the version table
        std::vector<ctsql::live_table> tables = ctsql::sqlite_introspect_schema(db.native_handle());
        std::erase_if(tables, [](const ctsql::live_table& t) { return t.name == "ctsql_migrations"; });
        return tables;
    };
    const auto matches_model = [&](const char* when) {
        const std::vector<std::string> differences = ctsql::compare_schema<ctsql::sqlite<>, model>(user_tables());
        for (const std::string& d : differences) std::cerr << when << ": " << d << '\n';
        return differences.empty();
    };
    runner.upgrade();
    if (!matches_model("after upgrade")) return 1;
    runner.downgrade("base");
    if (!user_tables().empty()) {
        std::cerr << "tables left after downgrade to base\n";
        return 1;
    }
    runner.upgrade();
    if (!matches_model("after downgrade and upgrade")) return 1;
    std::cout << "upgrade, downgrade to base, upgrade: the database matches the model\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
}
