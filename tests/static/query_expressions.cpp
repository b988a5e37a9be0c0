// Exact text of every expression form for SQLite and PostgreSQL: operators, predicates,
// functions, aggregates, literals (escaped at compile time), parameters (typed by context).
// expr_sql<D>(e) is the text of e in SELECT e FROM "users", "posts".
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "query_fixtures.hpp"

using namespace fx;
using namespace qx;
using namespace ctsql;  // the expression functions, as a user would write them

template <class E>
using params_of = parameters_t<expr_statement<E>>;

// ---- Comparison -------------------------------------------------------------------------------

static_assert(expr_sql<lite>(users.id == lit<1>) == R"(("users"."id" = 1))");
static_assert(expr_sql<pg>(users.id == lit<1>) == R"(("users"."id" = 1))");
static_assert(expr_sql<lite>(users.id != lit<1>) == R"(("users"."id" <> 1))");
static_assert(expr_sql<pg>(users.id != lit<1>) == R"(("users"."id" <> 1))");
static_assert(expr_sql<lite>(users.age < param<"a">) == R"(("users"."age" < ?1))");
static_assert(expr_sql<pg>(users.age < param<"a">) == R"(("users"."age" < $1))");
static_assert(expr_sql<lite>(users.age <= param<"a">) == R"(("users"."age" <= ?1))");
static_assert(expr_sql<pg>(users.age <= param<"a">) == R"(("users"."age" <= $1))");
static_assert(expr_sql<lite>(users.score > param<"s">) == R"(("users"."score" > ?1))");
static_assert(expr_sql<pg>(users.score > param<"s">) == R"(("users"."score" > $1))");
static_assert(expr_sql<lite>(users.score >= users.age) == R"(("users"."score" >= "users"."age"))");
static_assert(expr_sql<pg>(users.score >= users.age) == R"(("users"."score" >= "users"."age"))");
// Either side may be the parameter or the literal.
static_assert(expr_sql<lite>(param<"id"> == users.id) == R"((?1 = "users"."id"))");
static_assert(expr_sql<pg>(lit<3> < posts.id) == R"((3 < "posts"."id"))");
// Text, boolean and timestamp comparisons.
static_assert(expr_sql<pg>(users.name == users.email) == R"(("users"."name" = "users"."email"))");
static_assert(expr_sql<lite>(posts.published == lit<true>) == R"(("posts"."published" = 1))");
static_assert(expr_sql<pg>(posts.published == lit<true>) == R"(("posts"."published" = TRUE))");
static_assert(expr_sql<lite>(posts.created_at < current_timestamp) == R"(("posts"."created_at" < CURRENT_TIMESTAMP))");
static_assert(expr_sql<pg>(posts.created_at < current_timestamp) == R"(("posts"."created_at" < CURRENT_TIMESTAMP))");

// A parameter takes the type of the other side (without std::optional for a nullable column).
static_assert(std::is_same_v<params_of<decltype(users.age < param<"a">)>, type_list<parameter<"a", std::int32_t>>>);
static_assert(std::is_same_v<params_of<decltype(param<"id"> == users.id)>, type_list<parameter<"id", std::int64_t>>>);
static_assert(std::is_same_v<params_of<decltype(users.score > param<"s">)>, type_list<parameter<"s", double>>>);
static_assert(std::is_same_v<params_of<decltype(posts.created_at > param<"t">)>, type_list<parameter<"t", timestamp>>>);
static_assert(std::is_same_v<params_of<decltype(posts.published == param<"p">)>, type_list<parameter<"p", bool>>>);

// ---- Logic ------------------------------------------------------------------------------------

constexpr auto a_and_b = users.name == param<"n"> && users.age > lit<18>;
static_assert(expr_sql<lite>(a_and_b) == R"((("users"."name" = ?1) AND ("users"."age" > 18)))");
static_assert(expr_sql<pg>(a_and_b) == R"((("users"."name" = $1) AND ("users"."age" > 18)))");
constexpr auto a_or_b = posts.published || lit<false>;
static_assert(expr_sql<lite>(a_or_b) == R"(("posts"."published" OR 0))");
static_assert(expr_sql<pg>(a_or_b) == R"(("posts"."published" OR FALSE))");
constexpr auto not_a = !(users.id == lit<1>);
static_assert(expr_sql<lite>(not_a) == R"((NOT ("users"."id" = 1)))");
static_assert(expr_sql<pg>(not_a) == R"((NOT ("users"."id" = 1)))");
static_assert(expr_sql<pg>(!posts.published) == R"((NOT "posts"."published"))");
// Every node is parenthesised, so the SQL groups exactly as the C++ does.
constexpr auto mixed = users.id == lit<1> || (users.id == lit<2> && !posts.published);
static_assert(expr_sql<lite>(mixed) == R"((("users"."id" = 1) OR (("users"."id" = 2) AND (NOT "posts"."published"))))");
static_assert(expr_sql<pg>(mixed) == R"((("users"."id" = 1) OR (("users"."id" = 2) AND (NOT "posts"."published"))))");
constexpr auto grouped = (users.id == lit<1> || users.id == lit<2>) && posts.published;
static_assert(expr_sql<pg>(grouped) == R"(((("users"."id" = 1) OR ("users"."id" = 2)) AND "posts"."published"))");

// ---- Arithmetic -------------------------------------------------------------------------------

static_assert(expr_sql<lite>(users.id + lit<1>) == R"(("users"."id" + 1))");
static_assert(expr_sql<pg>(users.id + lit<1>) == R"(("users"."id" + 1))");
static_assert(expr_sql<lite>(users.age - param<"d">) == R"(("users"."age" - ?1))");
static_assert(expr_sql<pg>(users.age - param<"d">) == R"(("users"."age" - $1))");
static_assert(expr_sql<lite>(users.score * lit<2>) == R"(("users"."score" * 2))");
static_assert(expr_sql<pg>(users.score * lit<2>) == R"(("users"."score" * 2))");
static_assert(expr_sql<lite>(users.score / users.age) == R"(("users"."score" / "users"."age"))");
static_assert(expr_sql<pg>(users.score / users.age) == R"(("users"."score" / "users"."age"))");
static_assert(expr_sql<lite>(users.id % lit<7>) == R"(("users"."id" % 7))");
static_assert(expr_sql<pg>(users.id % lit<7>) == R"(("users"."id" % 7))");
static_assert(expr_sql<lite>(-users.age) == R"((- "users"."age"))");
static_assert(expr_sql<pg>(-users.age) == R"((- "users"."age"))");
static_assert(expr_sql<pg>((users.id + lit<1>) * (users.age - lit<2>)) == R"((("users"."id" + 1) * ("users"."age" - 2)))");
static_assert(std::is_same_v<params_of<decltype(users.age - param<"d">)>, type_list<parameter<"d", std::int32_t>>>);

// ---- Text concatenation: + on text and concat() -----------------------------------------------

static_assert(expr_sql<lite>(users.name + lit<"!">) == R"(("users"."name" || '!'))");
static_assert(expr_sql<pg>(users.name + lit<"!">) == R"(("users"."name" || '!'))");
static_assert(expr_sql<lite>(users.name + param<"suffix">) == R"(("users"."name" || ?1))");
static_assert(expr_sql<pg>(users.name + param<"suffix">) == R"(("users"."name" || $1))");
static_assert(std::is_same_v<params_of<decltype(users.name + param<"suffix">)>, type_list<parameter<"suffix", std::string>>>);
constexpr auto full_address = concat(users.name, lit<" <">, users.email, lit<">">);
static_assert(expr_sql<lite>(full_address) == R"(((("users"."name" || ' <') || "users"."email") || '>'))");
static_assert(expr_sql<pg>(full_address) == R"(((("users"."name" || ' <') || "users"."email") || '>'))");
static_assert(expr_sql<pg>(concat(users.name, posts.title)) == R"(("users"."name" || "posts"."title"))");

// ---- IS [NOT] NULL, LIKE, ILIKE, IN, BETWEEN --------------------------------------------------

static_assert(expr_sql<lite>(is_null(users.age)) == R"(("users"."age" IS NULL))");
static_assert(expr_sql<pg>(is_null(users.age)) == R"(("users"."age" IS NULL))");
static_assert(expr_sql<lite>(is_not_null(users.score)) == R"(("users"."score" IS NOT NULL))");
static_assert(expr_sql<pg>(is_not_null(users.score)) == R"(("users"."score" IS NOT NULL))");
static_assert(expr_sql<lite>(users.age.is_null()) == R"(("users"."age" IS NULL))");
static_assert(expr_sql<pg>(users.age.is_not_null()) == R"(("users"."age" IS NOT NULL))");
static_assert(expr_sql<pg>(is_null(users.age + lit<1>)) == R"((("users"."age" + 1) IS NULL))");

static_assert(expr_sql<lite>(like(users.name, param<"pattern">)) == R"(("users"."name" LIKE ?1))");
static_assert(expr_sql<pg>(like(users.name, param<"pattern">)) == R"(("users"."name" LIKE $1))");
static_assert(expr_sql<lite>(not_like(users.email, lit<"%@example.com">)) == R"(("users"."email" NOT LIKE '%@example.com'))");
static_assert(expr_sql<pg>(not_like(users.email, lit<"%@example.com">)) == R"(("users"."email" NOT LIKE '%@example.com'))");
static_assert(expr_sql<lite>(users.name.like(lit<"A%">)) == R"(("users"."name" LIKE 'A%'))");
static_assert(expr_sql<pg>(users.name.like(lit<"A%">)) == R"(("users"."name" LIKE 'A%'))");
static_assert(expr_sql<pg>(ilike(users.name, param<"p">)) == R"(("users"."name" ILIKE $1))");
static_assert(std::is_same_v<params_of<decltype(like(users.name, param<"pattern">))>,
                             type_list<parameter<"pattern", std::string>>>);
static_assert(std::is_same_v<params_of<decltype(ilike(users.name, param<"p">))>, type_list<parameter<"p", std::string>>>);

static_assert(expr_sql<lite>(in(users.id, param<"a">, param<"b">)) == R"(("users"."id" IN (?1, ?2)))");
static_assert(expr_sql<pg>(in(users.id, param<"a">, param<"b">)) == R"(("users"."id" IN ($1, $2)))");
static_assert(expr_sql<lite>(users.name.in(lit<"x">, lit<"y'z">)) == R"(("users"."name" IN ('x', 'y''z')))");
static_assert(expr_sql<pg>(users.name.in(lit<"x">, lit<"y'z">)) == R"(("users"."name" IN ('x', 'y''z')))");
static_assert(expr_sql<pg>(in(users.age, lit<1>)) == R"(("users"."age" IN (1)))");
static_assert(expr_sql<pg>(in(users.age, posts.id, users.id)) == R"(("users"."age" IN ("posts"."id", "users"."id")))");
static_assert(std::is_same_v<params_of<decltype(in(users.id, param<"a">, param<"b">))>,
                             type_list<parameter<"a", std::int64_t>, parameter<"b", std::int64_t>>>);

static_assert(expr_sql<lite>(between(users.age, param<"lo">, param<"hi">)) == R"(("users"."age" BETWEEN ?1 AND ?2))");
static_assert(expr_sql<pg>(between(users.age, param<"lo">, param<"hi">)) == R"(("users"."age" BETWEEN $1 AND $2))");
static_assert(expr_sql<lite>(users.score.between(lit<0>, real_lit<"9.5">)) == R"(("users"."score" BETWEEN 0 AND 9.5))");
static_assert(expr_sql<pg>(users.score.between(lit<0>, real_lit<"9.5">)) == R"(("users"."score" BETWEEN 0 AND 9.5))");
static_assert(std::is_same_v<params_of<decltype(between(users.age, param<"lo">, param<"hi">))>,
                             type_list<parameter<"lo", std::int32_t>, parameter<"hi", std::int32_t>>>);

// ---- Scalar functions -------------------------------------------------------------------------

static_assert(expr_sql<lite>(lower(users.name)) == R"(LOWER("users"."name"))");
static_assert(expr_sql<pg>(lower(users.name)) == R"(LOWER("users"."name"))");
static_assert(expr_sql<lite>(upper(users.email)) == R"(UPPER("users"."email"))");
static_assert(expr_sql<pg>(upper(users.email)) == R"(UPPER("users"."email"))");
static_assert(expr_sql<lite>(length(users.name)) == R"(LENGTH("users"."name"))");
static_assert(expr_sql<pg>(length(users.name)) == R"(LENGTH("users"."name"))");
static_assert(expr_sql<lite>(coalesce(users.age, lit<0>)) == R"(COALESCE("users"."age", 0))");
static_assert(expr_sql<pg>(coalesce(users.age, lit<0>)) == R"(COALESCE("users"."age", 0))");
static_assert(expr_sql<lite>(coalesce(users.score, users.age, param<"d">)) == R"(COALESCE("users"."score", "users"."age", ?1))");
static_assert(expr_sql<pg>(coalesce(users.score, users.age, param<"d">)) == R"(COALESCE("users"."score", "users"."age", $1))");
static_assert(std::is_same_v<params_of<decltype(coalesce(users.score, users.age, param<"d">))>,
                             type_list<parameter<"d", double>>>);
static_assert(expr_sql<lite>(abs(users.age)) == R"(ABS("users"."age"))");
static_assert(expr_sql<pg>(abs(users.age)) == R"(ABS("users"."age"))");
static_assert(expr_sql<lite>(round(users.score)) == R"(ROUND("users"."score"))");
static_assert(expr_sql<pg>(round(users.score)) == R"(ROUND("users"."score"))");
static_assert(expr_sql<lite>(round(users.score, lit<2>)) == R"(ROUND("users"."score", 2))");
static_assert(expr_sql<lite>(round(users.score, param<"digits">)) == R"(ROUND("users"."score", ?1))");
static_assert(std::is_same_v<params_of<decltype(round(users.score, param<"digits">))>,
                             type_list<parameter<"digits", std::int32_t>>>);
// PostgreSQL has ROUND(x, n) for NUMERIC only: x is cast.
static_assert(expr_sql<pg>(round(users.score, lit<2>)) == R"(ROUND(CAST("users"."score" AS NUMERIC), 2))");
static_assert(expr_sql<lite>(nullif(users.name, lit<"">)) == R"(NULLIF("users"."name", ''))");
static_assert(expr_sql<pg>(nullif(users.name, lit<"">)) == R"(NULLIF("users"."name", ''))");
static_assert(expr_sql<pg>(nullif(users.age, param<"none">)) == R"(NULLIF("users"."age", $1))");
static_assert(std::is_same_v<params_of<decltype(nullif(users.age, param<"none">))>, type_list<parameter<"none", std::int32_t>>>);

// CAST names the type per dialect.
static_assert(expr_sql<lite>(cast<double>(users.age)) == R"(CAST("users"."age" AS REAL))");
static_assert(expr_sql<pg>(cast<double>(users.age)) == R"(CAST("users"."age" AS DOUBLE PRECISION))");
static_assert(expr_sql<lite>(cast<std::string>(users.id)) == R"(CAST("users"."id" AS TEXT))");
static_assert(expr_sql<pg>(cast<std::string>(users.id)) == R"(CAST("users"."id" AS TEXT))");
static_assert(expr_sql<lite>(cast<std::int16_t>(users.score)) == R"(CAST("users"."score" AS INTEGER))");
static_assert(expr_sql<pg>(cast<std::int16_t>(users.score)) == R"(CAST("users"."score" AS SMALLINT))");
static_assert(expr_sql<pg>(cast<std::uint32_t>(users.age)) == R"(CAST("users"."age" AS BIGINT))");
static_assert(expr_sql<lite>(cast<blob>(users.name)) == R"(CAST("users"."name" AS BLOB))");
static_assert(expr_sql<pg>(cast<blob>(users.name)) == R"(CAST("users"."name" AS BYTEA))");
static_assert(expr_sql<pg>(cast<timestamp>(users.name)) == R"(CAST("users"."name" AS TIMESTAMP WITH TIME ZONE))");
static_assert(expr_sql<lite>(cast<bool>(users.age)) == R"(CAST("users"."age" AS BOOLEAN))");
static_assert(expr_sql<pg>(cast<std::string>(param<"x", std::int64_t>)) == R"(CAST($1 AS TEXT))");

static_assert(expr_sql<lite>(current_timestamp) == R"(CURRENT_TIMESTAMP)");
static_assert(expr_sql<pg>(current_timestamp) == R"(CURRENT_TIMESTAMP)");

// Functions nest.
static_assert(expr_sql<pg>(upper(coalesce(lower(users.name), lit<"?">))) == R"(UPPER(COALESCE(LOWER("users"."name"), '?')))");
static_assert(expr_sql<lite>(length(users.name + users.email) > param<"n">) == R"((LENGTH(("users"."name" || "users"."email")) > ?1))");
static_assert(std::is_same_v<params_of<decltype(length(users.name) > param<"n">)>, type_list<parameter<"n", std::int64_t>>>);

// ---- Aggregates -------------------------------------------------------------------------------

static_assert(expr_sql<lite>(count()) == R"(COUNT(*))");
static_assert(expr_sql<pg>(count()) == R"(COUNT(*))");
static_assert(expr_sql<lite>(count(users.age)) == R"(COUNT("users"."age"))");
static_assert(expr_sql<pg>(count(users.age)) == R"(COUNT("users"."age"))");
static_assert(expr_sql<lite>(count_distinct(users.age)) == R"(COUNT(DISTINCT "users"."age"))");
static_assert(expr_sql<pg>(count_distinct(users.age)) == R"(COUNT(DISTINCT "users"."age"))");
static_assert(expr_sql<lite>(sum(users.age)) == R"(SUM("users"."age"))");
static_assert(expr_sql<pg>(sum(users.age)) == R"(SUM("users"."age"))");
static_assert(expr_sql<lite>(avg(users.score)) == R"(AVG("users"."score"))");
static_assert(expr_sql<pg>(avg(users.score)) == R"(AVG("users"."score"))");
static_assert(expr_sql<lite>(min(users.name)) == R"(MIN("users"."name"))");
static_assert(expr_sql<pg>(min(users.name)) == R"(MIN("users"."name"))");
static_assert(expr_sql<lite>(max(posts.created_at)) == R"(MAX("posts"."created_at"))");
static_assert(expr_sql<pg>(max(posts.created_at)) == R"(MAX("posts"."created_at"))");
static_assert(expr_sql<pg>(sum(users.score * users.age)) == R"(SUM(("users"."score" * "users"."age")))");
static_assert(expr_sql<pg>(count_distinct(lower(users.name))) == R"(COUNT(DISTINCT LOWER("users"."name")))");
static_assert(expr_sql<pg>(coalesce(sum(users.age), lit<0>)) == R"(COALESCE(SUM("users"."age"), 0))");
static_assert(expr_sql<pg>(max(users.age) - min(users.age)) == R"((MAX("users"."age") - MIN("users"."age")))");
static_assert(expr_sql<lite>(sum(users.score + param<"bonus">)) == R"(SUM(("users"."score" + ?1)))");
static_assert(std::is_same_v<params_of<decltype(sum(users.score + param<"bonus">))>, type_list<parameter<"bonus", double>>>);

// ---- Literals ---------------------------------------------------------------------------------

static_assert(expr_sql<lite>(lit<42>) == "42");
static_assert(expr_sql<pg>(lit<42>) == "42");
static_assert(expr_sql<lite>(lit<-7>) == "-7");
static_assert(expr_sql<pg>(lit<-7>) == "-7");
static_assert(expr_sql<pg>(lit<0>) == "0");
static_assert(expr_sql<pg>(lit<9'223'372'036'854'775'807>) == "9223372036854775807");
// Booleans: 1/0 on SQLite (TRUE/FALSE only since 3.23), TRUE/FALSE on PostgreSQL.
static_assert(expr_sql<lite>(lit<true>) == "1");
static_assert(expr_sql<pg>(lit<true>) == "TRUE");
static_assert(expr_sql<lite>(lit<false>) == "0");
static_assert(expr_sql<pg>(lit<false>) == "FALSE");
// Text is quoted, embedded quotes doubled; a backslash stays a backslash (standard strings).
static_assert(expr_sql<lite>(lit<"O'Brien">) == "'O''Brien'");
static_assert(expr_sql<pg>(lit<"O'Brien">) == "'O''Brien'");
static_assert(expr_sql<pg>(lit<"''">) == "''''''");
static_assert(expr_sql<pg>(lit<"">) == "''");
static_assert(expr_sql<lite>(lit<"a\\b \"c\"">) == R"('a\b "c"')");
static_assert(expr_sql<pg>(lit<"'; DROP TABLE users; --">) == R"('''; DROP TABLE users; --')");
static_assert(expr_sql<lite>(lit<"héllo">) == "'héllo'");
static_assert(expr_sql<lite>(real_lit<"2.5">) == "2.5");
static_assert(expr_sql<pg>(real_lit<"2.5">) == "2.5");
static_assert(expr_sql<pg>(real_lit<"-1e-3">) == "-1e-3");
static_assert(expr_sql<lite>(users.score * real_lit<"0.5">) == R"(("users"."score" * 0.5))");
static_assert(expr_sql<lite>(null) == "NULL");
static_assert(expr_sql<pg>(null) == "NULL");

// ---- Parameters -------------------------------------------------------------------------------

// Stated types: std::optional<T> accepts NULL.
static_assert(expr_sql<lite>(param<"x", std::int32_t>) == "?1");
static_assert(expr_sql<pg>(param<"x", std::int32_t>) == "$1");
static_assert(std::is_same_v<params_of<decltype(param<"x", std::optional<std::string>>)>,
                             type_list<parameter<"x", std::optional<std::string>>>>);
// Numbered by first appearance; a name used again gets its first number.
constexpr auto numbered = users.age > param<"a"> && users.name == param<"b"> && users.age < param<"a">;
static_assert(expr_sql<lite>(numbered) == R"(((("users"."age" > ?1) AND ("users"."name" = ?2)) AND ("users"."age" < ?1)))");
static_assert(expr_sql<pg>(numbered) == R"(((("users"."age" > $1) AND ("users"."name" = $2)) AND ("users"."age" < $1)))");
static_assert(std::is_same_v<params_of<decltype(numbered)>, type_list<parameter<"a", std::int32_t>, parameter<"b", std::string>>>);
// Parameter names are not SQL: any spelling works, the text only has numbers.
static_assert(expr_sql<pg>(users.name == param<"it's \"odd\"">) == R"(("users"."name" = $1))");
