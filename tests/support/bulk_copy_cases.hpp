// bulk_insert cases shared by the SQLite and PostgreSQL test files
// (tests/runtime/<db>/connection_bulk_copy.cpp): the same API over one prepared INSERT reused in
// one transaction (SQLite) and COPY ... FROM STDIN (FORMAT binary) (PostgreSQL). What only one
// backend has (PostgreSQL's COPY text, its encoding errors, SQLite's NUL in text) stays in its file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace bulk_case {

using ctsql::field;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

struct bulk_values_t {
    static constexpr ctsql::fixed_string sql_name = "bulk values";  // a name that needs quoting
    struct id_c : ctsql::column<bulk_values_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct small_c : ctsql::column<bulk_values_t, "small", std::optional<std::int16_t>> {} small;
    struct medium_c : ctsql::column<bulk_values_t, "medium", std::optional<std::int32_t>> {} medium;
    struct big_c : ctsql::column<bulk_values_t, "big", std::optional<std::int64_t>> {} big;
    struct flag_c : ctsql::column<bulk_values_t, "flag", std::optional<bool>> {} flag;
    struct ratio_c : ctsql::column<bulk_values_t, "ratio", std::optional<double>> {} ratio;
    struct single_c : ctsql::column<bulk_values_t, "single", std::optional<float>> {} single;
    struct note_c : ctsql::column<bulk_values_t, "note", std::optional<std::string>> {} note;
    struct data_c : ctsql::column<bulk_values_t, "data", std::optional<ctsql::blob>> {} data;
    struct at_c : ctsql::column<bulk_values_t, "at", std::optional<ctsql::timestamp>> {} at;
};
inline constexpr bulk_values_t bulk_values{};

struct items_t {
    static constexpr ctsql::fixed_string sql_name = "items";
    struct id_c : ctsql::column<items_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<items_t, "name", std::string, ctsql::unique> {} name;
    struct price_c : ctsql::column<items_t, "price", double> {} price;
    struct active_c : ctsql::column<items_t, "active", bool> {} active;
};
inline constexpr items_t items{};

struct tags_t {
    static constexpr ctsql::fixed_string sql_name = "tags";
    struct tag_c : ctsql::column<tags_t, "tag", std::string, ctsql::primary_key> {} tag;
};
inline constexpr tags_t tags{};

using app = ctsql::schema<bulk_values_t, items_t, tags_t>;

struct value_row {
    std::int64_t id;
    std::optional<std::int16_t> small;
    std::optional<std::int32_t> medium;
    std::optional<std::int64_t> big;
    std::optional<bool> flag;
    std::optional<double> ratio;
    std::optional<float> single;
    std::optional<std::string> note;
    std::optional<ctsql::blob> data;
    std::optional<ctsql::timestamp> at;
    bool operator==(const value_row&) const = default;
};

struct item {
    std::int64_t id;
    std::string name;
    double price;
    bool active;
};

using read_values = raw_statement<
    raw_sql<R"(SELECT id, small, medium, big, flag, ratio, single, note, data, at FROM "bulk values" ORDER BY id)">, type_list<>,
    row<field<"id", std::int64_t>, field<"small", std::optional<std::int16_t>>, field<"medium", std::optional<std::int32_t>>,
        field<"big", std::optional<std::int64_t>>, field<"flag", std::optional<bool>>, field<"ratio", std::optional<double>>,
        field<"single", std::optional<float>>, field<"note", std::optional<std::string>>,
        field<"data", std::optional<ctsql::blob>>, field<"at", std::optional<ctsql::timestamp>>>>;
using count_items = raw_statement<raw_sql<"SELECT count(*) FROM items">, type_list<>, row<field<"n", std::int64_t>>>;
using count_tags = raw_statement<raw_sql<"SELECT count(*) FROM tags">, type_list<>, row<field<"n", std::int64_t>>>;
using item_sums = raw_statement<raw_sql<"SELECT sum(id), sum(price), count(*) FILTER (WHERE active) FROM items">, type_list<>,
                                row<field<"ids", std::int64_t>, field<"prices", double>, field<"active", std::int64_t>>>;

inline constexpr auto insert_values = ctsql::insert_into(bulk_values)
                                          .columns(bulk_values.id, bulk_values.small, bulk_values.medium, bulk_values.big,
                                                   bulk_values.flag, bulk_values.ratio, bulk_values.single, bulk_values.note,
                                                   bulk_values.data, bulk_values.at);
inline constexpr auto insert_items = ctsql::insert_into(items).columns(items.id, items.name, items.price, items.active);
inline constexpr auto insert_tags = ctsql::insert_into(tags).columns(tags.tag);

inline std::vector<item> numbered_items(std::int64_t first, std::int64_t count) {
    std::vector<item> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = first; i != first + count; ++i)
        rows.push_back({i, ctsql_conn_test::numbered("item ", i), static_cast<double>(i) / 4, i % 3 == 0});
    return rows;
}

template <class Connection>
std::int64_t item_count(Connection& db) {
    return db.template fetch_one<std::int64_t>(count_items{});
}

// `rows` go in outside any transaction and come back equal, in order.
template <class Connection>
void check_round_trip(Connection& db, const std::vector<value_row>& rows) {
    CHECK(db.bulk_insert(insert_values, rows) == rows.size());
    CHECK(db.transaction_depth() == 0);
    const std::vector<value_row> back = db.template fetch_all<value_row>(read_values{});
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i != rows.size(); ++i) {
        INFO("row " << rows[i].id);
        CHECK(back[i] == rows[i]);
    }
}

// `count` numbered items into an empty table: every row arrives (their id and price sums and
// active count say so, not only their number).
template <class Connection>
void check_many_rows(Connection& db, std::int64_t count) {
    CHECK(db.bulk_insert(insert_items, numbered_items(1, count)) == static_cast<std::size_t>(count));
    CHECK(item_count(db) == count);
    const auto [ids, prices, active] = db.fetch_one(item_sums{});
    CHECK(ids == count * (count + 1) / 2);
    CHECK(prices == static_cast<double>(count) * static_cast<double>(count + 1) / 2 / 4);  // quarters: exact in a double
    CHECK(active == count / 3);
}

// Tuples in a range that is not a vector, one column (the elements are the values), and empty
// ranges, on a table that holds `items_before` items and no tags.
template <class Connection, class Tuple>
void check_other_ranges(Connection& db, const std::deque<Tuple>& generated, const std::vector<std::string>& tag_values,
                        std::int64_t items_before) {
    const std::int64_t items_after = items_before + static_cast<std::int64_t>(generated.size());
    CHECK(db.bulk_insert(insert_items, generated) == generated.size());
    CHECK(item_count(db) == items_after);
    CHECK(db.bulk_insert(insert_tags, tag_values) == tag_values.size());
    CHECK(db.template fetch_one<std::int64_t>(count_tags{}) == static_cast<std::int64_t>(tag_values.size()));
    CHECK(db.bulk_insert(insert_items, std::vector<item>{}) == 0);
    CHECK(db.bulk_insert(insert_items.values(), std::vector<item>{}) == 0);
    CHECK(item_count(db) == items_after);
}

// Ten items, then `count` more whose row `duplicate_at` repeats item 5's name: nothing of them is
// inserted, and the unique_violation goes to `check_error` (the backend's code and SQL).
template <class Connection, class CheckError>
void check_unique_violation_mid_stream(Connection& db, std::int64_t count, std::size_t duplicate_at, CheckError&& check_error) {
    CHECK(db.bulk_insert(insert_items, numbered_items(1, 10)) == 10);
    std::vector<item> rows = numbered_items(1000, count);
    rows[duplicate_at].name = "item 5";
    try {
        db.bulk_insert(insert_items, rows);
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        check_error(e);
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(item_count(db) == 10);
}

// `count` items from `first` inside a transaction that is rolled back: they were there, then gone.
template <class Connection>
void check_rolled_back(Connection& db, std::int64_t first, std::int64_t count) {
    const std::int64_t before = item_count(db);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_insert(insert_items, numbered_items(first, count)) == static_cast<std::size_t>(count));
        CHECK(db.transaction_depth() == 1);
        CHECK(item_count(db) == before + count);
        tx.rollback();
    }
    CHECK(item_count(db) == before);
}

}  // namespace bulk_case
