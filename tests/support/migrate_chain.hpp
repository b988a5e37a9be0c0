// The migration chain the runtime migration tests run on SQLite and PostgreSQL
// (tests/runtime/<db>/migrate_*.cpp), the model it yields, and a few chains that extend it
// with a revision that fails (fault injection) or that a shorter chain does not know.
//
// Every operation appears at least once: create / drop / rename table; add / drop / rename
// column; alter column type, nullability and default; create / drop index; add / drop unique;
// add / drop foreign key; raw_sql_step with a declared effect (and one without). On SQLite,
// r04, r05, r07, r09 and r10 rebuild tables that other tables reference or that reference
// others (create / copy / drop / rename), so the tests check that values and foreign keys
// survive the rebuilds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/migrate.hpp>

namespace ctsql_migrate_test {

namespace m = ctsql::migrate;
using ctsql::column;
using ctsql::fk_action;
using m::col;
using m::names;

// ---- The chain ----------------------------------------------------------------------------------

struct r01 : m::revision<"0001", "users", m::base,
                         m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"name", std::string>, col<"email", std::string>,
                                         col<"age", std::optional<std::int32_t>>, m::index_on<"users_by_name", "name">>> {};

struct r02 : m::revision<"0002", "posts", r01,
                         m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"author", std::int64_t, m::references<"users", "id">::on_delete<fk_action::cascade>>,
                                         col<"title", std::string, ctsql::default_value<"untitled">>,
                                         col<"body", std::string, ctsql::default_value<"">>>,
                         m::create_index<"posts", m::index_on<"posts_by_author", "author">>> {};

struct r03 : m::revision<"0003", "tags, legacy", r02,
                         m::create_table<"tags", col<"post", std::int64_t>, col<"tag", std::string>, m::primary_key_on<"post", "tag">,
                                         m::foreign_key_on<names<"post">, "posts", names<"id">>::on_delete<fk_action::cascade>>,
                         m::create_table<"legacy", col<"id", std::int64_t, ctsql::primary_key>, col<"note", std::optional<std::string>>>> {};

// SQLite: the foreign key on an existing table rebuilds posts (referenced by tags).
struct r04 : m::revision<"0004", "scores, views, editors", r03,
                         m::add_column<"users", col<"score", std::optional<double>>>,
                         m::add_column<"posts", col<"views", std::int32_t, ctsql::default_value<0>>>,
                         m::add_column<"posts", col<"editor", std::optional<std::int64_t>>>,
                         m::add_foreign_key<"posts", m::foreign_key_on<names<"editor">, "users", names<"id">>::on_delete<fk_action::set_null>>> {};

// SQLite: rebuilds users, which posts references twice.
struct r05 : m::revision<"0005", "unique email", r04, m::add_unique<"users", "email">> {};

struct r06 : m::revision<"0006", "renames", r05, m::rename_column<"users", "name", "full_name">,
                         m::rename_table<"posts", "articles">> {};

// A data fix (raw SQL without schema effect) first: age becomes NOT NULL.
struct r07 : m::revision<"0007", "alter columns", r06,
                         m::raw_sql_step<ctsql::raw_sql<R"(UPDATE "users" SET "age" = 0 WHERE "age" IS NULL)">, ctsql::raw_sql<"SELECT 1">>,
                         m::alter_column<"users", "age", m::to_type<std::int64_t>, m::set_not_null, m::set_default<0>>,
                         m::alter_column<"articles", "title", m::drop_default>,
                         m::alter_column<"users", "score", m::set_default<"0.5">>> {};

struct r08 : m::revision<"0008", "indexes", r07,
                         m::create_index<"articles", m::index_on<"articles_by_views", "views", "title">>,
                         m::create_index<"users", m::unique_index_on<"users_by_age_id", "age", "id">>,
                         m::drop_index<"users", "users_by_name">> {};

struct r09 : m::revision<"0009", "comments", r08,
                         m::create_table<"comments", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"article", std::int64_t>, col<"author", std::optional<std::int64_t>>, col<"body", std::string>>,
                         m::add_foreign_key<"comments", m::foreign_key_on<names<"article">, "articles", names<"id">>::on_delete<fk_action::cascade>>,
                         m::add_foreign_key<"comments", m::foreign_key_on<names<"author">, "users", names<"id">>::on_delete<fk_action::set_null>>,
                         m::drop_foreign_key<"articles", names<"editor">>> {};

struct r10 : m::revision<"0010", "drops", r09, m::drop_column<"articles", "body", m::acknowledge_data_loss>,
                         m::drop_table<"legacy", m::acknowledge_data_loss>, m::alter_column<"comments", "body", m::set_nullable>,
                         m::drop_unique<"users", "email">> {};

struct r11 : m::revision<"0011", "nicknames (raw SQL)", r10,
                         m::raw_sql_step<ctsql::raw_sql<R"(ALTER TABLE "users" ADD COLUMN "nickname" TEXT)">,
                                         ctsql::raw_sql<R"(ALTER TABLE "users" DROP COLUMN "nickname")">,
                                         m::add_column<"users", col<"nickname", std::optional<std::string>>>>,
                         m::add_unique<"users", "full_name", "age">> {};

struct r12 : m::revision<"0012", "members", r11, m::rename_table<"users", "members">, m::rename_column<"tags", "post", "post_id">> {};

using history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12>;
inline constexpr int head_position = 12;

// ---- The model (head of the chain) ------------------------------------------------------------

struct members_t {
    static constexpr ctsql::fixed_string sql_name = "members";
    struct id_c : column<members_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct full_name_c : column<members_t, "full_name", std::string> {} full_name;
    struct email_c : column<members_t, "email", std::string> {} email;
    struct age_c : column<members_t, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<members_t, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<members_t, "nickname", std::optional<std::string>> {} nickname;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age_id", age_c, id_c> {};
    using indexes = ctsql::indexes<by_age>;
};

struct articles_t {
    static constexpr ctsql::fixed_string sql_name = "articles";
    struct id_c : column<articles_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : column<articles_t, "author", std::int64_t,
                             ctsql::references<members_t::id_c>::on_delete<fk_action::cascade>> {} author;
    struct title_c : column<articles_t, "title", std::string> {} title;
    struct views_c : column<articles_t, "views", std::int32_t, ctsql::default_value<0>> {} views;
    struct editor_c : column<articles_t, "editor", std::optional<std::int64_t>> {} editor;
    struct by_author : ctsql::index<"posts_by_author", author_c> {};
    struct by_views : ctsql::index<"articles_by_views", views_c, title_c> {};
    using indexes = ctsql::indexes<by_author, by_views>;
};

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_id_c : column<tags_t, "post_id", std::int64_t, ctsql::references<articles_t::id_c>::on_delete<fk_action::cascade>> {} post_id;
    struct tag_c : column<tags_t, "tag", std::string> {} tag;
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_id_c, tag_c>>;
};

struct comments_t {
    static constexpr ctsql::fixed_string sql_name = "comments";
    struct id_c : column<comments_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct article_c : column<comments_t, "article", std::int64_t,
                              ctsql::references<articles_t::id_c>::on_delete<fk_action::cascade>> {} article;
    struct author_c : column<comments_t, "author", std::optional<std::int64_t>,
                             ctsql::references<members_t::id_c>::on_delete<fk_action::set_null>> {} author;
    struct body_c : column<comments_t, "body", std::optional<std::string>> {} body;
};

using model = ctsql::schema<members_t, articles_t, tags_t, comments_t>;

static_assert(m::chain_yields<history, model>);

// ---- Chains that extend it ----------------------------------------------------------------------

// A valid 13th revision (a database upgraded with it has a revision `history` does not know).
struct x13 : m::revision<"0013", "extra column", r12, m::add_column<"members", col<"extra", std::optional<std::string>>>> {};
using extended_history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, x13>;

// Fault injection: the third operation is not SQL; the first two changed the schema.
struct bad_sql13 : m::revision<"0013", "broken raw SQL", r12,
                               m::add_column<"members", col<"extra", std::optional<std::string>>>,
                               m::create_index<"members", m::index_on<"members_by_extra", "extra">>,
                               m::raw_sql_step<ctsql::raw_sql<"THIS IS NOT SQL">, ctsql::raw_sql<"SELECT 1">>> {};
using bad_sql_history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, bad_sql13>;

// Fault injection: NOT NULL over existing NULLs (members.nickname), after a table rename and a
// data change (the UPDATE must be rolled back too).
struct bad_null13 : m::revision<"0013", "nicknames required", r12,
                                m::rename_table<"comments", "remarks">,
                                m::raw_sql_step<ctsql::raw_sql<R"(UPDATE "members" SET "age" = "age" + 100)">, ctsql::raw_sql<"SELECT 1">>,
                                m::alter_column<"members", "nickname", m::set_not_null>> {};
using bad_null_history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, bad_null13>;

// Fault injection: a foreign key over rows that break it (the test points an editor at no one).
// SQLite rebuilds articles without complaint; PRAGMA foreign_key_check must refuse the commit.
struct bad_fk13 : m::revision<"0013", "editors are members", r12,
                              m::add_column<"members", col<"extra", std::optional<std::string>>>,
                              m::add_foreign_key<"articles", m::foreign_key_on<names<"editor">, "members", names<"id">>>> {};
using bad_fk_history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, bad_fk13>;

// Fault injection in a downgrade: the upgrade works, the downgrade's second operation fails.
struct bad_down13 : m::revision<"0013", "irreversible", r12,
                                m::raw_sql_step<ctsql::raw_sql<R"(DELETE FROM "tags" WHERE "tag" = 'nothing')">,
                                                ctsql::raw_sql<R"(SELECT * FROM "no_such_table")">>,
                                m::add_column<"members", col<"extra", std::optional<std::string>>>> {};
using bad_down_history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, bad_down13>;

// ---- A small chain: dropping a NOT NULL column without default, then downgrading ---------------

// The downgrade must bring the column back on a table that has rows: SQLite's rebuild fills it
// with a constant of its type; PostgreSQL's ALTER TABLE ADD COLUMN ... NOT NULL needs a value.
struct n01 : m::revision<"n01", "notes", m::base,
                         m::create_table<"notes", col<"id", std::int64_t, ctsql::primary_key>, col<"body", std::string>,
                                         col<"rank", std::int32_t>>> {};
struct n02 : m::revision<"n02", "no body", n01, m::drop_column<"notes", "body", m::acknowledge_data_loss>,
                         m::drop_column<"notes", "rank", m::acknowledge_data_loss>> {};
using notes_history = m::chain<n01, n02>;

// ---- Names as the chain has them after `applied` revisions --------------------------------------

inline std::string users_table(int applied) { return applied >= 12 ? "members" : "users"; }
inline std::string name_column(int applied) { return applied >= 6 ? "full_name" : "name"; }
inline std::string posts_table(int applied) { return applied >= 6 ? "articles" : "posts"; }
inline std::string tags_post_column(int applied) { return applied >= 12 ? "post_id" : "post"; }

}  // namespace ctsql_migrate_test
