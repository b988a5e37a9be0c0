// Writes scaffold_project's files under a directory, as `migrate init` would (for
// scaffold_build.cmake).   scaffold_tool <dir>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <ctsql/tools/project_files.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: scaffold_tool <dir>\n";
        return 2;
    }
    for (const auto& [path, text] : ctsql::tools::scaffold_project({"scaffolded", "app", true})) {
        const std::filesystem::path file = std::filesystem::path(argv[1]) / path;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        out << text;
        if (!out) {
            std::cerr << "cannot write " << file << '\n';
            return 1;
        }
    }
}
