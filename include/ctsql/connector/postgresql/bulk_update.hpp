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
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ranges>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/argument_rows.hpp"
#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/bulk_update.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/binary_copy.hpp"
#include "ctsql/connector/postgresql/error.hpp"
#include "ctsql/connector/postgresql/result.hpp"
#include "ctsql/connector/postgresql/values.hpp"

namespace ctsql::detail::postgresql_impl {

// Below this many rows (of a sized range) bulk_update runs execute_many instead: the temporary
// table's CREATE, ANALYZE and DROP cost about 1 ms, and from a few hundred rows the planner
// joins by scanning the whole table, so on a 100,000-row table the COPY path pays only from
// about 2,000 rows (measured: docs/connectors.md, "Bulk update").
inline constexpr std::size_t bulk_update_threshold = 2048;

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
    std::vector<std::uint64_t> key_hashes;
    if constexpr (by_bytes && std::ranges::sized_range<Rows>) key_hashes.reserve(std::ranges::size(rows));
    {
        binary_copy copy(conn, copy_sql, "ctsql: bulk_update abandoned the COPY (a row could not be sent)");
        std::int64_t ordinal = 0;
        for (const auto& element : rows) {
            parameter_buffers<Parameters::size> fields;
            apply_argument_row(element, [&](const auto&... args) { encoder<Parameters>::encode(fields, copy_sql, args...); });
            if constexpr (by_bytes) key_hashes.push_back(key_hash<first_key>(fields));
            copy.row(fields, ordinal++);
        }
        copy.finish();
    }
    // ANALYZE; UPDATE ...; DROP TABLE: three results, or results up to the first failure.
    const bool dedupe = !by_bytes || has_repeated_hash(key_hashes);
    const char* const apply_sql = dedupe ? bulk_update_dedupe_apply_sql<Dialect, S>() : bulk_update_apply_sql<Dialect, S>();
    if (PQsendQuery(conn, apply_sql) != 1) throw_result_error(conn, nullptr, apply_sql);
    result_ptr results[3];
    for (result_ptr& r : results) r.reset(PQgetResult(conn));
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
    const ExecStatusType expected[3] = {PGRES_COMMAND_OK, dedupe ? PGRES_TUPLES_OK : PGRES_COMMAND_OK, PGRES_COMMAND_OK};
    for (std::size_t i = 0; i != 3; ++i)
        if (!results[i] || PQresultStatus(results[i].get()) != expected[i]) throw_result_error(conn, results[i].get(), apply_sql);
    const PGresult* applied = results[1].get();
    // The count: the tag "UPDATE <n>", or the one value the deduplicating statement returns.
    if (!dedupe) return affected_rows(applied);
    std::uint64_t updated = 0;
    const bool one_value = PQntuples(applied) == 1 && PQnfields(applied) == 1;
    if (!one_value) throw database_error("bulk_update: the UPDATE did not return its row count", std::string(apply_sql));
    const std::string_view text(PQgetvalue(applied, 0, 0));
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), updated);
    if (error != std::errc{} || end != text.data() + text.size())
        throw database_error("bulk_update: the UPDATE returned a malformed row count", std::string(apply_sql));
    return updated;
}

}  // namespace ctsql::detail::postgresql_impl
