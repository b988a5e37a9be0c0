// Runs a migration chain against a database: a version table, upgrade / downgrade to a
// revision or by N, current, history, stamp, and a drift check against the live schema.
//
//   ctsql::sqlite_connection db("app.db");
//   ctsql::migrate::migrator<history, ctsql::sqlite_connection> migrations(db);
//   migrations.upgrade();                       // to head: each revision in its own transaction
//   migrations.downgrade("-1");                 // or to a revision id, or "base"
//   migrations.current();                       // "0003", or std::nullopt at base
//
// Guarantees:
// - each revision runs in its own transaction (DDL is transactional on both databases): a
//   failure rolls it back completely, leaves the database at the previous revision and throws
//   migration_error naming the revision and the operation;
// - two runners at once: one applies, the other waits for the whole run, then finds nothing to
//   do (PostgreSQL: a session advisory lock; SQLite: an flock() on "<database>.migrate-lock");
// - each applied revision's checksum (of its SQL) is stored; a database whose applied
//   revisions are unknown to the program, out of order, or changed since, is refused.
// SQLite table rebuilds need foreign-key enforcement off while they run: it is turned off
// around each revision (outside the transaction, as SQLite requires) and
// PRAGMA foreign_key_check must come back empty before the revision commits.
#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "ctsql/connector/error.hpp"
#include "ctsql/connector/live_schema.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/expr/operators.hpp"
#include "ctsql/expr/parameter.hpp"
#include "ctsql/expr/shorthands.hpp"
#include "ctsql/migrate/revision.hpp"
#include "ctsql/migrate/state_spec.hpp"
#include "ctsql/query/ddl.hpp"
#include "ctsql/query/modify.hpp"
#include "ctsql/query/raw.hpp"
#include "ctsql/query/select.hpp"
#include "ctsql/render/ddl.hpp"
#include "ctsql/render/modify.hpp"
#include "ctsql/render/select.hpp"
#include "ctsql/schema/column.hpp"

namespace ctsql::migrate {

// A failed revision, a refused database state, or an unknown target.
class migration_error : public database_error {
public:
    using database_error::database_error;
};

// What the program knows of one revision, for its connection's dialect.
struct revision_info {
    std::string_view id;
    std::string_view message;
    std::string_view parent;  // "" for the first
    std::uint64_t checksum = 0;
    std::span<const std::string_view> upgrade_steps;    // SQL of each operation
    std::span<const std::string_view> downgrade_steps;  // SQL of each inverse operation, in order
    std::span<const table_spec* const> schema;          // the tables after this revision
};

// ---- revision targets -------------------------------------------------------------------------
// One set of rules for where "head", "base", a revision id, "+N" and "-N" land, counted in applied
// revisions (0 = base) for a database at `from`: the migrator resolves its online targets with
// them, and the CLI its offline --sql targets (where FROM stands for the database's revision).

// The position of "base" (0), "head" (the chain's length) or a revision id (its index + 1).
inline std::size_t revision_position(std::span<const revision_info> revisions, std::string_view target) {
    if (target == "base") return 0;
    if (target == "head") return revisions.size();
    for (std::size_t i = 0; i != revisions.size(); ++i)
        if (revisions[i].id == target) return i + 1;
    throw migration_error(std::string("no revision \"").append(target).append("\" in this program's chain"));
}

// N of "+N" / "-N" (without its sign): a positive decimal count.
inline std::size_t revision_count(std::string_view text) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || n == 0)
        throw migration_error(std::string("not a revision count: ").append(text));
    return n;
}

// An upgrade's end: "head", "+N", a revision id (or "base"); never behind `from` (at most the
// chain's length), never past head.
inline std::size_t upgrade_target(std::span<const revision_info> revisions, std::string_view target, std::size_t from) {
    std::size_t to = 0;
    if (target.starts_with('+')) {
        const std::size_t n = revision_count(target.substr(1));
        if (n > revisions.size() - from)  // not from + n, which a huge N wraps around
            throw migration_error(revisions.empty() ? std::string("cannot upgrade: the chain has no revisions")
                                                    : "cannot upgrade past the head revision " + std::string(revisions.back().id));
        to = from + n;
    } else {
        to = revision_position(revisions, target);
    }
    if (to < from)
        throw migration_error(std::string("revision ").append(target).append(" is behind the database's: downgrade to it instead"));
    return to;
}

// A downgrade's end: "base", "-N", a revision id (which stays applied; or "head"); never ahead of `from`.
inline std::size_t downgrade_target(std::span<const revision_info> revisions, std::string_view target, std::size_t from) {
    if (target.starts_with('-')) {
        const std::size_t n = revision_count(target.substr(1));
        if (n > from) throw migration_error("cannot downgrade by " + std::to_string(n) + ": only " + std::to_string(from) + " applied");
        return from - n;
    }
    const std::size_t to = revision_position(revisions, target);
    if (to > from)
        throw migration_error(std::string("revision ").append(target).append(" is ahead of the database's: upgrade to it instead"));
    return to;
}

// A revision recorded in the database's version table.
struct applied_revision {
    std::string id;
    std::int64_t position = 0;  // 1 for the first revision of the chain
    std::uint64_t checksum = 0;
    std::string message;
};

// The version table, declared like any table.
struct version_table {
    static constexpr fixed_string sql_name = "ctsql_migrations";
    struct revision_c : column<version_table, "revision", std::string, primary_key> {} revision;
    struct position_c : column<version_table, "position", std::int64_t, unique> {} position;
    struct checksum_c : column<version_table, "checksum", std::string> {} checksum;
    struct message_c : column<version_table, "message", std::string> {} message;
    struct applied_at_c : column<version_table, "applied_at", timestamp, default_now> {} applied_at;
};

namespace detail {

inline constexpr version_table versions{};

inline constexpr auto create_versions_statement = ctsql::create_table(versions).if_not_exists();
// Run as a script (not kept prepared): a DDL statement kept prepared across the revisions'
// schema changes is re-prepared by SQLite on each run, which must not see a stale schema.
struct create_versions_t {
    using parameters = type_list<>;
    using result_row = void;
    using statements = type_list<>;
};
inline constexpr create_versions_t create_versions{};
inline constexpr auto select_versions = ctsql::select(versions.revision, versions.position, versions.checksum, versions.message)
                                            .from(versions)
                                            .order_by(versions.position.asc());
inline constexpr auto insert_version = ctsql::insert_into(versions).values(
    versions.revision.to(param<"revision">), versions.position.to(param<"position">),
    versions.checksum.to(param<"checksum">), versions.message.to(param<"message">));
inline constexpr auto delete_version = ctsql::delete_from(versions).where(versions.revision == param<"revision">);
inline constexpr auto delete_all_versions = ctsql::delete_from(versions);

// Changing foreign_keys expires every prepared statement; these run as scripts, unprepared.
struct foreign_keys_off : raw_statement<raw_sql<"PRAGMA foreign_keys = OFF">> {
    using statements = type_list<>;
};
struct foreign_keys_on : raw_statement<raw_sql<"PRAGMA foreign_keys = ON">> {
    using statements = type_list<>;
};
using foreign_keys_state = raw_statement<raw_sql<"PRAGMA foreign_keys">, type_list<>, row<field<"foreign_keys", std::int64_t>>>;
using foreign_key_check =
    raw_statement<raw_sql<"PRAGMA foreign_key_check">, type_list<>,
                  row<field<"table", std::string>, field<"rowid", std::optional<std::int64_t>>, field<"parent", std::string>,
                      field<"fkid", std::int64_t>>>;
// pg_advisory_lock returns void, which has no C++ type: select a constant after taking it.
using advisory_lock = raw_statement<raw_sql<"", "SELECT 1 FROM (SELECT pg_advisory_lock($1)) AS taken">,
                                    type_list<parameter<"key", std::int64_t>>, row<field<"taken", std::int32_t>>>;
using advisory_unlock = raw_statement<raw_sql<"", "SELECT pg_advisory_unlock($1)">, type_list<parameter<"key", std::int64_t>>,
                                      row<field<"released", bool>>>;

inline std::string to_hex(std::uint64_t value) {
    std::array<char, 16> digits{};
    for (std::size_t i = 0; i != 16; ++i) {
        digits[15 - i] = "0123456789abcdef"[value & 0xf];
        value >>= 4;
    }
    return std::string(digits.data(), digits.size());
}
inline std::uint64_t from_hex(std::string_view text) {
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw migration_error(std::string("the version table holds a malformed checksum: ").append(text));
    return value;
}

template <class D, class R>
constexpr revision_info info_of() {
    return revision_info{
        R::id.view(),
        R::message.view(),
        R::parent::id.view(),
        revision_checksum<D, R>,
        upgrade_steps_sql<D, R>,
        downgrade_steps_sql<D, R>,
        state_specs<state_after<R>>::value,
    };
}

template <class D, class Revisions>
struct chain_infos;
template <class D, class... Rs>
struct chain_infos<D, type_list<Rs...>> {
    static constexpr std::array<revision_info, sizeof...(Rs)> value{info_of<D, Rs>()...};
};

// A stable lock key from the version table's name (every ctsql runner of a database shares it).
inline constexpr std::int64_t lock_key = static_cast<std::int64_t>(checksum("ctsql_migrations lock") >> 1);

}  // namespace detail

// Called after each revision a run applies (up) or reverts (down), with the time it took.
using revision_observer = std::function<void(const revision_info&, bool up, std::chrono::nanoseconds elapsed)>;

struct run_report {
    std::vector<std::string> applied;  // revision ids, in the order they ran (upgrade or downgrade)
};

// Runs one operation's SQL of a revision on a connection (each is the connector's script of that step's type).
template <class Connection>
using step_runner = void (*)(Connection&);

template <class Connection>
struct revision_steps {
    std::span<const step_runner<Connection>> up;
    std::span<const step_runner<Connection>> down;
};

// A chain as the runner needs it for one connection type: each revision's description and
// step runners, in tables built at compile time. Everything chain-specific is here, so
// basic_migrator (and the CLI above it) is compiled once per connection type, not per chain.
template <class Connection>
struct chain_table {
    std::span<const revision_info> revisions;
    std::span<const revision_steps<Connection>> steps;
};

namespace detail {

template <class Step, class Connection>
void run_step(Connection& db) {
    db.execute(Step{});
}
template <class Connection, class R, class Up, class Down>
struct steps_of;
template <class Connection, class R, std::size_t... U, std::size_t... D>
struct steps_of<Connection, R, std::index_sequence<U...>, std::index_sequence<D...>> {
    static constexpr std::array<step_runner<Connection>, sizeof...(U)> up{&run_step<upgrade_step<R, U>, Connection>...};
    static constexpr std::array<step_runner<Connection>, sizeof...(D)> down{&run_step<downgrade_step<R, D>, Connection>...};
};
template <class Connection, class Revisions>
struct all_steps;
template <class Connection, class... Rs>
struct all_steps<Connection, type_list<Rs...>> {
    template <class R>
    using of = steps_of<Connection, R, std::make_index_sequence<R::operations::size>,
                        std::make_index_sequence<downgrade_operations<R>::size>>;
    static constexpr std::array<revision_steps<Connection>, sizeof...(Rs)> value{revision_steps<Connection>{of<Rs>::up, of<Rs>::down}...};
};

}  // namespace detail

// Chain's table for Connection (its dialect's SQL).
template <class Chain, class Connection>
inline constexpr chain_table<Connection> chain_table_of{
    detail::chain_infos<typename Connection::dialect, typename Chain::revisions>::value,
    detail::all_steps<Connection, typename Chain::revisions>::value,
};

// Runs a chain, given as its table, on a ctsql::sqlite_connection or ctsql::postgresql_connection
// (migrator<Chain, Connection> below is the checked way to get one).
template <class Connection>
class basic_migrator {
public:
    using dialect = typename Connection::dialect;
    static constexpr bool is_sqlite = dialect::family == dialect_family::sqlite;

    basic_migrator(Connection& db, const chain_table<Connection>& chain) : db_(db), chain_(chain) {}

    // Every revision of the program's chain, oldest first.
    std::span<const revision_info> revisions() const noexcept { return chain_.revisions; }

    // The revisions recorded in the database, oldest first, after checking that they are a
    // prefix of the program's chain with unchanged checksums (else migration_error).
    std::vector<applied_revision> history() {
        ensure_version_table();
        return read_applied();
    }

    // The database's revision, or nullopt at base (nothing applied).
    std::optional<std::string> current() {
        auto applied = history();
        if (applied.empty()) return std::nullopt;
        return applied.back().id;
    }

    // Upgrades to `target`: "head", a revision id, or "+N" (N revisions forward); upgrade_target's rules.
    run_report upgrade(std::string_view target = "head") {
        lock_guard lock(*this);
        ensure_version_table();
        const std::size_t from = read_applied().size();
        const std::size_t to = migrate::upgrade_target(revisions(), target, from);
        run_report report;
        for (std::size_t i = from; i < to; ++i)
            if (apply(i, true)) report.applied.emplace_back(revisions()[i].id);
        return report;
    }

    // Downgrades to `target`: a revision id (which stays applied), "-N", or "base"; downgrade_target's rules.
    run_report downgrade(std::string_view target) {
        lock_guard lock(*this);
        ensure_version_table();
        const std::size_t from = read_applied().size();
        const std::size_t to = migrate::downgrade_target(revisions(), target, from);
        run_report report;
        for (std::size_t i = from; i > to; --i)
            if (apply(i - 1, false)) report.applied.emplace_back(revisions()[i - 1].id);
        return report;
    }

    // Records `target` ("head", an id or "base") as the database's revision without running
    // any SQL (for a database whose schema is already there).
    void stamp(std::string_view target) {
        lock_guard lock(*this);
        ensure_version_table();
        const std::size_t to = revision_position(revisions(), target);
        auto tx = db_.transaction();
        db_.execute(detail::delete_all_versions);
        for (std::size_t i = 0; i != to; ++i) record(i);
        tx.commit();
    }

    // Calls `observer` after each revision this migrator applies or reverts (the CLI prints them).
    void observe(revision_observer observer) { observer_ = std::move(observer); }

    // Differences between the live schema and the schema of the database's current revision
    // (empty when they agree). `live` comes from sqlite_introspect_schema /
    // postgresql_introspect_schema; the version table itself is ignored.
    std::vector<std::string> drift(std::vector<live_table> live) {
        std::erase_if(live, [](const live_table& t) { return t.name == version_table::sql_name.view(); });
        const auto applied = history();
        if (applied.empty()) {
            std::vector<std::string> out;
            for (const auto& t : live) out.push_back("table " + t.name + ": in the database, but no revision is applied");
            return out;
        }
        // Column order is no drift here: a downgrade that restores a dropped column can only
        // append it (neither database inserts a column in place).
        return compare_schema<dialect>(revisions()[applied.size() - 1].schema, live, compare_options{.column_order = false});
    }

private:
    // One lock for a whole run, so a second runner waits for the first to finish, then finds
    // nothing to do. PostgreSQL: a session advisory lock. SQLite has no lock that outlives a
    // transaction (and each revision is its own): an exclusive flock() on "<database>.migrate-lock"
    // next to the database file (none for :memory: and temporary databases, which no other
    // process can open). Each revision is still serialised by BEGIN IMMEDIATE, and the version
    // table re-read under it, so a runner of an older ctsql cannot apply a revision twice either.
    struct lock_guard {
        explicit lock_guard(basic_migrator& m) : m_(m) {
            if constexpr (is_sqlite) {
                const std::string_view file = m_.db_.database_file();
                if (file.empty()) return;
                const std::string path = std::string(file) + ".migrate-lock";
                fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
                if (fd_ < 0) throw migration_error("cannot open the migration lock file " + path + ": " + std::strerror(errno));
                while (::flock(fd_, LOCK_EX) != 0) {
                    if (errno == EINTR) continue;
                    const int error = errno;
                    ::close(fd_);
                    throw migration_error("cannot lock the migration lock file " + path + ": " + std::strerror(error));
                }
            } else {
                (void)m_.db_.fetch_one(detail::advisory_lock{}, detail::lock_key);
            }
        }
        ~lock_guard() {
            if constexpr (is_sqlite) {
                if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
            } else {
                try {
                    (void)m_.db_.fetch_one(detail::advisory_unlock{}, detail::lock_key);
                } catch (...) {  // the session ends the lock when the connection closes anyway
                }
            }
        }
        lock_guard(const lock_guard&) = delete;
        lock_guard& operator=(const lock_guard&) = delete;
        basic_migrator& m_;
        int fd_ = -1;
    };

    void ensure_version_table() {
        auto tx = begin_transaction();
        db_.execute(detail::create_versions);
        tx.commit();
    }

    std::vector<applied_revision> read_applied() {
        std::vector<applied_revision> out;
        for (auto& [revision, position, checksum, message] : db_.fetch_all(detail::select_versions))
            out.push_back({std::move(revision), position, detail::from_hex(checksum), std::move(message)});
        const auto known = revisions();
        for (std::size_t i = 0; i != out.size(); ++i) {
            const applied_revision& a = out[i];
            if (i >= known.size() || a.position != static_cast<std::int64_t>(i + 1) || a.id != known[i].id) {
                bool exists = false;
                for (const auto& k : known) exists = exists || k.id == a.id;
                throw migration_error(exists ? "the database's applied revisions are not a prefix of this program's chain: "
                                               "revision " + a.id + " is recorded at position " + std::to_string(a.position)
                                             : "the database has revision " + a.id + " (\"" + a.message +
                                                   "\"), which this program does not know: refusing to run");
            }
            if (a.checksum != known[i].checksum)
                throw migration_error("revision " + a.id + " (\"" + a.message +
                                      "\") changed since it was applied (checksum " + detail::to_hex(a.checksum) +
                                      " in the database, " + detail::to_hex(known[i].checksum) +
                                      " in this program): refusing to run");
        }
        return out;
    }

    void record(std::size_t i) {
        const revision_info& r = revisions()[i];
        db_.execute(detail::insert_version, std::string(r.id), static_cast<std::int64_t>(i + 1), detail::to_hex(r.checksum),
                    std::string(r.message));
    }

    // Applies revision i upward (its upgrade) or downward (its downgrade) in one transaction.
    // Returns false when another runner had already done it (seen under the lock).
    bool apply(std::size_t i, bool up) {
        const revision_info& r = revisions()[i];
        bool restore_foreign_keys = false;
        if constexpr (is_sqlite) {
            restore_foreign_keys = db_.fetch_one(detail::foreign_keys_state{}).template get<0>() != 0;
            if (restore_foreign_keys) db_.execute(detail::foreign_keys_off{});
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            bool done = run_revision(i, r, up);
            if (done && observer_) observer_(r, up, std::chrono::steady_clock::now() - start);
            if constexpr (is_sqlite)
                if (restore_foreign_keys) db_.execute(detail::foreign_keys_on{});
            return done;
        } catch (...) {
            if constexpr (is_sqlite)
                if (restore_foreign_keys) db_.execute(detail::foreign_keys_on{});
            throw;
        }
    }

    bool run_revision(std::size_t i, const revision_info& r, bool up) {
        auto tx = begin_transaction();
        const std::size_t applied = read_applied().size();  // under the lock: another runner may have moved it
        if (up ? applied != i : applied != i + 1) {
            if (up ? applied > i : applied < i + 1) return false;  // already done by someone else
            throw migration_error("the database moved to a different revision while migrating (now " +
                                  std::to_string(applied) + " applied)");
        }
        const auto steps = up ? r.upgrade_steps : r.downgrade_steps;
        const auto runs = up ? chain_.steps[i].up : chain_.steps[i].down;
        for (std::size_t k = 0; k != steps.size(); ++k) {
            try {
                runs[k](db_);
            } catch (const database_error& e) {
                throw migration_error(std::string(up ? "upgrade" : "downgrade") + " of revision " + std::string(r.id) +
                                          " (\"" + std::string(r.message) + "\") failed in operation " + std::to_string(k + 1) +
                                          " of " + std::to_string(steps.size()) + ": " + e.message() +
                                          "; the revision was rolled back",
                                      std::string(steps[k]), e.sqlstate(), e.native_code());
            }
        }
        if constexpr (is_sqlite) {
            const auto violations = db_.fetch_all(detail::foreign_key_check{});
            if (!violations.empty())
                throw migration_error("revision " + std::string(r.id) + " (\"" + std::string(r.message) +
                                      "\") leaves rows that violate a foreign key (first in table " +
                                      violations.front().template get<"table">() + "); the revision was rolled back");
        }
        if (up) record(i);
        else db_.execute(detail::delete_version, std::string(r.id));
        tx.commit();
        return true;
    }

    // SQLite: take the write lock at once, so a second runner waits here and then sees the
    // version table as the first one left it.
    auto begin_transaction() {
        if constexpr (is_sqlite) return db_.transaction(Connection::transaction_mode::immediate);
        else return db_.transaction();
    }

    Connection& db_;
    chain_table<Connection> chain_;
    revision_observer observer_;
};

// Runs Chain on a ctsql::sqlite_connection or ctsql::postgresql_connection.
template <class Chain, class Connection>
class migrator : public basic_migrator<Connection> {
public:
    // Checks the chain at compile time (every operation fits its revision's schema and every
    // derived downgrade restores it); the proof against the model is chain_yields<>.
    explicit migrator(Connection& db) : basic_migrator<Connection>(db, table()) {
        static_assert(::ctsql::detail::enforce<::ctsql::detail::rule_of<decltype(check_chain<Chain>())>>::ok);
    }

    // Every revision of the program's chain, oldest first (no connection needed).
    static std::span<const revision_info> revisions() noexcept { return table().revisions; }

private:
    static const chain_table<Connection>& table() noexcept { return chain_table_of<Chain, Connection>; }
};

}  // namespace ctsql::migrate

namespace ctsql {
template <dialect Dialect>
struct statement_renderer<Dialect, migrate::detail::foreign_keys_off>
    : statement_renderer<Dialect, raw_statement<raw_sql<"PRAGMA foreign_keys = OFF">>> {};
template <dialect Dialect>
struct statement_renderer<Dialect, migrate::detail::foreign_keys_on>
    : statement_renderer<Dialect, raw_statement<raw_sql<"PRAGMA foreign_keys = ON">>> {};
template <dialect Dialect>
struct statement_renderer<Dialect, migrate::detail::create_versions_t>
    : statement_renderer<Dialect, std::remove_cvref_t<decltype(migrate::detail::create_versions_statement)>> {};
}  // namespace ctsql
