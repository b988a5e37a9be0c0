// The command line of the migration CLI: `program [global options] COMMAND [arguments] [options]`,
// options before or after the arguments ("--url=X" or "--url X"; "--" ends the options).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ctsql/tools/database_url.hpp"

namespace ctsql::tools {

struct option_spec {
    std::string_view name;        // "--message"
    std::string_view short_name;  // "-m", or ""
    bool takes_value = false;
};

struct parsed_arguments {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // canonical name ("--message") -> value ("" for a flag)

    bool has(std::string_view name) const {
        return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
    }
    std::optional<std::string> value(std::string_view name) const {
        std::optional<std::string> out;
        for (const auto& [n, v] : options)
            if (n == name) out = v;  // the last one wins
        return out;
    }
};

// Parses `args` against the options a command takes; an option not in `specs` is an error.
inline parsed_arguments parse_arguments(const std::vector<std::string>& args, std::initializer_list<option_spec> specs) {
    parsed_arguments out;
    bool options_ended = false;
    for (std::size_t i = 0; i != args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_ended || arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) {
            out.positional.push_back(arg);  // "-1" (a relative downgrade) is an argument
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        std::string_view name = arg;
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); name.starts_with("--") && eq != std::string_view::npos) {
            inline_value = std::string(name.substr(eq + 1));
            name = name.substr(0, eq);
        }
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const option_spec& s) { return s.name == name || (!s.short_name.empty() && s.short_name == name); });
        if (spec == specs.end()) throw command_line_error("unknown option " + std::string(name));
        if (!spec->takes_value) {
            if (inline_value) throw command_line_error("option " + std::string(spec->name) + " takes no value");
            out.options.emplace_back(spec->name, "");
        } else if (inline_value) {
            out.options.emplace_back(spec->name, *inline_value);
        } else {
            if (i + 1 == args.size()) throw command_line_error("option " + std::string(spec->name) + " needs a value");
            out.options.emplace_back(spec->name, args[++i]);
        }
    }
    return out;
}

}  // namespace ctsql::tools
