// postgresql_connection::execute returns the row count in the command's tag (connection.hpp,
// affected_rows): INSERT (after the OID), UPDATE, DELETE, SELECT, MERGE; 0 for commands
// without a count.
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

template <ctsql::fixed_string Text>
using pg = ctsql::raw_statement<ctsql::raw_sql<"", Text>>;

}  // namespace

TEST_CASE("postgresql execute: the row count of every command that reports one", "[postgresql][connection]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    CHECK(db.execute(pg<"CREATE TABLE counted (id bigint PRIMARY KEY, v integer)">{}) == 0);
    CHECK(db.execute(pg<"INSERT INTO counted SELECT g, g % 3 FROM generate_series(1, 12) AS g">{}) == 12);
    CHECK(db.execute(pg<"UPDATE counted SET v = v + 1 WHERE v = 0">{}) == 4);
    CHECK(db.execute(pg<"DELETE FROM counted WHERE id > 10">{}) == 2);
    CHECK(db.execute(pg<"SELECT id FROM counted">{}) == 10);
    CHECK(db.execute(pg<"MERGE INTO counted AS t USING (SELECT 1 AS id UNION ALL SELECT 99) AS s ON t.id = s.id "
                        "WHEN MATCHED THEN UPDATE SET v = 7 WHEN NOT MATCHED THEN INSERT VALUES (s.id, 0)">{}) == 2);
    CHECK(db.execute(pg<"CREATE TABLE counted_copy AS SELECT * FROM counted">{}) == 11);
    CHECK(db.execute(pg<"UPDATE counted SET v = 0 WHERE id < 0">{}) == 0);
    CHECK(db.execute(pg<"ALTER TABLE counted ADD COLUMN note text">{}) == 0);
}
