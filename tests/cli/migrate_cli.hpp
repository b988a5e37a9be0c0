// What the SQLite and PostgreSQL CLI tests share: running the migrate fixture program
// (CTSQL_TEST_MIGRATE) with only the environment a test gives it, the revision ids it prints,
// and offline scripts written to a file for sqlite3 / psql.
#pragma once

#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "cli_process.hpp"

namespace ctsql_cli_test {

inline const std::string migrate_program = CTSQL_TEST_MIGRATE;

// The migrate fixture with `args`; CTSQL_DATABASE_URL is unset unless `env` sets it.
inline process_result cli(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    env.emplace("CTSQL_DATABASE_URL", "");
    return run_process(migrate_program, args, env);
}

// The revision ids of the lines that begin with `prefix` ("applied ", "reverted ", ...).
inline std::vector<std::string> ids_with_prefix(const std::string& text, std::string_view prefix) {
    std::vector<std::string> out;
    for (const auto& line : lines_of(text))
        if (line.starts_with(prefix)) out.push_back(line.substr(prefix.size(), 4));
    return out;
}

// `url` (its scheme picks the dialect) and `args` (`upgrade --sql ...`) printed as a script to
// "script.sql" in `dir`; returns the script.
inline std::string write_offline_script(const temp_dir& dir, const std::string& url, const std::vector<std::string>& args,
                                        const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> full = {"--url", url};
    full.insert(full.end(), args.begin(), args.end());
    const auto script = cli(full, env);
    INFO(describe(script));
    REQUIRE(script.exit_code == 0);
    std::ofstream file(dir / "script.sql");
    file << script.out;
    return script.out;
}

}  // namespace ctsql_cli_test
