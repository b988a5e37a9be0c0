// The model: the tables the application queries, as C++ types. The migrations under migrations/
// take a database here; `migrate check` (and a static_assert in main.cpp) prove they do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

namespace app {

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct full_name_c : ctsql::column<users_t, "full_name", std::string> {} full_name;  // "name" before 0003
    struct email_c : ctsql::column<users_t, "email", std::optional<std::string>, ctsql::unique> {} email;  // 0002
};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t,
                                    ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string, ctsql::default_value<"untitled">> {} title;
    struct body_c : ctsql::column<posts_t, "body", std::optional<std::string>> {} body;
    struct published_c : ctsql::column<posts_t, "published", std::optional<ctsql::timestamp>> {} published;  // 0003
    struct by_author : ctsql::index<"posts_by_author", author_c> {};
    using indexes = ctsql::indexes<by_author>;
};

using model = ctsql::schema<users_t, posts_t>;

}  // namespace app
