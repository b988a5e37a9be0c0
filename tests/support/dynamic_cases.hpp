// Runtime checks of dynamic queries (ctsql::dynamic, connector/dynamic.hpp) shared by the SQLite
// and PostgreSQL test files: the text each piece adds, a search form with optional filters in
// every combination, IN lists of 0, 1 and 100 values, sort keys chosen at run time, paging,
// injection attempts bound as plain values, and the statement caches.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/dynamic.hpp>
#include <ctsql/ctsql.hpp>

namespace dcase {

using ctsql::column;
using ctsql::lit;
using ctsql::param;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "d_users";
    struct id_c : column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : column<users_t, "name", std::string> {} name;
    struct email_c : column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : column<users_t, "age", std::optional<std::int32_t>> {} age;
    struct score_c : column<users_t, "score", std::optional<double>> {} score;
};
inline constexpr users_t users{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "d_posts";
    struct id_c : column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : column<posts_t, "author_id", std::int64_t, ctsql::references<users_t::id_c>> {} author_id;
    struct title_c : column<posts_t, "title", std::string> {} title;
};
inline constexpr posts_t posts{};

using schema = ctsql::schema<users_t, posts_t>;

inline constexpr auto add_user = ctsql::insert_into(users).values(
    users.name.to(param<"name">), users.email.to(param<"email">), users.age.to(param<"age">), users.score.to(param<"score">));
inline constexpr auto add_post =
    ctsql::insert_into(posts).values(posts.author_id.to(param<"author">), posts.title.to(param<"title">));
inline constexpr auto count_users = ctsql::select(ctsql::as<"n">(ctsql::count())).from(users);

inline constexpr auto people = ctsql::select(users.id, users.name, users.age).from(users);

// A row read by position (Boost.PFR).
struct person {
    std::int64_t id;
    std::string name;
    std::optional<std::int32_t> age;
};

// The seeded users, as the tests expect them back.
struct seeded {
    std::int64_t id;
    std::string name;
    std::string email;
    std::optional<std::int32_t> age;
};

inline const std::string injection = "'; DROP TABLE d_users; --";
inline const std::string always_true = "x' OR '1'='1";

// The text with every '?' placeholder mark written as `mark` ('?' for SQLite, '$' for PostgreSQL).
inline std::string marks(std::string text, char mark) {
    std::replace(text.begin(), text.end(), '?', mark);
    return text;
}

// A search form: each filter is optional.
struct form {
    std::optional<std::string> name;
    std::optional<std::int32_t> min_age;
    std::optional<std::string> domain;  // the e-mail ends with "@" + domain
};

enum class sort_order { id, age_desc, name_desc };

template <class Dialect>
auto search(const form& f, sort_order order) {
    auto q = ctsql::dynamic<Dialect>(people);
    if (f.name) q.where(users.name == param<"name">, *f.name);
    if (f.min_age) q.where(users.age >= param<"min_age">, *f.min_age);
    if (f.domain) q.where(users.email.like(param<"pattern">), "%@" + *f.domain);
    switch (order) {  // a sort key chosen at run time among compile-time ones
        case sort_order::id: q.order_by(users.id); break;
        case sort_order::age_desc: q.order_by(ctsql::desc(users.age).nulls_last()).order_by(users.id); break;
        case sort_order::name_desc: q.order_by(users.name.desc()); break;
    }
    return q;
}

template <class Connection>
std::vector<seeded> seed(Connection& db) {
    std::vector<seeded> all;
    auto add = [&](std::string name, std::string email, std::optional<std::int32_t> age) {
        db.execute(add_user, name, email, age, std::optional<double>{});
        all.push_back(seeded{static_cast<std::int64_t>(all.size()) + 1, std::move(name), std::move(email), age});
    };
    for (int i = 1; i <= 120; ++i) {
        std::string name = "user" + std::to_string(i % 40);  // each name three times
        std::string email = name + "." + std::to_string(i) + (i % 3 == 0 ? "@example.com" : "@test.org");
        add(std::move(name), std::move(email), i % 7 == 0 ? std::nullopt : std::optional<std::int32_t>(18 + i % 50));
    }
    add(injection, "evil@test.org", 33);
    add(always_true, "evil2@test.org", 34);
    return all;
}

template <class Rows>
std::vector<std::int64_t> ids_of(const Rows& rows) {
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    return ids;
}

template <class Connection>
void text_of_pieces() {
    using D = typename Connection::dialect;
    constexpr char m = D::family == ctsql::dialect_family::sqlite ? '?' : '$';
    const std::string head = R"(SELECT "d_users"."id", "d_users"."name", "d_users"."age" FROM "d_users")";

    auto q = ctsql::dynamic<D>(people);
    CHECK(q.sql() == head);
    CHECK(q.values().empty());
    q.where(users.age >= param<"min">, 18);
    CHECK(q.sql() == head + marks(R"( WHERE ("d_users"."age" >= ?1))", m));
    q.order_by(ctsql::desc(users.age));
    q.limit(10);
    q.where(users.name == param<"q"> || users.email == param<"q">, "ann");  // one value for a name used twice
    CHECK(q.sql() == head + marks(R"( WHERE ("d_users"."age" >= ?1) AND (("d_users"."name" = ?3) OR ("d_users"."email" = ?3)))"
                                  R"( ORDER BY "d_users"."age" DESC LIMIT ?2)",
                                  m));
    q.where_in(users.id, std::vector<int>{7, 8, 9}).order_by(users.name).offset(20).limit(5);
    CHECK(q.sql() == head + marks(R"( WHERE ("d_users"."age" >= ?1) AND (("d_users"."name" = ?3) OR ("d_users"."email" = ?3)))"
                                  R"( AND ("d_users"."id" IN (?4, ?5, ?6)) ORDER BY "d_users"."age" DESC, "d_users"."name")"
                                  R"( LIMIT ?2 OFFSET ?7)",
                                  m));
    REQUIRE(q.values().size() == 7);
    CHECK(std::get<std::int32_t>(q.values()[0].value) == 18);
    CHECK(std::get<std::int64_t>(q.values()[1].value) == 5);  // limit, replaced
    CHECK(std::get<std::string>(q.values()[2].value) == "ann");
    CHECK(std::get<std::int64_t>(q.values()[3].value) == 7);  // int converted to the column's type
    CHECK(q.values()[3].name == "id");

    // a value that cannot be converted (a null const char*) throws and leaves the query as it was
    const std::string before = q.sql();
    const char* no_text = nullptr;
    CHECK_THROWS_AS(q.where(users.name == param<"n">, no_text), ctsql::conversion_error);
    CHECK_THROWS_AS(q.where_in(users.name, std::vector<const char*>{"a", no_text}), ctsql::conversion_error);
    CHECK(q.sql() == before);
    CHECK(q.values().size() == 7);

    // empty lists: IN () matches nothing (written as FALSE), NOT IN () everything (nothing added)
    auto e = ctsql::dynamic<D>(people).where_not_in(users.id, std::vector<std::int64_t>{}).where_in(users.id, std::vector<std::int64_t>{});
    CHECK(e.sql() == head + (D::family == ctsql::dialect_family::sqlite ? " WHERE 0" : " WHERE FALSE"));
    // OFFSET alone (SQLite needs a LIMIT before it)
    auto o = ctsql::dynamic<D>(people).offset(3);
    CHECK(o.sql() == head + marks(D::family == ctsql::dialect_family::sqlite ? " LIMIT -1 OFFSET ?1" : " OFFSET ?1", m));

    // a base with its own WHERE (and parameter), joins, GROUP BY, HAVING and ORDER BY: conjuncts go
    // after its WHERE, keys after its ORDER BY
    auto g = ctsql::dynamic<D>(ctsql::select(users.name, ctsql::as<"posts">(ctsql::count(posts.id)))
                                   .from(users)
                                   .join(posts)
                                   .on(posts.author_id == users.id)
                                   .where(users.age.is_not_null())
                                   .group_by(users.name)
                                   .having(ctsql::count(posts.id) >= param<"min_posts">)
                                   .order_by(users.name),
                               std::int64_t{1})
                 .where(users.age < param<"max_age">, 60)
                 .order_by(ctsql::desc(ctsql::count(posts.id)));
    CHECK(g.sql() == marks(R"(SELECT "d_users"."name", COUNT("d_posts"."id") AS "posts" FROM "d_users" INNER JOIN "d_posts")"
                           R"( ON ("d_posts"."author_id" = "d_users"."id") WHERE ("d_users"."age" IS NOT NULL))"
                           R"( AND ("d_users"."age" < ?2) GROUP BY "d_users"."name" HAVING (COUNT("d_posts"."id") >= ?1))"
                           R"( ORDER BY "d_users"."name", COUNT("d_posts"."id") DESC)",
                           m));
}

template <class Connection>
void run_all(Connection& db) {
    using D = typename Connection::dialect;
    db.execute(ctsql::create_all<schema>());
    const std::vector<seeded> all = seed(db);

    SECTION("the text of each piece") { text_of_pieces<Connection>(); }

    SECTION("a search form: every combination of optional filters, each sort order") {
        for (const sort_order order : {sort_order::id, sort_order::age_desc, sort_order::name_desc}) {
            for (int mask = 0; mask != 8; ++mask) {
                form f;
                if (mask & 1) f.name = "user7";
                if (mask & 2) f.min_age = 40;
                if (mask & 4) f.domain = "example.com";
                std::vector<seeded> expected;
                for (const seeded& s : all) {
                    if (f.name && s.name != *f.name) continue;
                    if (f.min_age && (!s.age || *s.age < *f.min_age)) continue;
                    if (f.domain && !s.email.ends_with("@" + *f.domain)) continue;
                    expected.push_back(s);
                }
                const auto q = search<D>(f, order);
                INFO(q.sql());
                const std::vector<person> rows = db.template fetch_all<person>(q);
                REQUIRE(rows.size() == expected.size());
                if (order == sort_order::id) {
                    CHECK(ids_of(rows) == ids_of(expected));
                } else if (order == sort_order::age_desc) {
                    std::stable_sort(expected.begin(), expected.end(), [](const seeded& a, const seeded& b) {
                        if (a.age.has_value() != b.age.has_value()) return a.age.has_value();  // NULLS LAST
                        return a.age.has_value() && *a.age > *b.age;
                    });
                    CHECK(ids_of(rows) == ids_of(expected));
                } else {
                    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].name >= rows[i].name);
                }
                for (const person& p : rows) {
                    const seeded& s = all[static_cast<std::size_t>(p.id - 1)];
                    CHECK(p.name == s.name);
                    CHECK(p.age == s.age);
                }
            }
        }
    }

    SECTION("IN lists of run-time length") {
        auto by_ids = [&](const std::vector<std::int64_t>& ids) {
            return db.fetch_all(ctsql::dynamic<D>(people).where_in(users.id, ids).order_by(users.id));
        };
        CHECK(by_ids({}).empty());
        const auto one = by_ids({42});
        REQUIRE(one.size() == 1);
        CHECK(one[0].template get<"name">() == all[41].name);
        std::vector<std::int64_t> hundred;
        for (std::int64_t i = 1; i <= 100; ++i) hundred.push_back(i * 2 - 1 + (i > 60 ? 1000 : 0));  // 40 miss
        const auto many = by_ids(hundred);
        REQUIRE(many.size() == 60);
        for (std::size_t i = 0; i != many.size(); ++i)
            CHECK(many[i].template get<"id">() == static_cast<std::int64_t>(2 * i + 1));

        // NOT IN, of text, with an injection attempt among the values; an empty NOT IN keeps all
        const auto rest = db.fetch_all(ctsql::dynamic<D>(people).where_not_in(users.name, {injection, always_true, std::string("user1")}));
        CHECK(rest.size() == all.size() - 5);
        CHECK(db.fetch_all(ctsql::dynamic<D>(people).where_not_in(users.id, std::vector<int>{})).size() == all.size());
        // an IN list with other filters
        const auto mixed = db.fetch_all(ctsql::dynamic<D>(people)
                                            .where(users.age.is_null())
                                            .where_in(users.id, std::vector<std::int64_t>{6, 7, 14, 15})
                                            .order_by(ctsql::desc(users.id)));
        REQUIRE(mixed.size() == 2);
        CHECK(mixed[0].template get<"id">() == 14);
        CHECK(mixed[1].template get<"id">() == 7);
    }

    SECTION("values never become SQL: injection attempts are bound as plain text") {
        for (const std::string& attempt : {injection, always_true, std::string("' OR 1=1 --"), std::string("\"; DELETE FROM d_users")}) {
            const auto found = db.fetch_all(ctsql::dynamic<D>(people).where(users.name == param<"name">, attempt));
            if (attempt == injection || attempt == always_true) {
                REQUIRE(found.size() == 1);
                CHECK(found[0].template get<"name">() == attempt);
            } else {
                CHECK(found.empty());
            }
            CHECK(db.fetch_all(ctsql::dynamic<D>(people).where(users.email.like(param<"p">), attempt)).empty());
        }
        CHECK(db.fetch_one(count_users).template get<"n">() == static_cast<std::int64_t>(all.size()));
    }

    SECTION("paging: LIMIT and OFFSET values change, the text does not") {
        auto q = ctsql::dynamic<D>(people).where(users.age.is_not_null()).order_by(users.id).limit(25);
        const std::string text = q.sql();
        std::vector<std::int64_t> seen;
        for (std::int64_t page = 0;; ++page) {
            q.offset(page * 25);
            CHECK(q.sql() == text + (D::family == ctsql::dialect_family::sqlite ? " OFFSET ?2" : " OFFSET $2"));
            const auto rows = db.template fetch_all<person>(q);
            for (const person& p : rows) seen.push_back(p.id);
            if (rows.size() < 25) break;
        }
        std::vector<std::int64_t> expected;
        for (const seeded& s : all)
            if (s.age) expected.push_back(s.id);
        CHECK(seen == expected);
    }

    SECTION("sort keys with parameters, NULL values, the other fetch functions") {
        // the row named by the parameter first, then by id
        auto q = ctsql::dynamic<D>(people)
                     .where_in(users.id, {1, 2, 3, 4, 5})
                     .order_by(ctsql::asc(ctsql::case_when(users.name == param<"first">, lit<0>).else_(lit<1>)), "user4")
                     .order_by(users.id);
        CHECK(ids_of(db.template fetch_all<person>(q)) == std::vector<std::int64_t>{4, 1, 2, 3, 5});

        // NULL bound for an optional parameter
        const auto nulls = db.fetch_all(ctsql::dynamic<D>(people)
                                            .where(ctsql::coalesce(users.age, param<"fallback", std::optional<std::int32_t>>) == lit<99>,
                                                   std::optional<std::int32_t>{}));
        CHECK(nulls.empty());
        const auto fallback = db.fetch_all(ctsql::dynamic<D>(people).where(
            ctsql::coalesce(users.age, param<"fallback", std::optional<std::int32_t>>) == lit<99>, std::optional<std::int32_t>(99)));
        CHECK(fallback.size() == 17);  // the users without an age

        const auto one = db.fetch_one(ctsql::dynamic<D>(people).where(users.email == param<"e">, all[9].email));
        CHECK(one.template get<"id">() == 10);
        CHECK_FALSE(db.fetch_optional(ctsql::dynamic<D>(people).where(users.email == param<"e">, "nobody")).has_value());
        CHECK_THROWS_AS(db.fetch_one(ctsql::dynamic<D>(people).where(users.email == param<"e">, "nobody")), ctsql::row_count_error);
        CHECK_THROWS_AS(db.fetch_optional(ctsql::dynamic<D>(people).where(users.name == param<"n">, "user1")),
                        ctsql::row_count_error);
        std::vector<std::int64_t> lazy;
        for (const person& p : db.template fetch<person>(ctsql::dynamic<D>(people).where_in(users.id, {3, 1, 2}).order_by(users.id)))
            lazy.push_back(p.id);
        CHECK(lazy == std::vector<std::int64_t>{1, 2, 3});
        CHECK(db.execute(ctsql::dynamic<D>(people).where(users.name == param<"n">, "user1")) == 3);
    }

    SECTION("the statement caches: many distinct texts, then the first again") {
        for (std::int64_t n = 1; n <= 80; ++n) {  // 80 distinct texts: more than a cache holds
            std::vector<std::int64_t> ids;
            for (std::int64_t i = 1; i <= n; ++i) ids.push_back(i);
            CHECK(db.fetch_all(ctsql::dynamic<D>(people).where_in(users.id, ids)).size() == static_cast<std::size_t>(n));
        }
        CHECK(db.fetch_all(ctsql::dynamic<D>(people).where_in(users.id, {1})).size() == 1);
        CHECK(db.fetch_all(ctsql::dynamic<D>(people).where_in(users.id, {1, 2})).size() == 2);
    }

    SECTION("a base with a join, GROUP BY, HAVING and its own parameter") {
        for (const seeded& s : all)
            for (std::int64_t k = 0; k < s.id % 4; ++k) db.execute(add_post, s.id, "post");
        auto q = ctsql::dynamic<D>(ctsql::select(users.id, ctsql::as<"posts">(ctsql::count(posts.id)))
                                       .from(users)
                                       .join(posts)
                                       .on(posts.author_id == users.id)
                                       .group_by(users.id)
                                       .having(ctsql::count(posts.id) >= param<"min_posts">),
                                   std::int64_t{2})
                     .where(users.id <= param<"max_id">, 10)
                     .order_by(ctsql::desc(ctsql::count(posts.id)))
                     .order_by(users.id);
        const auto rows = db.fetch_all(q);
        std::vector<std::tuple<std::int64_t, std::int64_t>> got;
        for (const auto& r : rows) got.emplace_back(r.template get<"id">(), r.template get<"posts">());
        CHECK(got == std::vector<std::tuple<std::int64_t, std::int64_t>>{{3, 3}, {7, 3}, {2, 2}, {6, 2}, {10, 2}});
    }

    db.execute(ctsql::drop_all<schema>());
}

}  // namespace dcase
