// The schema state after each revision of the blog and ledger chains (migrate_fixtures.hpp):
// tables, columns in order with type, nullability, default and autoincrement, primary key,
// unique keys, foreign keys and indexes, read through state_spec. Renames follow into keys,
// indexes and foreign keys, also those of other tables.
#include <initializer_list>
#include <type_traits>

#include "migrate_fixtures.hpp"

using namespace mfx;
using ctsql::default_kind;
using ctsql::sql_type_of;

namespace {

template <class S, ctsql::fixed_string Name>
constexpr const ctsql::table_spec& table = m::state_spec<m::table_in<S, Name>>;

constexpr bool names_are(ctsql::name_list got, std::initializer_list<std::string_view> want) {
    if (got.size() != want.size()) return false;
    std::size_t i = 0;
    for (auto w : want)
        if (got[i++] != w) return false;
    return true;
}

template <class S>
constexpr bool tables_are(std::initializer_list<std::string_view> want) {
    const auto& specs = m::state_specs<S>::value;
    if (specs.size() != want.size()) return false;
    std::size_t i = 0;
    for (auto w : want)
        if (specs[i++]->name != w) return false;
    return true;
}

constexpr bool columns_are(const ctsql::table_spec& t, std::initializer_list<std::string_view> want) {
    if (t.columns.size() != want.size()) return false;
    std::size_t i = 0;
    for (auto w : want)
        if (t.columns[i++].name != w) return false;
    return true;
}

// A column that must exist (a missing one is not a constant expression).
constexpr const ctsql::column_spec& col_of(const ctsql::table_spec& t, std::string_view name) {
    return *t.find_column(name);
}

template <class T>
constexpr bool plain(const ctsql::column_spec& c) {
    return c.type == sql_type_of<T> && c.nullable == ctsql::is_optional_v<T> && !c.autoincrement &&
           c.default_value.kind == default_kind::none;
}
template <class T>
constexpr bool typed(const ctsql::column_spec& c) {
    return c.type == sql_type_of<T> && c.nullable == ctsql::is_optional_v<T>;
}
constexpr bool text_default(const ctsql::column_spec& c, std::string_view text) {
    return c.default_value.kind == default_kind::text && c.default_value.text == text;
}
constexpr bool integer_default(const ctsql::column_spec& c, std::int64_t value) {
    return c.default_value.kind == default_kind::integer && c.default_value.integer == value;
}

constexpr bool fk_is(const ctsql::foreign_key_spec& fk, std::initializer_list<std::string_view> columns,
                     std::string_view target, std::initializer_list<std::string_view> target_columns,
                     ctsql::fk_action on_delete = ctsql::fk_action::no_action,
                     ctsql::fk_action on_update = ctsql::fk_action::no_action) {
    return names_are(fk.columns, columns) && fk.target_table == target && names_are(fk.target_columns, target_columns) &&
           fk.on_delete == on_delete && fk.on_update == on_update;
}

constexpr bool index_is(const ctsql::index_spec& index, std::string_view name, std::string_view on,
                        std::initializer_list<std::string_view> columns, bool unique) {
    return index.name == name && index.table == on && names_are(index.columns, columns) && index.unique == unique;
}

}  // namespace

// ---- r01: create_table with inline constraints and an index ----------------------------------

using s01 = m::state_after<r01>;
static_assert(tables_are<s01>({"users"}));
static_assert(columns_are(table<s01, "users">, {"id", "name", "email", "age"}));
static_assert(typed<std::int64_t>(col_of(table<s01, "users">, "id")) && col_of(table<s01, "users">, "id").autoincrement);
static_assert(plain<std::string>(col_of(table<s01, "users">, "name")));
static_assert(plain<std::string>(col_of(table<s01, "users">, "email")));
static_assert(plain<std::optional<std::int32_t>>(col_of(table<s01, "users">, "age")));
static_assert(names_are(table<s01, "users">.primary_key, {"id"}));
static_assert(table<s01, "users">.unique_keys.size() == 1 && names_are(table<s01, "users">.unique_keys[0], {"email"}));
static_assert(table<s01, "users">.foreign_keys.empty());
static_assert(table<s01, "users">.indexes.size() == 1 &&
              index_is(table<s01, "users">.indexes[0], "users_by_name", "users", {"name"}, false));
static_assert(std::is_same_v<m::state_before<r01>, m::empty_schema>);

// ---- r02: a foreign key with an action, defaults, create_index ---------------------------------

using s02 = m::state_after<r02>;
static_assert(tables_are<s02>({"users", "posts"}));
static_assert(columns_are(table<s02, "posts">, {"id", "author", "title", "body", "created_at"}));
static_assert(plain<std::int64_t>(col_of(table<s02, "posts">, "author")));
static_assert(typed<std::string>(col_of(table<s02, "posts">, "title")) && text_default(col_of(table<s02, "posts">, "title"), "untitled"));
static_assert(typed<ctsql::timestamp>(col_of(table<s02, "posts">, "created_at")) &&
              col_of(table<s02, "posts">, "created_at").default_value.kind == default_kind::current_timestamp);
static_assert(table<s02, "posts">.foreign_keys.size() == 1 &&
              fk_is(table<s02, "posts">.foreign_keys[0], {"author"}, "users", {"id"}, ctsql::fk_action::cascade));
static_assert(table<s02, "posts">.indexes.size() == 1 &&
              index_is(table<s02, "posts">.indexes[0], "posts_by_author", "posts", {"author"}, false));
// unchanged tables are the same type in every state that has them
static_assert(std::is_same_v<m::table_in<s02, "users">, m::table_in<s01, "users">>);
static_assert(std::is_same_v<m::state_before<r02>, s01>);

// ---- r03: table-level primary key, foreign key and unique index --------------------------------

using s03 = m::state_after<r03>;
static_assert(tables_are<s03>({"users", "posts", "tags", "legacy"}));
static_assert(names_are(table<s03, "tags">.primary_key, {"post", "tag"}));
static_assert(table<s03, "tags">.foreign_keys.size() == 1 &&
              fk_is(table<s03, "tags">.foreign_keys[0], {"post"}, "posts", {"id"}, ctsql::fk_action::cascade));
static_assert(index_is(table<s03, "tags">.indexes[0], "tags_by_tag", "tags", {"tag", "post"}, true));
static_assert(names_are(table<s03, "legacy">.primary_key, {"id"}) && !col_of(table<s03, "legacy">, "id").autoincrement);
static_assert(plain<std::optional<std::string>>(col_of(table<s03, "legacy">, "note")));

// ---- r04: added columns go last; add_foreign_key appends a foreign key --------------------------

using s04 = m::state_after<r04>;
static_assert(columns_are(table<s04, "users">, {"id", "name", "email", "age", "score", "active"}));
static_assert(plain<std::optional<double>>(col_of(table<s04, "users">, "score")));
static_assert(typed<bool>(col_of(table<s04, "users">, "active")) &&
              col_of(table<s04, "users">, "active").default_value.kind == default_kind::boolean &&
              col_of(table<s04, "users">, "active").default_value.integer == 1);
static_assert(columns_are(table<s04, "posts">, {"id", "author", "title", "body", "created_at", "views", "editor", "published_at"}));
static_assert(typed<std::int32_t>(col_of(table<s04, "posts">, "views")) && integer_default(col_of(table<s04, "posts">, "views"), 0));
static_assert(plain<std::optional<ctsql::timestamp>>(col_of(table<s04, "posts">, "published_at")));
static_assert(table<s04, "posts">.foreign_keys.size() == 2 &&
              fk_is(table<s04, "posts">.foreign_keys[1], {"editor"}, "users", {"id"}));

// add_column's column options are part of the column: a references<> there is a foreign key.
struct r04_inline_fk : m::revision<"0004b", "editor with references", r03,
                                   m::add_column<"posts", col<"editor", std::optional<std::int64_t>, m::references<"users", "id">>>> {};
// add_column keeps the foreign key declared on the column.
static_assert(table<m::state_after<r04_inline_fk>, "posts">.foreign_keys.size() == 2);
static_assert(ctsql::sql<pg>(m::upgrade<r04_inline_fk>{}) ==
              R"(ALTER TABLE "posts" ADD COLUMN "editor" BIGINT REFERENCES "users" ("id");)" "\n");
static_assert(ctsql::sql<lite>(m::upgrade<r04_inline_fk>{}) ==
              R"(ALTER TABLE "posts" ADD COLUMN "editor" INTEGER REFERENCES "users" ("id");)" "\n");

// ---- r05: renamed columns; keys, indexes and foreign keys follow, in other tables too ----------

using s05 = m::state_after<r05>;
static_assert(columns_are(table<s05, "users">, {"user_id", "full_name", "email", "age", "score", "active"}));
static_assert(col_of(table<s05, "users">, "user_id").autoincrement);
static_assert(names_are(table<s05, "users">.primary_key, {"user_id"}));
static_assert(index_is(table<s05, "users">.indexes[0], "users_by_name", "users", {"full_name"}, false));
static_assert(fk_is(table<s05, "posts">.foreign_keys[0], {"author"}, "users", {"user_id"}, ctsql::fk_action::cascade));
static_assert(fk_is(table<s05, "posts">.foreign_keys[1], {"editor"}, "users", {"user_id"}));
static_assert(names_are(table<s05, "tags">.primary_key, {"post_id", "tag"}));
static_assert(fk_is(table<s05, "tags">.foreign_keys[0], {"post_id"}, "posts", {"id"}, ctsql::fk_action::cascade));
static_assert(index_is(table<s05, "tags">.indexes[0], "tags_by_tag", "tags", {"tag", "post_id"}, true));

// ---- r06: a renamed table keeps its place; foreign keys to it and its indexes follow -----------

using s06 = m::state_after<r06>;
static_assert(tables_are<s06>({"users", "articles", "tags", "legacy"}));
static_assert(!m::has_table_v<s06, "posts">);
static_assert(fk_is(table<s06, "tags">.foreign_keys[0], {"post_id"}, "articles", {"id"}, ctsql::fk_action::cascade));
static_assert(index_is(table<s06, "articles">.indexes[0], "posts_by_author", "articles", {"author"}, false));
static_assert(columns_are(table<s06, "articles">, {"id", "author", "title", "body", "created_at", "views", "editor", "published_at"}));

// ---- r07: alter_column ------------------------------------------------------------------------

using s07 = m::state_after<r07>;
static_assert(typed<std::int64_t>(col_of(table<s07, "users">, "age")) && integer_default(col_of(table<s07, "users">, "age"), 0));
static_assert(plain<std::string>(col_of(table<s07, "articles">, "title")));
static_assert(typed<std::int16_t>(col_of(table<s07, "articles">, "views")) && integer_default(col_of(table<s07, "articles">, "views"), 0));
static_assert(typed<std::optional<ctsql::timestamp>>(col_of(table<s07, "articles">, "published_at")) &&
              col_of(table<s07, "articles">, "published_at").default_value.kind == default_kind::current_timestamp);
static_assert(col_of(table<s07, "users">, "score").default_value.kind == default_kind::real &&
              col_of(table<s07, "users">, "score").default_value.text == "0.5");
static_assert(columns_are(table<s07, "users">, {"user_id", "full_name", "email", "age", "score", "active"}));  // order kept

// ---- r08: indexes and unique keys ------------------------------------------------------------

using s08 = m::state_after<r08>;
static_assert(table<s08, "users">.indexes.size() == 1 &&
              index_is(table<s08, "users">.indexes[0], "users_by_age", "users", {"age", "user_id"}, true));
static_assert(table<s08, "users">.unique_keys.size() == 1 && names_are(table<s08, "users">.unique_keys[0], {"full_name", "age"}));
static_assert(table<s08, "articles">.indexes.size() == 2 &&
              index_is(table<s08, "articles">.indexes[1], "articles_by_views", "articles", {"views", "title"}, false));

// ---- r09: foreign keys added and dropped -------------------------------------------------------

using s09 = m::state_after<r09>;
static_assert(table<s09, "comments">.foreign_keys.size() == 2 &&
              fk_is(table<s09, "comments">.foreign_keys[0], {"article"}, "articles", {"id"}, ctsql::fk_action::cascade) &&
              fk_is(table<s09, "comments">.foreign_keys[1], {"author"}, "users", {"user_id"}, ctsql::fk_action::set_null));
static_assert(table<s09, "articles">.foreign_keys.size() == 1 &&
              fk_is(table<s09, "articles">.foreign_keys[0], {"author"}, "users", {"user_id"}, ctsql::fk_action::cascade));

// ---- r10, r11: drops; a raw step changes the state by its declared effect ----------------------

using s10 = m::state_after<r10>;
static_assert(tables_are<s10>({"users", "articles", "tags", "comments"}));
static_assert(columns_are(table<s10, "articles">, {"id", "author", "title", "created_at", "views", "editor", "published_at"}));
static_assert(columns_are(table<s10, "users">, {"user_id", "full_name", "email", "age", "score"}));
static_assert(plain<std::optional<std::string>>(col_of(table<s10, "comments">, "text")));

using s11 = m::state_after<r11>;
static_assert(columns_are(table<s11, "users">, {"user_id", "full_name", "email", "age", "score", "nickname"}));
static_assert(std::is_same_v<m::table_in<s11, "articles">, m::table_in<s10, "articles">>);  // the UPDATE declares no effect

// ---- r12: the head --------------------------------------------------------------------------------

using s12 = m::state_after<r12>;
static_assert(tables_are<s12>({"users", "articles", "post_tags", "comments", "tag_votes"}));
static_assert(columns_are(table<s12, "tag_votes">, {"post_id", "tag", "voter_id"}));
static_assert(table<s12, "tag_votes">.unique_keys.size() == 1 && names_are(table<s12, "tag_votes">.unique_keys[0], {"voter_id", "tag"}));
static_assert(fk_is(table<s12, "tag_votes">.foreign_keys[0], {"post_id", "tag"}, "post_tags", {"post_id", "tag"}));
static_assert(fk_is(table<s12, "post_tags">.foreign_keys[0], {"post_id"}, "articles", {"id"}, ctsql::fk_action::cascade));
static_assert(index_is(table<s12, "post_tags">.indexes[0], "tags_by_tag", "post_tags", {"tag", "post_id"}, true));
static_assert(std::is_same_v<m::state_after<history::head>, s12>);

// ---- ledger chain: composite keys through renames, type changes, drops -------------------------

using l02 = m::state_after<e02>;
static_assert(fk_is(table<l02, "entries">.foreign_keys[0], {"code", "region"}, "accounts", {"code", "region"},
                    ctsql::fk_action::restrict, ctsql::fk_action::cascade));
static_assert(col_of(table<l02, "entries">, "amount").default_value.kind == default_kind::real);
static_assert(typed<std::int32_t>(col_of(table<l02, "accounts">, "id")) && !col_of(table<l02, "accounts">, "id").autoincrement);

using l04 = m::state_after<e04>;
static_assert(typed<std::string>(col_of(table<l04, "accounts">, "balance")) && text_default(col_of(table<l04, "accounts">, "balance"), "0"));
static_assert(typed<float>(col_of(table<l04, "entries">, "amount")) && col_of(table<l04, "entries">, "amount").default_value.text == "2.5");
static_assert(typed<bool>(col_of(table<l04, "entries">, "flag")) && col_of(table<l04, "entries">, "flag").default_value.integer == 1);

using l05 = m::state_after<e05>;
static_assert(tables_are<l05>({"ledger_accounts", "entries"}));
static_assert(names_are(table<l05, "ledger_accounts">.unique_keys[0], {"acct_code", "region"}));
static_assert(index_is(table<l05, "ledger_accounts">.indexes[0], "accounts_by_region", "ledger_accounts", {"region"}, false));
static_assert(fk_is(table<l05, "entries">.foreign_keys[0], {"acct", "region"}, "ledger_accounts", {"acct_code", "region"},
                    ctsql::fk_action::restrict, ctsql::fk_action::cascade));
static_assert(index_is(table<l05, "entries">.indexes[0], "entries_by_code", "entries", {"acct"}, false));

using l07 = m::state_after<e07>;
static_assert(tables_are<l07>({"ledger_accounts"}));
static_assert(columns_are(table<l07, "ledger_accounts">, {"id", "acct_code", "balance"}));
static_assert(table<l07, "ledger_accounts">.unique_keys.empty() && table<l07, "ledger_accounts">.indexes.empty());
static_assert(index_is(table<m::state_after<e08>, "ledger_accounts">.indexes[0], "ledger_by_balance", "ledger_accounts", {"balance"}, false));

// ---- the state a downgrade leaves: the state before, but a restored column comes back last -----

using d10 = m::state_after_downgrade<r10>;
static_assert(tables_are<d10>({"users", "articles", "tags", "comments", "legacy"}));  // a restored table comes last
static_assert(columns_are(table<d10, "articles">, {"id", "author", "title", "created_at", "views", "editor", "published_at", "body"}));
static_assert(columns_are(table<m::state_before<r10>, "articles">,
                          {"id", "author", "title", "body", "created_at", "views", "editor", "published_at"}));
static_assert(plain<std::string>(col_of(table<d10, "articles">, "body")));
static_assert(typed<bool>(col_of(table<d10, "users">, "active")) && col_of(table<d10, "users">, "active").default_value.integer == 1);
static_assert(std::is_same_v<m::state_after_downgrade<r05>, m::state_before<r05>>);  // renames undo exactly
static_assert(std::is_same_v<m::state_after_downgrade<r07>, m::state_before<r07>>);  // so do column changes
