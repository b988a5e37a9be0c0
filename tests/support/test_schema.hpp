// A schema that uses every feature of the schema layer, for the runtime round-trip tests
// (tests/runtime/<db>/schema_roundtrip.cpp): every column type, nullable and not, every kind of
// default, single and composite primary keys, autoincrement, single and multi-column unique
// keys, column-level, constraint-level, composite and self-referencing foreign keys with every
// action, named indexes (unique and multi-column), and names that need quoting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

namespace ctsql_test {

using ctsql::fk_action;

// Every supported C++ type, NOT NULL and nullable.
struct all_types_t {
    static constexpr ctsql::fixed_string sql_name = "all_types";
    struct id_c : ctsql::column<all_types_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct i8_c : ctsql::column<all_types_t, "i8", std::int8_t> {} i8;
    struct u8_c : ctsql::column<all_types_t, "u8", std::uint8_t> {} u8;
    struct i16_c : ctsql::column<all_types_t, "i16", std::int16_t> {} i16;
    struct u16_c : ctsql::column<all_types_t, "u16", std::uint16_t> {} u16;
    struct i32_c : ctsql::column<all_types_t, "i32", std::int32_t> {} i32;
    struct u32_c : ctsql::column<all_types_t, "u32", std::uint32_t> {} u32;
    struct i64_c : ctsql::column<all_types_t, "i64", std::int64_t> {} i64;
    struct u64_c : ctsql::column<all_types_t, "u64", std::uint64_t> {} u64;
    struct flag_c : ctsql::column<all_types_t, "flag", bool> {} flag;
    struct f32_c : ctsql::column<all_types_t, "f32", float> {} f32;
    struct f64_c : ctsql::column<all_types_t, "f64", double> {} f64;
    struct txt_c : ctsql::column<all_types_t, "txt", std::string> {} txt;
    struct bin_c : ctsql::column<all_types_t, "bin", ctsql::blob> {} bin;
    struct at_c : ctsql::column<all_types_t, "at", ctsql::timestamp> {} at;
    struct opt_i8_c : ctsql::column<all_types_t, "opt_i8", std::optional<std::int8_t>> {} opt_i8;
    struct opt_u16_c : ctsql::column<all_types_t, "opt_u16", std::optional<std::uint16_t>> {} opt_u16;
    struct opt_u32_c : ctsql::column<all_types_t, "opt_u32", std::optional<std::uint32_t>> {} opt_u32;
    struct opt_i64_c : ctsql::column<all_types_t, "opt_i64", std::optional<std::int64_t>> {} opt_i64;
    struct opt_flag_c : ctsql::column<all_types_t, "opt_flag", std::optional<bool>> {} opt_flag;
    struct opt_f32_c : ctsql::column<all_types_t, "opt_f32", std::optional<float>> {} opt_f32;
    struct opt_f64_c : ctsql::column<all_types_t, "opt_f64", std::optional<double>> {} opt_f64;
    struct opt_txt_c : ctsql::column<all_types_t, "opt_txt", std::optional<std::string>> {} opt_txt;
    struct opt_bin_c : ctsql::column<all_types_t, "opt_bin", std::optional<ctsql::blob>> {} opt_bin;
    struct opt_at_c : ctsql::column<all_types_t, "opt_at", std::optional<ctsql::timestamp>> {} opt_at;
};

// Every kind of default, at the edges of the integer ranges too.
struct defaults_t {
    static constexpr ctsql::fixed_string sql_name = "defaults";
    struct id_c : ctsql::column<defaults_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct quoted_c : ctsql::column<defaults_t, "quoted", std::string, ctsql::default_value<"it's">> {} quoted;
    struct tricky_c : ctsql::column<defaults_t, "tricky", std::string,
                                    ctsql::default_value<"O''Neil \"q\" -- x; /* y */ \\n 'z'">> {} tricky;
    struct empty_c : ctsql::column<defaults_t, "empty", std::string, ctsql::default_value<"">> {} empty;
    struct negative_c : ctsql::column<defaults_t, "negative", std::int32_t, ctsql::default_value<-3>> {} negative;
    struct i8_min_c : ctsql::column<defaults_t, "i8_min", std::int8_t, ctsql::default_value<-128>> {} i8_min;
    struct u16_max_c : ctsql::column<defaults_t, "u16_max", std::uint16_t, ctsql::default_value<65535>> {} u16_max;
    struct u32_max_c : ctsql::column<defaults_t, "u32_max", std::uint32_t, ctsql::default_value<4294967295u>> {} u32_max;
    struct i64_min_c : ctsql::column<defaults_t, "i64_min", std::int64_t,
                                     ctsql::default_value<INT64_MIN>> {} i64_min;
    struct i64_max_c : ctsql::column<defaults_t, "i64_max", std::int64_t,
                                     ctsql::default_value<INT64_MAX>> {} i64_max;
    struct zero_c : ctsql::column<defaults_t, "zero", std::uint64_t, ctsql::default_value<0>> {} zero;
    struct real_c : ctsql::column<defaults_t, "real", double, ctsql::default_value<"2.5">> {} real;
    struct small_real_c : ctsql::column<defaults_t, "small_real", float, ctsql::default_value<"-0.125">> {} small_real;
    struct exponent_c : ctsql::column<defaults_t, "exponent", double, ctsql::default_value<"1e5">> {} exponent;
    struct int_on_real_c : ctsql::column<defaults_t, "int_on_real", double, ctsql::default_value<3>> {} int_on_real;
    struct yes_c : ctsql::column<defaults_t, "yes", bool, ctsql::default_value<true>> {} yes;
    struct no_c : ctsql::column<defaults_t, "no", bool, ctsql::default_value<false>> {} no;
    struct created_c : ctsql::column<defaults_t, "created_at", ctsql::timestamp, ctsql::default_now> {} created_at;
    struct opt_int_c : ctsql::column<defaults_t, "opt_int", std::optional<std::int32_t>, ctsql::default_value<7>> {} opt_int;
    struct opt_text_c : ctsql::column<defaults_t, "opt_text", std::optional<std::string>, ctsql::default_value<"x">> {} opt_text;
    struct opt_flag_c : ctsql::column<defaults_t, "opt_flag", std::optional<bool>, ctsql::default_value<false>> {} opt_flag;
    struct opt_at_c : ctsql::column<defaults_t, "opt_at", std::optional<ctsql::timestamp>, ctsql::default_now> {} opt_at;
    struct plain_c : ctsql::column<defaults_t, "plain", std::optional<std::string>> {} plain;
};

// Single-column and multi-column unique keys, a plain and a unique named index.
struct accounts_t {
    static constexpr ctsql::fixed_string sql_name = "accounts";
    struct id_c : ctsql::column<accounts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct email_c : ctsql::column<accounts_t, "email", std::string, ctsql::unique> {} email;
    struct name_c : ctsql::column<accounts_t, "name", std::string, ctsql::default_value<"it's">> {} name;
    struct age_c : ctsql::column<accounts_t, "age", std::optional<std::int32_t>, ctsql::default_value<-3>> {} age;
    struct score_c : ctsql::column<accounts_t, "score", double, ctsql::default_value<"2.5">> {} score;
    struct active_c : ctsql::column<accounts_t, "active", bool, ctsql::default_value<true>> {} active;
    struct created_c : ctsql::column<accounts_t, "created_at", ctsql::timestamp, ctsql::default_now> {} created_at;
    struct region_c : ctsql::column<accounts_t, "region", std::string> {} region;
    struct code_c : ctsql::column<accounts_t, "code", std::int32_t> {} code;
    using constraints = ctsql::constraints<ctsql::unique_on<region_c, code_c>>;
    using by_name_age = ctsql::index<"accounts_by_name_age", name_c, age_c>;
    using by_region_name = ctsql::unique_index<"accounts_by_region_name", region_c, name_c>;
    using indexes = ctsql::indexes<by_name_age, by_region_name>;
};

// A self-reference (ON DELETE SET NULL), a non-autoincrement integer key, and "AUTOINCREMENT"
// inside a string (which is no keyword).
struct categories_t {
    static constexpr ctsql::fixed_string sql_name = "categories";
    struct id_c : ctsql::column<categories_t, "id", std::int32_t, ctsql::primary_key> {} id;
    struct parent_c : ctsql::column<categories_t, "parent", std::optional<std::int32_t>,
                                    ctsql::references<categories_t::id_c>::on_delete<fk_action::set_null>> {} parent;
    struct name_c : ctsql::column<categories_t, "name", std::string, ctsql::unique> {} name;
    struct note_c : ctsql::column<categories_t, "note", std::string, ctsql::default_value<"no AUTOINCREMENT here">> {} note;
};

// Column-level foreign keys: CASCADE both ways, RESTRICT.
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t,
                                    ctsql::references<accounts_t::id_c>::on_delete<fk_action::cascade>
                                        ::on_update<fk_action::cascade>> {} author;
    struct category_c : ctsql::column<posts_t, "category", std::optional<std::int32_t>,
                                      ctsql::references<categories_t::id_c>::on_delete<fk_action::restrict>> {} category;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
    using by_author_title = ctsql::index<"posts_by_author_title", author_c, title_c>;
    using indexes = ctsql::indexes<by_author_title>;
};

// A composite primary key whose first column is also a foreign key.
struct post_versions_t {
    static constexpr ctsql::fixed_string sql_name = "post_versions";
    struct post_c : ctsql::column<post_versions_t, "post_id", std::int64_t,
                                  ctsql::references<posts_t::id_c>::on_delete<fk_action::cascade>> {} post;
    struct version_c : ctsql::column<post_versions_t, "version", std::int32_t> {} version;
    struct body_c : ctsql::column<post_versions_t, "body", std::string, ctsql::default_value<"">> {} body;
    using constraints = ctsql::constraints<ctsql::primary_key_on<post_c, version_c>>;
};

// A composite foreign key (CASCADE / RESTRICT) and a self-reference (CASCADE).
struct comments_t {
    static constexpr ctsql::fixed_string sql_name = "comments";
    struct id_c : ctsql::column<comments_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct post_c : ctsql::column<comments_t, "post_id", std::int64_t> {} post;
    struct version_c : ctsql::column<comments_t, "version", std::int32_t> {} version;
    struct reply_to_c : ctsql::column<comments_t, "reply_to", std::optional<std::int64_t>,
                                      ctsql::references<comments_t::id_c>::on_delete<fk_action::cascade>> {} reply_to;
    struct body_c : ctsql::column<comments_t, "body", std::string> {} body;
    using constraints = ctsql::constraints<
        ctsql::foreign_key<ctsql::columns<post_c, version_c>,
                           ctsql::columns<post_versions_t::post_c, post_versions_t::version_c>>
            ::on_delete<fk_action::cascade>::on_update<fk_action::restrict>>;
};

// Composite primary key (post, tag), the reverse unique key (tag, post), a constraint-level
// single-column foreign key.
struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct post_c : ctsql::column<tags_t, "post", std::int64_t> {} post;
    struct tag_c : ctsql::column<tags_t, "tag", std::string> {} tag;
    using constraints = ctsql::constraints<
        ctsql::primary_key_on<post_c, tag_c>, ctsql::unique_on<tag_c, post_c>,
        ctsql::foreign_key<ctsql::columns<post_c>, ctsql::columns<posts_t::id_c>>::on_delete<fk_action::cascade>>;
};

// Names that need quoting (a keyword, spaces, double quotes), no primary key, ON DELETE
// SET DEFAULT and NO ACTION written out.
struct quoting_t {
    static constexpr ctsql::fixed_string sql_name = "odd \"table\" name";
    struct group_c : ctsql::column<quoting_t, "group", std::int32_t, ctsql::unique> {} group;
    struct value_c : ctsql::column<quoting_t, "value \"v\"", std::optional<std::string>> {} value;
    struct category_c : ctsql::column<quoting_t, "select", std::int32_t, ctsql::default_value<1>,
                                      ctsql::references<categories_t::id_c>::on_delete<fk_action::set_default>
                                          ::on_update<fk_action::no_action>> {} category;
    using by_value = ctsql::index<"idx \"odd\" value", value_c, group_c>;
    using indexes = ctsql::indexes<by_value>;
};

// Declared out of foreign-key order on purpose: create_all must sort them.
using test_schema = ctsql::schema<tags_t, comments_t, post_versions_t, posts_t, quoting_t, categories_t,
                                  accounts_t, defaults_t, all_types_t>;

}  // namespace ctsql_test
