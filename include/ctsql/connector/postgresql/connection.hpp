// ctsql::postgresql_connection: runs ctsql statements on PostgreSQL through libpq
// (see docs/connectors.md).
//
//   ctsql::postgresql_connection db("");                  // PG* environment variables
//   ctsql::postgresql_connection db("host=db dbname=app"); // or "postgresql://user@db/app"
//   db.execute(insert_user, "ada", 36);                    // arguments checked at compile time
//   for (const auto& [id, name] : db.fetch(users_older_than, 30)) ...   // single-row mode
//   std::vector<User> users = db.fetch_all<User>(users_older_than, 30);
//
// Every statement type is prepared once per connection (PQprepare, named "ctsql_<n>", with
// the parameter type OIDs of its C++ parameter types) and executed with binary parameters and
// binary results. One connection is used by one thread at a time; see postgresql/pool.hpp for
// sharing connections between threads.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/aggregate_fields_of.hpp"
#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/bulk_insert.hpp"
#include "ctsql/connector/postgresql/binary_copy.hpp"
#include "ctsql/connector/postgresql/bulk_update.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/error.hpp"
#include "ctsql/connector/postgresql/result.hpp"
#include "ctsql/connector/postgresql/values.hpp"
#include "ctsql/connector/postgresql/dynamic.hpp"  // dynamic queries (added with ctsql::dynamic)
#include "ctsql/connector/row_mapping.hpp"
#include "ctsql/connector/separate_compilation.hpp"
#include "ctsql/connector/statement_cache.hpp"
#include "ctsql/connector/transaction.hpp"
#include "ctsql/dialect/postgresql.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql {

enum class isolation_level : unsigned char { read_uncommitted, read_committed, repeatable_read, serializable };

struct postgresql_transaction_options {
    std::optional<isolation_level> isolation;  // unset: the session's default_transaction_isolation
    bool read_only = false;
    bool deferrable = false;  // with serializable + read_only: wait for a safe snapshot
};

namespace detail::postgresql_impl {

struct cache_entry {
    const char* key = nullptr;  // the statement type's SQL constant; nullptr: not prepared
    std::string name;           // the server-side prepared statement
    // The type OIDs of its result columns, from its first result (empty until then). They stay
    // valid while the statement is prepared: the server refuses to run a prepared statement
    // whose result types a table change would alter ("cached plan must not change result type").
    std::vector<Oid> result_types;
};

class state {
public:
    // minimum_version: PG_VERSION_NUM form (150000), the connection's dialect.
    state(const std::string& conninfo, std::uint32_t minimum_version);
    state(const state&) = delete;
    state& operator=(const state&) = delete;
    ~state();

    void check_idle() const {
        if (streaming)
            throw usage_error("the connection is busy: a fetch() range is still reading rows on it (finish or "
                              "destroy it first)");
    }

    // The prepared statement for `slot`, prepared on first use (the common case, already
    // prepared and the connection idle, inline; the rest out of line).
    [[gnu::always_inline]] const char* prepared(std::size_t slot, const char* sql, int parameter_count, const Oid* types) {
        if (slot < cache.size() && cache[slot].key == sql && !streaming) [[likely]]
            return cache[slot].name.c_str();
        return prepare(slot, sql, parameter_count, types);
    }

    const char* prepare(std::size_t slot, const char* sql, int parameter_count, const Oid* types);

    // The result column types of the statement prepared in `slot` (PQftype on its first result
    // only); checks once that it returns `columns` columns.
    [[gnu::always_inline]] const Oid* result_types(std::size_t slot, const PGresult* r, std::size_t columns,
                                                   std::string_view sql) {
        const std::vector<Oid>& types = cache[slot].result_types;
        if (!types.empty()) [[likely]] return types.data();
        return first_result_types(slot, r, columns, sql);
    }

    const Oid* first_result_types(std::size_t slot, const PGresult* r, std::size_t columns,
                                  std::string_view sql);

    // Whether `r` failed because the server no longer has the prepared statement (SQLSTATE
    // 26000, after DISCARD ALL / DEALLOCATE); if so the cache entry is forgotten.
    bool lost_prepared_statement(const PGresult* r, std::size_t slot) noexcept {
        const char* code = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        if (code == nullptr || std::string_view(code) != "26000") return false;
        if (slot < cache.size()) cache[slot].key = nullptr;
        return true;
    }

    // Throws for a failed result; forgets the cached statement when the server lost it.
    [[noreturn]] void fail(const PGresult* r, std::size_t slot, std::string_view sql);

    // Runs SQL text without parameters (scripts, transaction control); returns the result.
    result_ptr command(const char* sql);

    // Reads and discards what is left of the current query (after single-row mode).
    void drain() noexcept {
        while (PGresult* r = PQgetResult(conn)) PQclear(r);
        streaming = false;
    }

    void forget_session() noexcept {
        for (auto& entry : cache) entry.key = nullptr;
        depth = 0;
        streaming = false;
    }

    // ---- transactions (the Backend of basic_transaction) ---------------------------------------
    unsigned transaction_depth() const noexcept { return depth; }

    unsigned begin(const postgresql_transaction_options& options);
    void commit_transaction(unsigned level);
    void rollback_transaction(unsigned level);
    void rollback_transaction_noexcept(unsigned level) noexcept;

    PGconn* conn = nullptr;
    std::vector<cache_entry> cache;
    unsigned depth = 0;
    bool streaming = false;  // a fetch() range owns the connection
    std::uint64_t next_name = 0;
    std::function<void(std::string_view severity, std::string_view message)> notice_handler;

private:
    static void receive_notice(void* self, const PGresult* notice);
    void check_innermost(unsigned level, const char* what) const;
    void sync_depth() noexcept {
        const PGTransactionStatusType status = PQtransactionStatus(conn);
        if (status == PQTRANS_IDLE || status == PQTRANS_UNKNOWN) depth = 0;
    }
};

// Reads one cell. libpq reports length 0 for NULL, so PQgetisnull is asked only about empty
// values (NULL, or an empty text / bytea); a binary value of a fixed-width type is never empty.
template <class M>
[[gnu::always_inline]] inline void read_value(const PGresult* r, int row, int col, Oid type, M& out,
                                              std::string_view column, std::string_view sql) {
    const cell c{type, PQgetvalue(r, row, col), PQgetlength(r, row, col)};
    if (c.length == 0 && PQgetisnull(r, row, col)) {
        if constexpr (is_optional_v<M>) {
            out.reset();
            return;
        } else {
            read_failed(column, "NULL read into a field that is not std::optional", sql);
        }
    }
    if constexpr (is_optional_v<M>) {
        if (!out.has_value()) out.emplace();
        decode_value(c, *out, column, sql);
    } else {
        decode_value(c, out, column, sql);
    }
}

// The type OIDs of a result's columns, read once per result; checks that the statement returns
// as many columns as its row type declares.
template <class Row>
using column_types = std::array<Oid, row_columns<Row>::size>;

template <class Row>
column_types<Row> result_types(const PGresult* r, std::string_view sql) {
    if (PQnfields(r) != static_cast<int>(row_columns<Row>::size))
        throw usage_error(join_text("the statement returned ", std::to_string(PQnfields(r)),
                                    " columns; its row type declares ", std::to_string(row_columns<Row>::size)),
                          std::string(sql));
    column_types<Row> types{};
    for (std::size_t i = 0; i != types.size(); ++i) types[i] = PQftype(r, static_cast<int>(i));
    return types;
}

template <class Row, class Target, class Mapping, std::size_t... K>
[[gnu::always_inline]] inline void read_fields(const PGresult* r, int row, const Oid* types, Target& target,
                                               std::string_view sql, std::index_sequence<K...>) {
    (read_value(r, row, static_cast<int>(Mapping::template column<K>), types[Mapping::template column<K>],
                Mapping::template member<K>(target), row_columns<Row>::names[Mapping::template column<K>], sql),
     ...);
}

// Reads row `row` into `fields`, columns 0, 1, ...: one function per list of field types (an
// aggregate's fields, which with_fields passes by a structured binding, without a function per
// field).
struct field_reader {
    const PGresult* r;
    int row;
    const Oid* types;
    const std::string_view* names;  // row_columns<Row>::names
    std::string_view sql;
    template <class... F>
    [[gnu::always_inline]] void operator()(F&... fields) const {
        int col = 0;
        ((read_value(r, row, col, types[col], fields, names[col], sql), ++col), ...);
    }
};

// Reads row `row` of `r` (column type OIDs `types`) into `target` through row_mapping<Target,
// Row> (inline: it is the body of every fetch loop).
template <class Row, class Target>
[[gnu::always_inline]] inline void read_row(const PGresult* r, int row, const Oid* types, Target& target,
                                            std::string_view sql) {
    using Mapping = row_mapping<Target, Row>;
#if BOOST_PFR_USE_CPP17
    if constexpr (mapping_kind_of<Target>() == mapping_kind::aggregate)
        with_fields<Mapping::size>(target, field_reader{r, row, types, row_columns<Row>::names, sql});
    else
#endif
        read_fields<Row, Target, Mapping>(r, row, types, target, sql, std::make_index_sequence<Mapping::size>{});
}

// Reads every row of `r` into `into`, reusing its elements (row i into into[i]); the row count.
template <class Row, class T, class A>
std::size_t read_rows_into(const PGresult* r, const Oid* types, std::vector<T, A>& into, std::string_view sql) {
    const auto count = static_cast<std::size_t>(PQntuples(r));
    into.resize(count);
    for (std::size_t i = 0; i != count; ++i) read_row<Row>(r, static_cast<int>(i), types, into[i], sql);
    return count;
}

}  // namespace detail::postgresql_impl

// The rows of a statement, read as iterated: the query runs in libpq's single-row mode, so
// each ++ receives one row from the server (no cursor, no full result in memory). An input
// range: iterate it once. While it is being read, the connection runs nothing else
// (usage_error); when it is destroyed before the end, the remaining rows are read and
// discarded (no cancel, which would abort an enclosing transaction). The connection must
// outlive it.
template <class Target, class Row>
class postgresql_rows {
public:
    class iterator {
    public:
        using value_type = Target;
        using difference_type = std::ptrdiff_t;
        using iterator_concept = std::input_iterator_tag;

        iterator() noexcept = default;
        explicit iterator(postgresql_rows* rows) noexcept : rows_(rows) {}

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
        postgresql_rows* rows_ = nullptr;
    };

    postgresql_rows(detail::postgresql_impl::state& owner, std::size_t slot, std::string_view sql) noexcept
        : owner_(&owner), slot_(slot), sql_(sql) {}
    postgresql_rows(postgresql_rows&& other) noexcept
        : owner_(other.owner_),
          slot_(other.slot_),
          sql_(other.sql_),
          current_(std::move(other.current_)),
          started_(other.started_),
          done_(std::exchange(other.done_, true)) {}
    postgresql_rows& operator=(postgresql_rows&&) = delete;
    ~postgresql_rows() { finish(); }

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
        using namespace detail::postgresql_impl;
        if (done_) return;
        result_ptr r(PQgetResult(owner_->conn));
        const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_SINGLE_TUPLE) {
            try {
                if (!checked_) {
                    types_ = result_types<Row>(r.get(), sql_);
                    checked_ = true;
                }
                read_row<Row>(r.get(), 0, types_.data(), current_, sql_);
            } catch (...) {
                finish();
                throw;
            }
            return;
        }
        if (status == PGRES_TUPLES_OK) {  // the end (a zero-row result)
            finish();
            return;
        }
        finish();
        owner_->fail(r.get(), slot_, sql_);
    }
    void finish() noexcept {
        if (!done_) {
            done_ = true;
            owner_->drain();
        }
    }

    detail::postgresql_impl::state* owner_;
    std::size_t slot_;
    std::string_view sql_;
    Target current_{};
    detail::postgresql_impl::column_types<Row> types_{};
    bool started_ = false;
    bool checked_ = false;
    bool done_ = false;
};

template <class Dialect = postgresql<>>
class basic_postgresql_connection {
    using state = detail::postgresql_impl::state;

public:
    using dialect = Dialect;
    using transaction_type = basic_transaction<state>;

    // Connects with a libpq connection string ("host=... dbname=...") or URL
    // ("postgresql://user@host/db"); whatever it leaves out comes from the PG* environment
    // variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, ...), so "" uses them alone.
    // The client encoding is always UTF8. Throws connection_error.
    explicit basic_postgresql_connection(const std::string& conninfo = "")
        : state_(std::make_unique<state>(conninfo, Dialect::version)) {}

    basic_postgresql_connection(basic_postgresql_connection&&) noexcept = default;
    basic_postgresql_connection& operator=(basic_postgresql_connection&&) noexcept = default;

    // Runs a statement (or a script such as create_all) to completion. Returns the number of
    // rows inserted, updated or deleted (for a statement that returns rows: their number).
    template <class S, class... Args>
    std::uint64_t execute(const S&, const Args&... args) {
        using verdict = detail::execute_verdict<S, Dialect, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else if constexpr (detail::script_statement<S>) {
            state_->command(ctsql::c_str<Dialect, std::remove_cvref_t<S>>());
            return 0;
        } else {
            detail::postgresql_impl::result_ptr r = run<S>(args...);
            return detail::postgresql_impl::affected_rows(r.get());
        }
    }

    // Runs the statement once per element of `rows` (a tuple, an aggregate struct whose fields
    // are the arguments in order, or the single argument) in libpq's pipeline mode: up to
    // `batch` executions are sent before their results are read, so a batch costs one round
    // trip instead of one per row. Runs inside one transaction (the open one, else its own:
    // all rows or none). Returns the total of affected rows; the first failure is thrown after
    // the batch it is in was read.
    template <class S, std::ranges::input_range Rows>
    std::uint64_t execute_many(const S&, Rows&& rows, std::size_t batch = 1000) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::execute_many_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            using namespace detail::postgresql_impl;
            using Statement = std::remove_cvref_t<S>;
            using Parameters = detail::connector_parameters<S>;
            using Types = parameter_types<Parameters>;
            constexpr std::string_view sql = ctsql::sql<Dialect, Statement>();
            const std::size_t slot = detail::statement_slot(detail::assigned_slot<Statement>);
            const char* name = state_->prepared(slot, sql.data(), static_cast<int>(Parameters::size), Types::oids);
            std::optional<transaction_type> own;
            if (state_->depth == 0) own.emplace(transaction());
            PGconn* conn = state_->conn;
            if (PQenterPipelineMode(conn) == 0) throw_result_error(conn, nullptr, sql);
            struct pipeline_guard {
                state* owner;
                ~pipeline_guard() {
                    if (PQpipelineStatus(owner->conn) != PQ_PIPELINE_OFF) {
                        PQpipelineSync(owner->conn);
                        while (PQpipelineStatus(owner->conn) != PQ_PIPELINE_OFF) {
                            PGresult* r = PQgetResult(owner->conn);
                            if (r == nullptr && PQexitPipelineMode(owner->conn) == 1) break;
                            if (r == nullptr && PQstatus(owner->conn) != CONNECTION_OK) break;
                            PQclear(r);
                        }
                    }
                }
            } guard{state_.get()};
            std::uint64_t total = 0;
            std::size_t pending = 0;
            result_ptr failure;
            bool failed = false;
            auto read_batch = [&] {
                if (PQpipelineSync(conn) == 0) throw_result_error(conn, nullptr, sql);
                for (; pending != 0; --pending) {
                    result_ptr r(PQgetResult(conn));
                    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
                    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
                        total += affected_rows(r.get());
                    } else if (!failed && status != PGRES_PIPELINE_ABORTED) {
                        failed = true;
                        failure = std::move(r);
                    }
                    if (!r && !failure) break;  // connection lost
                    while (PGresult* end = PQgetResult(conn)) PQclear(end);  // the NULL after each query
                }
                result_ptr sync(PQgetResult(conn));  // PGRES_PIPELINE_SYNC
                if (failed) state_->fail(failure.get(), slot, sql);
                if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) throw_result_error(conn, sync.get(), sql);
            };
            for (const auto& element : rows) {
                parameter_buffers<Parameters::size> buffers;
                detail::apply_argument_row(element, [&](const auto&... args) {
                    encoder<Parameters>::encode(buffers, sql, args...);
                });
                if (PQsendQueryPrepared(conn, name, static_cast<int>(Parameters::size), buffers.values.data(),
                                        buffers.lengths.data(), Types::formats, 1) == 0)
                    throw_result_error(conn, nullptr, sql);
                if (++pending == batch) read_batch();
            }
            if (pending != 0) read_batch();
            if (PQexitPipelineMode(conn) == 0) throw_result_error(conn, nullptr, sql);
            if (own) own->commit();
            return total;
        }
    }

    // Inserts every element of `rows` (as for execute_many) into the columns of
    // insert_into(table).columns(...) with one COPY ... FROM STDIN (FORMAT binary): the rows are
    // streamed in 64 KiB chunks in the binary encoding of prepared parameters, with no statement
    // per row. Runs inside one transaction (the open one, else its own: all rows or none).
    // Returns the number of rows inserted. A failure (a constraint, a value that cannot be
    // encoded) ends the COPY and throws as execute() would; the connection stays usable.
    // Other statements are ctsql[E072] (use execute_many).
    template <class S, std::ranges::input_range Rows>
    std::uint64_t bulk_insert(const S&, Rows&& rows) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::bulk_insert_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            using namespace detail::postgresql_impl;
            using Parameters = detail::connector_parameters<S>;
            constexpr std::size_t columns = Parameters::size;
            const char* const copy_sql = detail::copy_from_stdin_sql<S>();
            const std::string_view sql(copy_sql);
            state_->check_idle();
            std::optional<transaction_type> own;
            if (state_->depth == 0) own.emplace(transaction());
            binary_copy copy(state_->conn, copy_sql, "ctsql: bulk_insert abandoned the COPY (a row could not be sent)");
            for (const auto& element : rows) {
                parameter_buffers<columns> fields;
                detail::apply_argument_row(element, [&](const auto&... args) {
                    encoder<Parameters>::encode(fields, sql, args...);
                });
                copy.row(fields);
            }
            const std::uint64_t inserted = copy.finish();
            if (own) own->commit();
            return inserted;
        }
    }

    // Runs update(t).set(c.to(param<"c">)...).where(key == param<"key"> && ...) once per element
    // of `rows` (as for execute_many), with the result of running it row by row (the last row of
    // a repeated key wins; the count adds every row whose key matched), through a temporary
    // table: the rows are COPied into it (binary) and applied by one UPDATE ... FROM. Fewer rows
    // than postgresql_impl::bulk_update_threshold (of a sized range) run execute_many instead.
    // Runs inside one transaction (the open one, else its own: all rows or none). Other
    // statements are ctsql[E130]-ctsql[E134] (connector/bulk_update.hpp).
    template <class S, std::ranges::input_range Rows>
    std::uint64_t bulk_update(const S& statement, Rows&& rows) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<Rows>>;
        using verdict = detail::bulk_update_verdict<S, Dialect, Element>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            if constexpr (std::ranges::sized_range<Rows>) {
                if (std::ranges::size(rows) < detail::postgresql_impl::bulk_update_threshold)
                    return execute_many(statement, std::forward<Rows>(rows));
            }
            std::optional<transaction_type> own;
            if (state_->depth == 0) own.emplace(transaction());
            const std::uint64_t updated = detail::postgresql_impl::run_bulk_update<S, Dialect>(*state_, rows);
            if (own) own->commit();
            return updated;
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
            detail::postgresql_impl::result_ptr r = run<S>(args...);
            const std::string_view sql = sql_text<S>();
            const Oid* types = state_->result_types(detail::statement_slot(detail::assigned_slot<std::remove_cvref_t<S>>), r.get(), detail::row_columns<Row>::size, sql);
            std::vector<detail::fetch_target<Target, Row>> rows;
            detail::postgresql_impl::read_rows_into<Row>(r.get(), types, rows, sql);
            return rows;
        }
    }

    // Every row, read into the caller's vector `into` (its element type is the Target, checked
    // as for fetch_all<Target>): its contents are replaced, its capacity and its elements'
    // storage reused (strings keep their buffers), so a statement run in a loop allocates
    // nothing on the client's side once the vector is big enough. Returns the row count. After
    // an exception the vector holds an unspecified mix of old and new rows.
    template <class T, class A, class S, class... Args>
    std::size_t fetch_all_into(std::vector<T, A>& into, const S&, const Args&... args) {
        using Row = detail::connector_row<S>;
        using verdict = detail::fetch_verdict<S, Dialect, T, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            detail::postgresql_impl::result_ptr r = run<S>(args...);
            const std::string_view sql = sql_text<S>();
            const Oid* types = state_->result_types(detail::statement_slot(detail::assigned_slot<std::remove_cvref_t<S>>), r.get(), detail::row_columns<Row>::size, sql);
            return detail::postgresql_impl::read_rows_into<Row>(r.get(), types, into, sql);
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
            detail::fetch_target<Target, detail::connector_row<S>> row;
            if (!fetch_at_most_one_into<S>(row, args...))
                throw row_count_error("fetch_one: the statement returned no row", std::string(sql_text<S>()));
            return row;
        }
    }

    // The row if there is one, std::nullopt if none; row_count_error when there are several.
    template <class Target = void, class S, class... Args>
    auto fetch_optional(const S&, const Args&... args) {
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) detail::fire<verdict>();
        else return fetch_at_most_one<Target, S>(args...);
    }

    // The rows as a lazy input range, received one at a time (single-row mode).
    template <class Target = void, class S, class... Args>
    auto fetch(const S&, const Args&... args) {
        using Row = detail::connector_row<S>;
        using verdict = detail::fetch_verdict<S, Dialect, Target, Args...>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return;
        } else {
            using Statement = std::remove_cvref_t<S>;
            using Parameters = detail::connector_parameters<S>;
            using Types = detail::postgresql_impl::parameter_types<Parameters>;
            constexpr std::string_view sql = ctsql::sql<Dialect, Statement>();
            const std::size_t slot = detail::statement_slot(detail::assigned_slot<Statement>);
            const char* name = state_->prepared(slot, sql.data(), static_cast<int>(Parameters::size), Types::oids);
            detail::postgresql_impl::parameter_buffers<Parameters::size> buffers;
            detail::postgresql_impl::encoder<Parameters>::encode(buffers, sql, args...);
            PGconn* conn = state_->conn;
            if (PQsendQueryPrepared(conn, name, static_cast<int>(Parameters::size), buffers.values.data(),
                                    buffers.lengths.data(), Types::formats, 1) == 0)
                detail::postgresql_impl::throw_result_error(conn, nullptr, sql);
            state_->streaming = true;
            if (PQsetSingleRowMode(conn) == 0) {
                state_->drain();
                throw database_error("cannot enter libpq's single-row mode", std::string(sql));
            }
            return postgresql_rows<detail::fetch_target<Target, Row>, Row>(*state_, slot, sql);
        }
    }

    // ---- Dynamic queries (ctsql::dynamic, connector/dynamic.hpp) --------------------------------
    // The same entry points for a dynamic_select, which carries its values: no arguments. Its
    // statements are prepared once per distinct text and cached (connector/postgresql/dynamic.hpp).

    template <class D, class B>
    std::uint64_t execute(const dynamic_select<D, B>& query) {
        using verdict = detail::dynamic_execute_verdict<dynamic_select<D, B>, Dialect>;
        if constexpr (!verdict::ok) {
            detail::fire<verdict>();
            return 0;
        } else {
            detail::postgresql_impl::result_ptr r = run_dynamic(query.sql(), query.values());
            return detail::postgresql_impl::affected_rows(r.get());
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
            detail::postgresql_impl::result_ptr r = run_dynamic(query.sql(), query.values());
            const std::string_view sql = query.sql();
            const auto types = detail::postgresql_impl::result_types<Row>(r.get(), sql);
            std::vector<detail::fetch_target<Target, Row>> rows;
            detail::postgresql_impl::read_rows_into<Row>(r.get(), types.data(), rows, sql);
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
            detail::postgresql_impl::result_ptr r = run_dynamic(query.sql(), query.values());
            const std::string_view sql = query.sql();
            const auto types = detail::postgresql_impl::result_types<Row>(r.get(), sql);
            return detail::postgresql_impl::read_rows_into<Row>(r.get(), types.data(), into, sql);
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
            state_->check_idle();
            auto& cache = dynamic_statements();
            const auto& entry = cache.prepare(state_->conn, query.sql(), query.values());
            cache.encode(query.values(), query.sql());
            PGconn* conn = state_->conn;
            // The range reports errors with the cached copy of the text (the query may be gone).
            const std::string_view sql = entry.sql;
            if (PQsendQueryPrepared(conn, entry.name.c_str(), cache.count(), cache.values(), cache.lengths(),
                                    cache.formats(), 1) == 0)
                detail::postgresql_impl::throw_result_error(conn, nullptr, sql);
            state_->streaming = true;
            if (PQsetSingleRowMode(conn) == 0) {
                state_->drain();
                throw database_error("cannot enter libpq's single-row mode", std::string(sql));
            }
            return postgresql_rows<detail::fetch_target<Target, Row>, Row>(*state_, detail::npos, sql);
        }
    }

    // BEGIN (outermost, with the options) or SAVEPOINT (nested); see connector/transaction.hpp.
    [[nodiscard]] transaction_type transaction(const postgresql_transaction_options& options = {}) {
        const unsigned depth = state_->begin(options);
        return transaction_type(*state_, depth);
    }
    [[nodiscard]] transaction_type transaction(isolation_level isolation) {
        return transaction(postgresql_transaction_options{isolation, false, false});
    }

    unsigned transaction_depth() const noexcept { return state_->depth; }

    // Whether the connection is usable: it is not broken and a round trip to the server works.
    bool ping() noexcept {
        if (PQstatus(state_->conn) != CONNECTION_OK || state_->streaming) return false;
        detail::postgresql_impl::result_ptr r(PQexec(state_->conn, ""));
        return r && PQresultStatus(r.get()) == PGRES_EMPTY_QUERY;
    }

    // Ends whatever the session was doing, for handing the connection to someone else (the
    // pool does it on return): drains a fetch() range still reading and rolls back an open
    // transaction (transaction objects still alive become inactive).
    void reset_session() {
        if (state_->streaming) state_->drain();
        if (PQtransactionStatus(state_->conn) != PQTRANS_IDLE) {
            state_->depth = 0;
            state_->command("ROLLBACK");
        }
        state_->depth = 0;
    }

    // Re-establishes the connection with the same parameters (after connection_error). Open
    // transactions and prepared statements are gone; statements are prepared again on use.
    void reconnect() {
        state_->forget_session();
        PQreset(state_->conn);
        if (PQstatus(state_->conn) != CONNECTION_OK)
            throw connection_error(detail::join_text("cannot reconnect to PostgreSQL: ", PQerrorMessage(state_->conn)));
    }

    // Receives the server's notices and warnings (RAISE NOTICE, "table ... does not exist,
    // skipping", ...) as (severity, message); by default they are dropped. Exceptions thrown by
    // the handler are ignored.
    void on_notice(std::function<void(std::string_view severity, std::string_view message)> handler) {
        state_->notice_handler = std::move(handler);
    }

    // The PGconn handle, for what ctsql does not cover (it stays owned by the connection).
    PGconn* native_handle() const noexcept { return state_->conn; }

private:
    template <class S>
    static constexpr std::string_view sql_text() noexcept {
        return ctsql::sql<Dialect, std::remove_cvref_t<S>>();
    }

    // Prepares (once), binds and runs; the successful result.
    template <class S, class... Args>
    detail::postgresql_impl::result_ptr run(const Args&... args) {
        using Statement = std::remove_cvref_t<S>;
        using Parameters = detail::connector_parameters<S>;
        using Types = detail::postgresql_impl::parameter_types<Parameters>;
        constexpr std::string_view sql = ctsql::sql<Dialect, Statement>();
        const std::size_t slot = detail::statement_slot(detail::assigned_slot<Statement>);
        const char* name = state_->prepared(slot, sql.data(), static_cast<int>(Parameters::size), Types::oids);
        detail::postgresql_impl::parameter_buffers<Parameters::size> buffers;
        detail::postgresql_impl::encoder<Parameters>::encode(buffers, sql, args...);
        auto exec = [&] {
            return detail::postgresql_impl::result_ptr(PQexecPrepared(state_->conn, name, static_cast<int>(Parameters::size),
                                                                      buffers.values.data(), buffers.lengths.data(),
                                                                      Types::formats, 1));
        };
        auto succeeded = [](const detail::postgresql_impl::result_ptr& r) {
            const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
            return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        };
        detail::postgresql_impl::result_ptr r = exec();
        if (!succeeded(r) && state_->lost_prepared_statement(r.get(), slot) &&
            PQtransactionStatus(state_->conn) == PQTRANS_IDLE) {
            // The server forgot it (DISCARD ALL, DEALLOCATE) outside a transaction: prepare again
            // and retry once; nothing ran.
            name = state_->prepared(slot, sql.data(), static_cast<int>(Parameters::size), Types::oids);
            r = exec();
        }
        if (!succeeded(r)) state_->fail(r.get(), slot, sql);
        return r;
    }

    // Reads the statement's only row into `row`; false when there is none, row_count_error when
    // there are several.
    template <class S, class T, class... Args>
    bool fetch_at_most_one_into(T& row, const Args&... args) {
        using Row = detail::connector_row<S>;
        detail::postgresql_impl::result_ptr r = run<S>(args...);
        const std::string_view sql = sql_text<S>();
        const Oid* types = state_->result_types(detail::statement_slot(detail::assigned_slot<std::remove_cvref_t<S>>), r.get(), detail::row_columns<Row>::size, sql);
        const int count = PQntuples(r.get());
        if (count > 1)
            throw row_count_error(
                detail::join_text("the statement returned ", std::to_string(count), " rows where at most one was expected"),
                std::string(sql));
        if (count == 0) return false;
        detail::postgresql_impl::read_row<Row>(r.get(), 0, types, row, sql);
        return true;
    }

    template <class Target, class S, class... Args>
    auto fetch_at_most_one(const Args&... args) {
        std::optional<detail::fetch_target<Target, detail::connector_row<S>>> row(std::in_place);
        if (!fetch_at_most_one_into<S>(*row, args...)) row.reset();
        return row;
    }

    std::unique_ptr<state> state_;

    // ---- Dynamic queries (see the public part above) -------------------------------------------
    detail::postgresql_impl::dynamic_statements& dynamic_statements() {
        if (!dynamic_statements_) dynamic_statements_ = std::make_unique<detail::postgresql_impl::dynamic_statements>();
        return *dynamic_statements_;
    }

    // Prepares (once per text and types), binds and runs; the successful result.
    detail::postgresql_impl::result_ptr run_dynamic(const std::string& sql, std::span<const dynamic_value> values) {
        using detail::postgresql_impl::result_ptr;
        state_->check_idle();
        auto& cache = dynamic_statements();
        const auto* entry = &cache.prepare(state_->conn, sql, values);
        cache.encode(values, sql);
        auto exec = [&] {
            return result_ptr(PQexecPrepared(state_->conn, entry->name.c_str(), cache.count(), cache.values(),
                                             cache.lengths(), cache.formats(), 1));
        };
        auto succeeded = [](const result_ptr& r) {
            const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
            return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        };
        result_ptr r = exec();
        if (!succeeded(r) && state_->lost_prepared_statement(r.get(), detail::npos) &&
            PQtransactionStatus(state_->conn) == PQTRANS_IDLE) {
            // The server forgot it (DISCARD ALL, DEALLOCATE): prepare again and retry once.
            cache.forget(*entry);
            entry = &cache.prepare(state_->conn, sql, values);
            r = exec();
        }
        if (!succeeded(r)) detail::postgresql_impl::throw_result_error(state_->conn, r.get(), sql);
        return r;
    }

    template <class Target, class D, class B>
    auto fetch_at_most_one_dynamic(const dynamic_select<D, B>& query) {
        using Row = typename dynamic_select<D, B>::result_row;
        detail::postgresql_impl::result_ptr r = run_dynamic(query.sql(), query.values());
        const std::string_view sql = query.sql();
        const auto types = detail::postgresql_impl::result_types<Row>(r.get(), sql);
        std::optional<detail::fetch_target<Target, Row>> row;
        const int count = PQntuples(r.get());
        if (count > 1)
            throw row_count_error(
                detail::join_text("the statement returned ", std::to_string(count), " rows where at most one was expected"),
                std::string(sql));
        if (count == 1) detail::postgresql_impl::read_row<Row>(r.get(), 0, types.data(), row.emplace(), sql);
        return row;
    }

    // Prepared statements of dynamic queries (their names and texts), made on first use.
    std::unique_ptr<detail::postgresql_impl::dynamic_statements> dynamic_statements_;
};

using postgresql_connection = basic_postgresql_connection<>;
using postgresql_transaction = postgresql_connection::transaction_type;

}  // namespace ctsql

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/postgresql/connection_inl.hpp"
#endif
