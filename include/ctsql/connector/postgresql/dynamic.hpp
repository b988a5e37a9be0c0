// Dynamic queries on PostgreSQL (connector/dynamic.hpp): encoding their values, and the
// per-connection cache of their server-side prepared statements. Used by
// basic_postgresql_connection's execute / fetch_* for a dynamic_select.
//
// Static statements are cached by type (statement_cache.hpp). A dynamic query's text is known
// only at run time, so its prepared statements ("ctsql_dyn_<n>") are cached by text and
// parameter types: each execution hashes the text (std::hash, one pass) and compares it with the
// cached text of equal hash. The cache keeps the `capacity` most recently used statements of the
// connection: a hit is one round trip (PQexecPrepared), as for a static statement; a miss adds
// one (PQprepare) and, when the cache is full, one more to DEALLOCATE the least recently used
// statement on the server. Values are encoded in binary into buffers the cache keeps, so a
// warm cache allocates nothing per execution. A reconnection (new backend) empties the cache.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <libpq-fe.h>

#include "ctsql/connector/dynamic.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/postgresql/error.hpp"
#include "ctsql/connector/postgresql/values.hpp"

namespace ctsql::detail::postgresql_impl {

// The OID a dynamic value is sent as (its parameter's type, as for a static statement). This,
// prepare and encode are templates only so that their visits over every value type are
// instantiated where a dynamic query runs, not in every TU that includes the connector.
template <class Value = dynamic_value>
Oid dynamic_oid(const std::type_identity_t<Value>& v) noexcept {
    return std::visit([](const auto& value) { return parameter_oid<std::remove_cvref_t<decltype(value)>>(); }, v.value);
}

struct dynamic_result_deleter {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using dynamic_result = std::unique_ptr<PGresult, dynamic_result_deleter>;

class dynamic_statements {
public:
    static constexpr std::size_t capacity = 64;

    struct entry {
        std::size_t hash = 0;
        std::string sql;
        std::vector<Oid> types;
        std::string name;        // of the prepared statement on the server
        std::uint64_t used = 0;  // clock_ at the last use
    };

    // The prepared statement for `sql` with the types of `values`: cached, or prepared now
    // (throws database_error when the server refuses it). The entry (its sql and name) stays
    // valid until the next call.
    template <class Value = dynamic_value>
    const entry& prepare(PGconn* conn, std::string_view sql, std::span<const std::type_identity_t<Value>> values) {
        const int backend = PQbackendPID(conn);
        if (backend != backend_) {  // a new session (reconnect): its prepared statements are gone
            entries_.clear();
            backend_ = backend;
        }
        types_.resize(values.size());
        std::size_t hash = std::hash<std::string_view>{}(sql);
        for (std::size_t i = 0; i != values.size(); ++i) {
            types_[i] = dynamic_oid<Value>(values[i]);
            hash = hash * 31 + types_[i];
        }
        for (const auto& e : entries_)
            if (e->hash == hash && e->sql == sql && e->types == types_) {
                e->used = ++clock_;
                return *e;
            }
        auto fresh = std::make_unique<entry>(
            entry{hash, std::string(sql), types_, join_text("ctsql_dyn_", std::to_string(next_name_++)), 0});
        dynamic_result r(
            PQprepare(conn, fresh->name.c_str(), fresh->sql.c_str(), static_cast<int>(types_.size()), types_.data()));
        if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw_result_error(conn, r.get(), sql);
        fresh->used = ++clock_;
        if (entries_.size() >= capacity) {
            auto oldest = entries_.begin();
            for (auto it = entries_.begin(); it != entries_.end(); ++it)
                if ((*it)->used < (*oldest)->used) oldest = it;
            // Best effort: a failure leaves the statement on the server until the session ends.
            dynamic_result(PQexec(conn, join_text("DEALLOCATE \"", (*oldest)->name, "\"").c_str()));
            *oldest = std::move(fresh);
            return **oldest;
        }
        entries_.push_back(std::move(fresh));
        return *entries_.back();
    }

    // Forgets a statement the server no longer has (SQLSTATE 26000: DISCARD ALL, DEALLOCATE).
    void forget(const entry& lost) noexcept {
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->get() == &lost) {
                entries_.erase(it);
                return;
            }
    }

    // Encodes `values` (binary) into the cache's buffers, read by values() / lengths() /
    // formats() until the next call.
    template <class Value = dynamic_value>
    void encode(std::span<const std::type_identity_t<Value>> values, std::string_view sql) {
        scratch_.resize(values.size());
        pointers_.resize(values.size());
        lengths_.resize(values.size());
        formats_.assign(values.size(), 1);
        for (std::size_t i = 0; i != values.size(); ++i) {
            const Value& v = values[i];
            parameter_buffers<1>& one = scratch_[i];
            std::visit(
                [&](const auto& value) {
                    using U = std::remove_cvref_t<decltype(value)>;
                    if (v.null) encode_value<std::optional<U>>(one, 0, std::nullopt, v.name, sql);
                    else encode_value<U>(one, 0, value, v.name, sql);
                },
                v.value);
            pointers_[i] = one.values[0];  // points into one.scratch or into the value itself
            lengths_[i] = one.lengths[0];
        }
    }
    int count() const noexcept { return static_cast<int>(pointers_.size()); }
    const char* const* values() const noexcept { return pointers_.data(); }
    const int* lengths() const noexcept { return lengths_.data(); }
    const int* formats() const noexcept { return formats_.data(); }

    std::size_t size() const noexcept { return entries_.size(); }

private:
    std::vector<std::unique_ptr<entry>> entries_;  // unique_ptr: an entry's sql stays put
    std::uint64_t clock_ = 0;
    std::uint64_t next_name_ = 0;
    int backend_ = 0;
    std::vector<Oid> types_;
    std::vector<parameter_buffers<1>> scratch_;
    std::vector<const char*> pointers_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
};

}  // namespace ctsql::detail::postgresql_impl
