// sqlite_connection::execute_many: one prepared statement, one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

using create_hits = raw_statement<raw_sql<"CREATE TABLE hits (id INTEGER PRIMARY KEY, worker INTEGER NOT NULL, note TEXT UNIQUE)">>;
using add_hit = raw_statement<raw_sql<"INSERT INTO hits (worker, note) VALUES (?1, ?2)">,
                              type_list<parameter<"worker", std::int32_t>, parameter<"note", std::optional<std::string>>>>;
using add_worker = raw_statement<raw_sql<"INSERT INTO hits (worker) VALUES (?1)">, type_list<parameter<"worker", std::int32_t>>>;
using count_hits = raw_statement<raw_sql<"SELECT count(*) FROM hits">, type_list<>, row<field<"n", std::int64_t>>>;

struct hit {
    std::int32_t worker;
    std::optional<std::string> note;
};

}  // namespace

TEST_CASE("sqlite execute_many: structs, tuples, single values, all rows or none", "[sqlite][bulk]") {
    ctsql::sqlite_connection db;
    db.execute(create_hits{});
    std::vector<hit> hits;
    for (int i = 0; i != 10000; ++i) hits.push_back({i, ctsql_conn_test::numbered("note ", i)});
    CHECK(db.execute_many(add_hit{}, hits) == 10000);
    CHECK(db.transaction_depth() == 0);
    CHECK(db.fetch_one<std::int64_t>(count_hits{}) == 10000);

    const std::vector<std::tuple<std::int16_t, const char*>> tuples = {{1, "a"}, {2, "b"}};
    CHECK(db.execute_many(add_hit{}, tuples) == 2);
    CHECK(db.execute_many(add_worker{}, std::vector<std::int32_t>{7, 8, 9}) == 3);

    std::vector<hit> with_duplicate = {{1, "fresh 1"}, {2, "note 5"}, {3, "fresh 3"}};
    CHECK_THROWS_AS(db.execute_many(add_hit{}, with_duplicate), ctsql::unique_violation);
    CHECK(db.fetch_one<std::int64_t>(count_hits{}) == 10005);
    {
        auto tx = db.transaction();
        CHECK(db.execute_many(add_worker{}, std::vector<std::int32_t>{1}) == 1);
    }
    CHECK(db.fetch_one<std::int64_t>(count_hits{}) == 10005);
    CHECK(db.execute_many(add_worker{}, std::vector<std::int32_t>{}) == 0);
}
