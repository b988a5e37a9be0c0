// Pairs of models (v1, then v2) for the autogenerate tests: the exact-text tests diff them, and
// the compile test generates revision 0001 (empty -> v1) and 0002 (v1 -> v2) and proves with
// chain_yields that the generated chain yields each model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

namespace scenarios {

// grow: every column option in a new schema; then new tables (out of foreign key order,
// composite keys), new columns, column changes, new keys and indexes on kept tables.
namespace grow {
namespace v1 {
struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct nick_c : ctsql::column<users_t, "nick", std::optional<std::string>, ctsql::default_value<"it's \"me\"\\ \xc3\xa9">> {} nick;
    struct score_c : ctsql::column<users_t, "score", std::int32_t, ctsql::default_value<-3>> {} score;
    struct active_c : ctsql::column<users_t, "active", bool, ctsql::default_value<true>> {} active;
    struct ratio_c : ctsql::column<users_t, "ratio", double, ctsql::default_value<"2.5">> {} ratio;
    struct joined_c : ctsql::column<users_t, "joined", ctsql::timestamp, ctsql::default_now> {} joined;
    struct avatar_c : ctsql::column<users_t, "avatar", std::optional<ctsql::blob>> {} avatar;
    struct level_c : ctsql::column<users_t, "level", std::int16_t, ctsql::default_value<1>> {} level;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t,
                                    ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string, ctsql::default_value<"untitled">> {} title;
    struct slug_c : ctsql::column<posts_t, "slug", std::string> {} slug;
    struct by_author : ctsql::index<"posts_by_author", author_c> {};
    using indexes = ctsql::indexes<by_author>;
    using constraints = ctsql::constraints<ctsql::unique_on<author_c, slug_c>>;
};
using model = ctsql::schema<posts_t, users_t>;  // posts first: the generator must order by foreign keys
}  // namespace v1

namespace v2 {
struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct nick_c : ctsql::column<users_t, "nick", std::string, ctsql::default_value<"anon">> {} nick;       // NOT NULL, new default
    struct score_c : ctsql::column<users_t, "score", std::int64_t, ctsql::default_value<-3>> {} score;     // wider
    struct active_c : ctsql::column<users_t, "active", bool> {} active;                                     // default dropped
    struct ratio_c : ctsql::column<users_t, "ratio", double, ctsql::default_value<"2.5">> {} ratio;
    struct joined_c : ctsql::column<users_t, "joined", ctsql::timestamp, ctsql::default_now> {} joined;
    struct avatar_c : ctsql::column<users_t, "avatar", std::optional<ctsql::blob>> {} avatar;
    struct level_c : ctsql::column<users_t, "level", std::optional<std::int16_t>, ctsql::default_value<2>> {} level;
    struct bio_c : ctsql::column<users_t, "bio", std::optional<std::string>> {} bio;                     // new
    struct karma_c : ctsql::column<users_t, "karma", std::int32_t, ctsql::default_value<0>> {} karma;     // new
    struct by_nick : ctsql::unique_index<"users_by_nick", nick_c> {};
    using indexes = ctsql::indexes<by_nick>;
};
struct members_t {
    static constexpr ctsql::fixed_string sql_name = "members";
    struct team_c : ctsql::column<members_t, "team", std::int64_t> {} team;
    struct user_c : ctsql::column<members_t, "user", std::int64_t, ctsql::references<users_t::id_c>> {} user;
    struct role_c : ctsql::column<members_t, "role", std::string, ctsql::default_value<"member">> {} role;
    using constraints = ctsql::constraints<ctsql::primary_key_on<team_c, user_c>>;
};
struct teams_t {
    static constexpr ctsql::fixed_string sql_name = "teams";
    struct id_c : ctsql::column<teams_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct owner_team_c : ctsql::column<teams_t, "owner_team", std::optional<std::int64_t>> {} owner_team;
    struct owner_user_c : ctsql::column<teams_t, "owner_user", std::optional<std::int64_t>> {} owner_user;
    using constraints = ctsql::constraints<
        ctsql::foreign_key<ctsql::type_list<owner_team_c, owner_user_c>, ctsql::type_list<members_t::team_c, members_t::user_c>,
                           ctsql::fk_action::set_null>>;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t,
                                    ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string, ctsql::default_value<"untitled">> {} title;
    struct slug_c : ctsql::column<posts_t, "slug", std::string> {} slug;
    struct team_c : ctsql::column<posts_t, "team", std::optional<std::int64_t>, ctsql::references<teams_t::id_c>> {} team;
    struct by_author : ctsql::index<"posts_by_author", author_c, title_c> {};                            // changed
    struct by_team : ctsql::index<"posts_by_team", team_c> {};                                          // new
    using indexes = ctsql::indexes<by_author, by_team>;
    using constraints = ctsql::constraints<ctsql::unique_on<title_c, slug_c>>;                           // changed
};
struct nodes_t {  // references itself; extreme integer defaults
    static constexpr ctsql::fixed_string sql_name = "nodes";
    struct id_c : ctsql::column<nodes_t, "id", std::int32_t, ctsql::primary_key> {} id;
    struct parent_c : ctsql::column<nodes_t, "parent", std::optional<std::int32_t>,
                                    ctsql::references<id_c>::on_delete<ctsql::fk_action::cascade>::on_update<ctsql::fk_action::restrict>> {} parent;
    struct big_c : ctsql::column<nodes_t, "big", std::uint64_t, ctsql::default_value<9223372036854775807ULL>> {} big;
    struct low_c : ctsql::column<nodes_t, "low", std::int64_t, ctsql::default_value<(-9223372036854775807LL - 1)>> {} low;
    struct small_c : ctsql::column<nodes_t, "small", float, ctsql::default_value<"0.5">> {} small;
};
using model = ctsql::schema<users_t, posts_t, teams_t, members_t, nodes_t>;  // teams needs members first
}  // namespace v2
}  // namespace grow

// shrink: tables, columns (one referenced by a dropped table), an index, a unique key and a
// foreign key go; a column narrows.
// The generated revision must not compile (ctsql[E085]) until the data loss is confirmed.
namespace shrink {
namespace v1 {
struct authors_t {
    static constexpr ctsql::fixed_string sql_name = "authors";
    struct id_c : ctsql::column<authors_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<authors_t, "name", std::string> {} name;
};
struct books_t {
    static constexpr ctsql::fixed_string sql_name = "books";
    struct id_c : ctsql::column<books_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_c : ctsql::column<books_t, "author", std::int64_t, ctsql::references<authors_t::id_c>> {} author;
    struct pages_c : ctsql::column<books_t, "pages", std::int64_t> {} pages;
    struct isbn_c : ctsql::column<books_t, "isbn", std::string, ctsql::unique> {} isbn;
    struct by_pages : ctsql::index<"books_by_pages", pages_c> {};
    using indexes = ctsql::indexes<by_pages>;
};
struct notes_t {
    static constexpr ctsql::fixed_string sql_name = "notes";
    struct isbn_c : ctsql::column<notes_t, "isbn", std::string, ctsql::references<books_t::isbn_c>> {} isbn;  // dropped too
    struct text_c : ctsql::column<notes_t, "text", std::string> {} text;
};
using model = ctsql::schema<authors_t, books_t, notes_t>;
}  // namespace v1
namespace v2 {
struct books_t {
    static constexpr ctsql::fixed_string sql_name = "books";
    struct id_c : ctsql::column<books_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct pages_c : ctsql::column<books_t, "pages", std::int32_t> {} pages;
};
using model = ctsql::schema<books_t>;
}  // namespace v2
}  // namespace shrink

// rename: people.name became people.full_name (same type): drop + add with a rename hint.
namespace rename {
namespace v1 {
struct people_t {
    static constexpr ctsql::fixed_string sql_name = "people";
    struct id_c : ctsql::column<people_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct age_c : ctsql::column<people_t, "age", std::optional<std::int32_t>> {} age;
    struct name_c : ctsql::column<people_t, "name", std::string, ctsql::default_value<"">> {} name;
};
using model = ctsql::schema<people_t>;
}  // namespace v1
namespace v2 {
struct people_t {
    static constexpr ctsql::fixed_string sql_name = "people";
    struct id_c : ctsql::column<people_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct age_c : ctsql::column<people_t, "age", std::optional<std::int32_t>> {} age;
    struct full_name_c : ctsql::column<people_t, "full_name", std::string, ctsql::default_value<"">> {} full_name;
};
using model = ctsql::schema<people_t>;
}  // namespace v2
}  // namespace rename

// widen: ids referenced by foreign keys (one composite) grow from 32 to 64 bits; a new unique
// key is referenced by a new foreign key of a kept table and by a new table.
namespace widen {
namespace v1 {
struct shops_t {
    static constexpr ctsql::fixed_string sql_name = "shops";
    struct id_c : ctsql::column<shops_t, "id", std::int32_t, ctsql::primary_key> {} id;
    struct region_c : ctsql::column<shops_t, "region", std::int16_t> {} region;
    using constraints = ctsql::constraints<ctsql::unique_on<id_c, region_c>>;
};
struct sales_t {
    static constexpr ctsql::fixed_string sql_name = "sales";
    struct shop_c : ctsql::column<sales_t, "shop", std::int32_t, ctsql::references<shops_t::id_c>> {} shop;
    struct region_c : ctsql::column<sales_t, "region", std::int16_t> {} region;
    using constraints = ctsql::constraints<ctsql::foreign_key<ctsql::columns<shop_c, region_c>,
                                                              ctsql::columns<shops_t::id_c, shops_t::region_c>>>;
};
using model = ctsql::schema<shops_t, sales_t>;
}  // namespace v1
namespace v2 {
struct shops_t {
    static constexpr ctsql::fixed_string sql_name = "shops";
    struct id_c : ctsql::column<shops_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct region_c : ctsql::column<shops_t, "region", std::int16_t> {} region;
    struct code_c : ctsql::column<shops_t, "code", std::string, ctsql::default_value<"">, ctsql::unique> {} code;  // new key
    using constraints = ctsql::constraints<ctsql::unique_on<id_c, region_c>>;
};
struct sales_t {
    static constexpr ctsql::fixed_string sql_name = "sales";
    struct shop_c : ctsql::column<sales_t, "shop", std::int64_t, ctsql::references<shops_t::id_c>> {} shop;
    struct region_c : ctsql::column<sales_t, "region", std::int16_t> {} region;
    struct shop_code_c : ctsql::column<sales_t, "shop_code", std::optional<std::string>, ctsql::references<shops_t::code_c>> {} shop_code;
    using constraints = ctsql::constraints<ctsql::foreign_key<ctsql::columns<shop_c, region_c>,
                                                              ctsql::columns<shops_t::id_c, shops_t::region_c>>>;
};
struct labels_t {  // new, referencing the new key and the widened id
    static constexpr ctsql::fixed_string sql_name = "labels";
    struct shop_code_c : ctsql::column<labels_t, "shop_code", std::string, ctsql::references<shops_t::code_c>> {} shop_code;
    struct shop_c : ctsql::column<labels_t, "shop", std::int64_t, ctsql::references<shops_t::id_c>> {} shop;
};
using model = ctsql::schema<labels_t, sales_t, shops_t>;  // referencing tables first
}  // namespace v2
}  // namespace widen

}  // namespace scenarios
