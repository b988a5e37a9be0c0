// A typed raw-SQL escape hatch: hand-written SQL text per dialect with declared parameters and
// result row, executed through the connectors with the same binding and row mapping.
//
//   using top_users = ctsql::raw_statement<
//       ctsql::raw_sql<"SELECT id, name FROM users WHERE age > ?1 LIMIT ?2",          // SQLite
//                      "SELECT id, name FROM users WHERE age > $1 LIMIT $2">,         // PostgreSQL
//       ctsql::type_list<ctsql::parameter<"min_age", int>, ctsql::parameter<"limit", std::int64_t>>,
//       ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>>>;
//
// Nothing checks the text against the schema: that is what the typed statements are for.
#pragma once

#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql {

template <fixed_string SqliteText, fixed_string PostgresqlText = SqliteText>
struct raw_sql {
    static constexpr auto sqlite_text = SqliteText;
    static constexpr auto postgresql_text = PostgresqlText;
};

template <class Text, class Parameters = type_list<>, class ResultRow = void>
struct raw_statement {
    using text = Text;
    using parameters = Parameters;
    using result_row = ResultRow;
};

template <dialect Dialect, class Text, class Parameters, class ResultRow>
struct statement_renderer<Dialect, raw_statement<Text, Parameters, ResultRow>> {
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (Dialect::family == dialect_family::sqlite) out.put(Text::sqlite_text.view());
        else out.put(Text::postgresql_text.view());
    }
};

}  // namespace ctsql
