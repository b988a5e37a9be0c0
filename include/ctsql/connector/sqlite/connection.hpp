// ctsql::sqlite_connection: runs ctsql statements on SQLite (see docs/connectors.md).
//
//   ctsql::sqlite_connection db(":memory:");              // or a path, or a file: URI
//   db.execute(ctsql::create_all<app_schema>());
//   db.execute(insert_user, "ada", 36);                    // arguments checked at compile time
//   for (const auto& [id, name] : db.fetch(users_older_than, 30)) ...   // steps as iterated
//   std::vector<User> users = db.fetch_all<User>(users_older_than, 30);
//
// One connection is used by one thread at a time (it is opened SQLITE_OPEN_NOMUTEX unless
// sqlite_options::serialized is set); open one connection per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// Only what is used of <chrono> (milliseconds), <ranges> (the range concepts) and <iterator>
// (input_iterator_tag): the whole headers bring formatting (<sstream>), the views and the
// stream iterators (see schema/sql_type.hpp). No <memory>: detail/owned_ptr.hpp.
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>) && __has_include(<bits/ranges_base.h>) && \
    __has_include(<bits/stl_iterator_base_types.h>)
#include <bits/chrono.h>
#include <bits/ranges_base.h>
#include <bits/stl_iterator_base_types.h>
#else
#include <chrono>
#include <iterator>
#include <ranges>
#endif

#include <sqlite3.h>

#include "ctsql/connector/aggregate_fields_of.hpp"
#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/connector/at_most_one_row.hpp"
#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/bulk_insert.hpp"
#include "ctsql/connector/bulk_update.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/row_mapping.hpp"
#include "ctsql/connector/separate_compilation.hpp"
#include "ctsql/connector/sqlite/error.hpp"
#include "ctsql/connector/sqlite/values.hpp"
#include "ctsql/connector/sqlite/dynamic.hpp"  // dynamic queries (added with ctsql::dynamic)
#include "ctsql/connector/statement_cache.hpp"
#include "ctsql/connector/transaction.hpp"
#include "ctsql/detail/owned_ptr.hpp"
#include "ctsql/dialect/sqlite.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql {

struct sqlite_options {
    // How long a statement waits for another connection's lock before busy_error.
    std::chrono::milliseconds busy_timeout{5000};
    // PRAGMA foreign_keys = ON (SQLite's own default is OFF).
    bool foreign_keys = true;
    // PRAGMA journal_mode = WAL (a database file only; an error for in-memory databases).
    // false leaves the journal mode as the file has it.
    bool wal = false;
    // SQLITE_OPEN_READONLY instead of READWRITE.
    bool read_only = false;
    // Create the database file if it does not exist (SQLITE_OPEN_CREATE).
    bool create = true;
    // SQLITE_OPEN_FULLMUTEX: SQLite serialises calls on the connection. The default
    // (SQLITE_OPEN_NOMUTEX) skips that mutex, which costs 6-26 % per statement; the connection
    // object is not thread-safe either way (its statement cache is not), so use it from one
    // thread at a time.
    bool serialized = false;
};

// BEGIN DEFERRED (the first read or write takes the lock), IMMEDIATE (take the write lock
// now: no SQLITE_BUSY on a later write), EXCLUSIVE (no other connection may read either, in
// rollback-journal mode).
enum class sqlite_transaction_mode : unsigned char { deferred, immediate, exclusive };

namespace detail::sqlite_impl {

struct cache_entry {
    sqlite3_stmt* stmt = nullptr;
    const char* key = nullptr;  // the statement type's SQL constant
    bool busy = false;          // in use (by a fetch() range): a second use gets its own statement
    std::size_t last_rows = 0;  // rows the last fetch_all read: the next one reserves that many
};

// fetch_all reserves at most this many rows from the previous execution's count (a bound on
// memory taken in advance; a bigger result grows the vector as usual).
inline constexpr std::size_t max_reserved_rows = 4096;

class state;

// One use of a prepared statement; resets it (and frees the cache slot) when done.
class statement_lease {
public:
    statement_lease() noexcept = default;
    statement_lease(state& owner, sqlite3_stmt* stmt, std::size_t slot) noexcept
        : owner_(&owner), stmt_(stmt), slot_(slot) {}
    statement_lease(statement_lease&& other) noexcept
        : owner_(other.owner_), stmt_(std::exchange(other.stmt_, nullptr)), slot_(other.slot_) {}
    statement_lease& operator=(statement_lease&& other) noexcept {
        if (this != &other) {
            release();
            owner_ = other.owner_;
            stmt_ = std::exchange(other.stmt_, nullptr);
            slot_ = other.slot_;
        }
        return *this;
    }
    ~statement_lease() { release(); }

    sqlite3_stmt* get() const noexcept { return stmt_; }
    inline void release() noexcept;
    // The row count of the statement's previous fetch_all (0 for a temporary statement), and
    // recording this one's.
    inline std::size_t last_rows() const noexcept;
    inline void remember_rows(std::size_t rows) noexcept;

private:
    state* owner_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::size_t slot_ = npos;  // npos: a temporary statement, finalized on release
};

class state {
public:
    // minimum_version: SQLITE_VERSION_NUMBER form (3040000), the connection's dialect. Cold
    // (compiled for size in every TU that opens a connection): it runs once per connection.
    [[gnu::cold]] state(const std::string& path, const sqlite_options& options, std::uint32_t minimum_version);
    state(const state&) = delete;
    state& operator=(const state&) = delete;
    ~state();

    // Cold: once per statement and connection (its cost is SQLite's parsing).
    [[gnu::cold]] sqlite3_stmt* prepare(const char* sql, std::size_t size);

    // The statement for `slot` (prepared on first use), or a temporary one while it is busy. The
    // common case, prepared and free, inline; the rest out of line.
    [[gnu::always_inline]] statement_lease acquire(std::size_t slot, const char* sql, std::size_t size) {
        if (slot < cache.size()) [[likely]] {
            cache_entry& entry = cache[slot];
            if (entry.key == sql && !entry.busy) [[likely]] {
                entry.busy = true;
                return statement_lease(*this, entry.stmt, slot);
            }
        }
        return acquire_slow(slot, sql, size);
    }

    statement_lease acquire_slow(std::size_t slot, const char* sql, std::size_t size);

    void finish(sqlite3_stmt* stmt, std::size_t slot) noexcept {
        sqlite3_reset(stmt);
        if (slot == npos) sqlite3_finalize(stmt);
        else cache[slot].busy = false;
    }

    // Steps to completion; the affected row count for INSERT/UPDATE/DELETE, else rows returned.
    std::uint64_t run(sqlite3_stmt* stmt) {
        const sqlite3_int64 before = sqlite3_total_changes64(db);
        std::uint64_t rows = 0;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ++rows;
        if (rc != SQLITE_DONE) throw_error(db, rc, sqlite3_sql(stmt));
        if (sqlite3_total_changes64(db) != before) return static_cast<std::uint64_t>(sqlite3_changes64(db));
        return rows;
    }

    // Runs SQL text of one or more statements without parameters (scripts, PRAGMAs).
    void exec(const char* sql);

    // ---- transactions (the Backend of basic_transaction) ---------------------------------------
    unsigned transaction_depth() const noexcept { return depth; }

    unsigned begin(sqlite_transaction_mode mode);
    void commit_transaction(unsigned level);
    void rollback_transaction(unsigned level);
    void rollback_transaction_noexcept(unsigned level) noexcept;

    sqlite3* db = nullptr;
    std::vector<cache_entry> cache;
    unsigned depth = 0;
    sqlite3_stmt* control[5] = {};  // BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE, COMMIT, ROLLBACK

private:
    static std::string savepoint_sql(const char* verb, unsigned level);
    void check_innermost(unsigned level, const char* what) const;

    void sync_depth() noexcept {
        if (sqlite3_get_autocommit(db) != 0) depth = 0;
    }

    void run_control(int which, const char* sql);

    [[gnu::cold]] void enable_wal();
};

inline void statement_lease::release() noexcept {
    if (stmt_ != nullptr) owner_->finish(std::exchange(stmt_, nullptr), slot_);
}

inline std::size_t statement_lease::last_rows() const noexcept {
    return slot_ == npos ? 0 : owner_->cache[slot_].last_rows;
}

inline void statement_lease::remember_rows(std::size_t rows) noexcept {
    if (slot_ != npos) owner_->cache[slot_].last_rows = rows;
}

// A raw statement's declared row must match what the statement returns. The comparison inline,
// the error out of line: one copy per TU instead of one per row type.
[[noreturn, gnu::cold]] void column_count_differs(sqlite3_stmt* stmt, std::size_t declared);

inline void check_column_count(sqlite3_stmt* stmt, std::size_t declared) {
    if (sqlite3_column_count(stmt) != static_cast<int>(declared)) [[unlikely]]
        column_count_differs(stmt, declared);
}

template <class Row>
inline void check_columns(sqlite3_stmt* stmt) {
    check_column_count(stmt, row_columns<Row>::size);
}

template <class Row, class Target, class Mapping, std::size_t... K>
inline void read_fields(sqlite3_stmt* stmt, Target& target, std::index_sequence<K...>) {
    (read_value(stmt, static_cast<int>(Mapping::template column<K>), Mapping::template member<K>(target),
                row_columns<Row>::names[Mapping::template column<K>]),
     ...);
}

// Reads the current row's columns 0, 1, ... into `fields` (with_fields passes an aggregate's
// fields). Inline, and the column names constants of Row: each field costs the call of its
// read_value and nothing else (as many instructions per row as before with_fields).
template <class Row>
struct field_reader {
    sqlite3_stmt* stmt;
    template <class... F>
    [[gnu::always_inline]] void operator()(F&... fields) const {
        int col = 0;
        ((read_value(stmt, col, fields, row_columns<Row>::names[col]), ++col), ...);
    }
};

// Reads the current row of `stmt` into the Target at `row` through row_mapping<Target, Row>:
// one call of read_value per field. A row_reader (below); the row loops call it directly, so a
// fetch instantiates one reading function per row type and target. Always inline into the
// loops (g++ declined for wide rows: a call per row), out of line only as fetch_one's reader.
template <class Row, class Target>
[[gnu::always_inline]] inline void read_one_row(sqlite3_stmt* stmt, void* row) {
    Target& target = *static_cast<Target*>(row);
    using Mapping = row_mapping<Target, Row>;
#if BOOST_PFR_USE_CPP17
    if constexpr (mapping_kind_of<Target>() == mapping_kind::aggregate) {
        with_fields<Mapping::size>(target, field_reader<Row>{stmt});
    } else
#endif
    {
        read_fields<Row, Target, Mapping>(stmt, target, std::make_index_sequence<Mapping::size>{});
    }
}

template <class Row, class Target>
inline void read_row(sqlite3_stmt* stmt, Target& target) {
    read_one_row<Row, Target>(stmt, &target);
}

[[noreturn, gnu::cold]] void step_failed(sqlite3_stmt* stmt, int rc);

// ---- The statement-independent part of fetch_* -----------------------------------------------
// Compiled once per translation unit instead of inlined into every statement's entry point:
// the entry points (templates) check their arguments at compile time, bind them (inline: the
// cheapest way to call sqlite3_bind_*) and name the function that reads their row type.

// Reads every remaining row of a statement into the vector at `rows` (row i into element i,
// reused, or a new element; the surplus erased); the row count. `reserve`: make room first.
using rows_reader = std::size_t (*)(sqlite3_stmt* stmt, void* rows, std::size_t reserve);
// Reads the current row into the object at `row`.
using row_reader = void (*)(sqlite3_stmt* stmt, void* row);

template <class Row, class T, class A>
std::size_t read_rows(sqlite3_stmt* stmt, void* rows, std::size_t reserve) {
    std::vector<T, A>& into = *static_cast<std::vector<T, A>*>(rows);
    const std::size_t old_size = into.size();
    if (reserve > into.capacity()) into.reserve(reserve);
    std::size_t count = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        // One call of the reader (inlined; two would each be a call).
        read_one_row<Row, T>(stmt, count < old_size ? &into[count] : &into.emplace_back());
        ++count;
    }
    if (rc != SQLITE_DONE) step_failed(stmt, rc);
    while (into.size() > count) into.pop_back();  // (resize would instantiate growth too)
    return count;
}

// The same for a new (empty) vector, for fetch_all: no element to reuse, nothing to erase, so
// the row is read once in the loop (read_rows reads it in two places) and the vector's only
// members used are reserve and emplace_back, as in a hand-written loop.
template <class Row, class T>
std::size_t read_new_rows(sqlite3_stmt* stmt, void* rows, std::size_t reserve) {
    std::vector<T>& into = *static_cast<std::vector<T>*>(rows);
    if (reserve != 0) into.reserve(reserve);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) read_one_row<Row, T>(stmt, &into.emplace_back());
    if (rc != SQLITE_DONE) step_failed(stmt, rc);
    return into.size();
}

// fetch_optional's row_reader: the row is constructed in the std::optional<T> at `row` only
// when there is one (no reset, no row to move out of).
template <class Row, class T>
void read_optional_row(sqlite3_stmt* stmt, void* row) {
    read_one_row<Row, T>(stmt, &static_cast<std::optional<T>*>(row)->emplace());
}

// Every row into the vector at `rows` (read by `read`); `reserve`: make room for as many rows as
// the statement's previous execution returned (a fresh vector).
// Out of line (gnu::noinline on the definition, connection_inl.hpp): one copy per TU, or one in
// the library.
std::size_t fetch_rows(statement_lease& lease, std::size_t columns, rows_reader read, void* rows, bool reserve);

// Reads the statement's only row into the object at `row`; false when there is none (or
// row_count_error when `required`), row_count_error when there are several. `single`: the
// statement cannot return a second row (a whole key fixed, LIMIT 1), which is then not stepped
// for (the lease resets the statement).
bool fetch_at_most_one(const statement_lease& lease, std::size_t columns, row_reader read, void* row, bool single,
                       bool required);

}  // namespace detail::sqlite_impl

// The rows of a statement, read as iterated (each ++ is one sqlite3_step). An input range:
// iterate it once. The statement is reset as soon as the last row was read (or the range is
// destroyed), so breaking out of the loop early is fine. The connection must outlive it.
template <class Target, class Row>
class sqlite_rows {
public:
    class iterator {
    public:
        using value_type = Target;
        using difference_type = std::ptrdiff_t;
        using iterator_concept = std::input_iterator_tag;

        iterator() noexcept = default;
        explicit iterator(sqlite_rows* rows) noexcept : rows_(rows) {}

        Target& operator*() const noexcept { return rows_->current_; }
        Target* operator->() const noexcept { return &rows_->current_; }
        iterator& operator++() {
            rows_->step();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept { return it.at_end(); }

    private:
        bool at_end() const noexcept { return rows_->done_; }
        sqlite_rows* rows_ = nullptr;
    };

    explicit sqlite_rows(detail::sqlite_impl::statement_lease lease) noexcept : lease_(std::move(lease)) {}

    // Reads the first row (once: a second begin() continues where the iteration stands).
    iterator begin() {
        if (!started_) {
            started_ = true;
            step();
        }
        return iterator(this);
    }
    std::default_sentinel_t end() const noexcept { return {}; }

private:
    void step() {
        if (done_) return;
        sqlite3_stmt* stmt = lease_.get();
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            try {
                detail::sqlite_impl::read_row<Row>(stmt, current_);
            } catch (...) {
                finish();
                throw;
            }
            return;
        }
        if (rc == SQLITE_DONE) {
            finish();
            return;
        }
        sqlite3* db = sqlite3_db_handle(stmt);
        std::string message = sqlite3_errmsg(db);
        std::string sql = sqlite3_sql(stmt);
        finish();
        detail::sqlite_impl::throw_code(rc, std::move(message), sql);
    }
    void finish() noexcept {
        done_ = true;
        lease_.release();
    }

    detail::sqlite_impl::statement_lease lease_;
    Target current_{};
    bool started_ = false;
    bool done_ = false;
};

template <class Dialect = sqlite<>>
class basic_sqlite_connection {
    using state = detail::sqlite_impl::state;

public:
    using dialect = Dialect;
    using transaction_type = basic_transaction<state>;
    using transaction_mode = sqlite_transaction_mode;  // the modes transaction() takes

    // Opens (by default creates) the database at `path`: a file name, ":memory:", "" (a
    // private temporary database) or a URI ("file:app.db?mode=ro", "file::memory:?cache=shared").
    // Throws connection_error.
    explicit basic_sqlite_connection(const std::string& path = ":memory:", const sqlite_options& options = {})
        : state_(detail::make_owned<state>(path, options, Dialect::version)) {}

    basic_sqlite_connection(basic_sqlite_connection&&) noexcept = default;
    basic_sqlite_connection& operator=(basic_sqlite_connection&&) noexcept = default;

    // Runs a statement (or a script such as create_all) to completion. Returns the number of
    // rows inserted, updated or deleted (for a statement that returns rows: the number of rows,
    // which are discarded).
    template <class S, class... Args>
    std::uint64_t execute(const S&, const Args&... args) {
        using verdict = detail::execute_verdict<S, Dialect, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else if constexpr (detail::script_statement<S>) {
            state_->exec(ctsql::c_str<Dialect, std::remove_cvref_t<S>>());
            return 0;
        } else {
            detail::sqlite_impl::timestamp_texts<detail::connector_parameters<S>> texts;
            const detail::sqlite_impl::statement_lease lease = bound<S>(detail::connector_parameters<S>{}, texts, args...);
            return state_->run(lease.get());
        }
    }

    // Runs the statement once per element of `rows` (a tuple, an aggregate struct whose fields
    // are the arguments in order, or the single argument), re-using one prepared statement,
    // inside one transaction (the open one, else its own: all rows or none). Returns the total
    // of affected rows.
    template <class S, std::ranges::input_range Rows>
    std::uint64_t execute_many(const S&, Rows&& rows) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::execute_many_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            std::optional<transaction_type> own;
            if (state_->depth == 0) own.emplace(transaction());
            std::uint64_t total = 0;
            {
                using Parameters = detail::connector_parameters<S>;
                detail::sqlite_impl::timestamp_texts<Parameters> texts;
                detail::sqlite_impl::statement_lease lease = acquire<S>();
                for (const auto& element : rows) {
                    detail::apply_argument_row(element, [&](const auto&... args) {
                        detail::sqlite_impl::binder<Parameters>::bind(lease.get(), {texts.text, false}, args...);
                    });
                    total += state_->run(lease.get());
                    sqlite3_reset(lease.get());
                }
            }
            if (own) own->commit();
            return total;
        }
    }

    // Inserts every element of `rows` into the columns of insert_into(table).columns(...): the
    // same API as postgresql_connection::bulk_insert. SQLite has no COPY: this is execute_many
    // (one prepared statement reused, one transaction: the open one, else its own). Returns the
    // number of rows inserted. Other statements are ctsql[E072].
    template <class S, std::ranges::input_range Rows>
    std::uint64_t bulk_insert(const S& stmt, Rows&& rows) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::bulk_insert_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            return execute_many(stmt, std::forward<Rows>(rows));
        }
    }

    // Runs update(t).set(c.to(param<"c">)...).where(key == param<"key"> && ...) once per element
    // of `rows`: the same API as postgresql_connection::bulk_update. On SQLite one prepared
    // UPDATE per row is the fastest way: this is execute_many (one transaction: the open one,
    // else its own). Returns the number of rows updated. Other statements are
    // ctsql[E130]-ctsql[E134] (connector/bulk_update.hpp).
    template <class S, std::ranges::input_range Rows>
    std::uint64_t bulk_update(const S& stmt, Rows&& rows) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::bulk_update_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            return execute_many(stmt, std::forward<Rows>(rows));
        }
    }

    // Every row, read into the statement's row type or into Target (row_mapping.hpp).
    template <class Target = void, class S, class... Args>
    auto fetch_all(const S&, const Args&... args) {
        using Row = detail::connector_row<S>;
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            using T = detail::fetch_target<Target, Row>;
            std::vector<T> rows;
            detail::sqlite_impl::timestamp_texts<detail::connector_parameters<S>> texts;
            detail::sqlite_impl::statement_lease lease = bound<S>(detail::connector_parameters<S>{}, texts, args...);
            detail::sqlite_impl::fetch_rows(lease, detail::row_columns<Row>::size,
                                            &detail::sqlite_impl::read_new_rows<Row, T>, &rows, true);
            return rows;
        }
    }

    // Every row, read into the caller's vector `into` (its element type is the Target, checked
    // as for fetch_all<Target>): its contents are replaced, its capacity and its elements'
    // storage reused (strings keep their buffers), so a statement run in a loop allocates
    // nothing once the vector is big enough. Returns the row count. After an exception the
    // vector holds an unspecified mix of old and new rows.
    template <class T, class A, class S, class... Args>
    std::size_t fetch_all_into(std::vector<T, A>& into, const S&, const Args&... args) {
        using verdict = detail::fetch_verdict<S, Dialect, T, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            using Row = detail::connector_row<S>;
            detail::sqlite_impl::timestamp_texts<detail::connector_parameters<S>> texts;
            detail::sqlite_impl::statement_lease lease = bound<S>(detail::connector_parameters<S>{}, texts, args...);
            return detail::sqlite_impl::fetch_rows(lease, detail::row_columns<Row>::size,
                                                   &detail::sqlite_impl::read_rows<Row, T, A>, &into, false);
        }
    }

    // Exactly one row; row_count_error when there is none or more than one.
    template <class Target = void, class S, class... Args>
    auto fetch_one(const S&, const Args&... args) {
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            // Read in place into the returned object (no std::optional to move out of).
            using T = detail::fetch_target<Target, detail::connector_row<S>>;
            using Row = detail::connector_row<S>;
            T row;
            detail::sqlite_impl::timestamp_texts<detail::connector_parameters<S>> texts;
            const detail::sqlite_impl::statement_lease lease = bound<S>(detail::connector_parameters<S>{}, texts, args...);
            detail::sqlite_impl::fetch_at_most_one(lease, detail::row_columns<Row>::size,
                                                   &detail::sqlite_impl::read_one_row<Row, T>, &row,
                                                   detail::at_most_one_row<S>, true);
            return row;
        }
    }

    // The row if there is one, std::nullopt if none; row_count_error when there are several.
    template <class Target = void, class S, class... Args>
    auto fetch_optional(const S&, const Args&... args) {
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
        } else {
            using T = detail::fetch_target<Target, detail::connector_row<S>>;
            using Row = detail::connector_row<S>;
            std::optional<T> row;
            detail::sqlite_impl::timestamp_texts<detail::connector_parameters<S>> texts;
            const detail::sqlite_impl::statement_lease lease = bound<S>(detail::connector_parameters<S>{}, texts, args...);
            detail::sqlite_impl::fetch_at_most_one(lease, detail::row_columns<Row>::size,
                                                   &detail::sqlite_impl::read_optional_row<Row, T>, &row,
                                                   detail::at_most_one_row<S>, false);
            return row;
        }
    }

    // The rows as a lazy input range: each iteration steps the statement once. Arguments are
    // copied into the statement (they may be temporaries).
    template <class Target = void, class S, class... Args>
    auto fetch(const S&, const Args&... args) {
        using Row = detail::connector_row<S>;
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            detail::sqlite_impl::statement_lease lease = acquire<S>();
            detail::sqlite_impl::check_columns<Row>(lease.get());
            detail::sqlite_impl::binder<detail::connector_parameters<S>>::bind(
                lease.get(), detail::sqlite_impl::bind_buffers{nullptr, true}, args...);
            return sqlite_rows<detail::fetch_target<Target, Row>, Row>(std::move(lease));
        }
    }

    // ---- Dynamic queries (ctsql::dynamic, connector/dynamic.hpp) --------------------------------
    // The same entry points for a dynamic_select, which carries its values: no arguments. Its
    // statements are cached by text (connector/sqlite/dynamic.hpp); fetch() prepares its own.

    template <class D, class B>
    std::uint64_t execute(const dynamic_select<D, B>& query) {
        using verdict = detail::dynamic_execute_verdict<dynamic_select<D, B>, Dialect>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            detail::sqlite_impl::dynamic_lease lease = acquire_dynamic(query);
            return state_->run(lease.get());
        }
    }

    template <class Target = void, class D, class B>
    auto fetch_all(const dynamic_select<D, B>& query) {
        using Row = typename dynamic_select<D, B>::result_row;
        using verdict = detail::dynamic_fetch_verdict<dynamic_select<D, B>, Dialect, Target>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            detail::sqlite_impl::dynamic_lease lease = acquire_dynamic(query);
            sqlite3_stmt* stmt = lease.get();
            detail::sqlite_impl::check_columns<Row>(stmt);
            using T = detail::fetch_target<Target, Row>;
            std::vector<T> rows;
            detail::sqlite_impl::read_new_rows<Row, T>(stmt, &rows, 0);
            return rows;
        }
    }

    template <class T, class A, class D, class B>
    std::size_t fetch_all_into(std::vector<T, A>& into, const dynamic_select<D, B>& query) {
        using Row = typename dynamic_select<D, B>::result_row;
        using verdict = detail::dynamic_fetch_verdict<dynamic_select<D, B>, Dialect, T>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            detail::sqlite_impl::dynamic_lease lease = acquire_dynamic(query);
            sqlite3_stmt* stmt = lease.get();
            detail::sqlite_impl::check_columns<Row>(stmt);
            return detail::sqlite_impl::read_rows<Row, T, A>(stmt, &into, 0);
        }
    }

    template <class Target = void, class D, class B>
    auto fetch_one(const dynamic_select<D, B>& query) {
        using verdict = detail::dynamic_fetch_verdict<dynamic_select<D, B>, Dialect, Target>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            auto row = fetch_at_most_one_dynamic<Target>(query);
            if (!row) throw row_count_error("fetch_one: the statement returned no row", query.sql());
            return std::move(*row);
        }
    }

    template <class Target = void, class D, class B>
    auto fetch_optional(const dynamic_select<D, B>& query) {
        using verdict = detail::dynamic_fetch_verdict<dynamic_select<D, B>, Dialect, Target>;
        if constexpr (!verdict::ok) detail::fire<verdict>();
        else return fetch_at_most_one_dynamic<Target>(query);
    }

    template <class Target = void, class D, class B>
    auto fetch(const dynamic_select<D, B>& query) {
        using Row = typename dynamic_select<D, B>::result_row;
        using verdict = detail::dynamic_fetch_verdict<dynamic_select<D, B>, Dialect, Target>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            const std::string& sql = query.sql();
            detail::sqlite_impl::statement_lease lease(*state_, state_->prepare(sql.data(), sql.size()), detail::npos);
            detail::sqlite_impl::check_columns<Row>(lease.get());
            detail::sqlite_impl::bind_dynamic(lease.get(), query.values(), true);
            return sqlite_rows<detail::fetch_target<Target, Row>, Row>(std::move(lease));
        }
    }

    // BEGIN <mode> (outermost) or SAVEPOINT (nested); see connector/transaction.hpp.
    [[nodiscard]] transaction_type transaction(sqlite_transaction_mode mode = sqlite_transaction_mode::deferred) {
        const unsigned depth = state_->begin(mode);
        return transaction_type(*state_, depth);
    }

    // Open transactions (and savepoints) on this connection.
    unsigned transaction_depth() const noexcept { return state_->depth; }

    // The sqlite3 handle, for what ctsql does not cover (it stays owned by the connection).
    sqlite3* native_handle() const noexcept { return state_->db; }

    // The main database's file name; empty for :memory: and temporary databases.
    std::string_view database_file() const noexcept {
        const char* name = sqlite3_db_filename(state_->db, "main");
        return name == nullptr ? std::string_view{} : std::string_view(name);
    }

private:
    template <class S>
    detail::sqlite_impl::statement_lease acquire() {
        using Statement = std::remove_cvref_t<S>;
        static_assert(!detail::script_statement<Statement>, "a script returns no rows");
        constexpr std::string_view text = ctsql::sql<Dialect, Statement>();
        return state_->acquire(detail::statement_slot(detail::assigned_slot<Statement>), text.data(), text.size());
    }

    // The statement, prepared (once) and bound, for a statement that completes inside the
    // caller's frame (values bound in place; `texts` lives in that frame too). One function per
    // statement and argument types, the parameters Ps deduced from connector_parameters<S>{}: the
    // preparation and the binding fold are in it, not in layers of their own (each function a
    // query instantiates costs compile time).
    template <class S, class Texts, class... Ps, class... Args>
    detail::sqlite_impl::statement_lease bound(type_list<Ps...>, Texts& texts, const Args&... args) {
        using Statement = std::remove_cvref_t<S>;
        constexpr std::string_view text = ctsql::sql<Dialect, Statement>();
        detail::sqlite_impl::statement_lease lease =
            state_->acquire(detail::statement_slot(detail::assigned_slot<Statement>), text.data(), text.size());
        [[maybe_unused]] const detail::sqlite_impl::bind_buffers buffers{texts.text, false};
        [[maybe_unused]] int position = 0;
        (detail::sqlite_impl::bind_value<typename Ps::type>(lease.get(), ++position, args, Ps::name.view(), buffers), ...);
        return lease;
    }

    detail::owned_ptr<state> state_;

    // ---- Dynamic queries (see the public part above) -------------------------------------------
    template <class D, class B>
    detail::sqlite_impl::dynamic_lease acquire_dynamic(const dynamic_select<D, B>& query) {
        if (!dynamic_statements_) dynamic_statements_ = detail::make_owned<detail::sqlite_impl::dynamic_statements>();
        auto prepare = [&](const char* sql, std::size_t size) { return state_->prepare(sql, size); };
        return detail::sqlite_impl::acquire_dynamic(*dynamic_statements_, query.sql(), query.values(), prepare);
    }

    template <class Target, class D, class B>
    auto fetch_at_most_one_dynamic(const dynamic_select<D, B>& query) {
        using Row = typename dynamic_select<D, B>::result_row;
        detail::sqlite_impl::dynamic_lease lease = acquire_dynamic(query);
        sqlite3_stmt* stmt = lease.get();
        detail::sqlite_impl::check_columns<Row>(stmt);
        std::optional<detail::fetch_target<Target, Row>> row;
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            detail::sqlite_impl::read_row<Row>(stmt, row.emplace());
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW)
                throw row_count_error("the statement returned more than one row where at most one was expected",
                                      query.sql());
        }
        if (rc != SQLITE_DONE) detail::sqlite_impl::throw_error(state_->db, rc, query.sql());
        return row;
    }

    // Prepared statements of dynamic queries, made on first use; declared after state_ so that
    // they are finalized before the database is closed.
    detail::owned_ptr<detail::sqlite_impl::dynamic_statements> dynamic_statements_;
};

using sqlite_connection = basic_sqlite_connection<>;
using sqlite_transaction = sqlite_connection::transaction_type;

}  // namespace ctsql

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/sqlite/connection_inl.hpp"
#endif
