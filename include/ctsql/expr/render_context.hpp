// Compile-time context of a rendering pass: the dialect, the statement's parameter list
// (placeholders are numbered by position in it) and whether columns are table-qualified.
#pragma once

#include <cstddef>
#include <string_view>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"

namespace ctsql {

template <class Dialect, class Parameters, bool QualifyColumns = true>
struct render_context {
    using dialect = Dialect;
    using parameters = Parameters;
    static constexpr bool qualify_columns = QualifyColumns;
};

template <class Context>
using unqualified_context = render_context<typename Context::dialect, typename Context::parameters, false>;
// Inside a subquery every column is qualified: an outer column of an UPDATE/DELETE (whose own
// columns are written bare) would otherwise bind to a same-named column of the inner table.
template <class Context>
using qualified_context = render_context<typename Context::dialect, typename Context::parameters, true>;

namespace detail {

template <class Parameters>
struct parameter_position;
template <class... Ps>
struct parameter_position<type_list<Ps...>> {
    static constexpr std::size_t of(std::string_view name) noexcept {
        std::size_t i = 0;
        for (std::string_view n : {std::string_view{}, Ps::name.view()...}) {
            if (i != 0 && n == name) return i;  // 1-based
            ++i;
        }
        return 0;
    }
};

// ?N on SQLite (numbered, so a parameter used twice binds once), $N on PostgreSQL.
// A writer with placeholder(n) (the fragment writer of dynamic queries, render/dynamic.hpp)
// records the position instead: the number is written at run time.
template <class Context, class Writer>
constexpr void write_placeholder(Writer& out, std::string_view name) {
    const std::size_t position = parameter_position<typename Context::parameters>::of(name);
    if constexpr (requires { out.placeholder(position); }) {
        out.placeholder(position);
    } else {
        out.put(Context::dialect::family == dialect_family::sqlite ? '?' : '$');
        write_unsigned(out, position);
    }
}

}  // namespace detail
}  // namespace ctsql
