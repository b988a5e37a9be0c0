// sqlite_connection: rows into Boost.Hana structs, matched by field name.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/define_struct.hpp>
#include <catch2/catch.hpp>

#include <ctsql/connector/hana_rows.hpp>
#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

// Fields in another order than the columns, a subset of them, a wider integer.
struct person_by_name {
    BOOST_HANA_DEFINE_STRUCT(person_by_name, (std::optional<double>, score), (std::string, name), (std::int64_t, id));
};

struct adapted {
    std::optional<std::int64_t> age;
    std::string name;
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(adapted, age, name);

namespace {

using create_people = raw_statement<raw_sql<
    "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, score REAL)">>;
using insert_person = raw_statement<raw_sql<"INSERT INTO people (name, age, score) VALUES (?1, ?2, ?3)">,
                                    type_list<parameter<"name", std::string>, parameter<"age", std::optional<std::int32_t>>,
                                              parameter<"score", std::optional<double>>>>;
using people = raw_statement<raw_sql<"SELECT id, name, age, score FROM people ORDER BY id">, type_list<>,
                             row<field<"id", std::int64_t>, field<"name", std::string>,
                                 field<"age", std::optional<std::int32_t>>, field<"score", std::optional<double>>>>;

}  // namespace

TEST_CASE("sqlite hana rows: fields are matched by name", "[sqlite][rows][hana]") {
    ctsql::sqlite_connection db;
    db.execute(create_people{});
    db.execute(insert_person{}, "ada", 36, 9.5);
    db.execute(insert_person{}, "bob", std::nullopt, std::nullopt);

    const std::vector<person_by_name> all = db.fetch_all<person_by_name>(people{});
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == 1);
    CHECK(all[0].name == "ada");
    CHECK(all[0].score == 9.5);
    CHECK(all[1].id == 2);
    CHECK_FALSE(all[1].score.has_value());

    const adapted bob = db.fetch_all<adapted>(people{}).at(1);
    CHECK(bob.name == "bob");
    CHECK_FALSE(bob.age.has_value());
    CHECK(db.fetch_one<adapted>(raw_statement<raw_sql<"SELECT name, age FROM people WHERE id = 1">, type_list<>,
                                              row<field<"name", std::string>, field<"age", std::optional<std::int32_t>>>>{})
              .age == 36);

    std::vector<std::string> names;
    for (const person_by_name& p : db.fetch<person_by_name>(people{})) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"ada", "bob"});
}
