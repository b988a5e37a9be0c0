// Runtime truth for the schema layer on PostgreSQL: the DDL ctsql renders is executed on a real
// server, read back from pg_catalog (ctsql::postgresql_introspect_table) and compared with the
// declaration; then the server's behaviour is checked against what the declaration promises
// (identity, defaults, NOT NULL, UNIQUE, foreign keys and their actions).
// Raw libpq calls; every value is bound. Each test case works in a fresh schema of its own
// (ctsql_test::pg_test_schema), and fails if no server is reachable.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include <catch2/catch.hpp>

#include <ctsql/connector/live_schema.hpp>
#include <ctsql/connector/postgresql/introspect.hpp>
#include <ctsql/ctsql.hpp>

#include "pg_test_connection.hpp"
#include "test_schema.hpp"

namespace {

using dialect = ctsql::postgresql<>;
using ctsql::fk_action;
using ctsql_test::pg_ok;
using ctsql_test::pg_sqlstate;
using namespace ctsql_test;
using strings = std::vector<std::string>;

constexpr const char* not_null_violation = "23502";
constexpr const char* unique_violation = "23505";
constexpr const char* foreign_key_violation = "23503";
constexpr const char* duplicate_table = "42P07";
constexpr const char* undefined_table = "42P01";

// A fresh schema, plus the test schema's helpers.
struct fixture : pg_test_schema {
    void create_test_schema() const { exec(ctsql::c_str<dialect>(ctsql::create_all<test_schema>())); }

    ctsql::live_table introspect(std::string_view table) const {
        return ctsql::postgresql_introspect_table(conn(), table, schema());
    }
    template <class Table>
    ctsql::live_table introspect() const {
        return introspect(Table::sql_name.view());
    }
    template <class Table>
    strings differences() const {
        return ctsql::compare<dialect>(ctsql::table_spec_of<Table>, introspect<Table>());
    }
    template <class Schema>
    strings schema_differences() const {
        return ctsql::compare_schema<dialect, Schema>(ctsql::postgresql_introspect_schema(conn(), schema()));
    }

    // Runs a statement with bound values; the SQLSTATE, empty on success.
    std::string state(std::string_view sql, std::initializer_list<std::optional<std::string>> params = {}) const {
        const pg_result_ptr r = try_query(sql, params);
        if (pg_ok(r)) return "";
        const std::string s = pg_sqlstate(r);
        return s.empty() ? "(no SQLSTATE)" : s;
    }

    std::string insert_account(const std::string& email, const std::string& region, std::int64_t code) const {
        return *scalar(R"(INSERT INTO "accounts" ("email", "region", "code") VALUES ($1, $2, $3) RETURNING "id")",
                       {email, region, std::to_string(code)});
    }

    // Seconds between a timestamptz column's value and now (this process's clock).
    double age_seconds(const std::string& select_epoch) const {
        const double epoch = std::stod(*scalar(select_epoch));
        const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        return now - epoch;
    }
    bool is_recent(const std::string& select_epoch) const {
        const double age = age_seconds(select_epoch);
        return age > -5 && age < 120;
    }

    std::int64_t count(std::string_view sql, std::initializer_list<std::optional<std::string>> params = {}) const {
        return std::stoll(*scalar(sql, params));
    }
};

strings declared_table_names() {
    strings names;
    for (const ctsql::table_spec* t : ctsql::schema_table_specs<test_schema>) names.emplace_back(t->name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE_METHOD(fixture, "create_all builds every table exactly as declared", "[postgresql][schema]") {
    create_test_schema();

    CHECK(ctsql::postgresql_table_names(conn(), schema()) == declared_table_names());
    CHECK(differences<all_types_t>() == strings{});
    CHECK(differences<defaults_t>() == strings{});
    CHECK(differences<accounts_t>() == strings{});
    CHECK(differences<categories_t>() == strings{});
    CHECK(differences<posts_t>() == strings{});
    CHECK(differences<post_versions_t>() == strings{});
    CHECK(differences<comments_t>() == strings{});
    CHECK(differences<tags_t>() == strings{});
    CHECK(differences<quoting_t>() == strings{});
    CHECK(schema_differences<test_schema>() == strings{});

    SECTION("column types, nullability and defaults as PostgreSQL reports them") {
        const auto t = introspect<all_types_t>();
        REQUIRE(t.columns.size() == ctsql::table_spec_of<all_types_t>.columns.size());
        auto type = [&](const char* column) { return t.find_column(column)->declared_type; };
        CHECK(type("id") == "BIGINT");
        CHECK(type("i8") == "SMALLINT");
        CHECK(type("u8") == "SMALLINT");
        CHECK(type("i16") == "SMALLINT");
        CHECK(type("u16") == "INTEGER");
        CHECK(type("i32") == "INTEGER");
        CHECK(type("u32") == "BIGINT");
        CHECK(type("i64") == "BIGINT");
        CHECK(type("u64") == "BIGINT");
        CHECK(type("flag") == "BOOLEAN");
        CHECK(type("f32") == "REAL");
        CHECK(type("f64") == "DOUBLE PRECISION");
        CHECK(type("txt") == "TEXT");
        CHECK(type("bin") == "BYTEA");
        CHECK(type("at") == "TIMESTAMP WITH TIME ZONE");
        CHECK(type("opt_u32") == "BIGINT");
        CHECK(type("opt_at") == "TIMESTAMP WITH TIME ZONE");
        CHECK(t.find_column("txt")->not_null);
        CHECK_FALSE(t.find_column("opt_txt")->not_null);
        CHECK_FALSE(t.find_column("opt_bin")->not_null);
        CHECK(t.columns.front().name == "id");
        CHECK(t.columns.back().name == "opt_at");

        const auto d = introspect<defaults_t>();
        CHECK(d.find_column("id")->default_sql == std::nullopt);  // identity, not a default
        CHECK(d.find_column("quoted")->default_sql == "'it''s'::text");
        CHECK(d.find_column("tricky")->default_sql == R"('O''''Neil "q" -- x; /* y */ \n ''z'''::text)");
        CHECK(d.find_column("empty")->default_sql == "''::text");
        CHECK(d.find_column("negative")->default_sql == "'-3'::integer");
        CHECK(d.find_column("i64_min")->default_sql == "'-9223372036854775808'::bigint");
        CHECK(d.find_column("real")->default_sql == "2.5");
        CHECK(d.find_column("exponent")->default_sql == "'100000'::numeric");
        CHECK(d.find_column("yes")->default_sql == "true");
        CHECK(d.find_column("no")->default_sql == "false");
        CHECK(d.find_column("created_at")->default_sql == "CURRENT_TIMESTAMP");
        CHECK_FALSE(d.find_column("plain")->default_sql.has_value());
    }

    SECTION("keys, identity and indexes") {
        const auto accounts = introspect<accounts_t>();
        CHECK(accounts.primary_key == strings{"id"});
        CHECK(accounts.find_column("id")->primary_key_position == 1);
        CHECK(accounts.find_column("id")->identity_or_autoincrement);
        CHECK_FALSE(accounts.find_column("code")->identity_or_autoincrement);
        CHECK_THAT(accounts.unique_keys, Catch::Matchers::UnorderedEquals(std::vector<strings>{{"email"}, {"region", "code"}}));
        REQUIRE(accounts.indexes.size() == 2);
        REQUIRE(accounts.find_index("accounts_by_name_age") != nullptr);
        CHECK(accounts.find_index("accounts_by_name_age")->columns == strings{"name", "age"});
        CHECK_FALSE(accounts.find_index("accounts_by_name_age")->unique);
        REQUIRE(accounts.find_index("accounts_by_region_name") != nullptr);
        CHECK(accounts.find_index("accounts_by_region_name")->columns == strings{"region", "name"});
        CHECK(accounts.find_index("accounts_by_region_name")->unique);

        const auto tags = introspect<tags_t>();
        CHECK(tags.primary_key == strings{"post", "tag"});
        CHECK(tags.find_column("post")->primary_key_position == 1);
        CHECK(tags.find_column("tag")->primary_key_position == 2);
        CHECK(tags.unique_keys == std::vector<strings>{{"tag", "post"}});
        CHECK(tags.indexes.empty());

        const auto versions = introspect<post_versions_t>();
        CHECK(versions.primary_key == strings{"post_id", "version"});
        CHECK_FALSE(versions.find_column("post_id")->identity_or_autoincrement);

        const auto categories = introspect<categories_t>();
        CHECK(categories.primary_key == strings{"id"});
        CHECK_FALSE(categories.find_column("id")->identity_or_autoincrement);
        CHECK(categories.unique_keys == std::vector<strings>{{"name"}});

        const auto quoting = introspect<quoting_t>();
        CHECK(quoting.name == "odd \"table\" name");
        CHECK(quoting.primary_key.empty());
        CHECK(quoting.unique_keys == std::vector<strings>{{"group"}});
        REQUIRE(quoting.indexes.size() == 1);
        CHECK(quoting.indexes[0] == ctsql::live_index{"idx \"odd\" value", {"value \"v\"", "group"}, false});
    }

    SECTION("foreign keys and their actions") {
        using fk = ctsql::live_foreign_key;
        const auto posts = introspect<posts_t>();
        CHECK_THAT(posts.foreign_keys,
                   Catch::Matchers::UnorderedEquals(std::vector<fk>{
                       {{"author"}, "accounts", {"id"}, fk_action::cascade, fk_action::cascade},
                       {{"category"}, "categories", {"id"}, fk_action::restrict, fk_action::no_action}}));

        const auto comments = introspect<comments_t>();
        CHECK_THAT(comments.foreign_keys,
                   Catch::Matchers::UnorderedEquals(std::vector<fk>{
                       {{"reply_to"}, "comments", {"id"}, fk_action::cascade, fk_action::no_action},
                       {{"post_id", "version"}, "post_versions", {"post_id", "version"}, fk_action::cascade,
                        fk_action::restrict}}));

        const auto categories = introspect<categories_t>();
        CHECK(categories.foreign_keys ==
              std::vector<fk>{{{"parent"}, "categories", {"id"}, fk_action::set_null, fk_action::no_action}});

        const auto tags = introspect<tags_t>();
        CHECK(tags.foreign_keys == std::vector<fk>{{{"post"}, "posts", {"id"}, fk_action::cascade, fk_action::no_action}});

        const auto quoting = introspect<quoting_t>();
        CHECK(quoting.foreign_keys ==
              std::vector<fk>{{{"select"}, "categories", {"id"}, fk_action::set_default, fk_action::no_action}});
    }
}

TEST_CASE_METHOD(fixture, "create_all run statement by statement gives the same schema", "[postgresql][schema]") {
    for (std::string_view statement : ctsql::statements<dialect>(ctsql::create_all<test_schema>()))
        REQUIRE(state(statement).empty());
    CHECK(schema_differences<test_schema>() == strings{});
}

TEST_CASE_METHOD(fixture, "identity columns assign increasing ids", "[postgresql][schema]") {
    create_test_schema();
    CHECK(insert_account("a@example.com", "eu", 1) == "1");
    CHECK(insert_account("b@example.com", "us", 2) == "2");
    REQUIRE(state(R"(DELETE FROM "accounts" WHERE "id" = $1)", {"2"}).empty());
    CHECK(insert_account("c@example.com", "asia", 3) == "3");
    // BY DEFAULT: an explicit id is accepted too
    CHECK(*scalar(R"(INSERT INTO "accounts" ("id", "email", "region", "code") VALUES ($1, $2, $3, $4) RETURNING "id")",
                  {"42", "d@example.com", "af", "4"}) == "42");
}

TEST_CASE_METHOD(fixture, "defaults are applied as declared", "[postgresql][schema]") {
    create_test_schema();
    exec(R"(INSERT INTO "defaults" DEFAULT VALUES)");
    auto col = [&](const char* name) { return scalar(std::string("SELECT \"") + name + "\" FROM \"defaults\""); };
    CHECK(col("quoted") == "it's");
    CHECK(col("tricky") == R"(O''Neil "q" -- x; /* y */ \n 'z')");
    CHECK(col("empty") == "");
    CHECK(col("negative") == "-3");
    CHECK(col("i8_min") == "-128");
    CHECK(col("u16_max") == "65535");
    CHECK(col("u32_max") == "4294967295");
    CHECK(col("i64_min") == "-9223372036854775808");
    CHECK(col("i64_max") == "9223372036854775807");
    CHECK(col("zero") == "0");
    CHECK(col("real") == "2.5");
    CHECK(col("small_real") == "-0.125");
    CHECK(col("exponent") == "100000");
    CHECK(col("int_on_real") == "3");
    CHECK(col("yes") == "t");
    CHECK(col("no") == "f");
    CHECK(is_recent(R"(SELECT extract(epoch FROM "created_at")::float8 FROM "defaults")"));
    CHECK(col("opt_int") == "7");
    CHECK(col("opt_text") == "x");
    CHECK(col("opt_flag") == "f");
    CHECK(is_recent(R"(SELECT extract(epoch FROM "opt_at")::float8 FROM "defaults")"));
    CHECK(col("plain") == std::nullopt);

    const std::string id = insert_account("a@example.com", "eu", 1);
    const pg_result_ptr r = query(R"(SELECT "name", "age", "score", "active" FROM "accounts" WHERE "id" = $1)", {id});
    REQUIRE(PQntuples(r.get()) == 1);
    CHECK(std::string(PQgetvalue(r.get(), 0, 0)) == "it's");
    CHECK(std::string(PQgetvalue(r.get(), 0, 1)) == "-3");
    CHECK(std::string(PQgetvalue(r.get(), 0, 2)) == "2.5");
    CHECK(std::string(PQgetvalue(r.get(), 0, 3)) == "t");
    CHECK(is_recent(R"(SELECT extract(epoch FROM "created_at")::float8 FROM "accounts")"));
}

TEST_CASE_METHOD(fixture, "NOT NULL is enforced", "[postgresql][schema]") {
    create_test_schema();
    CHECK(state(R"(INSERT INTO "accounts" ("email", "region", "code") VALUES ($1, $2, $3))",
                {std::nullopt, "eu", "1"}) == not_null_violation);
    // a default does not make NULL acceptable
    CHECK(state(R"(INSERT INTO "accounts" ("email", "name", "region", "code") VALUES ($1, $2, $3, $4))",
                {"a@example.com", std::nullopt, "eu", "1"}) == not_null_violation);
    // a nullable column takes NULL
    CHECK(state(R"(INSERT INTO "accounts" ("email", "age", "region", "code") VALUES ($1, $2, $3, $4))",
                {"a@example.com", std::nullopt, "eu", "1"}) == "");
    CHECK(scalar(R"(SELECT "age" FROM "accounts")") == std::nullopt);
}

TEST_CASE_METHOD(fixture, "UNIQUE keys and unique indexes reject duplicates", "[postgresql][schema]") {
    create_test_schema();
    insert_account("a@example.com", "eu", 1);
    const char* insert = R"(INSERT INTO "accounts" ("email", "name", "region", "code") VALUES ($1, $2, $3, $4))";
    CHECK(state(insert, {"a@example.com", "other", "us", "9"}) == unique_violation);  // email
    CHECK(state(insert, {"b@example.com", "other", "eu", "1"}) == unique_violation);  // (region, code)
    CHECK(state(insert, {"b@example.com", "other", "eu", "2"}) == "");
    CHECK(state(insert, {"c@example.com", "other", "eu", "3"}) == unique_violation);  // unique index (region, name)
    REQUIRE(state(R"(INSERT INTO "posts" ("author", "title") VALUES ($1, $2))", {"1", "t"}).empty());
    const char* version = R"(INSERT INTO "post_versions" ("post_id", "version") VALUES ($1, $2))";
    CHECK(state(version, {"1", "1"}) == "");
    CHECK(state(version, {"1", "2"}) == "");
    CHECK(state(version, {"1", "1"}) == unique_violation);  // composite primary key
}

TEST_CASE_METHOD(fixture, "foreign keys reject orphans and apply their actions", "[postgresql][schema]") {
    create_test_schema();
    insert_account("a@example.com", "eu", 1);
    insert_account("b@example.com", "us", 2);
    const char* category = R"(INSERT INTO "categories" ("id", "parent", "name") VALUES ($1, $2, $3))";
    REQUIRE(state(category, {"1", std::nullopt, "root"}).empty());
    REQUIRE(state(category, {"2", "1", "child"}).empty());
    const char* post = R"(INSERT INTO "posts" ("author", "category", "title") VALUES ($1, $2, $3))";
    REQUIRE(state(post, {"1", "2", "first"}).empty());
    REQUIRE(state(post, {"2", std::nullopt, "second"}).empty());
    REQUIRE(state(R"(INSERT INTO "post_versions" ("post_id", "version") VALUES ($1, $2))", {"1", "1"}).empty());
    const char* comment = R"(INSERT INTO "comments" ("post_id", "version", "reply_to", "body") VALUES ($1, $2, $3, $4))";
    REQUIRE(state(comment, {"1", "1", std::nullopt, "c1"}).empty());
    REQUIRE(state(comment, {"1", "1", "1", "c2"}).empty());
    REQUIRE(state(R"(INSERT INTO "tags" ("post", "tag") VALUES ($1, $2))", {"1", "x"}).empty());

    SECTION("orphans are rejected") {
        CHECK(state(post, {"999", std::nullopt, "orphan"}) == foreign_key_violation);
        CHECK(state(post, {"1", "999", "orphan"}) == foreign_key_violation);
        // composite key: both columns exist separately, the pair does not
        CHECK(state(comment, {"1", "2", std::nullopt, "orphan"}) == foreign_key_violation);
        CHECK(state(comment, {"1", "1", "999", "orphan"}) == foreign_key_violation);
        CHECK(state(R"(INSERT INTO "tags" ("post", "tag") VALUES ($1, $2))", {"999", "x"}) == foreign_key_violation);
    }
    SECTION("ON DELETE CASCADE deletes the children, through several levels") {
        REQUIRE(state(R"(DELETE FROM "accounts" WHERE "id" = $1)", {"1"}).empty());
        CHECK(count(R"(SELECT count(*) FROM "posts" WHERE "author" = $1)", {"1"}) == 0);
        CHECK(count(R"(SELECT count(*) FROM "post_versions")") == 0);
        CHECK(count(R"(SELECT count(*) FROM "comments")") == 0);
        CHECK(count(R"(SELECT count(*) FROM "tags")") == 0);
        CHECK(count(R"(SELECT count(*) FROM "posts")") == 1);  // the other account's post stays
    }
    SECTION("self-referencing ON DELETE CASCADE") {
        REQUIRE(state(R"(DELETE FROM "comments" WHERE "id" = $1)", {"1"}).empty());
        CHECK(count(R"(SELECT count(*) FROM "comments")") == 0);
    }
    SECTION("ON UPDATE CASCADE follows the new key") {
        REQUIRE(state(R"(UPDATE "accounts" SET "id" = $1 WHERE "id" = $2)", {"100", "1"}).empty());
        CHECK(scalar(R"(SELECT "author" FROM "posts" WHERE "title" = $1)", {"first"}) == "100");
    }
    SECTION("ON DELETE RESTRICT refuses, ON DELETE SET NULL clears") {
        CHECK(state(R"(DELETE FROM "categories" WHERE "id" = $1)", {"2"}) == foreign_key_violation);
        REQUIRE(state(R"(UPDATE "posts" SET "category" = NULL)").empty());
        REQUIRE(state(R"(DELETE FROM "categories" WHERE "id" = $1)", {"1"}).empty());
        CHECK(scalar(R"(SELECT "parent" FROM "categories" WHERE "id" = $1)", {"2"}) == std::nullopt);
    }
    SECTION("ON DELETE SET DEFAULT falls back to the default") {
        REQUIRE(state(R"(INSERT INTO "odd ""table"" name" ("group", "select") VALUES ($1, $2))", {"7", "2"}).empty());
        REQUIRE(state(R"(UPDATE "posts" SET "category" = NULL)").empty());
        REQUIRE(state(R"(DELETE FROM "categories" WHERE "id" = $1)", {"2"}).empty());
        CHECK(scalar(R"(SELECT "select" FROM "odd ""table"" name" WHERE "group" = $1)", {"7"}) == "1");
    }
    SECTION("composite ON UPDATE RESTRICT refuses") {
        CHECK(state(R"(UPDATE "post_versions" SET "version" = $1)", {"5"}) == foreign_key_violation);
        CHECK(scalar(R"(SELECT "version" FROM "post_versions")") == "1");
    }
}

TEST_CASE_METHOD(fixture, "drop_all leaves nothing behind in the schema", "[postgresql][schema]") {
    create_test_schema();
    insert_account("a@example.com", "eu", 1);
    REQUIRE(state(R"(INSERT INTO "posts" ("author", "title") VALUES ($1, $2))", {"1", "t"}).empty());
    exec(ctsql::c_str<dialect>(ctsql::drop_all<test_schema>()));
    CHECK(ctsql::postgresql_table_names(conn(), schema()).empty());
    CHECK(count("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = $1",
                {schema()}) == 0);
    // and the same schema can be created again
    create_test_schema();
    CHECK(schema_differences<test_schema>() == strings{});
}

TEST_CASE_METHOD(fixture, "IF NOT EXISTS makes a second CREATE a no-op and without it the second CREATE fails", "[postgresql][schema]") {
    constexpr const char* guarded = ctsql::c_str<dialect>(ctsql::create_table<accounts_t>().if_not_exists());
    constexpr const char* plain = ctsql::c_str<dialect>(ctsql::create_table<accounts_t>());
    CHECK(state(guarded) == "");
    CHECK(state(guarded) == "");
    CHECK(state(plain) == duplicate_table);
    CHECK(ctsql::compare<dialect>(ctsql::table_spec_of<accounts_t>, introspect("accounts")) ==
          strings{"table accounts: index accounts_by_name_age: declared, missing in database",
                  "table accounts: index accounts_by_region_name: declared, missing in database"});

    constexpr const char* index = ctsql::c_str<dialect>(ctsql::create_index<accounts_t::by_name_age>());
    constexpr const char* guarded_index =
        ctsql::c_str<dialect>(ctsql::create_index<accounts_t::by_name_age>().if_not_exists());
    CHECK(state(index) == "");
    CHECK(state(guarded_index) == "");
    CHECK(state(index) == duplicate_table);

    constexpr const char* all = ctsql::c_str<dialect>(ctsql::create_all<test_schema>().if_not_exists());
    CHECK(pg_ok(try_exec(all)));
    CHECK(pg_ok(try_exec(all)));
    CHECK(pg_sqlstate(try_exec(ctsql::c_str<dialect>(ctsql::create_all<test_schema>()))) == duplicate_table);
    CHECK(schema_differences<test_schema>() == strings{});

    CHECK(state(ctsql::sql<dialect>(ctsql::drop_table<tags_t>())) == "");
    CHECK(state(ctsql::sql<dialect>(ctsql::drop_table<tags_t>())) == undefined_table);
    CHECK(state(ctsql::sql<dialect>(ctsql::drop_table<tags_t>().if_exists())) == "");
}

TEST_CASE_METHOD(fixture, "compare reports every difference of a hand-made schema", "[postgresql][schema]") {
    exec(R"(
        CREATE TABLE "accounts" ("id" BIGINT PRIMARY KEY, "email" TEXT NOT NULL UNIQUE,
            "name" TEXT NOT NULL DEFAULT 'its', "age" TEXT DEFAULT '-3', "score" DOUBLE PRECISION NOT NULL DEFAULT 2.5,
            "active" BOOLEAN DEFAULT TRUE, "region" TEXT NOT NULL, "code" INTEGER NOT NULL, "nickname" TEXT,
            UNIQUE ("region", "code"));
        CREATE INDEX "accounts_by_region_name" ON "accounts" ("region", "name");
        CREATE TABLE "posts" ("id" BIGINT NOT NULL, "author" BIGINT NOT NULL REFERENCES "accounts" ("id")
            ON UPDATE CASCADE, "title" TEXT NOT NULL UNIQUE, "category" INTEGER);
        CREATE INDEX "posts_by_author_title" ON "posts" ("title", "author");
        CREATE INDEX "posts_by_title" ON "posts" ("title");
        CREATE TABLE "extra" ("x" INTEGER);
    )");

    CHECK_THAT(differences<accounts_t>(),
               Catch::Matchers::UnorderedEquals(strings{
                   "table accounts: column id: declared GENERATED BY DEFAULT AS IDENTITY, database column is not",
                   "table accounts: column name: declared DEFAULT 'it''s', database DEFAULT 'its'::text",
                   "table accounts: column age: declared type INTEGER, database type TEXT",
                   "table accounts: column active: declared NOT NULL, database allows NULL",
                   "table accounts: column created_at: declared, missing in database",
                   "table accounts: column nickname: in database, not declared",
                   "table accounts: index accounts_by_name_age: declared, missing in database",
                   "table accounts: index accounts_by_region_name: declared UNIQUE, database index is not unique",
               }));
    CHECK_THAT(differences<posts_t>(),
               Catch::Matchers::UnorderedEquals(strings{
                   "table posts: column id: declared GENERATED BY DEFAULT AS IDENTITY, database column is not",
                   "table posts: columns in a different order: declared (id, author, category, title), "
                   "database (id, author, title, category)",
                   "table posts: primary key: declared (id), database none",
                   "table posts: unique key (title): in database, not declared",
                   "table posts: foreign key (author) references accounts (id): declared ON DELETE CASCADE, "
                   "database ON DELETE NO ACTION",
                   "table posts: foreign key (category) references categories (id): declared, missing in database",
                   "table posts: index posts_by_author_title: declared columns (author, title), database columns "
                   "(title, author)",
                   "table posts: index posts_by_title: in database, not declared",
               }));

    const strings all = schema_differences<test_schema>();
    for (const char* missing : {"tags", "comments", "post_versions", "odd \"table\" name", "categories", "defaults",
                                "all_types"})
        CHECK(std::count(all.begin(), all.end(), "table " + std::string(missing) + ": declared, missing in database") == 1);
    CHECK(std::count(all.begin(), all.end(), "table extra: in database, not declared") == 1);
    CHECK(all.size() == 8 + 8 + 7 + 1);
}

TEST_CASE_METHOD(fixture, "introspection is confined to the requested schema", "[postgresql][schema]") {
    create_test_schema();
    CHECK(ctsql::postgresql_table_names(conn(), "ctsql_no_such_schema").empty());
    CHECK_THROWS_WITH(ctsql::postgresql_introspect_table(conn(), "accounts", "ctsql_no_such_schema"),
                      Catch::Matchers::Contains("no table"));
    CHECK_THROWS_WITH(introspect("nope"), Catch::Matchers::Contains("no table"));
}
