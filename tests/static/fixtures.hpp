// Tables shared by the static (compile-time only) tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

namespace fx {

using ctsql::column;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : column<users_t, "name", std::string> {} name;
    struct email_c : column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : column<users_t, "age", std::optional<std::int32_t>> {} age;
    struct score_c : column<users_t, "score", std::optional<double>> {} score;
    using by_name = ctsql::index<"users_by_name", name_c>;
    using by_age_score = ctsql::unique_index<"users_by_age_score", age_c, score_c>;
    using indexes = ctsql::indexes<by_name, by_age_score>;
};
inline constexpr users_t users{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : column<posts_t, "author_id", std::int64_t,
                                ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author_id;
    struct title_c : column<posts_t, "title", std::string, ctsql::default_value<"untitled">> {} title;
    struct published_c : column<posts_t, "published", bool, ctsql::default_value<false>> {} published;
    struct created_at_c : column<posts_t, "created_at", ctsql::timestamp, ctsql::default_now> {} created_at;
    using by_author = ctsql::index<"posts_by_author", author_id_c, created_at_c>;
    using indexes = ctsql::indexes<by_author>;
};
inline constexpr posts_t posts{};

// Every C++ type a column can have.
struct types_t {
    static constexpr ctsql::fixed_string sql_name = "types";
    struct i8_c : column<types_t, "i8", std::int8_t> {} i8;
    struct u8_c : column<types_t, "u8", std::uint8_t> {} u8;
    struct i16_c : column<types_t, "i16", std::int16_t> {} i16;
    struct u16_c : column<types_t, "u16", std::uint16_t> {} u16;
    struct i32_c : column<types_t, "i32", std::int32_t> {} i32;
    struct u32_c : column<types_t, "u32", std::uint32_t> {} u32;
    struct i64_c : column<types_t, "i64", std::int64_t> {} i64;
    struct u64_c : column<types_t, "u64", std::uint64_t> {} u64;
    struct b_c : column<types_t, "b", bool> {} b;
    struct f_c : column<types_t, "f", float> {} f;
    struct d_c : column<types_t, "d", double> {} d;
    struct s_c : column<types_t, "s", std::string> {} s;
    struct blob_c : column<types_t, "blob", ctsql::blob> {} blob;
    struct ts_c : column<types_t, "ts", ctsql::timestamp> {} ts;
    struct opt_c : column<types_t, "opt", std::optional<std::string>> {} opt;
};

// Composite keys, a composite foreign key with both actions, a self-reference.
struct groups_t {
    static constexpr ctsql::fixed_string sql_name = "groups";
    struct org_c : column<groups_t, "org", std::int32_t> {} org;
    struct code_c : column<groups_t, "code", std::string> {} code;
    struct parent_code_c : column<groups_t, "parent_code", std::optional<std::string>> {} parent_code;
    using constraints = ctsql::constraints<ctsql::primary_key_on<org_c, code_c>>;
};

struct memberships_t {
    static constexpr ctsql::fixed_string sql_name = "memberships";
    struct user_id_c : column<memberships_t, "user_id", std::int64_t, ctsql::references<users_t::id_c>> {} user_id;
    struct org_c : column<memberships_t, "org", std::int32_t> {} org;
    struct code_c : column<memberships_t, "code", std::string> {} code;
    struct since_c : column<memberships_t, "since", std::int64_t, ctsql::default_value<-1>> {} since;
    struct weight_c : column<memberships_t, "weight", double, ctsql::default_value<"0.5">> {} weight;
    using constraints = ctsql::constraints<
        ctsql::primary_key_on<user_id_c, org_c, code_c>,
        ctsql::unique_on<code_c, org_c, user_id_c>,
        ctsql::foreign_key<ctsql::columns<org_c, code_c>, ctsql::columns<groups_t::org_c, groups_t::code_c>>::
            on_delete<ctsql::fk_action::cascade>::on_update<ctsql::fk_action::restrict>>;
};

struct nodes_t {
    static constexpr ctsql::fixed_string sql_name = "nodes";
    struct id_c : column<nodes_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct parent_c : column<nodes_t, "parent", std::optional<std::int64_t>,
                             ctsql::references<id_c>::on_delete<ctsql::fk_action::set_null>> {} parent;
};

// Names that need quoting.
struct quoted_t {
    static constexpr ctsql::fixed_string sql_name = "order";
    struct select_c : column<quoted_t, "select", std::int32_t> {} select;
    struct quote_c : column<quoted_t, "say \"hi\"", std::string, ctsql::default_value<"it's">> {} quote;
};

// Declared with posts before users on purpose: create_all must reorder.
using blog_schema = ctsql::schema<posts_t, users_t>;
using full_schema = ctsql::schema<memberships_t, groups_t, users_t, nodes_t>;

using lite = ctsql::sqlite<>;
using pg = ctsql::postgresql<>;

}  // namespace fx
