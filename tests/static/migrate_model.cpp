// Model equality: the model (ctsql table types) as a schema state, compared with the state a
// chain yields. chain_yields holds for the right model; for a wrong one first_difference_v names
// what differs first (the kind, the table and the column), which is what E080 reports.
#include <type_traits>

#include "migrate_fixtures.hpp"

using namespace mfx;
using ctsql::column;
using m::difference;

using head = m::state_after<r12>;

// The first difference between a model of one table and that table at the head of the chain.
template <class Model, ctsql::fixed_string Table>
constexpr m::schema_difference table_difference =
    m::first_difference_v<m::model_state<ctsql::schema<Model>>, m::schema_state<m::table_in<head, Table>>>;

constexpr bool is(const m::schema_difference& d, difference kind, std::string_view table, std::string_view column = {}) {
    return d.kind == kind && d.table == table && d.column == column;
}

// ---- the right model ------------------------------------------------------------------------------

static_assert(m::chain_yields<history, blog>);
static_assert(is(m::first_difference_v<m::model_state<blog>, head>, difference::none, {}));
static_assert(is(table_difference<users_t, "users">, difference::none, {}));
static_assert(is(table_difference<comments_t, "comments">, difference::none, {}));
// The model's tables may be listed in any order.
static_assert(is(m::first_difference_v<m::model_state<ctsql::schema<tag_votes_t, comments_t, post_tags_t, articles_t, users_t>>, head>,
                 difference::none, {}));
// model_state maps a table type to the same state a migration builds.
static_assert(std::is_same_v<m::model_table_state<comments_t>, m::table_in<head, "comments">>);

// ---- tables -----------------------------------------------------------------------------------------

static_assert(is(m::first_difference_v<m::model_state<ctsql::schema<users_t, articles_t, post_tags_t, comments_t>>, head>,
                 difference::extra_table, "tag_votes"));

struct audit_t {
    static constexpr ctsql::fixed_string sql_name = "audit";
    struct id_c : column<audit_t, "id", std::int64_t, ctsql::primary_key> {} id;
};
static_assert(is(m::first_difference_v<m::model_state<ctsql::schema<users_t, articles_t, post_tags_t, comments_t, tag_votes_t, audit_t>>, head>,
                 difference::missing_table, "audit"));

// ---- columns: compared in order, first by name, then type, nullability, default, autoincrement --

namespace wrong {

struct users_without_nickname {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_without_nickname, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct full_name_c : column<users_without_nickname, "full_name", std::string> {} full_name;
    struct email_c : column<users_without_nickname, "email", std::string> {} email;
    struct age_c : column<users_without_nickname, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_without_nickname, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};

struct users_with_bio {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_with_bio, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct full_name_c : column<users_with_bio, "full_name", std::string> {} full_name;
    struct email_c : column<users_with_bio, "email", std::string> {} email;
    struct age_c : column<users_with_bio, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_with_bio, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_with_bio, "nickname", std::optional<std::string>> {} nickname;
    struct bio_c : column<users_with_bio, "bio", std::optional<std::string>> {} bio;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};

// A model column renamed without a rename_column in the chain.
struct users_with_name {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_with_name, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct name_c : column<users_with_name, "name", std::string> {} name;
    struct email_c : column<users_with_name, "email", std::string> {} email;
    struct age_c : column<users_with_name, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_with_name, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_with_name, "nickname", std::optional<std::string>> {} nickname;
    using constraints = ctsql::constraints<ctsql::unique_on<name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};

// Columns differing in one property each: Age, Nickname and Id are the column templates.
template <class AgeType, class AgeDefault, class NicknameType, bool IdAutoincrement>
struct users_variant {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : std::conditional_t<IdAutoincrement,
                                          column<users_variant, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                          column<users_variant, "user_id", std::int64_t, ctsql::primary_key>> {} user_id;
    struct full_name_c : column<users_variant, "full_name", std::string> {} full_name;
    struct email_c : column<users_variant, "email", std::string> {} email;
    struct age_c : column<users_variant, "age", AgeType, AgeDefault> {} age;
    struct score_c : column<users_variant, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_variant, "nickname", NicknameType> {} nickname;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};
using users_right = users_variant<std::int64_t, ctsql::default_value<0>, std::optional<std::string>, true>;
using users_age_int32 = users_variant<std::int32_t, ctsql::default_value<0>, std::optional<std::string>, true>;
using users_nickname_not_null = users_variant<std::int64_t, ctsql::default_value<0>, std::string, true>;
using users_age_default_1 = users_variant<std::int64_t, ctsql::default_value<1>, std::optional<std::string>, true>;
using users_id_not_generated = users_variant<std::int64_t, ctsql::default_value<0>, std::optional<std::string>, false>;

// Same columns and keys, one constraint or index different.
struct users_without_unique {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_without_unique, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct full_name_c : column<users_without_unique, "full_name", std::string> {} full_name;
    struct email_c : column<users_without_unique, "email", std::string, ctsql::unique> {} email;
    struct age_c : column<users_without_unique, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_without_unique, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_without_unique, "nickname", std::optional<std::string>> {} nickname;
    struct by_age : ctsql::unique_index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};
struct users_plain_index {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct user_id_c : column<users_plain_index, "user_id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} user_id;
    struct full_name_c : column<users_plain_index, "full_name", std::string> {} full_name;
    struct email_c : column<users_plain_index, "email", std::string> {} email;
    struct age_c : column<users_plain_index, "age", std::int64_t, ctsql::default_value<0>> {} age;
    struct score_c : column<users_plain_index, "score", std::optional<double>, ctsql::default_value<"0.5">> {} score;
    struct nickname_c : column<users_plain_index, "nickname", std::optional<std::string>> {} nickname;
    using constraints = ctsql::constraints<ctsql::unique_on<full_name_c, age_c>>;
    struct by_age : ctsql::index<"users_by_age", age_c, user_id_c> {};
    using indexes = ctsql::indexes<by_age>;
};
struct post_tags_key_reversed {
    static constexpr ctsql::fixed_string sql_name = "post_tags";
    struct post_id_c : column<post_tags_key_reversed, "post_id", std::int64_t,
                              ctsql::references<articles_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} post_id;
    struct tag_c : column<post_tags_key_reversed, "tag", std::string> {} tag;
    using constraints = ctsql::constraints<ctsql::primary_key_on<tag_c, post_id_c>>;
    struct by_tag : ctsql::unique_index<"tags_by_tag", tag_c, post_id_c> {};
    using indexes = ctsql::indexes<by_tag>;
};
struct comments_cascade {
    static constexpr ctsql::fixed_string sql_name = "comments";
    struct id_c : column<comments_cascade, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct article_c : column<comments_cascade, "article", std::int64_t,
                              ctsql::references<articles_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} article;
    struct author_c : column<comments_cascade, "author", std::optional<std::int64_t>,
                             ctsql::references<users_t::user_id_c>::on_delete<ctsql::fk_action::cascade>> {} author;
    struct text_c : column<comments_cascade, "text", std::optional<std::string>> {} text;
};

}  // namespace wrong

static_assert(is(table_difference<wrong::users_right, "users">, difference::none, {}));
static_assert(is(table_difference<wrong::users_without_nickname, "users">, difference::extra_column, "users", "nickname"));
static_assert(is(table_difference<wrong::users_with_bio, "users">, difference::missing_column, "users", "bio"));
static_assert(is(table_difference<wrong::users_with_name, "users">, difference::column_name, "users", "name"));
static_assert(is(table_difference<wrong::users_age_int32, "users">, difference::column_type, "users", "age"));
static_assert(is(table_difference<wrong::users_nickname_not_null, "users">, difference::column_nullability, "users", "nickname"));
static_assert(is(table_difference<wrong::users_age_default_1, "users">, difference::column_default, "users", "age"));
static_assert(is(table_difference<wrong::users_id_not_generated, "users">, difference::column_autoincrement, "users", "user_id"));
static_assert(is(table_difference<wrong::users_without_unique, "users">, difference::unique_keys, "users"));
static_assert(is(table_difference<wrong::users_plain_index, "users">, difference::indexes, "users"));
static_assert(is(table_difference<wrong::post_tags_key_reversed, "post_tags">, difference::primary_key, "post_tags"));
static_assert(is(table_difference<wrong::comments_cascade, "comments">, difference::foreign_keys, "comments"));

// Over the whole schema the first table of the model that differs is reported.
static_assert(is(m::first_difference_v<m::model_state<ctsql::schema<articles_t, wrong::users_with_name, post_tags_t, comments_t, tag_votes_t>>, head>,
                 difference::column_name, "users", "name"));

// A model matching an earlier revision differs from the head: the chain is ahead of it.
static_assert(is(m::first_difference_v<m::model_state<blog>, m::state_after<r11>>, difference::missing_table, "post_tags"));
static_assert(is(m::first_difference_v<m::model_state<blog>, m::state_after<r10>>, difference::missing_column, "users", "nickname"));
