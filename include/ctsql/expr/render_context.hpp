// Compile-time context of a rendering pass: the dialect and whether columns are
// table-qualified. The statement's parameter names, which number the placeholders, travel on
// the writer (detail::parameter_names): set by numbered_by<Parameters>(out) where a statement's
// rendering starts.
#pragma once

#include <cstddef>
#include <string_view>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/query/statement_traits.hpp"

namespace ctsql {

template <class Dialect, bool QualifyColumns = true>
struct render_context {
    using dialect = Dialect;
    static constexpr bool qualify_columns = QualifyColumns;
};

template <class Context>
using unqualified_context = render_context<typename Context::dialect, false>;
// Inside a subquery every column is qualified: an outer column of an UPDATE/DELETE (whose own
// columns are written bare) would otherwise bind to a same-named column of the inner table.
template <class Context>
using qualified_context = render_context<typename Context::dialect, true>;

namespace detail {

// The writer, numbering placeholders by Parameters (a statement's unique parameter list).
template <class Parameters, class Writer>
constexpr Writer& numbered_by(Writer& out) noexcept {
    out.parameters = {parameter_names_of<Parameters>::value, Parameters::size};
    return out;
}

// ?N on SQLite (numbered, so a parameter used twice binds once), $N on PostgreSQL.
// A writer with placeholder(n) (the fragment writer of dynamic queries, render/dynamic.hpp)
// records the position instead: the number is written at run time.
template <class Context, class Writer>
constexpr void write_placeholder(Writer& out, std::string_view name) {
    const std::size_t position = out.parameters.position_of(name);
    if constexpr (requires { out.placeholder(position); }) {
        out.placeholder(position);
    } else {
        out.put(Context::dialect::family == dialect_family::sqlite ? '?' : '$');
        write_unsigned(out, position);
    }
}

}  // namespace detail
}  // namespace ctsql
