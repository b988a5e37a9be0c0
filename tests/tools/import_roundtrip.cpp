// Step 2 of the schema import round trip (import_roundtrip.cmake compiles it with -I <out dir>
// after import_tool wrote the model and the baseline there): the baseline yields the imported
// model; the model's DDL (create_all) and the baseline run by the migrator each build a fresh
// schema, whose introspection is written as created.txt and migrated.txt for comparison with
// original.txt. compare_schema of the model against the created schema must find nothing.
//   import_roundtrip sqlite|postgresql <out dir>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <ctsql/migrate/runner.hpp>

#include "live_schema_text.hpp"
#include "migrations/chain.hpp"
#include "model.hpp"

#ifdef CTSQL_ROUNDTRIP_POSTGRESQL
#include <ctsql/connector/postgresql.hpp>
#include <ctsql/connector/postgresql/introspect.hpp>
using dialect = ctsql::postgresql<>;
#else
#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
using dialect = ctsql::sqlite<>;
#endif

static_assert(ctsql::migrate::chain_yields<migrations::chain, app::model>);

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Builds the schema one way, returns it as introspected.
template <class Build>
std::vector<ctsql::live_table> build(const std::filesystem::path& dir, const std::string& name, Build how) {
#ifdef CTSQL_ROUNDTRIP_POSTGRESQL
    (void)dir;
    ctsql::postgresql_connection db;
    const std::string schema = "ctsql_import_" + name;
    const std::string setup = "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema +
                              "; SET search_path TO " + schema;
    PGresult* result = PQexec(db.native_handle(), setup.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) throw std::runtime_error(PQerrorMessage(db.native_handle()));
    how(db);
    return ctsql::postgresql_introspect_schema(db.native_handle(), schema);
#else
    const auto path = dir / (name + ".db");
    std::filesystem::remove(path);
    ctsql::sqlite_connection db(path.string());
    how(db);
    return ctsql::sqlite_introspect_schema(db.native_handle());
#endif
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc != 2) {
        std::cerr << "usage: import_roundtrip <out dir>\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const auto created = build(dir, "created", [](auto& db) { db.execute(ctsql::create_all<app::model>()); });
    const auto migrated = build(dir, "migrated", [](auto& db) {
        ctsql::migrate::migrator<migrations::chain, std::remove_reference_t<decltype(db)>> runner(db);
        runner.upgrade();
    });
    write(dir / "created.txt", tools_test::live_schema_text(created));
    write(dir / "migrated.txt", tools_test::live_schema_text(migrated));
    const std::vector<std::string> differences = ctsql::compare_schema<dialect, app::model>(created);
    for (const std::string& d : differences) std::cerr << "model vs created schema: " << d << '\n';
    return differences.empty() ? 0 : 1;
} catch (const std::exception& e) {
    std::cerr << "import_roundtrip: " << e.what() << '\n';
    return 1;
}
