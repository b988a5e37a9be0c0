// A PGresult's owner, and the row count in its command tag: used by the connection and by the
// COPY paths (postgresql/binary_copy.hpp, postgresql/bulk_update.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include <libpq-fe.h>

namespace ctsql::detail::postgresql_impl {

struct result_deleter {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

// The row count in a command's tag ("UPDATE 3", "INSERT 0 1", "SELECT 5", "COPY 7"): what
// PQcmdTuples reads, for the same commands, in one pass over the tag (PQcmdTuples compares it
// with strncmp against each verb: about 180 instructions per statement); 0 for tags without a
// count ("CREATE TABLE").
inline std::uint64_t affected_rows(const PGresult* r) noexcept {
    const char* tag = PQcmdStatus(const_cast<PGresult*>(r));
    auto starts_with = [&]<std::size_t N>(const char (&prefix)[N]) {
        for (std::size_t i = 0; i != N - 1; ++i)  // stops at the tag's end: no prefix holds '\0'
            if (tag[i] != prefix[i]) return false;
        return true;
    };
    std::size_t length;  // of the verb and its space
    switch (tag[0]) {
        case 'I': length = starts_with("INSERT ") ? 7 : 0; break;
        case 'U': length = starts_with("UPDATE ") ? 7 : 0; break;
        case 'D': length = starts_with("DELETE ") ? 7 : 0; break;
        case 'S': length = starts_with("SELECT ") ? 7 : 0; break;
        case 'M': length = starts_with("MERGE ") ? 6 : starts_with("MOVE ") ? 5 : 0; break;
        case 'F': length = starts_with("FETCH ") ? 6 : 0; break;
        case 'C': length = starts_with("COPY ") ? 5 : 0; break;
        default: length = 0;
    }
    if (length == 0) return 0;
    // The digits after the last space (INSERT: after the OID).
    std::uint64_t count = 0;
    bool digits = false;
    for (const char* p = tag + length; *p != '\0'; ++p) {
        if (*p == ' ') {
            count = 0;
            digits = false;
        } else if (*p >= '0' && *p <= '9') {
            count = count * 10 + static_cast<std::uint64_t>(*p - '0');
            digits = true;
        } else {
            return 0;
        }
    }
    return digits ? count : 0;
}

}  // namespace ctsql::detail::postgresql_impl
