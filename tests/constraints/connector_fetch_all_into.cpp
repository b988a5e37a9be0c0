// What fetch_all_into refuses by its signature: the rows go into a modifiable std::vector (its
// element type is then checked like fetch_all<Target>'s: ctsql[E064]-[E071], see
// tests/compile_fail/E066_fetch_all_into_wrong_element.cpp).
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

namespace {

using ids = ctsql::raw_statement<ctsql::raw_sql<"SELECT id FROM users WHERE age >= ?1">,
                                 ctsql::type_list<ctsql::parameter<"min_age", std::int32_t>>,
                                 ctsql::row<ctsql::field<"id", std::int64_t>>>;

template <class Into>
concept can_fetch_into = requires(ctsql::sqlite_connection& db, Into into) { db.fetch_all_into(into, ids{}, 18); };

static_assert(can_fetch_into<std::vector<std::int64_t>&>);
static_assert(can_fetch_into<std::vector<std::optional<std::int64_t>>&>);
static_assert(!can_fetch_into<const std::vector<std::int64_t>&>);  // the rows are written into it
static_assert(!can_fetch_into<std::list<std::int64_t>&>);          // only a std::vector
static_assert(!can_fetch_into<std::int64_t&>);                     // one value: fetch_one

}  // namespace
