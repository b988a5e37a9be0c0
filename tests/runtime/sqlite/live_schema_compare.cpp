// ctsql::compare / compare_schema on hand-built live tables (no database): how each dialect's
// spelling of defaults is understood, and that every kind of difference is reported once.
// (The round trips through real databases are in schema_roundtrip.cpp of each runtime folder.)
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/live_schema.hpp>
#include <ctsql/ctsql.hpp>

namespace {

using strings = std::vector<std::string>;
using ctsql::fk_action;
using pg = ctsql::postgresql<>;
using lite = ctsql::sqlite<>;

struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct label_c : ctsql::column<items_t, "label", std::string, ctsql::default_value<"it's">> {} label;
    struct qty_c : ctsql::column<items_t, "qty", std::optional<std::int16_t>, ctsql::default_value<-3>> {} qty;
    struct price_c : ctsql::column<items_t, "price", float, ctsql::default_value<"-0.125">> {} price;
    struct big_c : ctsql::column<items_t, "big", double, ctsql::default_value<"1e5">> {} big;
    struct flag_c : ctsql::column<items_t, "flag", bool, ctsql::default_value<true>> {} flag;
    struct at_c : ctsql::column<items_t, "at", ctsql::timestamp, ctsql::default_now> {} at;
    struct code_c : ctsql::column<items_t, "code", std::uint16_t, ctsql::unique> {} code;
    struct parent_c : ctsql::column<items_t, "parent", std::optional<std::int64_t>,
                                    ctsql::references<items_t::id_c>::on_delete<fk_action::set_null>> {} parent;
    // the same one-column key twice: one key
    using constraints = ctsql::constraints<ctsql::unique_on<qty_c, label_c>, ctsql::unique_on<code_c>>;
    using by_label = ctsql::index<"items_by_label", label_c, qty_c>;
    using indexes = ctsql::indexes<by_label>;
};

struct other_t {
    static constexpr ctsql::fixed_string sql_name = "other";
    struct id_c : ctsql::column<other_t, "id", std::int32_t, ctsql::primary_key> {} id;
};

// items as PostgreSQL 15 reports it.
ctsql::live_table pg_items() {
    ctsql::live_table t;
    t.name = "items";
    t.columns = {
        {"id", "BIGINT", true, std::nullopt, 1, true},
        {"label", "TEXT", true, "'it''s'::text", 0, false},
        {"qty", "INTEGER", false, "'-3'::integer", 0, false},
        {"price", "REAL", true, "'-0.125'::numeric", 0, false},
        {"big", "DOUBLE PRECISION", true, "'100000'::numeric", 0, false},
        {"flag", "BOOLEAN", true, "true", 0, false},
        {"at", "TIMESTAMP WITH TIME ZONE", true, "CURRENT_TIMESTAMP", 0, false},
        {"code", "INTEGER", true, std::nullopt, 0, false},
        {"parent", "BIGINT", false, std::nullopt, 0, false},
    };
    t.columns[2].declared_type = "SMALLINT";
    t.primary_key = {"id"};
    t.unique_keys = {{"code"}, {"qty", "label"}};
    t.foreign_keys = {{{"parent"}, "items", {"id"}, fk_action::set_null, fk_action::no_action}};
    t.indexes = {{"items_by_label", {"label", "qty"}, false}};
    return t;
}

// items as SQLite reports it.
ctsql::live_table sqlite_items() {
    ctsql::live_table t = pg_items();
    for (auto& c : t.columns) {
        if (c.declared_type != "BOOLEAN" && c.declared_type != "TEXT")
            c.declared_type = c.declared_type == "REAL" || c.declared_type == "DOUBLE PRECISION" ? "REAL" : "INTEGER";
    }
    t.columns[6].declared_type = "TIMESTAMP";
    t.columns[1].default_sql = "'it''s'";
    t.columns[2].default_sql = "-3";
    t.columns[3].default_sql = "-0.125";
    t.columns[4].default_sql = "1e5";
    t.columns[5].default_sql = "1";
    t.unique_keys = {{"qty", "label"}, {"code"}};
    return t;
}

const ctsql::table_spec& items = ctsql::table_spec_of<items_t>;

}  // namespace

TEST_CASE("compare accepts each dialect's spelling of the declared table", "[compare]") {
    CHECK(ctsql::compare<pg>(items, pg_items()) == strings{});
    CHECK(ctsql::compare<lite>(items, sqlite_items()) == strings{});

    SECTION("other spellings of the same defaults") {
        auto t = pg_items();
        t.columns[2].default_sql = "('-3'::integer)";
        t.columns[3].default_sql = "(-0.125)::real";
        t.columns[4].default_sql = "100000.0";
        t.columns[6].default_sql = "now()";
        CHECK(ctsql::compare<pg>(items, t) == strings{});

        auto s = sqlite_items();
        s.columns[5].default_sql = "TRUE";
        s.columns[2].default_sql = "'-3'";  // SQLite converts it to the column's INTEGER affinity
        s.columns[4].default_sql = "100000";
        CHECK(ctsql::compare<lite>(items, s) == strings{});
    }
    SECTION("type names are compared case-insensitively") {
        auto t = pg_items();
        t.columns[4].declared_type = "double precision";
        CHECK(ctsql::compare<pg>(items, t) == strings{});
    }
}

TEST_CASE("compare reports each kind of difference", "[compare]") {
    auto t = pg_items();
    SECTION("defaults") {
        t.columns[1].default_sql = "'its'::text";
        t.columns[2].default_sql = "'-4'::integer";
        t.columns[3].default_sql = "'-0.12'::numeric";
        t.columns[5].default_sql = "false";
        t.columns[6].default_sql = std::nullopt;
        t.columns[7].default_sql = "0";
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: column label: declared DEFAULT 'it''s', database DEFAULT 'its'::text",
                       "table items: column qty: declared DEFAULT -3, database DEFAULT '-4'::integer",
                       "table items: column price: declared DEFAULT -0.125, database DEFAULT '-0.12'::numeric",
                       "table items: column flag: declared DEFAULT TRUE, database DEFAULT false",
                       "table items: column at: declared DEFAULT CURRENT_TIMESTAMP, database no default",
                       "table items: column code: declared no default, database DEFAULT 0",
                   }));
    }
    SECTION("a text default is not a number") {
        auto s = sqlite_items();
        s.columns[1].default_sql = "it''s";  // not a string literal
        CHECK(ctsql::compare<lite>(items, s) ==
              strings{"table items: column label: declared DEFAULT 'it''s', database DEFAULT it''s"});
    }
    SECTION("identity, nullability, types") {
        t.columns[0].identity_or_autoincrement = false;
        t.columns[2].not_null = true;
        t.columns[1].not_null = false;
        t.columns[7].declared_type = "SMALLINT";
        t.columns[8].identity_or_autoincrement = true;
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: column id: declared GENERATED BY DEFAULT AS IDENTITY, database column is not",
                       "table items: column label: declared NOT NULL, database allows NULL",
                       "table items: column qty: declared nullable, database NOT NULL",
                       "table items: column code: declared type INTEGER, database type SMALLINT",
                       "table items: column parent: database column is GENERATED BY DEFAULT AS IDENTITY, declared "
                       "column is not",
                   }));
    }
    SECTION("missing, extra and reordered columns") {
        t.columns.erase(t.columns.begin() + 3);                    // price
        std::swap(t.columns[0], t.columns[1]);                      // label, id, ...
        t.columns.push_back({"extra", "TEXT", false, std::nullopt, 0, false});
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: column price: declared, missing in database",
                       "table items: column extra: in database, not declared",
                       "table items: columns in a different order: declared (id, label, qty, big, flag, at, code, "
                       "parent), database (label, id, qty, big, flag, at, code, parent)",
                   }));
    }
    SECTION("keys") {
        t.primary_key = {"id", "code"};
        t.unique_keys = {{"label", "qty"}, {"code"}, {"code"}};
        t.foreign_keys[0].on_delete = fk_action::cascade;
        t.foreign_keys[0].on_update = fk_action::restrict;
        t.foreign_keys.push_back({{"code"}, "other", {"id"}, fk_action::no_action, fk_action::set_default});
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: primary key: declared (id), database (id, code)",
                       "table items: unique key (qty, label): declared, missing in database",
                       "table items: unique key (label, qty): in database, not declared",
                       "table items: foreign key (parent) references items (id): declared ON DELETE SET NULL, "
                       "database ON DELETE CASCADE",
                       "table items: foreign key (parent) references items (id): declared ON UPDATE NO ACTION, "
                       "database ON UPDATE RESTRICT",
                       "table items: foreign key (code) references other (id): in database, not declared",
                   }));
    }
    SECTION("a foreign key to other columns is another foreign key") {
        t.foreign_keys[0].target_columns = {"code"};
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: foreign key (parent) references items (id): declared, missing in database",
                       "table items: foreign key (parent) references items (code): in database, not declared",
                   }));
    }
    SECTION("indexes") {
        t.indexes[0].unique = true;
        t.indexes.push_back({"items_extra", {"code"}, false});
        CHECK_THAT(ctsql::compare<pg>(items, t),
                   Catch::Matchers::UnorderedEquals(strings{
                       "table items: index items_by_label: declared not unique, database index is UNIQUE",
                       "table items: index items_extra: in database, not declared",
                   }));
        t.indexes.clear();
        CHECK(ctsql::compare<pg>(items, t) ==
              strings{"table items: index items_by_label: declared, missing in database"});
    }
    SECTION("table name") {
        t.name = "Items";
        CHECK(ctsql::compare<pg>(items, t) == strings{"table items: the database table is named Items"});
    }
}

TEST_CASE("compare_schema reports missing and extra tables", "[compare]") {
    using schema = ctsql::schema<items_t, other_t>;
    REQUIRE(ctsql::schema_table_specs<schema>.size() == 2);
    CHECK(ctsql::schema_table_specs<schema>[0] == &ctsql::table_spec_of<items_t>);

    ctsql::live_table other{"other", {{"id", "INTEGER", true, std::nullopt, 1, false}}, {"id"}, {}, {}, {}};
    ctsql::live_table stray{"stray", {{"x", "TEXT", false, std::nullopt, 0, false}}, {}, {}, {}, {}};
    const std::vector<ctsql::live_table> complete{pg_items(), other};
    CHECK(ctsql::compare_schema<pg, schema>(complete) == strings{});

    const std::vector<ctsql::live_table> partial{stray, other};
    CHECK(ctsql::compare_schema<pg, schema>(partial) ==
          strings{"table items: declared, missing in database", "table stray: in database, not declared"});

    other.columns[0].declared_type = "BIGINT";
    const std::vector<ctsql::live_table> differing{other};
    const std::array<const ctsql::table_spec*, 1> only_other{&ctsql::table_spec_of<other_t>};
    CHECK(ctsql::compare_schema<pg>(only_other, differing) ==
          strings{"table other: column id: declared type INTEGER, database type BIGINT"});
}
