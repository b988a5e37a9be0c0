// Tables declared from Boost.Hana-adapted structs: field names become column names.
#include <cstdint>
#include <optional>
#include <string>

#include <boost/hana/adapt_struct.hpp>
#include <ctsql/ctsql.hpp>
#include <ctsql/schema/struct_table.hpp>

namespace model {
struct Author {
    std::int64_t id;
    std::string name;
    std::optional<std::string> bio;
};
struct Book {
    std::int64_t id;
    std::int64_t author_id;
    std::string title;
    double price;
};
}  // namespace model
BOOST_HANA_ADAPT_STRUCT(model::Author, id, name, bio);
BOOST_HANA_ADAPT_STRUCT(model::Book, id, author_id, title, price);

struct authors_t : ctsql::struct_table<authors_t, model::Author, "authors",
                                       ctsql::column_options<"id", ctsql::primary_key, ctsql::autoincrement>,
                                       ctsql::column_options<"name", ctsql::unique>> {};
inline constexpr authors_t authors{};

struct books_t : ctsql::struct_table<books_t, model::Book, "books",
                                     ctsql::column_options<"id", ctsql::primary_key>,
                                     ctsql::column_options<"price", ctsql::default_value<"9.99">>> {
    using constraints = ctsql::constraints<
        ctsql::foreign_key<ctsql::columns<column_t<"author_id">>, ctsql::columns<authors_t::column_t<"id">>>::
            on_delete<ctsql::fk_action::cascade>>;
    using by_title = ctsql::index<"books_by_title", column_t<"title">>;
    using indexes = ctsql::indexes<by_title>;
};
inline constexpr books_t books{};

// Columns by name, as values (books.c<"title">) and as types (column_t<"title">).
static_assert(std::is_same_v<std::remove_cvref_t<decltype(books.c<"title">)>, books_t::column_t<"title">>);
static_assert(std::is_same_v<books_t::column_t<"price">::value_type, double>);
static_assert(std::is_same_v<authors_t::column_t<"bio">::cpp_type, std::optional<std::string>>);
static_assert(std::is_same_v<books_t::column_t<"title">::table_type, books_t>);
static_assert(ctsql::columns_of<books_t>::size == 4);

static_assert(ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(authors)) ==
              R"(CREATE TABLE "authors" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, )"
              R"("name" TEXT NOT NULL UNIQUE, "bio" TEXT))");
static_assert(ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(books)) ==
              R"(CREATE TABLE "books" ("id" BIGINT NOT NULL PRIMARY KEY, )"
              R"("author_id" BIGINT NOT NULL REFERENCES "authors" ("id") ON DELETE CASCADE, )"
              R"("title" TEXT NOT NULL, "price" DOUBLE PRECISION NOT NULL DEFAULT 9.99))");
static_assert(ctsql::sql<ctsql::postgresql<>>(ctsql::create_index<books_t::by_title>()) ==
              R"(CREATE INDEX "books_by_title" ON "books" ("title"))");

// Struct tables mix with member-declared tables in one schema.
using library = ctsql::schema<books_t, authors_t>;
static_assert(ctsql::statements<ctsql::sqlite<>>(ctsql::create_all<library>())[0] ==
              ctsql::sql<ctsql::sqlite<>>(ctsql::create_table(authors)));
