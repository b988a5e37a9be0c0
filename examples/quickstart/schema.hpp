// The quick-start schema: users, their posts (a foreign key), an index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

namespace blog {

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
    struct joined_c : ctsql::column<users_t, "joined", ctsql::timestamp, ctsql::default_now> {} joined;
};
inline constexpr users_t users{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : ctsql::column<posts_t, "author_id", std::int64_t,
                                       ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author_id;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
    struct body_c : ctsql::column<posts_t, "body", std::optional<std::string>> {} body;
    struct published_c : ctsql::column<posts_t, "published", bool, ctsql::default_value<false>> {} published;

    using by_author = ctsql::index<"posts_by_author", author_id_c, published_c>;
    using indexes = ctsql::indexes<by_author>;
};
inline constexpr posts_t posts{};

using schema = ctsql::schema<users_t, posts_t>;

}  // namespace blog
