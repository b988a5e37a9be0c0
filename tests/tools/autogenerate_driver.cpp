// Writes a generated migrations/ folder for one scenario of autogenerate_scenarios.hpp, the way
// the CLI would (compiled and run by compile_generated.cmake, twice):
//   stage 1 (no CTSQL_HEAD_CHAIN): revision 0001 = autogenerate(empty, v1), chain.hpp = [0001]
//   stage 2 (-DCTSQL_HEAD_CHAIN, -I <out>): includes the stage 1 chain, proves it yields v1,
//            revision 0002 = autogenerate(state after the chain, v2), chain.hpp = [0001, 0002]
//   autogenerate_driver <out dir>      (CTSQL_SCENARIO names the scenario's namespace)
#include <fstream>
#include <iostream>
#include <span>
#include <string>
#include <vector>

#include <ctsql/connector/live_schema.hpp>
#include <ctsql/migrate/migrate.hpp>
#include <ctsql/tools/autogenerate.hpp>

#include "autogenerate_scenarios.hpp"
#ifdef CTSQL_HEAD_CHAIN
#include "migrations/chain.hpp"
#endif

namespace scenario = scenarios::CTSQL_SCENARIO;
namespace tools = ctsql::tools;

namespace {
void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: autogenerate_driver <out dir>\n";
        return 2;
    }
    const std::string dir = argv[1];
    const tools::revision_names first{"0001", "first", ""};
    std::vector<tools::chain_entry> chain{{first.id, tools::revision_file_name(first)}};
#ifndef CTSQL_HEAD_CHAIN
    const tools::generated_revision revision =
        tools::autogenerate({}, ctsql::schema_table_specs<scenario::v1::model>, first);
#else
    static_assert(ctsql::migrate::chain_yields<migrations::chain, scenario::v1::model>);
    const auto& head = ctsql::migrate::state_specs<ctsql::migrate::state_after<migrations::chain::head>>::value;
    const tools::generated_revision revision =
        tools::autogenerate(head, ctsql::schema_table_specs<scenario::v2::model>, {"0002", "second", "0001"});
    chain.push_back({"0002", revision.file_name});
#endif
    write(dir + "/migrations/versions/" + revision.file_name, revision.text);
    write(dir + "/migrations/chain.hpp", tools::chain_header(chain));
    for (const std::string& warning : revision.warnings) std::cout << "warning: " << warning << '\n';
    std::cout << revision.file_name << '\n';
}
