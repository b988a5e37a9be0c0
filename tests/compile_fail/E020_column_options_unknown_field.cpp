// E020: column_options of a struct table must name a field of the Hana-adapted struct.
// Mistake: "idd" is a typo for the field "id".
// Control: the options name "id".
#include <boost/hana/adapt_struct.hpp>
#include <ctsql/ctsql.hpp>
#include <ctsql/schema/struct_table.hpp>

struct Book {
    std::int64_t id;
    std::string title;
};
BOOST_HANA_ADAPT_STRUCT(Book, id, title);

#ifdef CTSQL_COMPILE_FAIL
struct books_t : ctsql::struct_table<books_t, Book, "books", ctsql::column_options<"idd", ctsql::primary_key>> {};
#else
struct books_t : ctsql::struct_table<books_t, Book, "books", ctsql::column_options<"id", ctsql::primary_key>> {};
#endif

inline constexpr auto ddl = ctsql::sql<ctsql::sqlite<>>(ctsql::create_table<books_t>());
