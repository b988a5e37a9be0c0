// What the dynamic-query builder refuses by its signature (checked with requires-expressions,
// each paired with the accepted call). Rule violations inside an accepted call are static_asserts
// and live in tests/compile_fail/ (E031_dynamic_*, E110-E112, ...).
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include <ctsql/connector/dynamic.hpp>

#include "../static/query_fixtures.hpp"

using namespace fx;
using ctsql::param;

namespace {

constexpr auto people = ctsql::select(users.id, users.name).from(users);
using query = ctsql::dynamic_select<lite, std::remove_cvref_t<decltype(people)>>;

template <class D>
concept can_make = requires { ctsql::dynamic<D>(people); };
static_assert(can_make<lite> && can_make<pg>);
static_assert(!can_make<int>);  // the dialect is a dialect type

template <class Q, class Values>
concept can_where_in = requires(Q q, Values values) { q.where_in(users.id, values); };
static_assert(can_where_in<query&, std::vector<std::int64_t>>);
static_assert(can_where_in<query&, std::list<int>>);     // any input range
static_assert(!can_where_in<query&, std::int64_t>);      // one value is not a list: use where()
static_assert(!can_where_in<const query&, std::vector<std::int64_t>>);  // pieces change the query

template <class Q, class N>
concept can_limit = requires(Q q, N n) { q.limit(n).offset(n); };
static_assert(can_limit<query&, std::int64_t> && can_limit<query&, int>);
static_assert(!can_limit<query&, std::string>);
static_assert(!can_limit<const query&, int>);

template <class Q>
concept can_where = requires(Q q) { q.where(users.age >= param<"min">, 18); };
static_assert(can_where<query&> && can_where<query&&>);
static_assert(!can_where<const query&>);

}  // namespace
