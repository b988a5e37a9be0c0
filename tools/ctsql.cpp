// ctsql: the commands that need no model or migration chain (docs/cli.md):
//   ctsql init DIR                              scaffold a project (model, migrate program, migrations/)
//   ctsql import --url URL [--out DIR]          the C++ model (and a baseline revision) of a live database
// Everything else is the project's own migrate program (ctsql::tools::cli<Model, Chain>).
#include <iostream>
#include <string>
#include <vector>

#include <ctsql/tools/command_line.hpp>
#include <ctsql/tools/project_commands.hpp>

int main(int argc, char** argv) {
    namespace tools = ctsql::tools;
    static constexpr tools::command_help commands[] = {tools::init_help, tools::import_help};
    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return tools::run_command(
        argc > 0 ? tools::program_name_of(argv[0]) : std::string("ctsql"), args, std::cout, std::cerr,
        [](const std::string& command, const std::vector<std::string>& rest) {
            return command == "init" ? tools::init_command(rest, std::cout) : tools::import_command(rest, std::cout, std::cerr);
        },
        commands);
}
