// Step 1 of the schema import round trip (import_roundtrip.cmake): creates a live schema from a
// fixture SQL file, introspects it, and writes what `migrate import` would: model.hpp, the
// baseline revision and chain.hpp, plus original.txt (the introspected schema as canonical text).
//   import_tool sqlite <fixture.sql> <out dir>       the schema in <out>/original.db
//   import_tool postgresql <fixture.sql> <out dir>   the schema in schema ctsql_import_original
//                                                    (PG* environment variables: with-postgres.sh)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/connector/postgresql/introspect.hpp>
#include <ctsql/connector/sqlite.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
#include <ctsql/tools/schema_import.hpp>

#include "live_schema_text.hpp"

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<ctsql::live_table> sqlite_original(const std::string& sql, const std::filesystem::path& dir) {
    std::filesystem::remove(dir / "original.db");
    ctsql::sqlite_connection db((dir / "original.db").string());
    char* error = nullptr;
    if (sqlite3_exec(db.native_handle(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error("fixture SQL failed: " + message);
    }
    return ctsql::sqlite_introspect_schema(db.native_handle());
}

std::vector<ctsql::live_table> postgresql_original(const std::string& sql) {
    ctsql::postgresql_connection db;
    const std::string script = "DROP SCHEMA IF EXISTS ctsql_import_original CASCADE; CREATE SCHEMA ctsql_import_original; "
                               "SET search_path TO ctsql_import_original; " + sql;
    PGresult* result = PQexec(db.native_handle(), script.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) throw std::runtime_error(std::string("fixture SQL failed: ") + PQerrorMessage(db.native_handle()));
    return ctsql::postgresql_introspect_schema(db.native_handle(), "ctsql_import_original");
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: import_tool sqlite|postgresql <fixture.sql> <out dir>\n";
        return 2;
    }
    const std::string dialect = argv[1];
    const std::filesystem::path dir = argv[3];
    std::filesystem::create_directories(dir);
    const std::string sql = read(argv[2]);
    const std::vector<ctsql::live_table> live =
        dialect == "sqlite" ? sqlite_original(sql, dir) : postgresql_original(sql);
    const ctsql::tools::imported_schema imported = ctsql::tools::import_schema(
        live, dialect == "sqlite" ? ctsql::dialect_family::sqlite : ctsql::dialect_family::postgresql);
    write(dir / "model.hpp", imported.model_header);
    write(dir / "migrations" / "versions" / imported.baseline.file_name, imported.baseline.text);
    const ctsql::tools::chain_entry chain[] = {{"0001", imported.baseline.file_name}};
    write(dir / "migrations" / "chain.hpp", ctsql::tools::chain_header(chain));
    write(dir / "original.txt", tools_test::live_schema_text(live));
    for (const std::string& warning : imported.warnings) std::cout << "warning: " << warning << '\n';
    return 0;
} catch (const std::exception& e) {
    std::cerr << "import_tool: " << e.what() << '\n';
    return 1;
}
