// postgresql_connection: rows into Boost.Hana structs, matched by field name.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/hana/define_struct.hpp>
#include <catch2/catch.hpp>

#include <ctsql/connector/hana_rows.hpp>
#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

using ctsql::field;
using ctsql::parameter;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

template <ctsql::fixed_string Text, class Parameters = type_list<>, class Row = void>
using pg = raw_statement<raw_sql<"", Text>, Parameters, Row>;

struct person_by_name {
    BOOST_HANA_DEFINE_STRUCT(person_by_name, (std::optional<double>, score), (std::string, name), (std::int64_t, id));
};

using create_people = pg<"CREATE TABLE people (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, age INTEGER, "
                         "score DOUBLE PRECISION)">;
using insert_person = pg<"INSERT INTO people (name, age, score) VALUES ($1, $2, $3)",
                         type_list<parameter<"name", std::string>, parameter<"age", std::optional<std::int32_t>>,
                                   parameter<"score", std::optional<double>>>>;
using people = pg<"SELECT id, name, age, score FROM people ORDER BY id", type_list<>,
                  row<field<"id", std::int64_t>, field<"name", std::string>, field<"age", std::optional<std::int32_t>>,
                      field<"score", std::optional<double>>>>;

}  // namespace

TEST_CASE("postgresql hana rows: fields are matched by name", "[postgresql][rows][hana]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(create_people{});
    db.execute(insert_person{}, "ada", 36, 9.5);
    db.execute(insert_person{}, "bob", std::nullopt, std::nullopt);
    const std::vector<person_by_name> all = db.fetch_all<person_by_name>(people{});
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == 1);
    CHECK(all[0].name == "ada");
    CHECK(all[0].score == 9.5);
    CHECK_FALSE(all[1].score.has_value());
    CHECK(db.fetch_one<person_by_name>(pg<"SELECT id, name, age, score FROM people WHERE id = 2", type_list<>,
                                          row<field<"id", std::int64_t>, field<"name", std::string>,
                                              field<"age", std::optional<std::int32_t>>,
                                              field<"score", std::optional<double>>>>{})
              .name == "bob");
}
