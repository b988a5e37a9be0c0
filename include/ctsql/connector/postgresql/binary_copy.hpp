// One COPY ... FROM STDIN (FORMAT binary), as bulk_insert (connection.hpp) and bulk_update
// (postgresql/bulk_update.hpp) stream it: the statement is run, the rows are encoded as prepared
// parameters are (parameter_buffers) and sent in chunks of about 64 KiB, and finish() ends the
// COPY and reads its result. A COPY left unfinished (an exception while rows were being encoded
// or sent) is ended with an error by the destructor, so the connection stays usable.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <libpq-fe.h>

#include "ctsql/connector/postgresql/error.hpp"
#include "ctsql/connector/postgresql/result.hpp"
#include "ctsql/connector/postgresql/values.hpp"

namespace ctsql::detail::postgresql_impl {

class binary_copy {
public:
    // Runs `sql` (its last statement a COPY ... FROM STDIN (FORMAT binary)); `abandoned` is the
    // error the server reports for a COPY this object ends unfinished (it names the caller).
    binary_copy(PGconn* conn, const char* sql, const char* abandoned);

    binary_copy(const binary_copy&) = delete;
    binary_copy& operator=(const binary_copy&) = delete;

    // The server fails the unfinished COPY (an enclosing transaction is then aborted); its
    // results are read.
    ~binary_copy();

    // One row: the N encoded parameters, then `extra` int8 columns (bulk_update's row position).
    template <std::size_t N, std::same_as<std::int64_t>... Extra>
    void row(const parameter_buffers<N>& fields, Extra... extra) {
        put(static_cast<std::int16_t>(N + sizeof...(Extra)));
        for (std::size_t i = 0; i != N; ++i) {
            if (fields.values[i] == nullptr) {
                put(std::int32_t{-1});
            } else {
                put(static_cast<std::int32_t>(fields.lengths[i]));
                buffer_.append(fields.values[i], static_cast<std::size_t>(fields.lengths[i]));
            }
        }
        ((put(std::int32_t{8}), put(extra)), ...);
        if (buffer_.size() >= chunk) flush();
    }

    // Sends the trailer and what is still buffered, ends the COPY and reads its result; returns
    // the number of rows copied ("COPY <n>"). Throws as execute() would for a failed COPY.
    std::uint64_t finish();

private:
    static constexpr std::size_t chunk = 64 * 1024;

    template <class I>
    void put(I value) {
        char bytes[sizeof(I)];
        store_big_endian(bytes, value);
        buffer_.append(bytes, sizeof(I));
    }

    void flush();

    PGconn* conn_;
    std::string_view sql_;
    const char* abandoned_;
    bool active_ = true;
    std::string buffer_;
};

}  // namespace ctsql::detail::postgresql_impl

#if !defined(CTSQL_SEPARATE_COMPILATION)
#include "ctsql/connector/postgresql/binary_copy_inl.hpp"
#endif
