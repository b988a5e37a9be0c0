// What every ctsql command-line program shares: the command table behind --help, the database
// URL (--url or CTSQL_DATABASE_URL), and the mapping of failures to one line on stderr and an
// exit code:
//   0  success (also "nothing to do")
//   1  check found problems (one line each on stdout)
//   2  the command line could not be understood (unknown command or option, missing argument,
//      malformed URL)
//   3  the command failed: database error, refused or failed migration, unknown revision,
//      file that cannot be read or written
#pragma once

#include <cstdlib>
#include <exception>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ctsql/connector/error.hpp"
#include "ctsql/migrate/runner.hpp"
#include "ctsql/tools/arguments.hpp"
#include "ctsql/tools/database_url.hpp"

namespace ctsql::tools {

enum exit_status : int { exit_ok = 0, exit_check_failed = 1, exit_usage = 2, exit_failure = 3 };

inline constexpr const char* database_url_variable = "CTSQL_DATABASE_URL";

// A file or folder the command cannot read or write, or would overwrite (exit 3).
class file_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct command_help {
    std::string_view name;
    std::string_view usage;    // "upgrade [head|REV|+N] [--sql] [--dry-run]"
    std::string_view summary;  // one sentence
    std::string_view options;  // lines "  --x   what it does\n", or ""
};

inline std::string program_name_of(std::string_view argv0) {
    const auto slash = argv0.rfind('/');
    return std::string(slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1));
}

// The database of a command: --url, else $CTSQL_DATABASE_URL.
inline database_url url_of(const parsed_arguments& a) {
    if (auto url = a.value("--url")) return parse_database_url(*url);
    if (const char* env = std::getenv(database_url_variable); env != nullptr && *env != '\0') return parse_database_url(env);
    throw command_line_error(std::string("no database: pass --url URL or set ") + database_url_variable);
}

namespace detail::command_line {

// The most derived ctsql exception type an error has, for the error line.
inline std::string_view error_type(const std::exception& e) {
    if (dynamic_cast<const unique_violation*>(&e)) return "unique_violation";
    if (dynamic_cast<const foreign_key_violation*>(&e)) return "foreign_key_violation";
    if (dynamic_cast<const not_null_violation*>(&e)) return "not_null_violation";
    if (dynamic_cast<const check_violation*>(&e)) return "check_violation";
    if (dynamic_cast<const constraint_violation*>(&e)) return "constraint_violation";
    if (dynamic_cast<const connection_error*>(&e)) return "connection_error";
    if (dynamic_cast<const conversion_error*>(&e)) return "conversion_error";
    if (dynamic_cast<const row_count_error*>(&e)) return "row_count_error";
    if (dynamic_cast<const busy_error*>(&e)) return "busy_error";
    if (dynamic_cast<const serialization_failure*>(&e)) return "serialization_failure";
    if (dynamic_cast<const usage_error*>(&e)) return "usage_error";
    if (dynamic_cast<const file_error*>(&e)) return "file_error";
    if (dynamic_cast<const migrate::migration_error*>(&e)) return "migration_error";
    if (dynamic_cast<const database_error*>(&e)) return "database_error";
    return "error";
}

// One line: SQL scripts and libpq messages carry newlines.
inline std::string one_line(std::string_view text) {
    if (text.starts_with("ctsql: ")) text.remove_prefix(7);  // database_error's prefix: the program names itself
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

inline void print_help(std::ostream& o, std::string_view program, std::span<const command_help> commands) {
    o << "usage: " << program << " [--url URL] COMMAND [ARGUMENTS] [OPTIONS]\n\ncommands:\n";
    for (const auto& c : commands) {
        o << "  " << c.usage << '\n' << "      " << c.summary << '\n';
    }
    o << "\noptions for every command:\n"
         "  --url URL    the database (sqlite:///relative.db, sqlite:////absolute.db, sqlite://, postgresql://...);\n"
         "               default: $" << database_url_variable << "\n"
         "  -h, --help   help (\"" << program << " COMMAND --help\" for one command)\n"
         "\nexit codes: 0 ok, 1 check found problems, 2 bad command line, 3 failure (database, migration, files)\n";
}

inline void print_command_help(std::ostream& o, std::string_view program, const command_help& c) {
    o << "usage: " << program << ' ' << c.usage << "\n\n" << c.summary << '\n';
    o << "\noptions:\n" << c.options << "  --url URL    the database (default: $" << database_url_variable << ")\n"
      << "  -h, --help   this help\n";
}

}  // namespace detail::command_line

// Runs one command line: `program [--url URL] COMMAND ...`. --help / -h / help anywhere prints
// help; `dispatch(command, arguments)` runs the command (the --url given before the command is
// passed on among its arguments) and returns its exit status; exceptions become one line on
// stderr and the exit status of their kind.
template <class Dispatch>
int run_command(std::string_view program, const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                Dispatch&& dispatch, std::span<const command_help> commands) {
    namespace cl = detail::command_line;
    try {
        std::vector<std::string> global;  // options before the command
        std::size_t i = 0;
        for (; i != args.size() && args[i].starts_with('-'); ++i) {
            if (args[i] == "--help" || args[i] == "-h") {
                cl::print_help(out, program, commands);
                return exit_ok;
            }
            global.push_back(args[i]);
            if (args[i] == "--url" && i + 1 != args.size()) global.push_back(args[++i]);
        }
        (void)parse_arguments(global, {{"--url", "", true}});  // only --url may come before the command
        if (i == args.size()) {
            cl::print_help(err, program, commands);
            return exit_usage;
        }
        const std::string command = args[i];
        std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
        if (command == "help") {
            if (rest.empty()) {
                cl::print_help(out, program, commands);
                return exit_ok;
            }
            rest = {"--help"};
        }
        const command_help* help = nullptr;
        for (const auto& c : commands)
            if (c.name == (command == "help" ? args[i + 1] : command)) help = &c;
        if (help == nullptr) throw command_line_error("unknown command \"" + (command == "help" ? args[i + 1] : command) + "\"");
        for (const auto& a : rest)
            if (a == "--help" || a == "-h") {
                cl::print_command_help(out, program, *help);
                return exit_ok;
            }
        rest.insert(rest.begin(), global.begin(), global.end());
        return dispatch(command, rest);
    } catch (const command_line_error& e) {
        err << program << ": " << cl::one_line(e.what()) << " (see " << program << " --help)\n";
        return exit_usage;
    } catch (const database_error& e) {
        err << program << ": error: " << cl::error_type(e) << ": " << cl::one_line(e.what()) << '\n';
        return exit_failure;
    } catch (const std::exception& e) {
        err << program << ": error: " << cl::error_type(e) << ": " << cl::one_line(e.what()) << '\n';
        return exit_failure;
    }
}

}  // namespace ctsql::tools
