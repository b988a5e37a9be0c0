// Runtime truth for the schema layer on SQLite: the DDL ctsql renders is executed on a real
// database, read back with PRAGMAs (ctsql::sqlite_introspect_table) and compared with the
// declaration; then the database's behaviour is checked against what the declaration promises
// (autoincrement, defaults, NOT NULL, UNIQUE, foreign keys and their actions).
// Raw sqlite3 calls; every value is bound.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <ctsql/connector/live_schema.hpp>
#include <ctsql/connector/sqlite/introspect.hpp>
#include <ctsql/ctsql.hpp>

#include "test_schema.hpp"

namespace {

using dialect = ctsql::sqlite<>;
using ctsql::fk_action;
using namespace ctsql_test;
using strings = std::vector<std::string>;

using value = std::variant<std::monostate, std::int64_t, double, std::string>;

// An in-memory database with foreign keys enforced.
class test_db {
public:
    test_db() {
        if (sqlite3_open(":memory:", &db_) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
        exec("PRAGMA foreign_keys = ON");
    }
    test_db(const test_db&) = delete;
    test_db& operator=(const test_db&) = delete;
    ~test_db() { sqlite3_close(db_); }

    sqlite3* get() const noexcept { return db_; }

    // sqlite3_exec of a script; SQLITE_OK or the extended error code (message in last_error).
    int try_exec(const char* sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
        last_error = message != nullptr ? message : "";
        sqlite3_free(message);
        return rc == SQLITE_OK ? rc : sqlite3_extended_errcode(db_);
    }
    void exec(const char* sql) {
        if (try_exec(sql) != SQLITE_OK) throw std::runtime_error("SQLite error: " + last_error + "\n  SQL: " + sql);
    }

    // One statement with bound values, run to completion: SQLITE_DONE or the extended error code.
    int run(std::string_view sql, std::initializer_list<value> params = {}) {
        rows_.clear();
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
            last_error = sqlite3_errmsg(db_);
            throw std::runtime_error("SQLite prepare failed: " + last_error + "\n  SQL: " + std::string(sql));
        }
        int position = 0;
        for (const value& v : params) {
            ++position;
            if (const auto* i = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(stmt, position, *i);
            else if (const auto* d = std::get_if<double>(&v)) sqlite3_bind_double(stmt, position, *d);
            else if (const auto* s = std::get_if<std::string>(&v))
                sqlite3_bind_text(stmt, position, s->c_str(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
            else sqlite3_bind_null(stmt, position);
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<value> row;
            for (int c = 0; c != sqlite3_column_count(stmt); ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                    case SQLITE_INTEGER: row.emplace_back(std::int64_t{sqlite3_column_int64(stmt, c)}); break;
                    case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt, c)); break;
                    case SQLITE_NULL: row.emplace_back(); break;
                    default:
                        row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                                     static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                }
            }
            rows_.push_back(std::move(row));
        }
        const int code = rc == SQLITE_DONE ? rc : sqlite3_extended_errcode(db_);
        last_error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
        return code;
    }
    // run() that must succeed; returns the rows.
    const std::vector<std::vector<value>>& rows(std::string_view sql, std::initializer_list<value> params = {}) {
        if (run(sql, params) != SQLITE_DONE)
            throw std::runtime_error("SQLite error: " + last_error + "\n  SQL: " + std::string(sql));
        return rows_;
    }
    // The single value of a one-row, one-column query.
    value one(std::string_view sql, std::initializer_list<value> params = {}) {
        const auto& r = rows(sql, params);
        if (r.size() != 1 || r[0].size() != 1) throw std::runtime_error("expected one value from: " + std::string(sql));
        return r[0][0];
    }
    std::int64_t integer(std::string_view sql, std::initializer_list<value> params = {}) {
        const value v = one(sql, params);
        if (!std::holds_alternative<std::int64_t>(v)) throw std::runtime_error("not an integer: " + std::string(sql));
        return std::get<std::int64_t>(v);
    }
    double real(std::string_view sql, std::initializer_list<value> params = {}) {
        const value v = one(sql, params);
        if (!std::holds_alternative<double>(v)) throw std::runtime_error("not a real: " + std::string(sql));
        return std::get<double>(v);
    }
    std::string text(std::string_view sql, std::initializer_list<value> params = {}) {
        const value v = one(sql, params);
        if (!std::holds_alternative<std::string>(v)) throw std::runtime_error("not a text: " + std::string(sql));
        return std::get<std::string>(v);
    }
    bool is_null(std::string_view sql, std::initializer_list<value> params = {}) {
        return std::holds_alternative<std::monostate>(one(sql, params));
    }

    std::string last_error;

private:
    sqlite3* db_ = nullptr;
    std::vector<std::vector<value>> rows_;
};

void create_test_schema(test_db& db) { db.exec(ctsql::c_str<dialect>(ctsql::create_all<test_schema>())); }

template <class Table>
ctsql::live_table introspect(test_db& db) {
    return ctsql::sqlite_introspect_table(db.get(), Table::sql_name.view());
}

template <class Table>
strings differences(test_db& db) {
    return ctsql::compare<dialect>(ctsql::table_spec_of<Table>, introspect<Table>(db));
}

strings declared_table_names() {
    strings names;
    for (const ctsql::table_spec* t : ctsql::schema_table_specs<test_schema>) names.emplace_back(t->name);
    std::sort(names.begin(), names.end());
    return names;
}

// SQLite's CURRENT_TIMESTAMP text, 'YYYY-MM-DD HH:MM:SS' (UTC).
std::chrono::sys_seconds parse_timestamp(const std::string& text) {
    if (text.size() < 19) throw std::runtime_error("not a timestamp: " + text);
    auto number = [&](std::size_t at, std::size_t length) { return std::stoi(text.substr(at, length)); };
    using namespace std::chrono;
    const sys_days date = year{number(0, 4)} / month{static_cast<unsigned>(number(5, 2))} /
                          day{static_cast<unsigned>(number(8, 2))};
    return date + hours{number(11, 2)} + minutes{number(14, 2)} + seconds{number(17, 2)};
}

bool is_recent(const std::string& timestamp) {
    const auto age = std::chrono::system_clock::now() - parse_timestamp(timestamp);
    return age > -std::chrono::seconds(5) && age < std::chrono::minutes(2);
}

void insert_account(test_db& db, const std::string& email, const std::string& region, std::int64_t code) {
    REQUIRE(db.run(R"(INSERT INTO "accounts" ("email", "region", "code") VALUES (?, ?, ?))",
                   {email, region, code}) == SQLITE_DONE);
}

}  // namespace

TEST_CASE("create_all builds every table exactly as declared", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);

    CHECK(ctsql::sqlite_table_names(db.get()) == declared_table_names());
    CHECK(differences<all_types_t>(db) == strings{});
    CHECK(differences<defaults_t>(db) == strings{});
    CHECK(differences<accounts_t>(db) == strings{});
    CHECK(differences<categories_t>(db) == strings{});
    CHECK(differences<posts_t>(db) == strings{});
    CHECK(differences<post_versions_t>(db) == strings{});
    CHECK(differences<comments_t>(db) == strings{});
    CHECK(differences<tags_t>(db) == strings{});
    CHECK(differences<quoting_t>(db) == strings{});
    CHECK(ctsql::compare_schema<dialect, test_schema>(ctsql::sqlite_introspect_schema(db.get())) == strings{});

    SECTION("column types, nullability and defaults as SQLite reports them") {
        const auto t = introspect<all_types_t>(db);
        REQUIRE(t.columns.size() == ctsql::table_spec_of<all_types_t>.columns.size());
        for (const char* name : {"i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "opt_i8", "opt_u32"})
            CHECK(t.find_column(name)->declared_type == "INTEGER");
        CHECK(t.find_column("flag")->declared_type == "BOOLEAN");
        CHECK(t.find_column("f32")->declared_type == "REAL");
        CHECK(t.find_column("f64")->declared_type == "REAL");
        CHECK(t.find_column("txt")->declared_type == "TEXT");
        CHECK(t.find_column("bin")->declared_type == "BLOB");
        CHECK(t.find_column("at")->declared_type == "TIMESTAMP");
        CHECK(t.find_column("txt")->not_null);
        CHECK_FALSE(t.find_column("opt_txt")->not_null);
        CHECK_FALSE(t.find_column("opt_at")->not_null);
        CHECK(t.columns.front().name == "id");
        CHECK(t.columns.back().name == "opt_at");

        const auto d = introspect<defaults_t>(db);
        CHECK(d.find_column("quoted")->default_sql == "'it''s'");
        CHECK(d.find_column("tricky")->default_sql == R"('O''''Neil "q" -- x; /* y */ \n ''z''')");
        CHECK(d.find_column("empty")->default_sql == "''");
        CHECK(d.find_column("negative")->default_sql == "-3");
        CHECK(d.find_column("i64_min")->default_sql == "-9223372036854775808");
        CHECK(d.find_column("real")->default_sql == "2.5");
        CHECK(d.find_column("yes")->default_sql == "1");
        CHECK(d.find_column("no")->default_sql == "0");
        CHECK(d.find_column("created_at")->default_sql == "CURRENT_TIMESTAMP");
        CHECK_FALSE(d.find_column("plain")->default_sql.has_value());
    }

    SECTION("keys, autoincrement and indexes") {
        const auto accounts = introspect<accounts_t>(db);
        CHECK(accounts.primary_key == strings{"id"});
        CHECK(accounts.find_column("id")->primary_key_position == 1);
        CHECK(accounts.find_column("id")->identity_or_autoincrement);
        CHECK_THAT(accounts.unique_keys, Catch::Matchers::UnorderedEquals(std::vector<strings>{{"email"}, {"region", "code"}}));
        REQUIRE(accounts.indexes.size() == 2);
        REQUIRE(accounts.find_index("accounts_by_name_age") != nullptr);
        CHECK(accounts.find_index("accounts_by_name_age")->columns == strings{"name", "age"});
        CHECK_FALSE(accounts.find_index("accounts_by_name_age")->unique);
        REQUIRE(accounts.find_index("accounts_by_region_name") != nullptr);
        CHECK(accounts.find_index("accounts_by_region_name")->columns == strings{"region", "name"});
        CHECK(accounts.find_index("accounts_by_region_name")->unique);

        const auto tags = introspect<tags_t>(db);
        CHECK(tags.primary_key == strings{"post", "tag"});
        CHECK(tags.find_column("post")->primary_key_position == 1);
        CHECK(tags.find_column("tag")->primary_key_position == 2);
        CHECK(tags.unique_keys == std::vector<strings>{{"tag", "post"}});
        CHECK(tags.indexes.empty());

        const auto versions = introspect<post_versions_t>(db);
        CHECK(versions.primary_key == strings{"post_id", "version"});
        CHECK_FALSE(versions.find_column("post_id")->identity_or_autoincrement);

        // an integer primary key without AUTOINCREMENT, and "AUTOINCREMENT" inside a default
        const auto categories = introspect<categories_t>(db);
        CHECK(categories.primary_key == strings{"id"});
        CHECK_FALSE(categories.find_column("id")->identity_or_autoincrement);
        CHECK(categories.unique_keys == std::vector<strings>{{"name"}});

        const auto quoting = introspect<quoting_t>(db);
        CHECK(quoting.name == "odd \"table\" name");
        CHECK(quoting.primary_key.empty());
        CHECK(quoting.unique_keys == std::vector<strings>{{"group"}});
        REQUIRE(quoting.indexes.size() == 1);
        CHECK(quoting.indexes[0] == ctsql::live_index{"idx \"odd\" value", {"value \"v\"", "group"}, false});
    }

    SECTION("foreign keys and their actions") {
        const auto posts = introspect<posts_t>(db);
        REQUIRE(posts.foreign_keys.size() == 2);
        CHECK(posts.foreign_keys[0] ==
              ctsql::live_foreign_key{{"author"}, "accounts", {"id"}, fk_action::cascade, fk_action::cascade});
        CHECK(posts.foreign_keys[1] ==
              ctsql::live_foreign_key{{"category"}, "categories", {"id"}, fk_action::restrict, fk_action::no_action});

        const auto comments = introspect<comments_t>(db);
        REQUIRE(comments.foreign_keys.size() == 2);
        CHECK(comments.foreign_keys[0] ==
              ctsql::live_foreign_key{{"reply_to"}, "comments", {"id"}, fk_action::cascade, fk_action::no_action});
        CHECK(comments.foreign_keys[1] == ctsql::live_foreign_key{{"post_id", "version"}, "post_versions",
                                                                  {"post_id", "version"}, fk_action::cascade,
                                                                  fk_action::restrict});

        const auto categories = introspect<categories_t>(db);
        REQUIRE(categories.foreign_keys.size() == 1);
        CHECK(categories.foreign_keys[0] ==
              ctsql::live_foreign_key{{"parent"}, "categories", {"id"}, fk_action::set_null, fk_action::no_action});

        const auto tags = introspect<tags_t>(db);
        REQUIRE(tags.foreign_keys.size() == 1);
        CHECK(tags.foreign_keys[0] ==
              ctsql::live_foreign_key{{"post"}, "posts", {"id"}, fk_action::cascade, fk_action::no_action});

        const auto quoting = introspect<quoting_t>(db);
        REQUIRE(quoting.foreign_keys.size() == 1);
        CHECK(quoting.foreign_keys[0] ==
              ctsql::live_foreign_key{{"select"}, "categories", {"id"}, fk_action::set_default, fk_action::no_action});
    }
}

TEST_CASE("create_all run statement by statement gives the same schema", "[sqlite][schema]") {
    test_db db;
    for (std::string_view statement : ctsql::statements<dialect>(ctsql::create_all<test_schema>()))
        REQUIRE(db.run(statement) == SQLITE_DONE);
    CHECK(ctsql::compare_schema<dialect, test_schema>(ctsql::sqlite_introspect_schema(db.get())) == strings{});
}

TEST_CASE("autoincrement assigns increasing ids and never reuses one", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);
    insert_account(db, "a@example.com", "eu", 1);
    CHECK(sqlite3_last_insert_rowid(db.get()) == 1);
    insert_account(db, "b@example.com", "us", 2);
    CHECK(sqlite3_last_insert_rowid(db.get()) == 2);
    REQUIRE(db.run(R"(DELETE FROM "accounts" WHERE "id" = ?)", {std::int64_t{2}}) == SQLITE_DONE);
    insert_account(db, "c@example.com", "asia", 3);
    CHECK(sqlite3_last_insert_rowid(db.get()) == 3);  // a plain rowid would give 2 again
    CHECK(db.integer(R"(SELECT "seq" FROM "sqlite_sequence" WHERE "name" = ?)", {std::string("accounts")}) == 3);
}

TEST_CASE("defaults are applied as declared", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);

    REQUIRE(db.run(R"(INSERT INTO "defaults" DEFAULT VALUES)") == SQLITE_DONE);
    auto col = [&](const char* name) {
        return std::string("SELECT \"") + name + "\" FROM \"defaults\"";
    };
    CHECK(db.text(col("quoted")) == "it's");
    CHECK(db.text(col("tricky")) == R"(O''Neil "q" -- x; /* y */ \n 'z')");
    CHECK(db.text(col("empty")).empty());
    CHECK(db.integer(col("negative")) == -3);
    CHECK(db.integer(col("i8_min")) == -128);
    CHECK(db.integer(col("u16_max")) == 65535);
    CHECK(db.integer(col("u32_max")) == 4294967295);
    CHECK(db.integer(col("i64_min")) == INT64_MIN);
    CHECK(db.integer(col("i64_max")) == INT64_MAX);
    CHECK(db.integer(col("zero")) == 0);
    CHECK(db.real(col("real")) == 2.5);
    CHECK(db.real(col("small_real")) == -0.125);
    CHECK(db.real(col("exponent")) == 1e5);
    CHECK(db.real(col("int_on_real")) == 3.0);
    CHECK(db.integer(col("yes")) == 1);
    CHECK(db.integer(col("no")) == 0);
    CHECK(is_recent(db.text(col("created_at"))));
    CHECK(db.integer(col("opt_int")) == 7);
    CHECK(db.text(col("opt_text")) == "x");
    CHECK(db.integer(col("opt_flag")) == 0);
    CHECK(is_recent(db.text(col("opt_at"))));
    CHECK(db.is_null(col("plain")));

    insert_account(db, "a@example.com", "eu", 1);
    const auto& row = db.rows(R"(SELECT "name", "age", "score", "active", "created_at" FROM "accounts")");
    REQUIRE(row.size() == 1);
    CHECK(std::get<std::string>(row[0][0]) == "it's");
    CHECK(std::get<std::int64_t>(row[0][1]) == -3);
    CHECK(std::get<double>(row[0][2]) == 2.5);
    CHECK(std::get<std::int64_t>(row[0][3]) == 1);
    CHECK(is_recent(std::get<std::string>(row[0][4])));
}

TEST_CASE("NOT NULL is enforced", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);
    CHECK(db.run(R"(INSERT INTO "accounts" ("email", "region", "code") VALUES (?, ?, ?))",
                 {value{}, std::string("eu"), std::int64_t{1}}) == SQLITE_CONSTRAINT_NOTNULL);
    // a default does not make NULL acceptable
    CHECK(db.run(R"(INSERT INTO "accounts" ("email", "name", "region", "code") VALUES (?, ?, ?, ?))",
                 {std::string("a@example.com"), value{}, std::string("eu"), std::int64_t{1}}) ==
          SQLITE_CONSTRAINT_NOTNULL);
    // a nullable column takes NULL
    CHECK(db.run(R"(INSERT INTO "accounts" ("email", "age", "region", "code") VALUES (?, ?, ?, ?))",
                 {std::string("a@example.com"), value{}, std::string("eu"), std::int64_t{1}}) == SQLITE_DONE);
    CHECK(db.is_null(R"(SELECT "age" FROM "accounts")"));
}

TEST_CASE("UNIQUE keys and unique indexes reject duplicates", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);
    insert_account(db, "a@example.com", "eu", 1);
    const char* insert = R"(INSERT INTO "accounts" ("email", "name", "region", "code") VALUES (?, ?, ?, ?))";
    // single-column key: email
    CHECK(db.run(insert, {std::string("a@example.com"), std::string("other"), std::string("us"), std::int64_t{9}}) ==
          SQLITE_CONSTRAINT_UNIQUE);
    // multi-column key (region, code): the pair, not each column
    CHECK(db.run(insert, {std::string("b@example.com"), std::string("other"), std::string("eu"), std::int64_t{1}}) ==
          SQLITE_CONSTRAINT_UNIQUE);
    CHECK(db.run(insert, {std::string("b@example.com"), std::string("other"), std::string("eu"), std::int64_t{2}}) ==
          SQLITE_DONE);
    // unique index (region, name)
    CHECK(db.run(insert, {std::string("c@example.com"), std::string("other"), std::string("eu"), std::int64_t{3}}) ==
          SQLITE_CONSTRAINT_UNIQUE);
    // composite primary key (post_id, version)
    REQUIRE(db.run(R"(INSERT INTO "posts" ("author", "title") VALUES (?, ?))", {std::int64_t{1}, std::string("t")}) ==
            SQLITE_DONE);
    const char* version = R"(INSERT INTO "post_versions" ("post_id", "version") VALUES (?, ?))";
    CHECK(db.run(version, {std::int64_t{1}, std::int64_t{1}}) == SQLITE_DONE);
    CHECK(db.run(version, {std::int64_t{1}, std::int64_t{2}}) == SQLITE_DONE);
    CHECK(db.run(version, {std::int64_t{1}, std::int64_t{1}}) == SQLITE_CONSTRAINT_PRIMARYKEY);
}

TEST_CASE("foreign keys reject orphans and apply their actions", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);
    insert_account(db, "a@example.com", "eu", 1);
    insert_account(db, "b@example.com", "us", 2);
    REQUIRE(db.run(R"(INSERT INTO "categories" ("id", "parent", "name") VALUES (?, ?, ?))",
                   {std::int64_t{1}, value{}, std::string("root")}) == SQLITE_DONE);
    REQUIRE(db.run(R"(INSERT INTO "categories" ("id", "parent", "name") VALUES (?, ?, ?))",
                   {std::int64_t{2}, std::int64_t{1}, std::string("child")}) == SQLITE_DONE);
    const char* post = R"(INSERT INTO "posts" ("author", "category", "title") VALUES (?, ?, ?))";
    REQUIRE(db.run(post, {std::int64_t{1}, std::int64_t{2}, std::string("first")}) == SQLITE_DONE);
    REQUIRE(db.run(post, {std::int64_t{2}, value{}, std::string("second")}) == SQLITE_DONE);
    REQUIRE(db.run(R"(INSERT INTO "post_versions" ("post_id", "version") VALUES (?, ?))",
                   {std::int64_t{1}, std::int64_t{1}}) == SQLITE_DONE);
    const char* comment = R"(INSERT INTO "comments" ("post_id", "version", "reply_to", "body") VALUES (?, ?, ?, ?))";
    REQUIRE(db.run(comment, {std::int64_t{1}, std::int64_t{1}, value{}, std::string("c1")}) == SQLITE_DONE);
    REQUIRE(db.run(comment, {std::int64_t{1}, std::int64_t{1}, std::int64_t{1}, std::string("c2")}) == SQLITE_DONE);
    REQUIRE(db.run(R"(INSERT INTO "tags" ("post", "tag") VALUES (?, ?))", {std::int64_t{1}, std::string("x")}) ==
            SQLITE_DONE);

    SECTION("orphans are rejected") {
        CHECK(db.run(post, {std::int64_t{999}, value{}, std::string("orphan")}) == SQLITE_CONSTRAINT_FOREIGNKEY);
        CHECK(db.run(post, {std::int64_t{1}, std::int64_t{999}, std::string("orphan")}) == SQLITE_CONSTRAINT_FOREIGNKEY);
        // composite key: both columns exist separately, the pair does not
        CHECK(db.run(comment, {std::int64_t{1}, std::int64_t{2}, value{}, std::string("orphan")}) ==
              SQLITE_CONSTRAINT_FOREIGNKEY);
        CHECK(db.run(comment, {std::int64_t{1}, std::int64_t{1}, std::int64_t{999}, std::string("orphan")}) ==
              SQLITE_CONSTRAINT_FOREIGNKEY);
        CHECK(db.run(R"(INSERT INTO "tags" ("post", "tag") VALUES (?, ?))", {std::int64_t{999}, std::string("x")}) ==
              SQLITE_CONSTRAINT_FOREIGNKEY);
    }
    SECTION("ON DELETE CASCADE deletes the children, through several levels") {
        REQUIRE(db.run(R"(DELETE FROM "accounts" WHERE "id" = ?)", {std::int64_t{1}}) == SQLITE_DONE);
        CHECK(db.integer(R"(SELECT count(*) FROM "posts" WHERE "author" = ?)", {std::int64_t{1}}) == 0);
        CHECK(db.integer(R"(SELECT count(*) FROM "post_versions")") == 0);
        CHECK(db.integer(R"(SELECT count(*) FROM "comments")") == 0);
        CHECK(db.integer(R"(SELECT count(*) FROM "tags")") == 0);
        CHECK(db.integer(R"(SELECT count(*) FROM "posts")") == 1);  // the other account's post stays
    }
    SECTION("self-referencing ON DELETE CASCADE") {
        REQUIRE(db.run(R"(DELETE FROM "comments" WHERE "id" = ?)", {std::int64_t{1}}) == SQLITE_DONE);
        CHECK(db.integer(R"(SELECT count(*) FROM "comments")") == 0);
    }
    SECTION("ON UPDATE CASCADE follows the new key") {
        REQUIRE(db.run(R"(UPDATE "accounts" SET "id" = ? WHERE "id" = ?)", {std::int64_t{100}, std::int64_t{1}}) ==
                SQLITE_DONE);
        CHECK(db.integer(R"(SELECT "author" FROM "posts" WHERE "title" = ?)", {std::string("first")}) == 100);
    }
    SECTION("ON DELETE RESTRICT refuses, ON DELETE SET NULL clears") {
        // SQLite runs RESTRICT as a trigger: SQLITE_CONSTRAINT_TRIGGER, "FOREIGN KEY constraint failed"
        CHECK((db.run(R"(DELETE FROM "categories" WHERE "id" = ?)", {std::int64_t{2}}) & 0xff) == SQLITE_CONSTRAINT);
        CHECK_THAT(db.last_error, Catch::Matchers::Contains("FOREIGN KEY constraint failed"));
        REQUIRE(db.run(R"(UPDATE "posts" SET "category" = NULL)") == SQLITE_DONE);
        REQUIRE(db.run(R"(DELETE FROM "categories" WHERE "id" = ?)", {std::int64_t{1}}) == SQLITE_DONE);
        CHECK(db.is_null(R"(SELECT "parent" FROM "categories" WHERE "id" = ?)", {std::int64_t{2}}));
    }
    SECTION("composite ON UPDATE RESTRICT refuses") {
        CHECK((db.run(R"(UPDATE "post_versions" SET "version" = ?)", {std::int64_t{5}}) & 0xff) == SQLITE_CONSTRAINT);
        CHECK_THAT(db.last_error, Catch::Matchers::Contains("FOREIGN KEY constraint failed"));
        CHECK(db.integer(R"(SELECT "version" FROM "post_versions")") == 1);
    }
}

TEST_CASE("drop_all leaves no tables and no indexes", "[sqlite][schema]") {
    test_db db;
    create_test_schema(db);
    insert_account(db, "a@example.com", "eu", 1);
    REQUIRE(db.run(R"(INSERT INTO "posts" ("author", "title") VALUES (?, ?))", {std::int64_t{1}, std::string("t")}) ==
            SQLITE_DONE);
    db.exec(ctsql::c_str<dialect>(ctsql::drop_all<test_schema>()));
    CHECK(ctsql::sqlite_table_names(db.get()).empty());
    CHECK(db.integer("SELECT count(*) FROM sqlite_master WHERE type = ?", {std::string("index")}) == 0);
    // and the same schema can be created again
    create_test_schema(db);
    CHECK(ctsql::compare_schema<dialect, test_schema>(ctsql::sqlite_introspect_schema(db.get())) == strings{});
}

TEST_CASE("IF NOT EXISTS makes a second CREATE a no-op and without it the second CREATE fails", "[sqlite][schema]") {
    test_db db;
    constexpr const char* guarded = ctsql::c_str<dialect>(ctsql::create_table<accounts_t>().if_not_exists());
    constexpr const char* plain = ctsql::c_str<dialect>(ctsql::create_table<accounts_t>());
    CHECK(db.try_exec(guarded) == SQLITE_OK);
    CHECK(db.try_exec(guarded) == SQLITE_OK);
    CHECK(db.try_exec(plain) == SQLITE_ERROR);
    CHECK_THAT(db.last_error, Catch::Matchers::Contains("already exists"));
    CHECK(ctsql::compare<dialect>(ctsql::table_spec_of<accounts_t>,
                                  ctsql::sqlite_introspect_table(db.get(), "accounts")) ==
          strings{"table accounts: index accounts_by_name_age: declared, missing in database",
                  "table accounts: index accounts_by_region_name: declared, missing in database"});

    constexpr const char* index = ctsql::c_str<dialect>(ctsql::create_index<accounts_t::by_name_age>());
    constexpr const char* guarded_index =
        ctsql::c_str<dialect>(ctsql::create_index<accounts_t::by_name_age>().if_not_exists());
    CHECK(db.try_exec(index) == SQLITE_OK);
    CHECK(db.try_exec(guarded_index) == SQLITE_OK);
    CHECK(db.try_exec(index) == SQLITE_ERROR);

    // a whole schema
    constexpr const char* all = ctsql::c_str<dialect>(ctsql::create_all<test_schema>().if_not_exists());
    CHECK(db.try_exec(all) == SQLITE_OK);
    CHECK(db.try_exec(all) == SQLITE_OK);
    CHECK(db.try_exec(ctsql::c_str<dialect>(ctsql::create_all<test_schema>())) == SQLITE_ERROR);
    CHECK(ctsql::compare_schema<dialect, test_schema>(ctsql::sqlite_introspect_schema(db.get())) == strings{});

    CHECK(db.try_exec(ctsql::c_str<dialect>(ctsql::drop_table<tags_t>())) == SQLITE_OK);
    CHECK(db.try_exec(ctsql::c_str<dialect>(ctsql::drop_table<tags_t>())) == SQLITE_ERROR);
    CHECK(db.try_exec(ctsql::c_str<dialect>(ctsql::drop_table<tags_t>().if_exists())) == SQLITE_OK);
}

TEST_CASE("compare reports every difference of a hand-made schema", "[sqlite][schema]") {
    test_db db;
    db.exec(R"(
        CREATE TABLE "accounts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE,
            "name" TEXT NOT NULL DEFAULT 'its', "age" TEXT DEFAULT -3, "score" REAL NOT NULL DEFAULT 2.5,
            "active" BOOLEAN DEFAULT 1, "region" TEXT NOT NULL, "code" INTEGER NOT NULL, "nickname" TEXT,
            UNIQUE ("region", "code"));
        CREATE INDEX "accounts_by_region_name" ON "accounts" ("region", "name");
        CREATE TABLE "posts" ("id" INTEGER NOT NULL, "author" INTEGER NOT NULL REFERENCES "accounts" ("id")
            ON UPDATE CASCADE, "title" TEXT NOT NULL UNIQUE, "category" INTEGER);
        CREATE INDEX "posts_by_author_title" ON "posts" ("title", "author");
        CREATE INDEX "posts_by_title" ON "posts" ("title");
        CREATE TABLE "extra" ("x" INTEGER);
    )");

    CHECK_THAT(differences<accounts_t>(db),
               Catch::Matchers::UnorderedEquals(strings{
                   "table accounts: column name: declared DEFAULT 'it''s', database DEFAULT 'its'",
                   "table accounts: column age: declared type INTEGER, database type TEXT",
                   "table accounts: column active: declared NOT NULL, database allows NULL",
                   "table accounts: column created_at: declared, missing in database",
                   "table accounts: column nickname: in database, not declared",
                   "table accounts: index accounts_by_name_age: declared, missing in database",
                   "table accounts: index accounts_by_region_name: declared UNIQUE, database index is not unique",
               }));
    CHECK_THAT(differences<posts_t>(db),
               Catch::Matchers::UnorderedEquals(strings{
                   "table posts: column id: declared AUTOINCREMENT, database column is not",
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

    const strings all = ctsql::compare_schema<dialect, test_schema>(ctsql::sqlite_introspect_schema(db.get()));
    for (const char* missing : {"tags", "comments", "post_versions", "odd \"table\" name", "categories", "defaults",
                                "all_types"})
        CHECK(std::count(all.begin(), all.end(), "table " + std::string(missing) + ": declared, missing in database") == 1);
    CHECK(std::count(all.begin(), all.end(), "table extra: in database, not declared") == 1);
    CHECK(all.size() == 7 + 1 + 7 + 8);
}

TEST_CASE("introspecting a missing table throws", "[sqlite][schema]") {
    test_db db;
    CHECK_THROWS_WITH(ctsql::sqlite_introspect_table(db.get(), "nope"), Catch::Matchers::Contains("no table named"));
}
