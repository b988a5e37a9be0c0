// E080: replaying the chain must yield the model schema exactly.
// Mistake: the model has a posts table that no revision creates. Control: r2 creates it.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/migrate.hpp>

namespace m = ctsql::migrate;
using m::col;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct by_name : ctsql::index<"users_by_name", name_c> {};
    using indexes = ctsql::indexes<by_name>;
};
struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::id_c>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
    struct views_c : ctsql::column<posts_t, "views", std::int64_t, ctsql::default_value<0>> {} views;
};

struct r1 : m::revision<"0001", "users", m::base,
                        m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"name", std::string>, m::index_on<"users_by_name", "name">>> {};
#ifdef CTSQL_COMPILE_FAIL
using history = m::chain<r1>;
#else
struct r2 : m::revision<"0002", "posts", r1,
                        m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"author", std::int64_t, m::references<"users", "id">>,
                                        col<"title", std::string>, col<"views", std::int64_t, ctsql::default_value<0>>>> {};
using history = m::chain<r1, r2>;
#endif

static_assert(m::chain_yields<history, ctsql::schema<users_t, posts_t>>);
