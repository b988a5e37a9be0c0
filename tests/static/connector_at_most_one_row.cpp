// Which statements fetch_one / fetch_optional treat as returning at most one row without asking
// the database for a second one (connector/at_most_one_row.hpp): equality on a whole declared
// key (primary or unique, single or composite) to a parameter or literal, or LIMIT 0 / 1.
#include <ctsql/connector/at_most_one_row.hpp>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::lit;
using ctsql::param;
using ctsql::select;
using ctsql::detail::at_most_one_row;

constexpr groups_t groups_table{};
constexpr memberships_t members{};

// ---- at most one row ----------------------------------------------------------------------------

// The primary key equal to a parameter, either way round, or to a literal.
static_assert(at_most_one_row<decltype(select(users.name).from(users).where(users.id == param<"id">))>);
static_assert(at_most_one_row<decltype(select(users.name).from(users).where(param<"id"> == users.id))>);
static_assert(at_most_one_row<decltype(select(users.name).from(users).where(users.id == lit<7>))>);
// A unique column; the key inside an AND with other conditions; ORDER BY / GROUP BY kept.
static_assert(at_most_one_row<decltype(select(users.id).from(users).where(users.email == param<"e">))>);
static_assert(at_most_one_row<decltype(select(users.id).from(users).where(
                  users.age > param<"a"> && users.id == param<"id">))>);
static_assert(at_most_one_row<decltype(select(users.name).from(users).where(users.id == param<"id">).order_by(users.name))>);
static_assert(at_most_one_row<decltype(select(users.name).from(users).where(users.id == param<"id">).group_by(users.name))>);
// A composite primary key (every column fixed), and a composite unique key.
static_assert(at_most_one_row<decltype(select(groups_table.parent_code).from(groups_table).where(
                  groups_table.org == param<"o"> && groups_table.code == param<"c">))>);
static_assert(at_most_one_row<decltype(select(members.since).from(members).where(
                  members.code == param<"c"> && (members.org == param<"o"> && members.user_id == param<"u">)))>);
// Through an alias of the table.
constexpr auto boss = ctsql::alias<"boss">(employees);
static_assert(at_most_one_row<decltype(select(boss[employees.name]).from(boss).where(boss[employees.id] == param<"id">))>);
// LIMIT 1 and LIMIT 0, whatever the rest (here a join).
static_assert(at_most_one_row<decltype(select(users.name).from(users).limit(lit<1>))>);
static_assert(at_most_one_row<decltype(select(users.name).from(users).limit(lit<0>))>);
static_assert(at_most_one_row<decltype(select(users.name, posts.id).from(users).join(posts).on(posts.author_id == users.id).limit(lit<1>))>);

// ---- not known: fetch_one asks for a second row -------------------------------------------------

static_assert(!at_most_one_row<decltype(select(users.name).from(users))>);
static_assert(!at_most_one_row<decltype(select(users.name).from(users).where(users.name == param<"n">))>);  // not a key
static_assert(!at_most_one_row<decltype(select(users.name).from(users).where(users.id > param<"id">))>);    // not =
static_assert(!at_most_one_row<decltype(select(users.name).from(users).where(                              // OR
                  users.id == param<"a"> || users.id == param<"b">))>);
static_assert(!at_most_one_row<decltype(select(users.name).from(users).where(users.id == users.id))>);      // not fixed
// Part of a composite key only.
static_assert(!at_most_one_row<decltype(select(groups_table.parent_code).from(groups_table).where(groups_table.org == param<"o">))>);
static_assert(!at_most_one_row<decltype(select(members.since).from(members).where(
                  members.code == param<"c"> && members.org == param<"o">))>);
// A join multiplies rows even when one side's key is fixed.
static_assert(!at_most_one_row<decltype(select(users.name, posts.id).from(users).join(posts).on(posts.author_id == users.id).where(
                  users.id == param<"id">))>);
// Two FROM tables (a cross product).
static_assert(!at_most_one_row<decltype(select(users.name).from(users, posts).where(users.id == param<"id">))>);
// LIMIT 2, or a LIMIT bound at run time.
static_assert(!at_most_one_row<decltype(select(users.name).from(users).limit(lit<2>))>);
static_assert(!at_most_one_row<decltype(select(users.name).from(users).limit(param<"n">))>);
// Statements that are not SELECTs built by ctsql.
static_assert(!at_most_one_row<ctsql::raw_statement<ctsql::raw_sql<"SELECT 1">>>);
