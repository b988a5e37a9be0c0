// Dynamic queries (ctsql::dynamic): the compile-time half. Each piece's constant text per
// dialect with the holes its run-time placeholder numbers go into; the numbering (constexpr);
// the base split into head / grouping / ORDER BY; and the verdicts of the piece checks, which
// reuse the static rules (E031, E032, E033, E034, E041-E043, E054, E016, E060-E063) plus E110
// and E112. The run-time text is tested in tests/runtime/*/query_dynamic.cpp; misuse that must
// not compile in tests/compile_fail/E11x_*.cpp.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <ctsql/connector/dynamic.hpp>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using ctsql::lit;
using ctsql::param;
using ctsql::select;

namespace {

template <class A, class B>
inline constexpr bool same = std::is_same_v<A, B>;

template <class Dialect, class Piece>
constexpr const ctsql::detail::fragment_view& fragment(const Piece&) {
    return ctsql::detail::piece_fragment<Dialect, Piece>;
}

// The fragment numbered after `before` values, as a string_view into a static buffer.
template <std::size_t N>
struct numbered_text {
    std::array<char, N> text{};
    std::size_t size = 0;
    constexpr std::string_view view() const { return {text.data(), size}; }
};
template <std::size_t N = 160>
constexpr numbered_text<N> numbered(const ctsql::detail::fragment_view& f, char mark, std::size_t before) {
    numbered_text<N> out;
    out.size = static_cast<std::size_t>(ctsql::detail::write_numbered(out.text.data(), f, mark, before) - out.text.data());
    return out;
}

// ---- Pieces: constant text with holes --------------------------------------------------------

constexpr auto age_at_least = users.age >= param<"min">;
constexpr auto& f_age = fragment<lite>(age_at_least);
static_assert(f_age.text == R"(("users"."age" >= ))");
static_assert(f_age.markers == 1 && f_age.offsets[0] == 18 && f_age.numbers[0] == 1 && f_age.parameters == 1);
static_assert(numbered(f_age, '?', 0).view() == R"(("users"."age" >= ?1))");
static_assert(numbered(f_age, '$', 9).view() == R"(("users"."age" >= $10))");
static_assert(ctsql::detail::numbered_length(f_age, 9) == numbered(f_age, '$', 9).size);
static_assert(&fragment<lite>(age_at_least) == &fragment<lite>(users.age >= param<"min">));  // one constant per type

// A name used twice has one number; numbers follow first appearance.
constexpr auto name_or_email = users.name == param<"q"> || users.email == param<"q"> || users.id > param<"min_id">;
constexpr auto& f_q = fragment<pg>(name_or_email);
static_assert(f_q.markers == 3 && f_q.parameters == 2);
static_assert(f_q.numbers[0] == 1 && f_q.numbers[1] == 1 && f_q.numbers[2] == 2);
static_assert(numbered(f_q, '$', 3).view() ==
              R"(((("users"."name" = $4) OR ("users"."email" = $4)) OR ("users"."id" > $5)))");

// Dialect differences stay compile-time: literals, casts, features.
constexpr auto flagged = posts.published == lit<true>;
static_assert(fragment<lite>(flagged).text == R"(("posts"."published" = 1))");
static_assert(fragment<pg>(flagged).text == R"(("posts"."published" = TRUE))");
static_assert(fragment<lite>(flagged).markers == 0);

// Sort keys (with their direction), expressions with parameters, IN operands.
static_assert(fragment<lite>(ctsql::desc(users.age).nulls_last()).text == R"("users"."age" DESC NULLS LAST)");
static_assert(fragment<pg>(users.name).text == R"("users"."name")");
constexpr auto first_named = ctsql::asc(ctsql::case_when(users.name == param<"first">, lit<0>).else_(lit<1>));
static_assert(numbered(fragment<lite>(first_named), '?', 4).view() ==
              R"(CASE WHEN ("users"."name" = ?5) THEN 0 ELSE 1 END ASC)");
static_assert(fragment<pg>(ctsql::lower(users.email)).text == R"(LOWER("users"."email"))");

// Subqueries in a piece: their parameters are the piece's.
constexpr auto has_post = ctsql::exists(select(posts.id).from(posts).where(posts.author_id == users.id && posts.title == param<"t">));
static_assert(numbered(fragment<pg>(has_post), '$', 1).view() ==
              R"((EXISTS (SELECT "posts"."id" FROM "posts" WHERE (("posts"."author_id" = "users"."id") AND ("posts"."title" = $2)))))");

// ---- The base: head, grouping, order ----------------------------------------------------------

constexpr auto grouped = select(users.name, ctsql::as<"n">(ctsql::count(posts.id)))
                             .from(users)
                             .join(posts)
                             .on(posts.author_id == users.id && posts.published == param<"published">)
                             .where(users.age > param<"min_age">)
                             .group_by(users.name)
                             .having(ctsql::count(posts.id) >= param<"min_posts">)
                             .order_by(users.name);
using grouped_t = std::remove_cvref_t<decltype(grouped)>;
static_assert(ctsql::detail::rendered_view<ctsql::detail::dynamic_head<lite, grouped_t>>() ==
              R"(SELECT "users"."name", COUNT("posts"."id") AS "n" FROM "users" INNER JOIN "posts" ON (("posts"."author_id" = )"
              R"("users"."id") AND ("posts"."published" = ?1)) WHERE ("users"."age" > ?2))");
static_assert(ctsql::detail::rendered_view<ctsql::detail::dynamic_grouping<pg, grouped_t>>() ==
              R"( GROUP BY "users"."name" HAVING (COUNT("posts"."id") >= $3))");
static_assert(ctsql::detail::rendered_view<ctsql::detail::dynamic_order<pg, grouped_t>>() == R"( ORDER BY "users"."name")");
// head + grouping + order is the static statement's text
static_assert(std::string_view(R"(SELECT "users"."name", COUNT("posts"."id") AS "n" FROM "users" INNER JOIN "posts" ON (("posts"."author_id" = )"
                               R"("users"."id") AND ("posts"."published" = $1)) WHERE ("users"."age" > $2) GROUP BY "users"."name")"
                               R"( HAVING (COUNT("posts"."id") >= $3) ORDER BY "users"."name")") == ctsql::sql<pg>(grouped));

// ---- Verdicts: the rules each piece is checked against ----------------------------------------

template <class Verdict>
using rule = ctsql::detail::rule_of<Verdict>;

constexpr auto people = select(users.id, users.name).from(users);
using people_t = std::remove_cvref_t<decltype(people)>;

template <class Condition, class... Args>
using where_verdict = decltype(ctsql::detail::check_dynamic_where<lite, people_t, Condition, Args...>());
template <class Key, class... Args>
using order_verdict = decltype(ctsql::detail::check_dynamic_order_by<lite, people_t, Key, Args...>());
template <class Operand, class Element>
using in_verdict = decltype(ctsql::detail::check_dynamic_in_list<lite, people_t, Operand, Element>());
template <class Base, class... Args>
using base_verdict = decltype(ctsql::detail::check_dynamic<lite, Base, Args...>());

using age_at_least_t = std::remove_cvref_t<decltype(age_at_least)>;
using first_named_t = std::remove_cvref_t<decltype(first_named)>;

static_assert(where_verdict<age_at_least_t, int>::ok);
static_assert(where_verdict<age_at_least_t, std::int16_t>::ok);
static_assert(where_verdict<std::remove_cvref_t<decltype(name_or_email)>, std::string, std::int64_t>::ok);  // q once
static_assert(same<rule<where_verdict<decltype(posts.title == param<"t">), std::string>>,
                   ctsql::error::column_table_is_not_in_from<posts_t::title_c, ctsql::type_list<users_t>>>);  // E031
static_assert(same<rule<where_verdict<users_t::age_c>>,
                   ctsql::error::condition_is_not_boolean<ctsql::clause::where, users_t::age_c>>);  // E032
static_assert(same<rule<where_verdict<decltype(ctsql::count() > lit<1>)>>,
                   ctsql::error::aggregate_in_where<ctsql::clause::where, decltype(ctsql::count() > lit<1>)>>);  // E034
static_assert(same<rule<where_verdict<int>>, ctsql::error::run_time_value_in_expression<int>>);  // E042
static_assert(same<rule<where_verdict<age_at_least_t>>,
                   ctsql::error::wrong_number_of_arguments<age_at_least_t, 1, 0>>);  // E060
static_assert(same<rule<where_verdict<age_at_least_t, std::string>>,
                   ctsql::error::argument_type_does_not_match_parameter<ctsql::parameter<"min", std::int32_t>, 0, std::string>>);  // E061
static_assert(same<rule<where_verdict<age_at_least_t, std::int64_t>>,
                   ctsql::error::argument_would_be_narrowed<ctsql::parameter<"min", std::int32_t>, 0, std::int64_t>>);  // E062
static_assert(same<rule<where_verdict<age_at_least_t, std::optional<int>>>,
                   ctsql::error::null_argument_for_not_null_parameter<ctsql::parameter<"min", std::int32_t>, 0, std::optional<int>>>);  // E063
static_assert(where_verdict<decltype(users.age == param<"a", std::optional<std::int32_t>>), std::optional<int>>::ok);

// Sort keys: E031, E033 over an aggregated base, E042.
static_assert(order_verdict<decltype(ctsql::desc(users.age))>::ok);
static_assert(!order_verdict<posts_t::title_c>::ok);
static_assert(same<rule<order_verdict<int>>, ctsql::error::run_time_value_in_expression<int>>);
static_assert(same<rule<order_verdict<first_named_t>>, ctsql::error::wrong_number_of_arguments<first_named_t, 1, 0>>);
static_assert(order_verdict<first_named_t, const char*>::ok);
using counted_t = std::remove_cvref_t<decltype(select(users.name, ctsql::count()).from(users).group_by(users.name))>;
static_assert(decltype(ctsql::detail::check_dynamic_order_by<lite, counted_t, decltype(ctsql::desc(ctsql::count()))>())::ok);
static_assert(same<rule<decltype(ctsql::detail::check_dynamic_order_by<lite, counted_t, users_t::email_c>())>,
                   ctsql::error::column_must_be_grouped_or_aggregated<users_t::email_c, ctsql::type_list<users_t::name_c>>>);

// IN lists: the elements are checked like arguments for the operand's value type.
static_assert(in_verdict<users_t::id_c, int>::ok);
static_assert(in_verdict<users_t::name_c, const char*>::ok);
static_assert(in_verdict<users_t::age_c, std::int16_t>::ok);
static_assert(same<rule<in_verdict<users_t::id_c, double>>,
                   ctsql::error::argument_would_be_narrowed<ctsql::parameter<"in", std::int64_t>, 0, double>>);
static_assert(same<rule<in_verdict<users_t::age_c, std::optional<int>>>,
                   ctsql::error::null_argument_for_not_null_parameter<ctsql::parameter<"in", std::int32_t>, 0, std::optional<int>>>);
static_assert(same<rule<in_verdict<decltype(users.id + param<"k">), int>>,
                   ctsql::error::dynamic_in_operand_has_parameters<decltype(users.id + param<"k">)>>);  // E112
static_assert(same<rule<in_verdict<posts_t::id_c, int>>,
                   ctsql::error::column_table_is_not_in_from<posts_t::id_c, ctsql::type_list<users_t>>>);

// The base: a SELECT without LIMIT/OFFSET (E110), its arguments (E060-E063), its own rules.
static_assert(base_verdict<people_t>::ok);
static_assert(base_verdict<grouped_t, bool, int, std::int64_t>::ok);
using limited_t = std::remove_cvref_t<decltype(people.limit(lit<10>))>;
static_assert(same<rule<base_verdict<limited_t>>, ctsql::error::dynamic_base_must_be_a_select_without_limit<limited_t>>);
using insert_t = std::remove_cvref_t<decltype(ctsql::insert_into(archive).columns(archive.id, archive.name, archive.age))>;
static_assert(same<rule<base_verdict<insert_t>>, ctsql::error::dynamic_base_must_be_a_select_without_limit<insert_t>>);
static_assert(same<rule<base_verdict<grouped_t, bool, int>>, ctsql::error::wrong_number_of_arguments<grouped_t, 3, 2>>);

// ---- The run-time object's types ---------------------------------------------------------------

using query_t = ctsql::dynamic_select<lite, people_t>;
static_assert(same<decltype(ctsql::dynamic<lite>(people)), query_t>);
static_assert(same<query_t::result_row, ctsql::result_row_t<people_t>>);
static_assert(same<decltype(std::declval<query_t&>().where(age_at_least, 18)), query_t&>);
static_assert(same<decltype(std::declval<query_t>().where(age_at_least, 18)), query_t&&>);
static_assert(same<decltype(std::declval<query_t&>().where_in(users.id, std::vector<int>{})), query_t&>);
static_assert(same<decltype(std::declval<query_t>().order_by(users.id).limit(1)), query_t&&>);
static_assert(std::is_copy_constructible_v<query_t> && std::is_nothrow_move_constructible_v<query_t>);

// Integer values are stored at the width their parameter binds with.
static_assert(same<ctsql::detail::dynamic_storage<std::uint16_t>::type, std::int32_t>);
static_assert(same<ctsql::detail::dynamic_storage<std::int8_t>::type, std::int16_t>);
static_assert(same<ctsql::detail::dynamic_storage<std::uint32_t>::type, std::int64_t>);
static_assert(same<ctsql::detail::dynamic_storage<std::uint64_t>::type, std::uint64_t>);
static_assert(same<ctsql::detail::dynamic_storage<long long>::type, std::int64_t>);

}  // namespace
