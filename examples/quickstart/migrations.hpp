// The quick-start schema's history: three revisions. The compiler proves that replaying them
// yields the model in schema.hpp (static_assert below): a migration that does not produce the
// declared schema does not compile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/migrate/migrate.hpp>

#include "schema.hpp"

namespace blog::migrations {

namespace m = ctsql::migrate;
using m::col;

struct r0001 : m::revision<"0001", "users", m::base,
                           m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                           col<"name", std::string>, col<"email", std::string, ctsql::unique>>> {};

struct r0002 : m::revision<"0002", "posts", r0001,
                           m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                           col<"author_id", std::int64_t,
                                               m::references<"users", "id">::on_delete<ctsql::fk_action::cascade>>,
                                           col<"title", std::string>, col<"body", std::optional<std::string>>,
                                           col<"published", bool, ctsql::default_value<false>>>,
                           m::create_index<"posts", m::index_on<"posts_by_author", "author_id", "published">>> {};

struct r0003 : m::revision<"0003", "users: age and join date", r0002,
                           m::add_column<"users", col<"age", std::optional<std::int32_t>>>,
                           m::add_column<"users", col<"joined", ctsql::timestamp, ctsql::default_now>>> {};

using history = m::chain<r0001, r0002, r0003>;

static_assert(m::chain_yields<history, blog::schema>);

}  // namespace blog::migrations
