// Dynamic queries on SQLite (connector/dynamic.hpp): binding their values, and the per-connection
// cache of their prepared statements. Used by basic_sqlite_connection's execute / fetch_* for a
// dynamic_select.
//
// Static statements are cached by type (statement_cache.hpp): no text is looked at. A dynamic
// query's text is known only at run time, so its statements are cached by text: each execution
// hashes the text (std::hash, one pass over it) and compares it with the cached text of equal
// hash. The cache keeps the `capacity` most recently used statements of the connection (a hit
// prepares nothing); a miss prepares the text (sqlite3_prepare_v3) and evicts (finalizes) the
// least recently used one beyond the capacity. fetch() ranges use a statement of their own,
// prepared for the range and finalized after it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <sqlite3.h>

#include "ctsql/connector/dynamic.hpp"
#include "ctsql/connector/separate_compilation.hpp"
#include "ctsql/connector/sqlite/values.hpp"

namespace ctsql::detail::sqlite_impl {

// Binds a dynamic query's values to ?1, ?2, ... (each by its parameter's type, like bind_value
// for a static statement). transient: SQLite copies strings and blobs (the values may die
// before the statement is stepped: fetch()). A template only so that its visit over every value
// type is instantiated where a dynamic query runs, not in every TU that includes the connector.
template <class Value = dynamic_value>
void bind_dynamic(sqlite3_stmt* stmt, std::span<const std::type_identity_t<Value>> values, bool transient) {
    const bind_buffers buffers{nullptr, transient};
    int position = 0;
    for (const Value& v : values) {
        ++position;
        std::visit(
            [&](const auto& value) {
                using U = std::remove_cvref_t<decltype(value)>;
                if (v.null) bind_value<std::optional<U>>(stmt, position, std::nullopt, v.name, buffers);
                else bind_value<U>(stmt, position, value, v.name, buffers);
            },
            v.value);
    }
}

// The prepared statements of a connection's dynamic queries, by text (see the top of this file).
class dynamic_statements {
public:
    static constexpr std::size_t capacity = 64;

    dynamic_statements() = default;
    dynamic_statements(const dynamic_statements&) = delete;
    dynamic_statements& operator=(const dynamic_statements&) = delete;
    ~dynamic_statements();

    // The idle cached statement for `sql`, now in use; nullptr if there is none.
    sqlite3_stmt* find(std::string_view sql, std::size_t hash) noexcept {
        for (entry& e : entries_)
            if (!e.busy && e.hash == hash && e.sql == sql) {
                e.busy = true;
                e.used = ++clock_;
                return e.stmt;
            }
        return nullptr;
    }

    // Caches `stmt`, just prepared for `sql` and in use; finalizes the least recently used idle
    // statement when the cache is full. On failure (no memory) the caller still owns `stmt`.
    void add(std::string_view sql, std::size_t hash, sqlite3_stmt* stmt);

    // A statement from find() or add(), after use: reset and idle again.
    void release(sqlite3_stmt* stmt) noexcept {
        sqlite3_reset(stmt);
        for (entry& e : entries_)
            if (e.stmt == stmt) e.busy = false;
    }

    std::size_t size() const noexcept { return entries_.size(); }

private:
    struct entry {
        std::size_t hash = 0;
        std::string sql;
        sqlite3_stmt* stmt = nullptr;
        std::uint64_t used = 0;  // clock_ at the last use
        bool busy = false;
    };
    std::vector<entry> entries_;
    std::uint64_t clock_ = 0;
};

// One use of a cached dynamic statement; releases it (reset, idle) when done.
class dynamic_lease {
public:
    dynamic_lease(dynamic_statements& cache, sqlite3_stmt* stmt) noexcept : cache_(&cache), stmt_(stmt) {}
    dynamic_lease(dynamic_lease&& other) noexcept
        : cache_(other.cache_), stmt_(std::exchange(other.stmt_, nullptr)) {}
    dynamic_lease& operator=(dynamic_lease&&) = delete;
    ~dynamic_lease() {
        if (stmt_ != nullptr) cache_->release(stmt_);
    }
    sqlite3_stmt* get() const noexcept { return stmt_; }

private:
    dynamic_statements* cache_;
    sqlite3_stmt* stmt_;
};

// The statement for a dynamic query's text, from the cache or prepared with `prepare`
// (state::prepare: checks for a single statement, throws on errors), its values bound.
template <class Prepare>
dynamic_lease acquire_dynamic(dynamic_statements& cache, const std::string& sql, std::span<const dynamic_value> values,
                              Prepare&& prepare) {
    const std::size_t hash = std::hash<std::string_view>{}(sql);
    sqlite3_stmt* stmt = cache.find(sql, hash);
    if (stmt == nullptr) {
        stmt = prepare(sql.data(), sql.size());
        try {
            cache.add(sql, hash, stmt);
        } catch (...) {
            sqlite3_finalize(stmt);
            throw;
        }
    }
    dynamic_lease lease(cache, stmt);
    bind_dynamic(stmt, values, false);
    return lease;
}

}  // namespace ctsql::detail::sqlite_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/sqlite/dynamic_inl.hpp"
#endif
