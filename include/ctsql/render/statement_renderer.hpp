// The rendering entry point: statement_renderer<Dialect, Statement> is specialised for every
// statement kind (DDL in render/ddl.hpp, queries in their own headers) and ctsql::sql
// turns it into one constant array per (statement type, dialect).
#pragma once

#include <string_view>
#include <type_traits>

#include "ctsql/detail/writer.hpp"
#include "ctsql/dialect/dialect.hpp"

namespace ctsql {

template <dialect Dialect, class Statement>
struct statement_renderer;  // specialisations: static constexpr void render(Writer&)

template <class Statement, class Dialect>
concept renderable_for = requires { &statement_renderer<Dialect, Statement>::template render<detail::sql_writer>; };

// The statement's SQL for Dialect, computed at compile time: a view of one NUL-terminated
// array in read-only data, shared by every use of the same statement type.
template <dialect Dialect, class Statement>
constexpr std::string_view sql(const Statement& = {}) noexcept {
    return detail::rendered_view<statement_renderer<Dialect, std::remove_cvref_t<Statement>>>();
}

// The same text as a NUL-terminated C string, for sqlite3_prepare_v2 / PQprepare.
template <dialect Dialect, class Statement>
constexpr const char* c_str(const Statement& = {}) noexcept {
    return detail::rendered_text<statement_renderer<Dialect, std::remove_cvref_t<Statement>>>.buffer;
}

}  // namespace ctsql
