// PostgreSQL's bulk_update (the shape rules and the SQL: connector/bulk_update.hpp):
//   1. CREATE TEMP TABLE "ctsql_bulk_update" (<parameters>, "ctsql_row"); COPY ... FROM STDIN
//      (FORMAT binary), the rows streamed in 64 KiB chunks, each with its position;
//   2. ANALYZE it; UPDATE t SET ... FROM it WHERE t.key = input.key; DROP TABLE. When two rows
//      may have the same key (the client hashes the keys it sends), the UPDATE reads only the
//      last row of each key and returns the number of input rows whose key matched
//      (connector/bulk_update.hpp).
// Three round trips and five statements on the server whatever the row count, instead of one
// UPDATE per row. The caller (the connection's bulk_update) provides the transaction.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <ranges>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/bulk_update.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/error.hpp"
#include "ctsql/connector/postgresql/values.hpp"

namespace ctsql::detail::postgresql_impl {

// Below this many rows (of a sized range) bulk_update runs execute_many instead: the temporary
// table's CREATE, ANALYZE and DROP cost about 1 ms, and from a few hundred rows the planner
// joins by scanning the whole table, so on a 100,000-row table the COPY path pays only from
// about 2,000 rows (measured: docs/connectors.md, "Bulk update").
inline constexpr std::size_t bulk_update_threshold = 2048;

// Owns a PGresult (connection.hpp's result_ptr is declared after this header is included).
struct bulk_result_deleter {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using bulk_result = std::unique_ptr<PGresult, bulk_result_deleter>;

// The rows of a binary COPY, sent in chunks of about 64 KiB.
class binary_copy_writer {
public:
    binary_copy_writer(PGconn* conn, std::string_view sql) : conn_(conn), sql_(sql) {
        buffer_.reserve(chunk + 1024);
        buffer_.append("PGCOPY\n\377\r\n\0", 11);  // signature
        put(std::int32_t{0});                       // flags
        put(std::int32_t{0});                       // header extension length
    }

    template <std::size_t N>
    void row(const parameter_buffers<N>& fields, std::int64_t ordinal) {
        put(static_cast<std::int16_t>(N + 1));
        for (std::size_t i = 0; i != N; ++i) {
            if (fields.values[i] == nullptr) {
                put(std::int32_t{-1});
            } else {
                put(static_cast<std::int32_t>(fields.lengths[i]));
                buffer_.append(fields.values[i], static_cast<std::size_t>(fields.lengths[i]));
            }
        }
        put(std::int32_t{8});
        put(ordinal);
        if (buffer_.size() >= chunk) flush();
    }

    // The trailer and what is still buffered.
    void finish() {
        put(std::int16_t{-1});
        flush();
    }

private:
    static constexpr std::size_t chunk = 64 * 1024;

    template <class I>
    void put(I value) {
        char bytes[sizeof(I)];
        store_big_endian(bytes, value);
        buffer_.append(bytes, sizeof(I));
    }
    void flush() {
        if (buffer_.empty()) return;
        if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
            throw_result_error(conn_, nullptr, sql_);
        buffer_.clear();
    }

    PGconn* conn_;
    std::string_view sql_;
    std::string buffer_;
};

// Ends a COPY left unfinished by an exception (a value that cannot be encoded): the server
// fails it (the transaction is then aborted) and its results are read.
struct abandoned_copy_guard {
    PGconn* conn;
    bool active = true;
    explicit abandoned_copy_guard(PGconn* c) noexcept : conn(c) {}
    abandoned_copy_guard(const abandoned_copy_guard&) = delete;
    abandoned_copy_guard& operator=(const abandoned_copy_guard&) = delete;
    ~abandoned_copy_guard() {
        if (!active) return;
        PQputCopyEnd(conn, "ctsql: bulk_update abandoned the COPY (a row could not be sent)");
        while (PGresult* r = PQgetResult(conn)) {
            const ExecStatusType status = PQresultStatus(r);
            PQclear(r);
            if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) break;
        }
    }
};

// A hash of the key fields (parameters First...N-1) of one encoded row: equal keys, equal hashes.
template <std::size_t First, std::size_t N>
std::uint64_t key_hash(const parameter_buffers<N>& fields) noexcept {
    std::uint64_t h = 0x9e3779b97f4a7c15ull;
    for (std::size_t i = First; i != N; ++i) {
        const std::uint64_t field =
            fields.values[i] == nullptr
                ? 0x5bd1e995ull
                : std::hash<std::string_view>{}(std::string_view(fields.values[i], static_cast<std::size_t>(fields.lengths[i])));
        h = (h ^ field) * 0x100000001b3ull + (h >> 29);
    }
    return h;
}

// Whether two of `hashes` are equal (then two keys may be: a collision only costs the slower
// statement). Sorts them.
inline bool has_repeated_hash(std::vector<std::uint64_t>& hashes) {
    std::sort(hashes.begin(), hashes.end());
    return std::adjacent_find(hashes.begin(), hashes.end()) != hashes.end();
}

// Runs bulk_update of statement S on `owner` (the connection's state) inside the transaction
// that is open; returns the number of input rows whose key matched a row.
template <class S, class Dialect, class State, class Rows>
std::uint64_t run_bulk_update(State& owner, Rows&& rows) {
    using Parameters = connector_parameters<S>;
    constexpr std::size_t first_key = bulk_update_parts_of<S>::assignments::size;
    constexpr bool by_bytes = keys_equal_by_bytes<Parameters, first_key>;
    const char* const copy_sql = bulk_update_copy_sql<Dialect, S>();
    owner.check_idle();
    PGconn* conn = owner.conn;
    {
        bulk_result start(PQexec(conn, copy_sql));  // CREATE; COPY: returns the COPY's result
        if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) throw_result_error(conn, start.get(), copy_sql);
    }
    std::vector<std::uint64_t> key_hashes;
    if constexpr (by_bytes && std::ranges::sized_range<Rows>) key_hashes.reserve(std::ranges::size(rows));
    {
        abandoned_copy_guard guard{conn};
        binary_copy_writer out(conn, copy_sql);
        std::int64_t ordinal = 0;
        for (const auto& element : rows) {
            parameter_buffers<Parameters::size> fields;
            apply_argument_row(element, [&](const auto&... args) { encoder<Parameters>::encode(fields, copy_sql, args...); });
            if constexpr (by_bytes) key_hashes.push_back(key_hash<first_key>(fields));
            out.row(fields, ordinal++);
        }
        out.finish();
        guard.active = false;
        if (PQputCopyEnd(conn, nullptr) != 1) {
            owner.drain();
            throw_result_error(conn, nullptr, copy_sql);
        }
        bulk_result outcome(PQgetResult(conn));
        while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
        if (!outcome || PQresultStatus(outcome.get()) != PGRES_COMMAND_OK) throw_result_error(conn, outcome.get(), copy_sql);
    }
    // ANALYZE; UPDATE ...; DROP TABLE: three results, or results up to the first failure.
    const bool dedupe = !by_bytes || has_repeated_hash(key_hashes);
    const char* const apply_sql = dedupe ? bulk_update_dedupe_apply_sql<Dialect, S>() : bulk_update_apply_sql<Dialect, S>();
    if (PQsendQuery(conn, apply_sql) != 1) throw_result_error(conn, nullptr, apply_sql);
    bulk_result results[3];
    for (bulk_result& r : results) r.reset(PQgetResult(conn));
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
    const ExecStatusType expected[3] = {PGRES_COMMAND_OK, dedupe ? PGRES_TUPLES_OK : PGRES_COMMAND_OK, PGRES_COMMAND_OK};
    for (std::size_t i = 0; i != 3; ++i)
        if (!results[i] || PQresultStatus(results[i].get()) != expected[i]) throw_result_error(conn, results[i].get(), apply_sql);
    const PGresult* applied = results[1].get();
    // The count: the tag "UPDATE <n>", or the one value the deduplicating statement returns.
    const bool one_value = PQntuples(applied) == 1 && PQnfields(applied) == 1;
    if (dedupe && !one_value) throw database_error("bulk_update: the UPDATE did not return its row count", std::string(apply_sql));
    const std::string_view text = dedupe ? std::string_view(PQgetvalue(applied, 0, 0))
                                        : std::string_view(PQcmdTuples(const_cast<PGresult*>(applied)));
    std::uint64_t updated = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') throw database_error("bulk_update: the UPDATE returned a malformed row count", std::string(apply_sql));
        updated = updated * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return updated;
}

}  // namespace ctsql::detail::postgresql_impl
