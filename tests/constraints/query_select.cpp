// What the SELECT builder refuses by its constraints (members that do not exist at a given
// stage), checked with requires-expressions: each refused call is paired with the same call
// at a stage where it is allowed. Rule violations inside an allowed call are static_asserts
// (hard errors) and live in tests/compile_fail/ instead.
#include "../static/query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::lit;
using ctsql::param;
using ctsql::select;

namespace {

// ---- The calls --------------------------------------------------------------------------------

template <class... Items>
concept can_select = requires(Items... items) { select(items...); };
template <class... Items>
concept can_select_distinct = requires(Items... items) { ctsql::select_distinct(items...); };

template <class S>
concept can_from = requires(S s) { s.from(posts); };
template <class S>
concept can_join = requires(S s) { s.join(posts); };
template <class S>
concept can_left_join = requires(S s) { s.left_join(posts); };
template <class S>
concept can_right_join = requires(S s) { s.right_join(posts); };
template <class S>
concept can_full_join = requires(S s) { s.full_join(posts); };
template <class S>
concept can_cross_join = requires(S s) { s.cross_join(posts); };
template <class S>
concept can_on = requires(S s) { s.on(posts.author_id == users.id); };
template <class S>
concept can_where = requires(S s) { s.where(users.id == param<"x">); };
template <class S, class... Keys>
concept can_group_by = requires(S s, Keys... keys) { s.group_by(keys...); };
template <class S>
concept can_having = requires(S s) { s.having(ctsql::count() > lit<1>); };
template <class S, class... Keys>
concept can_order_by = requires(S s, Keys... keys) { s.order_by(keys...); };
template <class S>
concept can_limit = requires(S s) { s.limit(param<"n">); };
template <class S>
concept can_offset = requires(S s) { s.offset(param<"skip">); };

template <class K>
concept can_nulls_first = requires(K k) { k.nulls_first(); };
template <class K>
concept can_nulls_last = requires(K k) { k.nulls_last(); };

// ---- Stages -----------------------------------------------------------------------------------

using items_only = decltype(select(users.id));
using from_users = decltype(select(users.id).from(users));
using pending_join = decltype(select(users.id).from(users).join(posts));
using joined = decltype(select(users.id).from(users).join(posts).on(posts.author_id == users.id));
using with_where = decltype(select(users.id).from(users).where(users.id == lit<1>));
using with_group = decltype(select(users.id).from(users).group_by(users.id));
using with_having = decltype(select(users.id).from(users).group_by(users.id).having(ctsql::count() > lit<0>));
using with_order = decltype(select(users.id).from(users).order_by(users.id));
using with_limit = decltype(select(users.id).from(users).limit(lit<1>));
using with_offset = decltype(select(users.id).from(users).offset(lit<1>));
using with_limit_offset = decltype(select(users.id).from(users).limit(lit<1>).offset(lit<1>));

// ---- select() needs items ---------------------------------------------------------------------

static_assert(can_select<users_t::id_c> && can_select<users_t::id_c, users_t::name_c>);
static_assert(!can_select<>);
static_assert(can_select_distinct<users_t::id_c>);
static_assert(!can_select_distinct<>);

// ---- FROM once, before everything that reads it -----------------------------------------------

static_assert(can_from<items_only>);
static_assert(!can_from<from_users>);
static_assert(!can_from<joined>);
static_assert(!can_from<with_where>);

// ---- JOIN after FROM, before WHERE; ON only on a pending join ---------------------------------

static_assert(can_join<from_users> && can_left_join<from_users> && can_right_join<from_users> &&
              can_full_join<from_users> && can_cross_join<from_users>);
static_assert(can_join<joined> && can_left_join<joined> && can_cross_join<joined>);  // joins chain
static_assert(!can_join<items_only> && !can_left_join<items_only> && !can_right_join<items_only> &&
              !can_full_join<items_only> && !can_cross_join<items_only>);
static_assert(!can_join<with_where> && !can_left_join<with_where> && !can_right_join<with_where> &&
              !can_full_join<with_where> && !can_cross_join<with_where>);
static_assert(can_on<pending_join>);
static_assert(!can_on<from_users> && !can_on<joined>);
// A join waiting for ON is not a statement and takes no other clause.
static_assert(!ctsql::statement<pending_join>);
static_assert(!ctsql::renderable_for<pending_join, lite>);
static_assert(!can_where<pending_join> && !can_join<pending_join> && !can_order_by<pending_join, users_t::id_c> &&
              !can_limit<pending_join>);
static_assert(ctsql::statement<joined> && ctsql::renderable_for<joined, lite> && ctsql::renderable_for<joined, pg>);

// ---- WHERE once, after FROM, before GROUP BY --------------------------------------------------

static_assert(can_where<from_users> && can_where<joined>);
static_assert(!can_where<items_only>);
static_assert(!can_where<with_where>);
static_assert(!can_where<with_group>);
static_assert(!can_where<with_having>);

// ---- GROUP BY once, after FROM, with at least one expression ----------------------------------

static_assert(can_group_by<from_users, users_t::id_c> && can_group_by<with_where, users_t::id_c, users_t::name_c>);
static_assert(!can_group_by<from_users>);
static_assert(!can_group_by<items_only, users_t::id_c>);
static_assert(!can_group_by<with_group, users_t::name_c>);
static_assert(!can_group_by<from_users, decltype(ctsql::desc(users.id))>);  // a sort key is not an expression
static_assert(!can_group_by<from_users, int>);

// ---- HAVING once, after FROM, before ORDER BY -------------------------------------------------

static_assert(can_having<with_group> && can_having<from_users> && can_having<with_where>);
static_assert(!can_having<items_only>);
static_assert(!can_having<with_having>);
static_assert(!can_having<with_order>);

// ---- ORDER BY once, with keys, before LIMIT ---------------------------------------------------

using desc_id = decltype(ctsql::desc(users.id));
static_assert(can_order_by<from_users, desc_id> && can_order_by<with_having, users_t::id_c, desc_id>);
static_assert(can_order_by<items_only, users_t::id_c>);  // SELECT 1 ORDER BY 1 is SQL too
static_assert(!can_order_by<from_users>);
static_assert(!can_order_by<with_order, desc_id>);
static_assert(!can_order_by<with_limit, desc_id>);
static_assert(!can_order_by<from_users, int>);
static_assert(!can_order_by<from_users, const char*>);

// NULLS FIRST/LAST are members of sort keys only.
static_assert(can_nulls_first<desc_id> && can_nulls_last<decltype(ctsql::asc(users.age))>);
static_assert(can_nulls_last<decltype(users.age.desc())>);
static_assert(!can_nulls_first<users_t::age_c> && !can_nulls_last<users_t::age_c>);

// ---- LIMIT once, OFFSET once ------------------------------------------------------------------

static_assert(can_limit<from_users> && can_limit<with_order> && can_limit<with_having>);
static_assert(!can_limit<with_limit>);
static_assert(!can_limit<with_limit_offset>);
static_assert(can_offset<from_users> && can_offset<with_limit>);
static_assert(!can_offset<with_offset>);
static_assert(!can_offset<with_limit_offset>);

// ---- Out-of-order calls ----------------------------------------------------------------------

// Clauses come in SQL order: none can be added after a later one (none is silently dropped).
static_assert(!can_where<with_order> && !can_where<with_limit> && !can_where<with_offset>);
static_assert(!can_join<with_order> && !can_join<with_group> && !can_cross_join<with_group> && !can_join<with_limit>);
static_assert(!can_group_by<with_order, users_t::id_c> && !can_group_by<with_limit, users_t::id_c>);
static_assert(!can_having<with_limit> && !can_having<with_offset>);
static_assert(!can_order_by<with_offset, desc_id>);
static_assert(!can_limit<with_offset>);

// ---- Member shorthands of columns read through a table alias ----------------------------------

inline constexpr auto boss = ctsql::alias<"boss">(employees);
using boss_name = decltype(boss[employees.name]);
template <class C>
concept can_desc = requires(C c) { c.desc(); };
template <class C>
concept can_is_null = requires(C c) { c.is_null(); };
static_assert(can_desc<employees_t::name_c> && can_is_null<employees_t::boss_id_c>);
static_assert(can_order_by<from_users, decltype(ctsql::desc(boss[employees.name]))>);  // free functions work
// Columns read through an alias have the column member shorthands.
static_assert(can_desc<boss_name> && can_is_null<boss_name>);

}  // namespace
