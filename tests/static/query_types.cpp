// Result rows and parameter lists as types: field names, C++ types, std::optional exactly
// where a value can be NULL (nullable columns, the outer side of LEFT/RIGHT/FULL joins,
// SUM/AVG/MIN/MAX, COALESCE only when every argument can be NULL, NULLIF; COUNT never);
// access by name and index, structured bindings. Nothing here runs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using namespace ctsql;

template <class S>
using row_of = result_row_t<S>;
template <class... Fs>
using row_t = row<Fs...>;
template <class E>
using item_type = typename result_row_t<expr_statement<E>>::template type_at<0>;

template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;

// ---- Column types ------------------------------------------------------------------------------

inline constexpr types_t t{};
constexpr auto all_types = select(t.i8, t.u8, t.i16, t.u16, t.i32, t.u32, t.i64, t.u64, t.b, t.f, t.d, t.s, t.blob, t.ts, t.opt).from(t);
static_assert(same<row_of<decltype(all_types)>,
                   row_t<field<"i8", std::int8_t>, field<"u8", std::uint8_t>, field<"i16", std::int16_t>,
                         field<"u16", std::uint16_t>, field<"i32", std::int32_t>, field<"u32", std::uint32_t>,
                         field<"i64", std::int64_t>, field<"u64", std::uint64_t>, field<"b", bool>, field<"f", float>,
                         field<"d", double>, field<"s", std::string>, field<"blob", blob>, field<"ts", timestamp>,
                         field<"opt", std::optional<std::string>>>>);
static_assert(row_of<decltype(all_types)>::size == 15);

// Nullable columns are std::optional, the others are not.
constexpr auto user_row = select(users.id, users.name, users.email, users.age, users.score).from(users);
static_assert(same<row_of<decltype(user_row)>,
                   row_t<field<"id", std::int64_t>, field<"name", std::string>, field<"email", std::string>,
                         field<"age", std::optional<std::int32_t>>, field<"score", std::optional<double>>>>);

// ---- Field names: the column's name, the alias, or empty --------------------------------------

constexpr auto names = select(users.name, as<"n">(users.name), users.email.as<"mail">(), users.id + lit<1>, count()).from(users).group_by(users.name, users.email, users.id);
using names_row = row_of<decltype(names)>;
static_assert(detail::at<0, names_row::fields>::name == fixed_string{"name"});
static_assert(detail::at<1, names_row::fields>::name == fixed_string{"n"});
static_assert(detail::at<2, names_row::fields>::name == fixed_string{"mail"});
static_assert(detail::at<3, names_row::fields>::name.view().empty());
static_assert(detail::at<4, names_row::fields>::name.view().empty());
// Through a table alias: the column's own name.
inline constexpr auto boss = alias<"boss">(employees);
static_assert(same<row_of<decltype(select(boss[employees.name]).from(boss))>, row_t<field<"name", std::string>>>);

// ---- Outer joins ------------------------------------------------------------------------------

constexpr auto inner = select(users.name, posts.title, users.age).from(users).join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(inner)>,
                   row_t<field<"name", std::string>, field<"title", std::string>, field<"age", std::optional<std::int32_t>>>>);

// LEFT JOIN: the joined table's columns can be NULL.
constexpr auto left = select(users.name, posts.title, posts.id).from(users).left_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(left)>,
                   row_t<field<"name", std::string>, field<"title", std::optional<std::string>>,
                         field<"id", std::optional<std::int64_t>>>>);

// RIGHT JOIN: every table before it.
constexpr auto right = select(users.name, posts.title, memberships.org)
                           .from(users)
                           .join(memberships).on(memberships.user_id == users.id)
                           .right_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(right)>,
                   row_t<field<"name", std::optional<std::string>>, field<"title", std::string>,
                         field<"org", std::optional<std::int32_t>>>>);

// FULL JOIN: both sides.
constexpr auto full = select(users.name, posts.title).from(users).full_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(full)>,
                   row_t<field<"name", std::optional<std::string>>, field<"title", std::optional<std::string>>>>);

// CROSS JOIN and FROM a, b: nothing becomes nullable.
constexpr auto cross = select(users.name, posts.title).from(users).cross_join(posts);
static_assert(same<row_of<decltype(cross)>, row_t<field<"name", std::string>, field<"title", std::string>>>);
static_assert(same<row_of<decltype(select(users.name, posts.title).from(users, posts))>,
                   row_t<field<"name", std::string>, field<"title", std::string>>>);

// An inner join after a left join does not make the left-joined table NOT NULL again, nor
// the later table nullable.
constexpr auto left_then_inner = select(posts.title, memberships.org)
                                     .from(users)
                                     .left_join(posts).on(posts.author_id == users.id)
                                     .join(memberships).on(memberships.user_id == users.id);
static_assert(same<row_of<decltype(left_then_inner)>,
                   row_t<field<"title", std::optional<std::string>>, field<"org", std::int32_t>>>);

// Self-join: the alias is nullable, the table itself is not.
constexpr auto self = select(employees.name, boss[employees.name], boss[employees.boss_id])
                          .from(employees)
                          .left_join(boss).on(boss[employees.id] == employees.boss_id);
static_assert(same<row_of<decltype(self)>,
                   row_t<field<"name", std::string>, field<"name", std::optional<std::string>>,
                         field<"boss_id", std::optional<std::int64_t>>>>);

// Expressions over the outer side are nullable too; IS NULL and COUNT never are.
constexpr auto left_exprs = select(upper(posts.title), posts.id + lit<1>, posts.published == lit<true>,
                                   is_null(posts.id), cast<std::string>(posts.id), as<"t">(posts.title))
                                .from(users)
                                .left_join(posts).on(posts.author_id == users.id);
static_assert(same<row_of<decltype(left_exprs)>,
                   row_t<field<"", std::optional<std::string>>, field<"", std::optional<std::int64_t>>,
                         field<"", std::optional<bool>>, field<"", bool>, field<"", std::optional<std::string>>,
                         field<"t", std::optional<std::string>>>>);
constexpr auto left_counts = select(users.name, count(posts.id), count())
                                 .from(users)
                                 .left_join(posts).on(posts.author_id == users.id)
                                 .group_by(users.name);
static_assert(same<row_of<decltype(left_counts)>,
                   row_t<field<"name", std::string>, field<"", std::int64_t>, field<"", std::int64_t>>>);

// ---- Aggregates -------------------------------------------------------------------------------

static_assert(same<item_type<decltype(count())>, std::int64_t>);
static_assert(same<item_type<decltype(count(users.age))>, std::int64_t>);
static_assert(same<item_type<decltype(count_distinct(users.age))>, std::int64_t>);
// SUM/AVG/MIN/MAX of no rows are NULL, even over a NOT NULL column.
static_assert(same<item_type<decltype(sum(users.id))>, std::optional<std::int64_t>>);
static_assert(same<item_type<decltype(sum(users.age))>, std::optional<std::int64_t>>);
static_assert(same<item_type<decltype(sum(t.u8))>, std::optional<std::int64_t>>);
static_assert(same<item_type<decltype(sum(users.score))>, std::optional<double>>);
static_assert(same<item_type<decltype(sum(t.f))>, std::optional<double>>);
static_assert(same<item_type<decltype(avg(users.id))>, std::optional<double>>);
static_assert(same<item_type<decltype(min(users.name))>, std::optional<std::string>>);
static_assert(same<item_type<decltype(max(users.id))>, std::optional<std::int64_t>>);
static_assert(same<item_type<decltype(max(posts.created_at))>, std::optional<timestamp>>);
static_assert(same<item_type<decltype(min(t.i16))>, std::optional<std::int16_t>>);
// COALESCE removes it.
static_assert(same<item_type<decltype(coalesce(sum(users.age), lit<0>))>, std::int64_t>);

// ---- Scalar functions and operators -----------------------------------------------------------

// COALESCE: NULL only when every argument can be.
// For numbers, the widest argument type (lit<0> is a 64-bit integer literal).
static_assert(same<item_type<decltype(coalesce(users.age, lit<0>))>, std::int64_t>);
static_assert(same<item_type<decltype(coalesce(users.age, users.age))>, std::optional<std::int32_t>>);
static_assert(same<item_type<decltype(coalesce(users.age, param<"a">, users.id))>, std::int64_t>);
// COALESCE of numbers has the common type, like arithmetic.
static_assert(same<item_type<decltype(coalesce(users.age, users.score))>, std::optional<double>>);
static_assert(same<item_type<decltype(coalesce(users.age, users.id))>, std::int64_t>);
static_assert(same<item_type<decltype(coalesce(users.name, param<"default">))>, std::string>);
static_assert(same<item_type<decltype(coalesce(users.age, param<"d", std::optional<std::int32_t>>))>, std::optional<std::int32_t>>);
constexpr auto left_coalesce = select(coalesce(posts.title, users.name), coalesce(posts.title, t.opt))
                                   .from(users).left_join(posts).on(posts.author_id == users.id).cross_join(t);
static_assert(same<row_of<decltype(left_coalesce)>, row_t<field<"", std::string>, field<"", std::optional<std::string>>>>);
// NULLIF: always nullable.
static_assert(same<item_type<decltype(nullif(users.name, lit<"">))>, std::optional<std::string>>);
static_assert(same<item_type<decltype(nullif(users.id, lit<0>))>, std::optional<std::int64_t>>);
// The others: nullable when an argument is.
static_assert(same<item_type<decltype(lower(users.name))>, std::string>);
static_assert(same<item_type<decltype(upper(t.opt))>, std::optional<std::string>>);
static_assert(same<item_type<decltype(length(users.name))>, std::int64_t>);
static_assert(same<item_type<decltype(length(t.blob))>, std::int64_t>);
static_assert(same<item_type<decltype(abs(users.age))>, std::optional<std::int32_t>>);
static_assert(same<item_type<decltype(abs(t.i8))>, std::int8_t>);
static_assert(same<item_type<decltype(round(users.score))>, std::optional<double>>);
static_assert(same<item_type<decltype(round(t.f, lit<1>))>, double>);
static_assert(same<item_type<decltype(cast<double>(users.age))>, std::optional<double>>);
static_assert(same<item_type<decltype(cast<std::int16_t>(users.id))>, std::int16_t>);
static_assert(same<item_type<decltype(current_timestamp)>, timestamp>);
// Comparisons and logic: bool, std::optional<bool> over a nullable operand; IS [NOT] NULL never NULL.
static_assert(same<item_type<decltype(users.id == lit<1>)>, bool>);
static_assert(same<item_type<decltype(users.age == lit<1>)>, std::optional<bool>>);
static_assert(same<item_type<decltype(users.id == lit<1> && users.age > lit<1>)>, std::optional<bool>>);
static_assert(same<item_type<decltype(!(users.age > lit<1>))>, std::optional<bool>>);
static_assert(same<item_type<decltype(is_null(users.age))>, bool>);
static_assert(same<item_type<decltype(users.score.is_not_null())>, bool>);
static_assert(same<item_type<decltype(like(users.name, lit<"a%">))>, bool>);
static_assert(same<item_type<decltype(like(t.opt, lit<"a%">))>, std::optional<bool>>);
static_assert(same<item_type<decltype(in(users.id, lit<1>, lit<2>))>, bool>);
static_assert(same<item_type<decltype(in(users.age, lit<1>))>, std::optional<bool>>);
static_assert(same<item_type<decltype(between(users.id, lit<1>, lit<2>))>, bool>);
static_assert(same<item_type<decltype(between(users.id, lit<1>, param<"hi", std::optional<std::int64_t>>))>, std::optional<bool>>);
// Arithmetic: 32-bit unless an operand is 64-bit or unsigned 32-bit; double with a real.
static_assert(same<item_type<decltype(t.i32 + t.i32)>, std::int32_t>);
static_assert(same<item_type<decltype(t.i8 * t.u16)>, std::int32_t>);
static_assert(same<item_type<decltype(t.i32 + t.i64)>, std::int64_t>);
static_assert(same<item_type<decltype(t.i32 - t.u32)>, std::int64_t>);
static_assert(same<item_type<decltype(t.u64 % t.i8)>, std::int64_t>);
static_assert(same<item_type<decltype(t.i32 + lit<1>)>, std::int64_t>);  // integer literals are 64-bit
static_assert(same<item_type<decltype(t.i32 / t.f)>, double>);
static_assert(same<item_type<decltype(t.d * real_lit<"0.5">)>, double>);
static_assert(same<item_type<decltype(-t.i16)>, std::int16_t>);
static_assert(same<item_type<decltype(users.age + lit<1>)>, std::optional<std::int64_t>>);
static_assert(same<item_type<decltype(users.name + lit<"!">)>, std::string>);
static_assert(same<item_type<decltype(concat(users.name, t.opt))>, std::optional<std::string>>);
// Literals and typed parameters.
static_assert(same<item_type<decltype(lit<1>)>, std::int64_t>);
static_assert(same<item_type<decltype(lit<true>)>, bool>);
static_assert(same<item_type<decltype(lit<"x">)>, std::string>);
static_assert(same<item_type<decltype(real_lit<"1.5">)>, double>);
static_assert(same<item_type<decltype(param<"p", std::int16_t>)>, std::int16_t>);
static_assert(same<item_type<decltype(param<"p", std::optional<float>>)>, std::optional<float>>);

// ---- Parameters: typed by context ---------------------------------------------------------------

template <class E>
using param_type = typename detail::at<0, parameters_t<expr_statement<E>>>::type;
static_assert(same<param_type<decltype(t.i8 == param<"p">)>, std::int8_t>);
static_assert(same<param_type<decltype(t.u32 < param<"p">)>, std::uint32_t>);
static_assert(same<param_type<decltype(t.u64 != param<"p">)>, std::uint64_t>);
static_assert(same<param_type<decltype(t.f >= param<"p">)>, float>);
static_assert(same<param_type<decltype(t.b == param<"p">)>, bool>);
static_assert(same<param_type<decltype(t.s == param<"p">)>, std::string>);
static_assert(same<param_type<decltype(t.blob == param<"p">)>, blob>);
static_assert(same<param_type<decltype(t.ts <= param<"p">)>, timestamp>);
static_assert(same<param_type<decltype(t.opt == param<"p">)>, std::string>);  // a comparison binds a value
static_assert(same<param_type<decltype(t.i16 + param<"p">)>, std::int16_t>);
static_assert(same<param_type<decltype(param<"p"> * t.d)>, double>);
static_assert(same<param_type<decltype(t.s + param<"p">)>, std::string>);
static_assert(same<param_type<decltype(t.i32 == param<"p", std::int64_t>)>, std::int64_t>);  // stated wins
// In assignments, the column's declared type: std::optional for a nullable column.
static_assert(same<parameters_t<decltype(update(t).set(t.opt.to(param<"p">), t.u8.to(param<"q">)))>,
                   type_list<parameter<"p", std::optional<std::string>>, parameter<"q", std::uint8_t>>>);

// ---- Row access ---------------------------------------------------------------------------------

using user_row_t = row_of<decltype(user_row)>;
// By name and by index: references to the fields.
static_assert(same<decltype(std::declval<user_row_t&>().get<"name">()), std::string&>);
static_assert(same<decltype(std::declval<const user_row_t&>().get<"age">()), const std::optional<std::int32_t>&>);
static_assert(same<decltype(std::declval<user_row_t&>().get<0>()), std::int64_t&>);
static_assert(same<decltype(std::declval<user_row_t&&>().get<1>()), std::string&&>);
static_assert(user_row_t::index_of<"score">() == 4);
static_assert(same<user_row_t::type_at<3>, std::optional<std::int32_t>>);
// Tuple protocol.
static_assert(std::tuple_size_v<user_row_t> == 5);
static_assert(same<std::tuple_element_t<0, user_row_t>, std::int64_t>);
static_assert(same<std::tuple_element_t<4, user_row_t>, std::optional<double>>);

// Structured bindings name the fields' types (never called: only compiled).
[[maybe_unused]] inline void bind_user_row(user_row_t& r) {
    auto& [id, name, email, age, score] = r;
    static_assert(same<decltype(id), std::int64_t>);
    static_assert(same<decltype(name), std::string>);
    static_assert(same<decltype(email), std::string>);
    static_assert(same<decltype(age), std::optional<std::int32_t>>);
    static_assert(same<decltype(score), std::optional<double>>);
}
[[maybe_unused]] inline void bind_left_join_row(row_of<decltype(left)>&& r) {
    auto [name, title, post_id] = std::move(r);
    static_assert(same<decltype(name), std::string>);
    static_assert(same<decltype(title), std::optional<std::string>>);
    static_assert(same<decltype(post_id), std::optional<std::int64_t>>);
}
[[maybe_unused]] inline void bind_returning_row(const row_of<decltype(delete_from(users).returning(users.id, users.age))>& r) {
    const auto& [id, age] = r;
    static_assert(same<decltype(id), const std::int64_t>);
    static_assert(same<decltype(age), const std::optional<std::int32_t>>);
}

// Rows are aggregates of their fields' types: default-constructible and comparable.
static_assert(std::is_default_constructible_v<user_row_t>);
static_assert(requires(const user_row_t& a) { { a == a } -> std::same_as<bool>; });

// ---- Statements without rows --------------------------------------------------------------------

static_assert(same<result_row_t<decltype(update(users).set(users.age.to(lit<1>)))>, void>);
static_assert(same<result_row_t<decltype(delete_from(users))>, void>);
static_assert(same<result_row_t<decltype(insert_into(events).default_values())>, void>);
static_assert(statement<decltype(delete_from(users))> && !returns_rows<decltype(delete_from(users))>);
