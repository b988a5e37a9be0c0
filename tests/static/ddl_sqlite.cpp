// Exact CREATE/DROP TABLE and INDEX text for SQLite.
#include "fixtures.hpp"

using namespace fx;
using ctsql::sql;

static_assert(sql<lite>(ctsql::create_table(users)) ==
              R"(CREATE TABLE "users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, )"
              R"("email" TEXT NOT NULL UNIQUE, "age" INTEGER, "score" REAL))");
static_assert(sql<lite>(ctsql::create_table(users).if_not_exists()).starts_with(
    R"(CREATE TABLE IF NOT EXISTS "users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, )"));

static_assert(sql<lite>(ctsql::create_table(posts)) ==
              R"(CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, )"
              R"("author_id" INTEGER NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE, )"
              R"("title" TEXT NOT NULL DEFAULT 'untitled', "published" BOOLEAN NOT NULL DEFAULT 0, )"
              R"("created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP))");

static_assert(sql<lite>(ctsql::create_table<types_t>()) ==
              R"(CREATE TABLE "types" ("i8" INTEGER NOT NULL, "u8" INTEGER NOT NULL, "i16" INTEGER NOT NULL, )"
              R"("u16" INTEGER NOT NULL, "i32" INTEGER NOT NULL, "u32" INTEGER NOT NULL, "i64" INTEGER NOT NULL, )"
              R"("u64" INTEGER NOT NULL, "b" BOOLEAN NOT NULL, "f" REAL NOT NULL, "d" REAL NOT NULL, )"
              R"("s" TEXT NOT NULL, "blob" BLOB NOT NULL, "ts" TIMESTAMP NOT NULL, "opt" TEXT))");

static_assert(sql<lite>(ctsql::create_table<groups_t>()) ==
              R"(CREATE TABLE "groups" ("org" INTEGER NOT NULL, "code" TEXT NOT NULL, "parent_code" TEXT, )"
              R"(PRIMARY KEY ("org", "code")))");

static_assert(sql<lite>(ctsql::create_table<memberships_t>()) ==
              R"(CREATE TABLE "memberships" ("user_id" INTEGER NOT NULL REFERENCES "users" ("id"), )"
              R"("org" INTEGER NOT NULL, "code" TEXT NOT NULL, "since" INTEGER NOT NULL DEFAULT -1, )"
              R"("weight" REAL NOT NULL DEFAULT 0.5, PRIMARY KEY ("user_id", "org", "code"), )"
              R"(UNIQUE ("code", "org", "user_id"), FOREIGN KEY ("org", "code") REFERENCES "groups" ("org", "code") )"
              R"(ON DELETE CASCADE ON UPDATE RESTRICT))");

static_assert(sql<lite>(ctsql::create_table<nodes_t>()) ==
              R"(CREATE TABLE "nodes" ("id" INTEGER NOT NULL PRIMARY KEY, )"
              R"("parent" INTEGER REFERENCES "nodes" ("id") ON DELETE SET NULL))");

// Identifiers are always quoted, embedded quotes doubled; literals escaped at compile time.
static_assert(sql<lite>(ctsql::create_table<quoted_t>()) ==
              R"(CREATE TABLE "order" ("select" INTEGER NOT NULL, "say ""hi""" TEXT NOT NULL DEFAULT 'it''s'))");

static_assert(sql<lite>(ctsql::drop_table(users)) == R"(DROP TABLE "users")");
static_assert(sql<lite>(ctsql::drop_table(users).if_exists()) == R"(DROP TABLE IF EXISTS "users")");
static_assert(sql<lite>(ctsql::drop_table<quoted_t>()) == R"(DROP TABLE "order")");

static_assert(sql<lite>(ctsql::create_index<users_t::by_name>()) ==
              R"(CREATE INDEX "users_by_name" ON "users" ("name"))");
static_assert(sql<lite>(ctsql::create_index<users_t::by_age_score>().if_not_exists()) ==
              R"(CREATE UNIQUE INDEX IF NOT EXISTS "users_by_age_score" ON "users" ("age", "score"))");
static_assert(sql<lite>(ctsql::create_index<posts_t::by_author>()) ==
              R"(CREATE INDEX "posts_by_author" ON "posts" ("author_id", "created_at"))");
static_assert(sql<lite>(ctsql::drop_index<users_t::by_name>()) == R"(DROP INDEX "users_by_name")");
static_assert(sql<lite>(ctsql::drop_index<users_t::by_name>().if_exists()) ==
              R"(DROP INDEX IF EXISTS "users_by_name")");

// A schema: referenced tables first whatever the declaration order, then the indexes.
static_assert(sql<lite>(ctsql::create_all<blog_schema>()) ==
              std::string_view{
                  R"(CREATE TABLE "users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, )"
                  R"("email" TEXT NOT NULL UNIQUE, "age" INTEGER, "score" REAL);)"
                  "\n"
                  R"(CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, )"
                  R"("author_id" INTEGER NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE, )"
                  R"("title" TEXT NOT NULL DEFAULT 'untitled', "published" BOOLEAN NOT NULL DEFAULT 0, )"
                  R"("created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);)"
                  "\n"
                  R"(CREATE INDEX "users_by_name" ON "users" ("name");)"
                  "\n"
                  R"(CREATE UNIQUE INDEX "users_by_age_score" ON "users" ("age", "score");)"
                  "\n"
                  R"(CREATE INDEX "posts_by_author" ON "posts" ("author_id", "created_at");)"
                  "\n"});
static_assert(sql<lite>(ctsql::drop_all<blog_schema>()) == "DROP TABLE \"posts\";\nDROP TABLE \"users\";\n");
static_assert(sql<lite>(ctsql::drop_all<blog_schema>().if_exists()) ==
              "DROP TABLE IF EXISTS \"posts\";\nDROP TABLE IF EXISTS \"users\";\n");

// The script's statements one by one.
constexpr auto& blog_statements = ctsql::statements<lite>(ctsql::create_all<blog_schema>());
static_assert(blog_statements.size() == 5);
static_assert(blog_statements[0] == sql<lite>(ctsql::create_table(users)));
static_assert(blog_statements[1] == sql<lite>(ctsql::create_table(posts)));
static_assert(blog_statements[4] == sql<lite>(ctsql::create_index<posts_t::by_author>()));

// Foreign-key order over four tables: users and groups before memberships; indexes last.
constexpr auto& full_statements = ctsql::statements<lite>(ctsql::create_all<full_schema>());
static_assert(full_statements.size() == 6);
static_assert(full_statements[4] == sql<lite>(ctsql::create_index<users_t::by_name>()));
static_assert(full_statements[5] == sql<lite>(ctsql::create_index<users_t::by_age_score>()));
static_assert(full_statements[0].starts_with(R"(CREATE TABLE "groups")"));
static_assert(full_statements[1].starts_with(R"(CREATE TABLE "users")"));
static_assert(full_statements[2].starts_with(R"(CREATE TABLE "memberships")"));
static_assert(full_statements[3].starts_with(R"(CREATE TABLE "nodes")"));
