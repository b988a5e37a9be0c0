// The proof for a generated chain (compile_generated.cmake builds it with -I <out dir>): the
// revisions autogenerate wrote replay to the scenario's second model at compile time, and they
// run: upgrade to head gives a database that compare_schema finds equal to the model, the derived
// downgrades go back to base, and upgrading again works.
//   autogenerate_proof sqlite        on an in-memory database
//   autogenerate_proof postgresql    in schema ctsql_autogen_<scenario> (PG* variables: with-postgres.sh)
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/connector/postgresql/introspect.hpp>
#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
#include <ctsql/migrate/runner.hpp>

#include "autogenerate_scenarios.hpp"
#include "migrations/chain.hpp"

#define CTSQL_STRINGIFY_(x) #x
#define CTSQL_STRINGIFY(x) CTSQL_STRINGIFY_(x)

using model = scenarios::CTSQL_SCENARIO::v2::model;
static_assert(migrations::chain::size == 2);
static_assert(ctsql::migrate::chain_yields<migrations::chain, model>);

namespace {

template <class Dialect, class Connection, class Introspect>
int upgrade_downgrade_upgrade(Connection& db, Introspect introspect) {
    ctsql::migrate::migrator<migrations::chain, Connection> runner(db);
    const auto user_tables = [&] {  // without the version table
        std::vector<ctsql::live_table> tables = introspect();
        std::erase_if(tables, [](const ctsql::live_table& t) { return t.name == "ctsql_migrations"; });
        return tables;
    };
    const auto matches_model = [&](const char* when) {
        const std::vector<std::string> differences = ctsql::compare_schema<Dialect, model>(user_tables());
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
}

}  // namespace

int main(int argc, char** argv) try {
    const std::string_view dialect = argc == 2 ? argv[1] : "";
    if (dialect == "sqlite") {
        ctsql::sqlite_connection db(":memory:");
        return upgrade_downgrade_upgrade<ctsql::sqlite<>>(db, [&] { return ctsql::sqlite_introspect_schema(db.native_handle()); });
    }
    if (dialect == "postgresql") {
        ctsql::postgresql_connection db;
        const std::string schema = "ctsql_autogen_" CTSQL_STRINGIFY(CTSQL_SCENARIO);
        const std::string setup = "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + "; SET search_path TO " + schema;
        PGresult* result = PQexec(db.native_handle(), setup.c_str());
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        if (!ok) throw std::runtime_error(PQerrorMessage(db.native_handle()));
        return upgrade_downgrade_upgrade<ctsql::postgresql<>>(
            db, [&] { return ctsql::postgresql_introspect_schema(db.native_handle(), schema); });
    }
    std::cerr << "usage: autogenerate_proof sqlite|postgresql\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
}
