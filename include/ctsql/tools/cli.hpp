// The migration CLI: Alembic's commands for a program that knows its model and its migration
// chain at compile time. A project's whole migrate program:
//
//   #include "model.hpp"               // namespace app { using model = ctsql::schema<...>; }
//   #include "migrations/chain.hpp"    // namespace migrations { using chain = ctsql::migrate::chain<...>; }
//   #include <ctsql/tools/cli.hpp>
//   int main(int argc, char** argv) {
//       return ctsql::tools::cli<app::model, migrations::chain>{.migrations_dir = CTSQL_MIGRATIONS_DIR}.run(argc, argv);
//   }
//
// (cli_chain.hpp shows the same program split so that a new revision does not recompile the
// commands.) Commands, URLs, exit codes and the semantics of --sql and --dry-run: docs/cli.md. The model
// may be ahead of the chain (that is when `revision --autogenerate` is needed), so nothing here
// requires chain_yields<Chain, Model>; `check` reports the difference at run time.
#pragma once

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <sqlite3.h>

#include "ctsql/connector/live_schema.hpp"
#include "ctsql/connector/postgresql.hpp"
#include "ctsql/connector/postgresql/introspect.hpp"
#include "ctsql/connector/sqlite.hpp"
#include "ctsql/connector/sqlite/introspect.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/migrate/revision.hpp"
#include "ctsql/migrate/runner.hpp"
#include "ctsql/query/raw.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/tools/arguments.hpp"
#include "ctsql/tools/cli_chain.hpp"
#include "ctsql/tools/command_line.hpp"
#include "ctsql/tools/database_url.hpp"
#include "ctsql/tools/offline_sql.hpp"
#include "ctsql/tools/project_commands.hpp"
#include "ctsql/tools/revision_files.hpp"

namespace ctsql::tools {

namespace detail::cli_impl {

// The version table's rows with their time of application, as text on both databases.
using applied_at_query =
    raw_statement<raw_sql<"SELECT \"revision\", CAST(\"applied_at\" AS TEXT) FROM \"ctsql_migrations\" ORDER BY \"position\"">,
                  type_list<>, row<field<"revision", std::string>, field<"applied_at", std::string>>>;

// "+N" / "-N" must be counts: a typo is a command-line mistake (exit 2), not a migration failure.
inline void check_relative_count(std::string_view target) {
    if (!target.starts_with('+') && !target.starts_with('-')) return;
    try {
        (void)migrate::revision_count(target.substr(1));
    } catch (const migrate::migration_error& e) {
        throw command_line_error(e.message());
    }
}

// The chain's head against the model, table by table (column order aside: a downgrade that
// restores a column can only append it).
inline std::vector<std::string> compare_head_with_model(std::span<const table_spec* const> head,
                                                        std::span<const table_spec* const> model) {
    using detail::autogen::find_table;
    std::vector<std::string> out;
    for (const table_spec* m : model) {
        const table_spec* h = find_table(head, m->name);
        const std::string table(m->name);
        if (h == nullptr) {
            out.push_back("model: table " + table + " is in the model, but the migration chain does not create it");
            continue;
        }
        if (migrate::detail::same_tables_ignoring_column_order(*h, *m)) continue;
        bool named_a_column = false;
        for (const column_spec& c : m->columns) {
            if (!h->has_column(c.name)) {
                out.push_back("model: column " + table + "." + std::string(c.name) + " is in the model, but not in the chain's head");
                named_a_column = true;
            } else if (!(h->column_named(c.name) == c)) {
                out.push_back("model: column " + table + "." + std::string(c.name) + " differs between the model and the chain's head");
                named_a_column = true;
            }
        }
        for (const column_spec& c : h->columns)
            if (!m->has_column(c.name)) {
                out.push_back("model: column " + table + "." + std::string(c.name) + " is in the chain's head, but not in the model");
                named_a_column = true;
            }
        if (!named_a_column)
            out.push_back("model: table " + table + ": keys or indexes differ between the model and the chain's head");
    }
    for (const table_spec* h : head)
        if (find_table(model, h->name) == nullptr)
            out.push_back("model: table " + std::string(h->name) + " is in the chain's head, but not in the model");
    return out;
}

inline std::string milliseconds(std::chrono::nanoseconds elapsed) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f ms", static_cast<double>(elapsed.count()) / 1e6);
    return buffer;
}

// The commands of cli<Model, Chain>, on its tables (cli_chain_of): compiled once per program,
// whatever the chain.
struct migrate_program {
    cli_chain chain;
    std::string migrations_dir;
    std::ostream* out;
    std::ostream* err;

    int run(const std::string& program, const std::vector<std::string>& args) const {
        return run_command(program, args, *out, *err, [&](const std::string& command, const std::vector<std::string>& rest) {
            return dispatch(program, command, rest);
        }, commands());
    }

private:
    std::span<const migrate::revision_info> revisions_for(dialect_family family) const {
        return family == dialect_family::sqlite ? chain.sqlite.revisions : chain.postgresql.revisions;
    }
    // Revision ids, messages and schemas are the same in both dialects' tables.
    std::span<const migrate::revision_info> revisions() const { return chain.sqlite.revisions; }
    std::span<const table_spec* const> model_specs() const { return chain.model; }
    std::span<const table_spec* const> head_specs() const {
        const auto all = revisions();
        return all.empty() ? std::span<const table_spec* const>{} : all.back().schema;
    }
    // The runner of the chain on `db`.
    migrate::basic_migrator<sqlite_connection> migrator_on(sqlite_connection& db) const { return {db, chain.sqlite}; }
    migrate::basic_migrator<postgresql_connection> migrator_on(postgresql_connection& db) const { return {db, chain.postgresql}; }

    static std::span<const command_help> commands() {
        static const command_help list[] = {
            init_help,
            {"revision", "revision -m MESSAGE [--autogenerate]",
             "Write the next revision file under migrations/versions/ and rewrite migrations/chain.hpp.",
             "  -m, --message MSG   the revision's message (required)\n"
             "  --autogenerate      operations taking the chain's head to the model (else an empty revision)\n"},
            {"upgrade", "upgrade [head|REV|+N] [--sql [FROM:]] [--dry-run]", "Apply revisions up to the target (default head).",
             "  --sql       print the SQL script instead of running it (no database needed; FROM:TO starts at FROM)\n"
             "  --dry-run   run on a copy (SQLite) or in a rolled-back transaction (PostgreSQL) and report\n"},
            {"downgrade", "downgrade REV|-N|base [--sql]", "Revert revisions down to the target (REV itself stays applied).",
             "  --sql       print the SQL script instead of running it (FROM:TO; FROM defaults to head)\n"},
            {"current", "current", "Print the database's revision (or base).", ""},
            {"history", "history [-v]", "List the chain's revisions, newest first.",
             "  -v, --verbose   parent, checksum, and whether and when each was applied (needs the database)\n"},
            {"heads", "heads", "Print the chain's head revision.", ""},
            {"show", "show REV", "Print a revision: id, parent, message and each operation's SQL up and down for the URL's dialect.", ""},
            {"stamp", "stamp REV|head|base", "Record REV as the database's revision without running any SQL.", ""},
            {"check", "check",
             "Exit 0 when the database is at head, has not drifted and the chain yields the model; else exit 1 with one line per problem.",
             ""},
            import_help,
        };
        return list;
    }

    int dispatch(const std::string& program, const std::string& command, const std::vector<std::string>& rest) const {
        if (command == "init") return init_command(rest, *out);
        if (command == "import") return import_command(rest, *out, *err);
        if (command == "revision") return revision(parse_arguments(rest, {{"--message", "-m", true}, {"--autogenerate", "", false}, {"--url", "", true}}));
        if (command == "upgrade")
            return upgrade(parse_arguments(rest, {{"--sql", "", false}, {"--dry-run", "", false}, {"--url", "", true}}));
        if (command == "downgrade") return downgrade(parse_arguments(rest, {{"--sql", "", false}, {"--url", "", true}}));
        if (command == "current") return current(parse_arguments(rest, {{"--url", "", true}}));
        if (command == "history") return history(parse_arguments(rest, {{"--verbose", "-v", false}, {"--url", "", true}}));
        if (command == "heads") return heads(parse_arguments(rest, {{"--url", "", true}}));
        if (command == "show") return show(parse_arguments(rest, {{"--url", "", true}}));
        if (command == "stamp") return stamp(parse_arguments(rest, {{"--url", "", true}}));
        if (command == "check") return check(parse_arguments(rest, {{"--url", "", true}}));
        throw command_line_error("unknown command \"" + command + "\" (see " + program + " --help)");
    }

    // Opens the URL's database and calls f with it (a sqlite_connection or a postgresql_connection).
    template <class F>
    static int with_database(const database_url& url, F&& f) {
        if (url.family == dialect_family::sqlite) {
            sqlite_connection db(url.target);
            return f(db);
        }
        postgresql_connection db(url.target);
        return f(db);
    }

    // ---- upgrade / downgrade ------------------------------------------------------------------

    // The TO of a target ([FROM:]TO) is checked before anything runs.
    static void check_relative(std::string_view target) {
        const auto colon = target.find(':');
        detail::cli_impl::check_relative_count(colon == std::string_view::npos ? target : target.substr(colon + 1));
    }

    int upgrade(const parsed_arguments& a) const {
        expect_positional(a, 0, 1, "upgrade [head|REV|+N]");
        const std::string target = a.positional.empty() ? "head" : a.positional[0];
        check_relative(target);
        const database_url url = url_of(a);
        if (a.has("--sql")) {
            if (a.has("--dry-run")) throw command_line_error("--sql and --dry-run exclude each other");
            return print_script(url, target, true);
        }
        if (target.find(':') != std::string::npos) throw command_line_error("FROM:TO is for --sql scripts; online, the database is FROM");
        if (a.has("--dry-run")) return dry_run(url, target);
        return with_database(url, [&](auto& db) {
            auto m = migrator_on(db);
            const std::size_t done = run_logged(m, [&] { return m.upgrade(target); }, "applied", *out);
            report_position(m.current(), done);
            return 0;
        });
    }

    int downgrade(const parsed_arguments& a) const {
        expect_positional(a, 1, 1, "downgrade REV|-N|base");
        check_relative(a.positional[0]);
        const database_url url = url_of(a);
        if (a.has("--sql")) return print_script(url, a.positional[0], false);
        if (a.positional[0].find(':') != std::string::npos)
            throw command_line_error("FROM:TO is for --sql scripts; online, the database is FROM");
        return with_database(url, [&](auto& db) {
            auto m = migrator_on(db);
            const std::size_t done = run_logged(m, [&] { return m.downgrade(a.positional[0]); }, "reverted", *out);
            report_position(m.current(), done);
            return 0;
        });
    }

    // Runs `step` printing each revision as it completes: "<verb> 0003 "message" (2.1 ms)".
    // With `statements`, each revision's SQL follows it, indented.
    template <class Migrator, class Step>
    static std::size_t run_logged(Migrator& m, Step&& step, std::string_view verb, std::ostream& o, bool statements = false) {
        m.observe([&](const migrate::revision_info& r, bool up, std::chrono::nanoseconds elapsed) {
            o << verb << ' ' << r.id << " \"" << r.message << "\" (" << detail::cli_impl::milliseconds(elapsed) << ")\n";
            if (statements)
                for (std::string_view step_sql : up ? r.upgrade_steps : r.downgrade_steps) {
                    std::size_t begin = 0;
                    while (begin < step_sql.size()) {
                        std::size_t end = step_sql.find('\n', begin);
                        if (end == std::string_view::npos) end = step_sql.size();
                        o << "    " << step_sql.substr(begin, end - begin) << '\n';
                        begin = end + 1;
                    }
                }
            o << std::flush;
        });
        return step().applied.size();
    }

    void report_position(const std::optional<std::string>& now, std::size_t done) const {
        const auto revisions = this->revisions();
        const std::string where = now ? *now : std::string("base");
        const bool at_head = revisions.empty() ? !now : (now && *now == revisions.back().id);
        if (done == 0) *out << "nothing to do: ";
        *out << "database at " << where << (at_head ? " (head)" : "") << '\n';
    }

    int print_script(const database_url& url, const std::string& target, bool up) const {
        const auto revisions = revisions_for(url.family);
        std::string to_text = target;
        std::optional<std::size_t> from;
        if (const auto colon = target.find(':'); colon != std::string::npos) {
            from = migrate::revision_position(revisions, target.substr(0, colon));
            to_text = target.substr(colon + 1);
        }
        const std::size_t start = from.value_or(up ? 0 : revisions.size());
        const std::size_t to = up ? migrate::upgrade_target(revisions, to_text, start) : migrate::downgrade_target(revisions, to_text, start);
        const std::string_view create = url.family == dialect_family::sqlite
                                            ? ctsql::sql<sqlite<>>(migrate::detail::create_versions_statement)
                                            : ctsql::sql<postgresql<>>(migrate::detail::create_versions_statement);
        *out << offline_script(url.family, revisions, create, start, to);
        return 0;
    }

    // SQLite: the upgrade runs on an in-memory copy made with the backup API (the file is opened
    // read-only and never written). PostgreSQL: inside one transaction that is rolled back (each
    // revision's own transaction becomes a savepoint in it; the advisory lock is the session's).
    int dry_run(const database_url& url, const std::string& target) const {
        std::ostream& o = *out;
        auto run = [&](auto& db) {
            auto m = migrator_on(db);
            const std::string before = m.current().value_or("base");
            o << "dry run: database at " << before << ", upgrading to " << target << '\n';
            std::size_t done = 0;
            try {
                done = run_logged(m, [&] { return m.upgrade(target); }, "would apply", o, true);
            } catch (const database_error&) {
                o << "dry run: the upgrade would fail; nothing was changed\n";
                throw;
            }
            o << "dry run: " << done << (done == 1 ? " revision" : " revisions") << " would be applied, ending at "
              << m.current().value_or("base") << "; nothing was changed\n";
            return 0;
        };
        if (url.family == dialect_family::sqlite) {
            sqlite_connection copy(":memory:");
            if (!url.in_memory() && std::filesystem::exists(url.target)) {  // no file: an empty database, and none is created
                sqlite_options read_only;
                read_only.read_only = true;
                read_only.create = false;
                sqlite_connection source(url.target, read_only);
                copy_database(source, copy);
            }
            return run(copy);
        }
        postgresql_connection db(url.target);
        auto everything = db.transaction();
        const int code = run(db);
        everything.rollback();
        return code;
    }

    static void copy_database(sqlite_connection& from, sqlite_connection& to) {
        sqlite3_backup* backup = sqlite3_backup_init(to.native_handle(), "main", from.native_handle(), "main");
        if (backup == nullptr) throw database_error(std::string("cannot copy the database: ") + sqlite3_errmsg(to.native_handle()));
        const int step = sqlite3_backup_step(backup, -1);
        const int finish = sqlite3_backup_finish(backup);
        if (step != SQLITE_DONE || finish != SQLITE_OK)
            throw database_error(std::string("cannot copy the database: ") + sqlite3_errmsg(to.native_handle()), {}, {},
                                 step != SQLITE_DONE ? step : finish);
    }

    // ---- reading the state ----------------------------------------------------------------------

    int current(const parsed_arguments& a) const {
        expect_positional(a, 0, 0, "current");
        return with_database(url_of(a), [&](auto& db) {
            auto m = migrator_on(db);
            const auto applied = m.history();
            if (applied.empty()) {
                *out << "base\n";
                return 0;
            }
            const bool head = applied.size() == m.revisions().size();
            *out << applied.back().id << (head ? " (head)" : "") << " \"" << applied.back().message << "\"\n";
            return 0;
        });
    }

    int heads(const parsed_arguments& a) const {
        expect_positional(a, 0, 0, "heads");
        const auto revisions = this->revisions();
        if (!revisions.empty()) *out << revisions.back().id << " (head) \"" << revisions.back().message << "\"\n";
        return 0;
    }

    int history(const parsed_arguments& a) const {
        expect_positional(a, 0, 0, "history [-v]");
        const auto revisions = this->revisions();
        if (!a.has("--verbose")) {
            for (std::size_t i = revisions.size(); i-- != 0;) {
                const auto& r = revisions[i];
                *out << (r.parent.empty() ? std::string_view("base") : r.parent) << " -> " << r.id
                     << (i + 1 == revisions.size() ? " (head)" : "") << ", " << r.message << '\n';
            }
            return 0;
        }
        return with_database(url_of(a), [&](auto& db) {
            auto m = migrator_on(db);
            const std::size_t applied = m.history().size();
            const auto times = db.fetch_all(detail::cli_impl::applied_at_query{});
            const auto ours = m.revisions();
            for (std::size_t i = ours.size(); i-- != 0;) {
                const auto& r = ours[i];
                write_revision_header(r, i + 1 == ours.size(), i + 1 == applied);
                *out << "Applied: " << (i < applied ? times[i].template get<1>() : std::string("no")) << "\n\n";
            }
            return 0;
        });
    }

    // The lines `show` and `history -v` begin each revision with.
    void write_revision_header(const migrate::revision_info& r, bool head, bool current) const {
        *out << "Revision: " << r.id << (head ? " (head)" : "") << (current ? " (current)" : "") << '\n'
             << "Parent: " << (r.parent.empty() ? std::string_view("base") : r.parent) << '\n'
             << "Message: " << r.message << '\n'
             << "Checksum: " << migrate::detail::to_hex(r.checksum) << '\n';
    }

    int show(const parsed_arguments& a) const {
        expect_positional(a, 1, 1, "show REV");
        const database_url url = url_of(a);
        const auto revisions = revisions_for(url.family);
        const std::size_t position = migrate::revision_position(revisions, a.positional[0]);
        if (position == 0) throw migrate::migration_error("base is not a revision");
        const auto& r = revisions[position - 1];
        const char* dialect = url.family == dialect_family::sqlite ? "sqlite" : "postgresql";
        write_revision_header(r, position == revisions.size(), false);
        auto steps = [&](std::string_view title, std::span<const std::string_view> sql) {
            *out << '\n' << title << " (" << dialect << "), " << sql.size() << (sql.size() == 1 ? " operation" : " operations") << ":\n";
            for (std::size_t k = 0; k != sql.size(); ++k) {
                *out << "-- " << (k + 1) << '\n' << sql[k];
                if (!sql[k].empty() && sql[k].back() != '\n') *out << '\n';
            }
        };
        steps("Upgrade", r.upgrade_steps);
        steps("Downgrade", r.downgrade_steps);
        return 0;
    }

    int stamp(const parsed_arguments& a) const {
        expect_positional(a, 1, 1, "stamp REV|head|base");
        return with_database(url_of(a), [&](auto& db) {
            auto m = migrator_on(db);
            m.stamp(a.positional[0]);  // "head" of an empty chain is base
            *out << "stamped: database at " << m.current().value_or("base") << '\n';
            return 0;
        });
    }

    // One line per problem on stdout; exit 1 when there is any.
    int check(const parsed_arguments& a) const {
        expect_positional(a, 0, 0, "check");
        std::vector<std::string> problems = detail::cli_impl::compare_head_with_model(head_specs(), model_specs());
        const int code = with_database(url_of(a), [&](auto& db) {
            auto m = migrator_on(db);
            const auto revisions = m.revisions();
            std::size_t applied = 0;
            try {
                applied = m.history().size();
            } catch (const migrate::migration_error& e) {
                problems.insert(problems.begin(), "database: " + e.message());
                return 0;
            }
            std::vector<std::string> lines;
            if (applied < revisions.size())
                lines.push_back("database: behind, at " + detail::offline::revision_label(revisions, applied) + "; head is " +
                                std::string(revisions.back().id) + " (" + std::to_string(revisions.size() - applied) +
                                (revisions.size() - applied == 1 ? " revision" : " revisions") + " to apply)");
            for (auto& d : m.drift(introspect_database(db))) lines.push_back("drift: " + d);
            problems.insert(problems.begin(), lines.begin(), lines.end());
            return 0;
        });
        for (const auto& p : problems) *out << p << '\n';
        if (problems.empty()) *out << "ok: database at head, no drift, the chain yields the model\n";
        return problems.empty() ? code : 1;
    }

    // ---- revision files -------------------------------------------------------------------------

    int revision(const parsed_arguments& a) const {
        expect_positional(a, 0, 0, "revision -m MESSAGE [--autogenerate]");
        const auto message = a.value("--message");
        if (!message || message->empty()) throw command_line_error("revision needs a message: -m \"what it does\"");
        std::vector<compiled_revision> compiled;
        for (const auto& r : revisions()) compiled.push_back({std::string(r.id), std::string(r.message)});
        const written_revision w = write_revision_files(migrations_dir, compiled, *message, a.has("--autogenerate"), head_specs(), model_specs());
        *out << "wrote " << w.path << '\n';
        for (const auto& warning : w.warnings) *out << "warning: " << warning << '\n';
        *out << "rewrote " << w.chain_path << "; rebuild the migrate program to use it\n";
        return 0;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static void expect_positional(const parsed_arguments& a, std::size_t min, std::size_t max, std::string_view usage) {
        if (a.positional.size() < min || a.positional.size() > max)
            throw command_line_error(std::string(a.positional.size() < min ? "missing argument" : "too many arguments")
                                         .append(": usage: ")
                                         .append(usage));
    }
};

inline int run_program(const cli_chain& chain, const std::string& migrations_dir, std::ostream& out, std::ostream& err,
                       const std::string& program, const std::vector<std::string>& args) {
    return migrate_program{chain, migrations_dir, &out, &err}.run(program, args);
}

}  // namespace detail::cli_impl

// The migrate program of a project: Model is its ctsql::schema<tables...>, Chain its
// ctsql::migrate::chain<revisions...> (may be empty).
template <class Model, class Chain>
struct cli {
    // The project's migrations folder (chain.hpp, versions/), where `revision` writes.
    std::string migrations_dir;
    std::ostream* out = &std::cout;
    std::ostream* err = &std::cerr;

    // argv[0]'s file name names the program in help and error lines.
    int run(int argc, char** argv) const {
        std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
        return run(argc > 0 ? program_name_of(argv[0]) : std::string("migrate"), args);
    }

    int run(const std::string& program, const std::vector<std::string>& args) const {
        // cli_chain_of checks Model and Chain: a compile error names the mistake.
        return detail::cli_impl::run_program(cli_chain_of<Model, Chain>(), migrations_dir, *out, *err, program, args);
    }
};

#ifdef CTSQL_CLI_DEFINE_RUN_CLI
int run_cli(const cli_chain& chain, const std::string& migrations_dir, int argc, char** argv) {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return detail::cli_impl::run_program(chain, migrations_dir, std::cout, std::cerr,
                                         argc > 0 ? program_name_of(argv[0]) : std::string("migrate"), args);
}
#endif

}  // namespace ctsql::tools
