// fetch_all_into (a caller's vector, its capacity and its elements' storage reused) checked the
// same way on SQLite and PostgreSQL: contents replaced, capacity kept, growing and shrinking
// results, strings keeping their buffers, other targets (tuples, the row type, one value),
// dynamic queries, and errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/dynamic.hpp>
#include <ctsql/ctsql.hpp>

namespace fcase {

using ctsql::column;
using ctsql::param;

struct items_t {
    static constexpr ctsql::fixed_string sql_name = "f_items";
    struct id_c : column<items_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct label_c : column<items_t, "label", std::string> {} label;
    struct weight_c : column<items_t, "weight", std::optional<double>> {} weight;
};
inline constexpr items_t items{};
using schema = ctsql::schema<items_t>;

inline constexpr auto add_item = ctsql::insert_into(items).values(items.label.to(param<"label">), items.weight.to(param<"weight">));
inline constexpr auto items_up_to = ctsql::select(items.id, items.label, items.weight)
                                        .from(items)
                                        .where(items.id <= param<"max_id">)
                                        .order_by(items.id);
inline constexpr auto labels_up_to =
    ctsql::select(items.label).from(items).where(items.id <= param<"max_id">).order_by(items.id);
inline constexpr auto all_items = ctsql::select(items.id, items.label, items.weight).from(items);

struct item {
    std::int64_t id;
    std::string label;
    std::optional<double> weight;
};

// A label long enough that std::string keeps it on the heap (no small-string buffer).
inline std::string long_label(std::int64_t i) {
    return "item number " + std::to_string(i) + " with a label longer than the small-string buffer";
}

template <class Db>
void seed(Db& db, std::int64_t n) {
    for (std::int64_t i = 1; i <= n; ++i)
        db.execute(add_item, long_label(i), i % 2 == 0 ? std::optional<double>(static_cast<double>(i) / 4) : std::nullopt);
}

inline void check_items(const std::vector<item>& rows, std::size_t n) {
    REQUIRE(rows.size() == n);
    for (std::size_t k = 0; k != n; ++k) {
        const auto i = static_cast<std::int64_t>(k + 1);
        CHECK(rows[k].id == i);
        CHECK(rows[k].label == long_label(i));
        if (i % 2 == 0) CHECK(rows[k].weight == static_cast<double>(i) / 4);
        else CHECK(!rows[k].weight.has_value());
    }
}

template <class Db>
void run_all(Db& db) {
    using D = typename Db::dialect;
    db.execute(ctsql::create_all<schema>());
    seed(db, 20);

    SECTION("the contents are replaced and the vector's capacity and strings are reused") {
        std::vector<item> rows{{99, "stale", 1.0}};
        CHECK(db.fetch_all_into(rows, items_up_to, 10) == 10);
        check_items(rows, 10);
        const item* storage = rows.data();
        const char* first_label = rows[0].label.data();
        const std::size_t capacity = rows.capacity();

        // The same size again: no new storage for the vector or its first string.
        CHECK(db.fetch_all_into(rows, items_up_to, 10) == 10);
        check_items(rows, 10);
        CHECK(rows.data() == storage);
        CHECK(rows.capacity() == capacity);
        CHECK(rows[0].label.data() == first_label);

        // Shrinking keeps the capacity and the surviving elements' strings.
        CHECK(db.fetch_all_into(rows, items_up_to, 3) == 3);
        check_items(rows, 3);
        CHECK(rows.data() == storage);
        CHECK(rows.capacity() == capacity);
        CHECK(rows[0].label.data() == first_label);

        // An empty result empties the vector, capacity kept.
        CHECK(db.fetch_all_into(rows, items_up_to, 0) == 0);
        CHECK(rows.empty());
        CHECK(rows.capacity() == capacity);

        // Growing past the capacity reads every row.
        CHECK(db.fetch_all_into(rows, items_up_to, 20) == 20);
        check_items(rows, 20);
        CHECK(rows.capacity() >= 20);
    }

    SECTION("NULL overwrites a value held by a reused element, and a value fills an empty optional") {
        std::vector<item> rows(2, item{0, "x", 7.5});
        rows[1].weight.reset();
        CHECK(db.fetch_all_into(rows, items_up_to, 2) == 2);
        check_items(rows, 2);  // row 1: NULL weight, row 2: 0.5
    }

    SECTION("the statement's row type, a tuple and a single value as element types") {
        std::vector<ctsql::result_row_t<std::remove_cvref_t<decltype(items_up_to)>>> own(30);
        CHECK(db.fetch_all_into(own, items_up_to, 4) == 4);
        REQUIRE(own.size() == 4);
        CHECK(own[3].template get<"label">() == long_label(4));
        std::vector<std::tuple<std::int64_t, std::string, std::optional<double>>> tuples;
        CHECK(db.fetch_all_into(tuples, items_up_to, 2) == 2);
        CHECK(std::get<1>(tuples[1]) == long_label(2));
        std::vector<std::string> labels{"a", "b", "c", "d", "e"};
        CHECK(db.fetch_all_into(labels, labels_up_to, 2) == 2);
        CHECK(labels == std::vector<std::string>{long_label(1), long_label(2)});
    }

    SECTION("a dynamic query") {
        std::vector<item> rows(7);
        auto q = ctsql::dynamic<D>(all_items).where(items.id <= param<"max_id">, 5).order_by(items.id);
        CHECK(db.fetch_all_into(rows, q) == 5);
        check_items(rows, 5);
        CHECK(db.fetch_all_into(rows, ctsql::dynamic<D>(all_items).where_in(items.id, {1, 2}).order_by(items.id)) == 2);
        check_items(rows, 2);
    }

    SECTION("errors: a statement failing after its first rows throws with its SQL and the database's words") {
        std::vector<item> rows;
        // SQLite: abs(INT64_MIN) is an integer overflow at the second row; PostgreSQL: 1 / 0 at
        // the third.
        using bad = ctsql::raw_statement<
            ctsql::raw_sql<"SELECT abs(-9223372036854775807 - id) FROM f_items WHERE id <= ?1 ORDER BY id",
                           "SELECT 1 / (3 - id) FROM f_items WHERE id <= $1 ORDER BY id">,
            ctsql::type_list<ctsql::parameter<"max_id", std::int64_t>>, ctsql::row<ctsql::field<"v", std::int64_t>>>;
        std::vector<std::int64_t> values{5, 6, 7, 8, 9};
        try {
            db.fetch_all_into(values, bad{}, 5);
            FAIL("no exception");
        } catch (const ctsql::database_error& e) {
            const std::string what = e.what();
            CHECK((what.find("integer overflow") != std::string::npos || what.find("division by zero") != std::string::npos));
            CHECK(what.find("f_items") != std::string::npos);
        }
        // A NULL into a field that is not std::optional.
        using weights = ctsql::raw_statement<ctsql::raw_sql<"SELECT weight FROM f_items WHERE id <= ?1 ORDER BY id",
                                                            "SELECT weight FROM f_items WHERE id <= $1 ORDER BY id">,
                                             ctsql::type_list<ctsql::parameter<"max_id", std::int64_t>>,
                                             ctsql::row<ctsql::field<"weight", double>>>;
        std::vector<double> doubles;
        CHECK_THROWS_AS(db.fetch_all_into(doubles, weights{}, 3), ctsql::conversion_error);
        // The connection and the statement are usable afterwards.
        CHECK(db.fetch_all_into(rows, items_up_to, 2) == 2);
        check_items(rows, 2);
    }
}

}  // namespace fcase
