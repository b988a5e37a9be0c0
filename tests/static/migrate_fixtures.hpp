// A blog schema and the 12-revision migration chain that builds it, shared by the migrate_*
// static tests. Every operation appears at least once; the SQL each revision renders (both
// dialects, both directions) was executed on SQLite 3.40 and PostgreSQL 15: up all, down all,
// up all again, with rows in the tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/migrate.hpp>

namespace mfx {

namespace m = ctsql::migrate;
using ctsql::column;
using ctsql::fk_action;
using m::col;
using m::names;

using lite = ctsql::sqlite<>;
using pg = ctsql::postgresql<>;

// ---- The model (head of the chain) ------------------------------------------------------------

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_t, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct full_name_c : column<users_t, "full_name", std::string> {} full_name;
    struct email_c : column<users_t, "email", std::string> {} email;
    struct age_c : column<users_t, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_t, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_t, "nickname", std::optional<std::string>> {} nickname;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};

struct articles_t {
    static constexpr ctsql::fixed_string sql_name = "articles";
    struct id_c : column<articles_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : column<articles_t, "author", std::int64_t,
                             ctsql::references<users_t::user_id_c>::on_delete<fk_action::cascade>> {} author;
    struct title_c : column<articles_t, "title", std::string> {} title;
    struct created_at_c : column<articles_t, "created_at", ctsql::timestamp, ctsql::default_now> {} created_at;
    struct views_c : column<articles_t, "views", std::int16_t, ctsql::default_value<0>> {} views;
    struct editor_c : column<articles_t, "editor", std::optional<std::int64_t>> {} editor;
    struct published_at_c : column<articles_t, "published_at", std::optional<ctsql::timestamp>, ctsql::default_now> {} published_at;
    struct by_author : ctsql::index<"posts_by_author", author_c> {};
    struct by_views : ctsql::index<"articles_by_views", views_c, title_c> {};
    using indexes = ctsql::indexes<by_author, by_views>;
};

struct post_tags_t {
    static constexpr ctsql::fixed_string sql_name = "post_tags";
    struct post_id_c : column<post_tags_t, "post_id", std::int64_t,
                              ctsql::references<articles_t::id_c>::on_delete<fk_action::cascade>> {} post_id;
    struct tag_c : column<post_tags_t, "tag", std::string> {} tag;
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_id_c, tag_c>>;
    struct by_tag : ctsql::unique_index<"tags_by_tag", tag_c, post_id_c> {};
    using indexes = ctsql::indexes<by_tag>;
};

struct comments_t {
    static constexpr ctsql::fixed_string sql_name = "comments";
    struct id_c : column<comments_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct article_c : column<comments_t, "article", std::int64_t,
                              ctsql::references<articles_t::id_c>::on_delete<fk_action::cascade>> {} article;
    struct author_c : column<comments_t, "author", std::optional<std::int64_t>,
                             ctsql::references<users_t::user_id_c>::on_delete<fk_action::set_null>> {} author;
    struct text_c : column<comments_t, "text", std::optional<std::string>> {} text;
};

struct tag_votes_t {
    static constexpr ctsql::fixed_string sql_name = "tag_votes";
    struct post_id_c : column<tag_votes_t, "post_id", std::int64_t> {} post_id;
    struct tag_c : column<tag_votes_t, "tag", std::string> {} tag;
    struct voter_id_c : column<tag_votes_t, "voter_id", std::int64_t> {} voter_id;
    using constraints = ctsql::constraints<
        ctsql::unique_on<voter_id_c, tag_c>,
        ctsql::foreign_key<ctsql::columns<post_id_c, tag_c>, ctsql::columns<post_tags_t::post_id_c, post_tags_t::tag_c>>>;
};

using blog = ctsql::schema<users_t, articles_t, post_tags_t, comments_t, tag_votes_t>;

// ---- The chain ----------------------------------------------------------------------------------

struct r01 : m::revision<"0001", "users", m::base,
                         m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"name", std::string>, col<"email", std::string, ctsql::unique>,
                                         col<"age", std::optional<std::int32_t>>, m::index_on<"users_by_name", "name">>> {};

struct r02 : m::revision<"0002", "posts", r01,
                         m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"author", std::int64_t, m::references<"users", "id">::on_delete<fk_action::cascade>>,
                                         col<"title", std::string, ctsql::default_value<"untitled">>,
                                         col<"body", std::string>,
                                         col<"created_at", ctsql::timestamp, ctsql::default_now>>,
                         m::create_index<"posts", m::index_on<"posts_by_author", "author">>> {};

struct r03 : m::revision<"0003", "tags, legacy", r02,
                         m::create_table<"tags", col<"post", std::int64_t>, col<"tag", std::string>,
                                         m::primary_key_on<"post", "tag">,
                                         m::foreign_key_on<names<"post">, "posts", names<"id">>::on_delete<fk_action::cascade>,
                                         m::unique_index_on<"tags_by_tag", "tag", "post">>,
                         m::create_table<"legacy", col<"id", std::int64_t, ctsql::primary_key>,
                                         col<"note", std::optional<std::string>>>> {};

struct r04 : m::revision<"0004", "add columns", r03,
                         m::add_column<"users", col<"score", std::optional<double>>>,
                         m::add_column<"users", col<"active", bool, ctsql::default_value<true>>>,
                         m::add_column<"posts", col<"views", std::int32_t, ctsql::default_value<0>>>,
                         m::add_column<"posts", col<"editor", std::optional<std::int64_t>>>,
                         m::add_column<"posts", col<"published_at", std::optional<ctsql::timestamp>>>,
                         m::add_foreign_key<"posts", m::foreign_key_on<names<"editor">, "users", names<"id">>>> {};

struct r05 : m::revision<"0005", "rename columns", r04,
                         m::rename_column<"users", "name", "full_name">,
                         m::rename_column<"users", "id", "user_id">,
                         m::rename_column<"tags", "post", "post_id">> {};

struct r06 : m::revision<"0006", "posts are articles", r05, m::rename_table<"posts", "articles">> {};

struct r07 : m::revision<"0007", "alter columns", r06,
                         m::alter_column<"users", "age", m::to_type<std::int64_t>, m::set_not_null, m::set_default<0>>,
                         m::alter_column<"articles", "title", m::drop_default>,
                         m::alter_column<"articles", "views", m::to_type<std::int16_t>, m::acknowledge_data_loss>,
                         m::alter_column<"articles", "published_at", m::set_default_now>,
                         m::alter_column<"users", "score", m::set_default<"0.5">>> {};

struct r08 : m::revision<"0008", "indexes and unique keys", r07,
                         m::create_index<"articles", m::index_on<"articles_by_views", "views", "title">>,
                         m::create_index<"users", m::unique_index_on<"users_by_age", "age", "user_id">>,
                         m::drop_index<"users", "users_by_name">,
                         m::add_unique<"users", "full_name", "age">,
                         m::drop_unique<"users", "email">> {};

struct r09 : m::revision<"0009", "comments, foreign keys", r08,
                         m::create_table<"comments", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"article", std::int64_t>, col<"author", std::optional<std::int64_t>>,
                                         col<"text", std::string>>,
                         m::add_foreign_key<"comments", m::foreign_key_on<names<"article">, "articles", names<"id">>::on_delete<fk_action::cascade>>,
                         m::add_foreign_key<"comments", m::foreign_key_on<names<"author">, "users", names<"user_id">>::on_delete<fk_action::set_null>>,
                         m::drop_foreign_key<"articles", names<"editor">>> {};

struct r10 : m::revision<"0010", "drops", r09,
                         m::drop_column<"articles", "body", m::acknowledge_data_loss>,
                         m::drop_table<"legacy", m::acknowledge_data_loss>,
                         m::drop_column<"users", "active", m::acknowledge_data_loss>,
                         m::alter_column<"comments", "text", m::set_nullable>> {};

struct r11 : m::revision<"0011", "raw SQL", r10,
                         m::raw_sql_step<ctsql::raw_sql<R"(ALTER TABLE "users" ADD COLUMN "nickname" TEXT)">,
                                         ctsql::raw_sql<R"(ALTER TABLE "users" DROP COLUMN "nickname")">,
                                         m::add_column<"users", col<"nickname", std::optional<std::string>>>>,
                         m::raw_sql_step<ctsql::raw_sql<R"(UPDATE "articles" SET "views" = 0 WHERE "views" < 0)">,
                                         ctsql::raw_sql<R"(SELECT 1)">>> {};

struct r12 : m::revision<"0012", "tag votes, post_tags", r11,
                         m::create_table<"tag_votes", col<"post_id", std::int64_t>, col<"tag", std::string>,
                                         col<"voter", std::int64_t>,
                                         m::foreign_key_on<names<"post_id", "tag">, "tags", names<"post_id", "tag">>,
                                         m::unique_on<"voter", "tag">>,
                         m::rename_column<"tag_votes", "voter", "voter_id">,
                         m::rename_table<"tags", "post_tags">> {};

using history = m::chain<r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12>;

// ---- A second chain: composite keys and foreign keys, type changes, SQLite rebuilds for
// added columns, drops restored by the downgrade ------------------------------------------------

struct e01 : m::revision<"e01", "accounts", m::base,
                         m::create_table<"accounts", col<"id", std::int32_t, ctsql::primary_key>, col<"code", std::string>,
                                         col<"region", std::int32_t>, col<"balance", std::int64_t, ctsql::default_value<0>>,
                                         m::unique_on<"code", "region">, m::index_on<"accounts_by_region", "region">>> {};

struct e02 : m::revision<"e02", "entries", e01,
                         m::create_table<"entries", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                         col<"code", std::string>, col<"region", std::int32_t>,
                                         col<"amount", double, ctsql::default_value<"1.5">>, col<"memo", std::optional<std::string>>,
                                         m::foreign_key_on<names<"code", "region">, "accounts", names<"code", "region">>::
                                             on_delete<fk_action::restrict>::on_update<fk_action::cascade>,
                                         m::index_on<"entries_by_code", "code">>> {};

struct e03 : m::revision<"e03", "booked_at, flag", e02,
                         m::add_column<"entries", col<"booked_at", ctsql::timestamp, ctsql::default_now>>,
                         m::add_column<"entries", col<"flag", std::optional<bool>, ctsql::default_value<false>>>> {};

struct e04 : m::revision<"e04", "types", e03,
                         m::alter_column<"accounts", "balance", m::to_type<std::string>, m::set_default<"0">>,
                         m::alter_column<"entries", "amount", m::to_type<float>, m::set_default<"2.5">, m::acknowledge_data_loss>,
                         m::alter_column<"entries", "flag", m::set_not_null, m::set_default<true>>> {};

struct e05 : m::revision<"e05", "renames", e04,
                         m::rename_table<"accounts", "ledger_accounts">,
                         m::rename_column<"ledger_accounts", "code", "acct_code">,
                         m::rename_column<"entries", "code", "acct">> {};

struct e06 : m::revision<"e06", "drop entries", e05, m::drop_table<"entries", m::acknowledge_data_loss>> {};

struct e07 : m::revision<"e07", "slim accounts", e06,
                         m::drop_unique<"ledger_accounts", "acct_code", "region">,
                         m::drop_index<"ledger_accounts", "accounts_by_region">,
                         m::drop_column<"ledger_accounts", "region", m::acknowledge_data_loss>> {};

struct e08 : m::revision<"e08", "raw index", e07,
                         m::raw_sql_step<ctsql::raw_sql<R"(CREATE INDEX "ledger_by_balance" ON "ledger_accounts" ("balance"))">,
                                         ctsql::raw_sql<R"(DROP INDEX "ledger_by_balance")">,
                                         m::create_index<"ledger_accounts", m::index_on<"ledger_by_balance", "balance">>>,
                         m::raw_sql_step<ctsql::raw_sql<R"(UPDATE "ledger_accounts" SET "balance" = "balance" || '')",
                                                        R"(UPDATE "ledger_accounts" SET "balance" = "balance" || ''::text)">,
                                         ctsql::raw_sql<R"(SELECT 1)", R"(SELECT 2)">>> {};

using ledger_history = m::chain<e01, e02, e03, e04, e05, e06, e07, e08>;

struct ledger_accounts_t {
    static constexpr ctsql::fixed_string sql_name = "ledger_accounts";
    struct id_c : column<ledger_accounts_t, "id", std::int32_t, ctsql::primary_key> {} id;
    struct acct_code_c : column<ledger_accounts_t, "acct_code", std::string> {} acct_code;
    struct balance_c : column<ledger_accounts_t, "balance", std::string, ctsql::default_value<"0">> {} balance;
    struct by_balance : ctsql::index<"ledger_by_balance", balance_c> {};
    using indexes = ctsql::indexes<by_balance>;
};
using ledger = ctsql::schema<ledger_accounts_t>;

}  // namespace mfx
