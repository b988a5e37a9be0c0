// E021: column_t<"name"> / table.c<"name"> of a struct table must name one of its columns.
// Mistake: an index over column_t<"titel"> (typo).
// Control: column_t<"title">.
#include <boost/hana/adapt_struct.hpp>
#include <ctsql/ctsql.hpp>
#include <ctsql/schema/struct_table.hpp>

struct Book {
    std::int64_t id;
    std::string title;
};
BOOST_HANA_ADAPT_STRUCT(Book, id, title);

struct books_t : ctsql::struct_table<books_t, Book, "books", ctsql::column_options<"id", ctsql::primary_key>> {
#ifdef CTSQL_COMPILE_FAIL
    struct by_title : ctsql::index<"books_by_title", column_t<"titel">> {};
#else
    struct by_title : ctsql::index<"books_by_title", column_t<"title">> {};
#endif
    using indexes = ctsql::indexes<by_title>;
};

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_index<books_t::by_title>());
