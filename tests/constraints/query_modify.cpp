// What the INSERT, UPDATE and DELETE builders refuse by their constraints, checked with
// requires-expressions, each next to an allowed use of the same call. Rule violations inside
// an allowed call (E035-E039, E049, E051, E052) are static_asserts: tests/compile_fail/.
#include "../static/query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::lit;
using ctsql::param;

namespace {

// ---- The calls --------------------------------------------------------------------------------

template <class T>
concept can_insert_into = requires(T t) { ctsql::insert_into(t); };
template <class T>
concept can_update = requires(T t) { ctsql::update(t); };
template <class T>
concept can_delete_from = requires(T t) { ctsql::delete_from(t); };
template <class T>
concept can_alias = requires(T t) { ctsql::alias<"a">(t); };
template <class C, class V>
concept can_set_free = requires(C c, V v) { ctsql::set(c, v); };

template <class S, class... As>
concept can_values = requires(S s, As... as) { s.values(as...); };
template <class S, class... Cs>
concept can_columns = requires(S s, Cs... cs) { s.columns(cs...); };
template <class S>
concept can_default_values = requires(S s) { s.default_values(); };
template <class S>
concept can_insert_select = requires(S s) { s.select(ctsql::select(users.id, users.name).from(users)); };
template <class S, class... Cs>
concept can_on_conflict = requires(S s, Cs... cs) { s.on_conflict(cs...); };
template <class S>
concept can_do_nothing = requires(S s) { s.do_nothing(); };
template <class S, class... As>
concept can_do_update = requires(S s, As... as) { s.do_update(as...); };
template <class S, class... Items>
concept can_returning = requires(S s, Items... items) { s.returning(items...); };
template <class S, class... As>
concept can_set = requires(S s, As... as) { s.set(as...); };
template <class S>
concept can_where = requires(S s) { s.where(users.id == param<"id">); };

// ---- Pieces -----------------------------------------------------------------------------------

using set_name = decltype(users.name.to(param<"name">));
using set_email = decltype(users.email.to(param<"email">));
using id_c = users_t::id_c;
using name_c = users_t::name_c;
using email_c = users_t::email_c;

using insert_users = decltype(ctsql::insert_into(users));
using one_row = decltype(ctsql::insert_into(users).values(set_name{}, set_email{}));
using two_rows = decltype(ctsql::insert_into(users).values(set_name{}, set_email{}).values(set_name{}, set_email{}));
using column_list = decltype(ctsql::insert_into(users).columns(users.name, users.email));
using from_columns = decltype(ctsql::insert_into(users).columns(users.name, users.email).values());
using default_row = decltype(ctsql::insert_into(events).default_values());
using insert_select = decltype(ctsql::insert_into(archive).columns(archive.id, archive.name)
                                   .select(ctsql::select(users.id, users.name).from(users)));
using pending_conflict = decltype(one_row{}.on_conflict(users.email));
using with_conflict = decltype(one_row{}.on_conflict(users.email).do_nothing());
using insert_returning = decltype(one_row{}.returning(users.id));

using update_users = decltype(ctsql::update(users));
using update_set = decltype(ctsql::update(users).set(set_name{}));
using update_where = decltype(update_set{}.where(users.id == lit<1>));
using update_returning = decltype(update_set{}.returning(users.id));

using delete_users = decltype(ctsql::delete_from(users));
using delete_where = decltype(ctsql::delete_from(users).where(users.id == lit<1>));
using delete_returning = decltype(ctsql::delete_from(users).returning(users.id));

// ---- Targets are tables -----------------------------------------------------------------------

static_assert(can_insert_into<users_t> && can_update<users_t> && can_delete_from<users_t> && can_alias<users_t>);
static_assert(!can_insert_into<users_t::name_c> && !can_update<users_t::name_c> && !can_delete_from<users_t::name_c>);
static_assert(!can_insert_into<int> && !can_update<decltype(lit<1>)> && !can_delete_from<decltype(lit<1>)>);
static_assert(!can_alias<users_t::name_c> && !can_alias<int>);
// A table alias is not a table: INSERT/UPDATE/DELETE take tables.
using users_alias = decltype(ctsql::alias<"b">(users));
static_assert(!can_insert_into<users_alias> && !can_update<users_alias> && !can_delete_from<users_alias>);
static_assert(!can_alias<users_alias>);

// ---- Assignments: column.to(value) or ctsql::set(column, value) -------------------------------

static_assert(can_set_free<name_c, decltype(param<"n">)>);
static_assert(!can_set_free<decltype(lit<1>), decltype(lit<2>)>);
static_assert(!can_set_free<decltype(ctsql::upper(users.name)), decltype(lit<"x">)>);

// ---- INSERT: choose one form first ------------------------------------------------------------

static_assert(can_values<insert_users, set_name, set_email> && can_columns<insert_users, name_c, email_c> &&
              can_default_values<insert_users>);
static_assert(!can_values<insert_users>);                          // no row
static_assert(!can_values<insert_users, name_c>);                  // a column is not an assignment
static_assert(!can_values<insert_users, decltype(lit<1>)>);
static_assert(!can_columns<insert_users>);                         // no columns
static_assert(!can_columns<insert_users, decltype(lit<1>)>);       // not a column
static_assert(!can_columns<insert_users, decltype(ctsql::lower(users.name))>);
// No RETURNING, ON CONFLICT or WHERE before the form.
static_assert(!can_returning<insert_users, id_c> && !can_on_conflict<insert_users, email_c> && !can_where<insert_users>);

// More rows: only after values().
static_assert(can_values<one_row, set_name, set_email> && can_values<two_rows, set_name, set_email>);
static_assert(can_values<from_columns, set_name, set_email>);
static_assert(!can_values<default_row, set_name, set_email>);
static_assert(!can_values<insert_select, set_name, set_email>);
// values() needs at least one assignment.
static_assert(!can_values<one_row>);
static_assert(!can_values<with_conflict, set_name, set_email>);    // rows come before ON CONFLICT
static_assert(!can_values<insert_returning, set_name, set_email>); // and before RETURNING
static_assert(!can_default_values<one_row>);

// A column list is itself the INSERT of one row of parameters named after the columns (values()
// spells that out), or the start of an INSERT ... SELECT.
static_assert(can_values<column_list> && can_insert_select<decltype(ctsql::insert_into(archive).columns(archive.id, archive.name))>);
static_assert(ctsql::statement<column_list>);
static_assert(can_returning<column_list, id_c> && can_on_conflict<column_list, email_c>);
static_assert(ctsql::statement<from_columns> && ctsql::statement<insert_select>);

// ON CONFLICT: once, before RETURNING, on columns; then DO NOTHING or DO UPDATE with assignments.
static_assert(can_on_conflict<one_row, email_c> && can_on_conflict<one_row> && can_on_conflict<insert_select, id_c> &&
              can_on_conflict<default_row>);
static_assert(can_on_conflict<one_row, decltype(memberships.org), decltype(memberships.code)>);
static_assert(!can_on_conflict<one_row, decltype(lit<1>)>);
static_assert(!can_on_conflict<one_row, decltype(ctsql::lower(users.email))>);
static_assert(!can_on_conflict<with_conflict, email_c>);
static_assert(!can_on_conflict<insert_returning, email_c>);
static_assert(can_do_nothing<pending_conflict> && can_do_update<pending_conflict, set_name>);
static_assert(!can_do_update<pending_conflict>);
static_assert(!can_do_update<pending_conflict, name_c>);
static_assert(!can_do_nothing<one_row> && !can_do_update<one_row, set_name>);
// Waiting for its action, the clause is not a statement.
static_assert(!ctsql::statement<pending_conflict> && !can_returning<pending_conflict, id_c>);

// RETURNING: once, with items, last.
static_assert(can_returning<one_row, id_c> && can_returning<with_conflict, id_c, name_c> && can_returning<default_row, id_c>);
static_assert(can_returning<insert_select, id_c>);
static_assert(!can_returning<one_row>);
static_assert(!can_returning<insert_returning, id_c>);

// ---- UPDATE: SET first, then WHERE once, then RETURNING once ----------------------------------

static_assert(can_set<update_users, set_name> && can_set<update_users, set_name, set_email>);
static_assert(!can_set<update_users>);
static_assert(!can_set<update_users, name_c>);
static_assert(!can_set<update_users, decltype(users.name == lit<"x">)>);
static_assert(!can_where<update_users> && !can_returning<update_users, id_c>);
static_assert(!can_set<update_set, set_email>);  // one SET list
static_assert(can_where<update_set> && can_returning<update_set, id_c> && can_returning<update_where, id_c>);
static_assert(!can_where<update_where>);
static_assert(!can_where<update_returning>);
static_assert(!can_returning<update_set>);
static_assert(!can_returning<update_returning, id_c>);
static_assert(!ctsql::statement<update_users>);
static_assert(ctsql::statement<update_set> && ctsql::statement<update_where>);

// ---- DELETE: WHERE once, RETURNING once, in that order ----------------------------------------

static_assert(can_where<delete_users> && can_returning<delete_users, id_c> && can_returning<delete_where, id_c, name_c>);
static_assert(!can_where<delete_where>);
static_assert(!can_where<delete_returning>);
static_assert(!can_returning<delete_users>);
static_assert(!can_returning<delete_returning, id_c>);
static_assert(ctsql::statement<delete_users> && !ctsql::returns_rows<delete_where> && ctsql::returns_rows<delete_returning>);

}  // namespace
