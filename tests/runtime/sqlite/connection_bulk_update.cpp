// sqlite_connection::bulk_update: the same API as PostgreSQL's COPY-based bulk_update, here one
// prepared UPDATE per row in one transaction (execute_many): every type, NULLs, repeated and
// missing keys, a constraint failure, transactions, a database file.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace {

struct accounts_t {
    static constexpr ctsql::fixed_string sql_name = "bulk accounts";
    struct id_c : ctsql::column<accounts_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct email_c : ctsql::column<accounts_t, "email", std::string, ctsql::unique> {} email;
    struct name_c : ctsql::column<accounts_t, "name", std::optional<std::string>> {} name;
    struct score_c : ctsql::column<accounts_t, "score", std::optional<double>> {} score;
    struct ratio_c : ctsql::column<accounts_t, "ratio", float> {} ratio;
    struct active_c : ctsql::column<accounts_t, "active", std::optional<bool>> {} active;
    struct visits_c : ctsql::column<accounts_t, "visits", std::int32_t> {} visits;
    struct level_c : ctsql::column<accounts_t, "level", std::optional<std::int16_t>> {} level;
    struct data_c : ctsql::column<accounts_t, "data", std::optional<ctsql::blob>> {} data;
};
constexpr accounts_t accounts;

struct slots_t {
    static constexpr ctsql::fixed_string sql_name = "slots";
    struct region_c : ctsql::column<slots_t, "region", std::int32_t> {} region;
    struct code_c : ctsql::column<slots_t, "code", std::string> {} code;
    struct owner_c : ctsql::column<slots_t, "owner", std::optional<std::string>> {} owner;
    using constraints = ctsql::constraints<ctsql::primary_key_on<region_c, code_c>>;
};
constexpr slots_t slots;

using app = ctsql::schema<accounts_t, slots_t>;

struct account {
    std::int64_t id;
    std::string email;
    std::optional<std::string> name;
    std::optional<double> score;
    float ratio;
    std::optional<bool> active;
    std::int32_t visits;
    std::optional<std::int16_t> level;
    std::optional<ctsql::blob> data;
    bool operator==(const account&) const = default;
};

struct slot {
    std::int32_t region;
    std::string code;
    std::optional<std::string> owner;
};

// Every column but the key, by the primary key.
struct account_change {
    std::string email;
    std::optional<std::string> name;
    std::optional<double> score;
    float ratio;
    std::optional<bool> active;
    std::int32_t visits;
    std::optional<std::int16_t> level;
    std::optional<ctsql::blob> data;
    std::int64_t id;
};

constexpr auto insert_accounts =
    ctsql::insert_into(accounts).columns(accounts.id, accounts.email, accounts.name, accounts.score, accounts.ratio,
                                         accounts.active, accounts.visits, accounts.level, accounts.data);
constexpr auto update_all = ctsql::update(accounts)
                                .set(accounts.email.to(ctsql::param<"email">), accounts.name.to(ctsql::param<"name">),
                                     accounts.score.to(ctsql::param<"score">), accounts.ratio.to(ctsql::param<"ratio">),
                                     accounts.active.to(ctsql::param<"active">), accounts.visits.to(ctsql::param<"visits">),
                                     accounts.level.to(ctsql::param<"level">), accounts.data.to(ctsql::param<"data">))
                                .where(accounts.id == ctsql::param<"id">);
constexpr auto update_visits =
    ctsql::update(accounts).set(accounts.visits.to(ctsql::param<"visits">)).where(accounts.id == ctsql::param<"id">);
constexpr auto set_email =
    ctsql::update(accounts).set(accounts.email.to(ctsql::param<"email">)).where(accounts.id == ctsql::param<"id">);
constexpr auto rename_by_email =
    ctsql::update(accounts).set(accounts.name.to(ctsql::param<"name">)).where(accounts.email == ctsql::param<"email">);
constexpr auto read_accounts =
    ctsql::select(accounts.id, accounts.email, accounts.name, accounts.score, accounts.ratio, accounts.active,
                  accounts.visits, accounts.level, accounts.data)
        .from(accounts)
        .order_by(accounts.id);
constexpr auto set_owner = ctsql::update(slots)
                               .set(slots.owner.to(ctsql::param<"owner">))
                               .where(slots.code == ctsql::param<"code"> && slots.region == ctsql::param<"region">);
constexpr auto read_slots = ctsql::select(slots.region, slots.code, slots.owner).from(slots).order_by(slots.region, slots.code);

std::vector<account> numbered_accounts(std::int64_t first, std::int64_t count) {
    std::vector<account> rows;
    for (std::int64_t i = first; i != first + count; ++i)
        rows.push_back({i, ctsql_conn_test::numbered("user", i) + "@example.org", ctsql_conn_test::numbered("user ", i),
                        static_cast<double>(i) / 2, 0.5f, i % 2 == 0, 0, std::nullopt, std::nullopt});
    return rows;
}

std::int64_t total_visits(ctsql::sqlite_connection& db) {
    std::int64_t total = 0;
    for (const account& a : db.fetch_all<account>(read_accounts)) total += a.visits;
    return total;
}

}  // namespace

TEST_CASE("sqlite bulk_update: every type, NULLs set and cleared, the count", "[sqlite][bulk_update]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 4)) == 4);

    ctsql::blob bytes;
    for (int b = 0; b != 256; ++b) bytes.push_back(static_cast<std::byte>(b));
    const std::vector<account_change> changes = {
        {"one@x", std::nullopt, std::nullopt, -1.5f, std::nullopt, -7, std::nullopt, std::nullopt, 1},
        {"two@x", "héllo wörld ✓ 日本語", 1e308, 3.25f, true, 2'000'000'000, std::int16_t{-32768}, bytes, 2},
        {"three@x", std::string("nul\0inside", 10), -0.25, 0.0f, false, 0, std::int16_t{32767}, ctsql::blob{}, 3},
    };
    CHECK(db.bulk_update(update_all, changes) == 3);
    CHECK(db.transaction_depth() == 0);

    const std::vector<account> back = db.fetch_all<account>(read_accounts);
    REQUIRE(back.size() == 4);
    for (std::size_t i = 0; i != changes.size(); ++i) {
        const account_change& c = changes[i];
        INFO("row " << c.id);
        CHECK(back[i] == account{c.id, c.email, c.name, c.score, c.ratio, c.active, c.visits, c.level, c.data});
    }
    CHECK(back[3] == numbered_accounts(4, 1)[0]);  // not in the rows: untouched

    // Tuples with narrower argument types and nullopt, in a deque.
    const std::deque<std::tuple<const char*, std::nullopt_t, float, float, std::optional<bool>, std::int16_t, std::int8_t,
                                std::nullopt_t, int>>
        tuples = {{"four@x", std::nullopt, 0.5f, 2.0f, std::nullopt, std::int16_t{12}, std::int8_t{-3}, std::nullopt, 4}};
    CHECK(db.bulk_update(update_all, tuples) == 1);
    CHECK(db.fetch_all<account>(read_accounts)[3] ==
          account{4, "four@x", std::nullopt, 0.5, 2.0f, std::nullopt, 12, -3, std::nullopt});

    // Keyed by the unique column.
    const std::vector<std::tuple<std::optional<std::string>, std::string>> renames = {
        {"renamed", "one@x"}, {std::nullopt, "two@x"}, {"nobody", "missing@x"}};
    CHECK(db.bulk_update(rename_by_email, renames) == 2);
    const auto rows = db.fetch_all<account>(read_accounts);
    CHECK(rows[0].name == "renamed");
    CHECK(rows[1].name == std::nullopt);
}

TEST_CASE("sqlite bulk_update: repeated keys end with the last row and count every row, missing keys count 0, composite keys",
          "[sqlite][bulk_update]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 5)) == 5);

    const std::vector<std::tuple<std::int32_t, std::int64_t>> rows = {{10, 2}, {11, 4}, {12, 2}, {13, 90}, {14, 2},
                                                                      {15, 4}, {16, 91}, {17, 1}};
    CHECK(db.bulk_update(update_visits, rows) == 6);
    const auto back = db.fetch_all<account>(read_accounts);
    CHECK(back[0].visits == 17);
    CHECK(back[1].visits == 14);
    CHECK(back[2].visits == 0);
    CHECK(back[3].visits == 15);
    CHECK(back[4].visits == 0);
    CHECK(db.bulk_update(update_visits, std::vector<std::tuple<std::int32_t, std::int64_t>>{{1, 100}}) == 0);

    db.execute_many(ctsql::insert_into(slots).columns(slots.region, slots.code, slots.owner),
                    std::vector<std::tuple<std::int32_t, std::string, std::optional<std::string>>>{
                        {1, "a", "x"}, {1, "b", "y"}, {2, "a", std::nullopt}});
    const std::vector<std::tuple<std::optional<std::string>, std::string, std::int32_t>> owners = {
        {std::nullopt, "a", 1}, {"z", "a", 2}, {"w", "b", 2}, {"v", "b", 1}};
    CHECK(db.bulk_update(set_owner, owners) == 3);
    const auto slots_back = db.fetch_all<slot>(read_slots);
    REQUIRE(slots_back.size() == 3);
    CHECK(slots_back[0].owner == std::nullopt);
    CHECK(slots_back[1].owner == "v");
    CHECK(slots_back[2].owner == "z");
}

TEST_CASE("sqlite bulk_update: 10000 rows in a database file, empty ranges", "[sqlite][bulk_update]") {
    ctsql_conn_test::temp_dir dir;
    ctsql::sqlite_connection db(dir.file("bulk.db"));
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 10'000)) == 10'000);
    std::vector<std::tuple<std::int32_t, std::int64_t>> rows;
    std::int64_t expected = 0;
    for (std::int64_t id = 1; id <= 10'000; ++id) {
        rows.emplace_back(static_cast<std::int32_t>(id % 7), id);
        expected += id % 7;
    }
    CHECK(db.bulk_update(update_visits, rows) == 10'000);
    CHECK(total_visits(db) == expected);

    CHECK(db.bulk_update(update_visits, std::vector<std::tuple<std::int32_t, std::int64_t>>{}) == 0);
    CHECK(db.transaction_depth() == 0);
    CHECK(total_visits(db) == expected);
}

TEST_CASE("sqlite bulk_update: a unique violation changes nothing, in or out of a transaction", "[sqlite][bulk_update]") {
    ctsql::sqlite_connection db;
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 1000)) == 1000);
    const auto before = db.fetch_all<account>(read_accounts);

    std::vector<std::tuple<std::string, std::int64_t>> rows;
    for (std::int64_t id = 1; id <= 500; ++id) rows.emplace_back(ctsql_conn_test::numbered("new", id) + "@x", id);
    rows.emplace_back("user900@example.org", 600);
    try {
        db.bulk_update(set_email, rows);
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        CHECK(e.native_code() == 2067);  // SQLITE_CONSTRAINT_UNIQUE
        CHECK(e.sql() == ctsql::sql<ctsql::sqlite<>>(set_email));
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(db.fetch_all<account>(read_accounts) == before);

    std::vector<std::tuple<std::int32_t, std::int64_t>> ones;
    for (std::int64_t id = 1; id <= 200; ++id) ones.emplace_back(1, id);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_update(update_visits, ones) == 200);
        CHECK(total_visits(db) == 200);
        tx.rollback();
    }
    CHECK(total_visits(db) == 0);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_update(update_visits, ones) == 200);
        {
            auto nested = db.transaction();
            CHECK_THROWS_AS(db.bulk_update(set_email, rows), ctsql::unique_violation);
        }
        CHECK(db.transaction_depth() == 1);
        tx.commit();
    }
    CHECK(total_visits(db) == 200);
    CHECK(db.fetch_all<account>(read_accounts)[0].email == "user1@example.org");
}
