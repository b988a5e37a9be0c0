// postgresql_connection::bulk_update: the rows COPied into a temporary table, applied by one
// UPDATE ... FROM, with the result of running them one by one (repeated keys: the last row wins
// and every row counts; missing keys count 0); every type, NULLs, failures, transactions. Below
// bulk_update_threshold rows (of a sized range) it is execute_many: the tests pass unsized ranges
// (a filter view) or enough rows to take the COPY path.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <ctsql/connector/postgresql.hpp>
#include <ctsql/ctsql.hpp>

#include "connector_test_pg.hpp"

namespace {

struct accounts_t {
    static constexpr ctsql::fixed_string sql_name = "bulk accounts";  // a name that needs quoting
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

// A floating-point unique key: -0.0 and 0.0 are the same key to the database.
struct weights_t {
    static constexpr ctsql::fixed_string sql_name = "weights";
    struct id_c : ctsql::column<weights_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct weight_c : ctsql::column<weights_t, "weight", double, ctsql::unique> {} weight;
    struct label_c : ctsql::column<weights_t, "label", std::string> {} label;
};
constexpr weights_t weights;

// Unsigned types (stored one size wider) and timestamps, keyed by an unsigned column.
struct stamps_t {
    static constexpr ctsql::fixed_string sql_name = "stamps";
    struct id_c : ctsql::column<stamps_t, "id", std::uint32_t, ctsql::primary_key> {} id;
    struct at_c : ctsql::column<stamps_t, "at", std::optional<ctsql::timestamp>> {} at;
    struct quota_c : ctsql::column<stamps_t, "quota", std::uint16_t> {} quota;
};
constexpr stamps_t stamps;

using app = ctsql::schema<accounts_t, slots_t, weights_t, stamps_t>;

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
// Keyed by the unique column instead of the primary key.
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

// A view of `rows` that is not a sized range (its end is a sentinel that iterators cannot be
// subtracted from): bulk_update takes the COPY path whatever its size.
template <class T>
class unsized_view {
public:
    using iterator = typename std::vector<T>::const_iterator;
    struct sentinel {
        iterator end;
        friend bool operator==(const iterator& it, const sentinel& s) { return it == s.end; }
    };
    explicit unsized_view(const std::vector<T>& rows) : rows_(&rows) {}
    iterator begin() const { return rows_->begin(); }
    sentinel end() const { return {rows_->end()}; }

private:
    const std::vector<T>* rows_;
};
template <class T>
unsized_view<T> unsized(const std::vector<T>& rows) {
    return unsized_view<T>(rows);
}
static_assert(std::ranges::input_range<unsized_view<int>> && !std::ranges::sized_range<unsized_view<int>>);

bool idle(ctsql::postgresql_connection& db) { return PQtransactionStatus(db.native_handle()) == PQTRANS_IDLE; }

std::int64_t total_visits(ctsql::postgresql_connection& db) {
    std::int64_t total = 0;
    for (const account& a : db.fetch_all<account>(read_accounts)) total += a.visits;
    return total;
}

}  // namespace

TEST_CASE("postgresql bulk_update: every type, NULLs set and cleared, the count", "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 4)) == 4);

    ctsql::blob bytes;
    for (int b = 0; b != 256; ++b) bytes.push_back(static_cast<std::byte>(b));
    const std::vector<account_change> changes = {
        {"one@x", std::nullopt, std::nullopt, -1.5f, std::nullopt, -7, std::nullopt, std::nullopt, 1},
        {"two@x", "héllo wörld ✓ 日本語", 1e308, 3.25f, true, 2'000'000'000, std::int16_t{-32768}, bytes, 2},
        {"three@x", "", -0.25, 0.0f, false, 0, std::int16_t{32767}, ctsql::blob{}, 3},
    };
    CHECK(db.bulk_update(update_all, unsized(changes)) == 3);
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));

    const std::vector<account> back = db.fetch_all<account>(read_accounts);
    REQUIRE(back.size() == 4);
    for (std::size_t i = 0; i != changes.size(); ++i) {
        const account_change& c = changes[i];
        INFO("row " << c.id);
        CHECK(back[i] == account{c.id, c.email, c.name, c.score, c.ratio, c.active, c.visits, c.level, c.data});
    }
    CHECK(back[3] == numbered_accounts(4, 1)[0]);  // not in the rows: untouched

    SECTION("tuples with narrower argument types and nullopt") {
        const std::vector<std::tuple<const char*, std::nullopt_t, float, float, std::optional<bool>, std::int16_t,
                                     std::int8_t, std::nullopt_t, int>>
            tuples = {{"four@x", std::nullopt, 0.5f, 2.0f, std::nullopt, std::int16_t{12}, std::int8_t{-3}, std::nullopt, 4}};
        CHECK(db.bulk_update(update_all, unsized(tuples)) == 1);
        CHECK(db.fetch_all<account>(read_accounts)[3] ==
              account{4, "four@x", std::nullopt, 0.5, 2.0f, std::nullopt, 12, -3, std::nullopt});
    }
    SECTION("keyed by a unique column; a single value per row when the statement has one parameter") {
        const std::vector<std::tuple<std::optional<std::string>, std::string>> renames = {
            {"renamed", "one@x"}, {std::nullopt, "two@x"}, {"nobody", "missing@x"}};
        CHECK(db.bulk_update(rename_by_email, unsized(renames)) == 2);
        const auto rows = db.fetch_all<account>(read_accounts);
        CHECK(rows[0].name == "renamed");
        CHECK(rows[1].name == std::nullopt);
        CHECK(rows[2].name == "");
    }
}

TEST_CASE("postgresql bulk_update: repeated keys end with the last row and count every row, missing keys count 0",
          "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 5)) == 5);

    // (visits, id): key 2 three times, key 4 twice, keys 90 and 91 missing.
    const std::vector<std::tuple<std::int32_t, std::int64_t>> rows = {{10, 2}, {11, 4}, {12, 2}, {13, 90}, {14, 2},
                                                                      {15, 4}, {16, 91}, {17, 1}};
    CHECK(db.bulk_update(update_visits, unsized(rows)) == 6);
    const auto back = db.fetch_all<account>(read_accounts);
    CHECK(back[0].visits == 17);
    CHECK(back[1].visits == 14);
    CHECK(back[2].visits == 0);
    CHECK(back[3].visits == 15);
    CHECK(back[4].visits == 0);

    // The same rows one by one give the same table and the same count.
    db.execute(ctsql::update(accounts).set(accounts.visits.to(ctsql::lit<0>)));
    CHECK(db.execute_many(update_visits, rows) == 6);
    CHECK(db.fetch_all<account>(read_accounts) == back);

    // Nothing matches: 0, nothing changed.
    CHECK(db.bulk_update(update_visits, unsized(std::vector<std::tuple<std::int32_t, std::int64_t>>{{1, 100}, {2, 200}})) == 0);
    CHECK(db.fetch_all<account>(read_accounts) == back);
}

TEST_CASE("postgresql bulk_update: a composite key, NULL values", "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    db.execute_many(ctsql::insert_into(slots).columns(slots.region, slots.code, slots.owner),
                    std::vector<std::tuple<std::int32_t, std::string, std::optional<std::string>>>{
                        {1, "a", "x"}, {1, "b", "y"}, {2, "a", std::nullopt}});
    // (owner, code, region): the statement's parameters in order.
    const std::vector<std::tuple<std::optional<std::string>, std::string, std::int32_t>> rows = {
        {std::nullopt, "a", 1}, {"z", "a", 2}, {"w", "b", 2}, {"v", "b", 1}};
    CHECK(db.bulk_update(set_owner, unsized(rows)) == 3);
    const auto back = db.fetch_all<slot>(read_slots);
    REQUIRE(back.size() == 3);
    CHECK(back[0].owner == std::nullopt);
    CHECK(back[1].owner == "v");
    CHECK(back[2].owner == "z");
}

TEST_CASE("postgresql bulk_update: 100000 rows through COPY, sized ranges on both sides of the threshold, empty ranges",
          "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 100'000)) == 100'000);

    std::vector<std::tuple<std::int32_t, std::int64_t>> rows;
    for (std::int64_t id = 1; id <= 100'000; ++id) rows.emplace_back(static_cast<std::int32_t>(id % 7), id);
    CHECK(db.bulk_update(update_visits, rows) == 100'000);
    std::int64_t expected = 0;
    for (std::int64_t id = 1; id <= 100'000; ++id) expected += id % 7;
    CHECK(total_visits(db) == expected);

    // Just below and at the threshold (execute_many, then COPY): the same results.
    const auto threshold = static_cast<std::int64_t>(ctsql::detail::postgresql_impl::bulk_update_threshold);
    for (const std::int64_t n : {threshold - 1, threshold}) {
        std::vector<std::tuple<std::int32_t, std::int64_t>> few;
        for (std::int64_t id = 1; id <= n; ++id) few.emplace_back(1000, id);
        few.emplace_back(1000, 500'000);  // missing
        CHECK(db.bulk_update(update_visits, few) == static_cast<std::uint64_t>(n));
    }

    // Empty ranges, sized and not: nothing happens, no transaction is left open.
    const std::vector<std::tuple<std::int32_t, std::int64_t>> none;
    CHECK(db.bulk_update(update_visits, none) == 0);
    CHECK(db.bulk_update(update_visits, unsized(none)) == 0);
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));
}

TEST_CASE("postgresql bulk_update: a unique violation changes nothing and throws unique_violation with the SQL",
          "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 1000)) == 1000);
    const auto before = db.fetch_all<account>(read_accounts);

    constexpr auto set_email =
        ctsql::update(accounts).set(accounts.email.to(ctsql::param<"email">)).where(accounts.id == ctsql::param<"id">);
    std::vector<std::tuple<std::string, std::int64_t>> rows;
    for (std::int64_t id = 1; id <= 500; ++id) rows.emplace_back(ctsql_conn_test::numbered("new", id) + "@x", id);
    rows.emplace_back("user900@example.org", 600);  // the email of an account not updated
    try {
        db.bulk_update(set_email, unsized(rows));
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        CHECK(e.sqlstate() == "23505");
        CHECK(e.sql() == ctsql::detail::bulk_update_apply_sql<ctsql::postgresql<>, decltype(set_email)>());
        CHECK_THAT(e.message(), Catch::Contains("duplicate key value") && Catch::Contains("user900@example.org"));
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));
    CHECK(db.ping());
    CHECK(db.fetch_all<account>(read_accounts) == before);

    // The same through the statement that handles repeated keys (account 7 twice, its last row
    // takes the email).
    rows.back() = {"user900@example.org", 7};
    try {
        db.bulk_update(set_email, unsized(rows));
        FAIL("no exception");
    } catch (const ctsql::unique_violation& e) {
        CHECK(e.sql() == ctsql::detail::bulk_update_dedupe_apply_sql<ctsql::postgresql<>, decltype(set_email)>());
        CHECK_THAT(e.message(), Catch::Contains("user900@example.org"));
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(db.fetch_all<account>(read_accounts) == before);

    // The connection is usable afterwards, for another bulk_update too.
    rows.pop_back();
    CHECK(db.bulk_update(set_email, rows) == 500);
    CHECK(db.fetch_all<account>(read_accounts)[0].email == "new1@x");
}

TEST_CASE("postgresql bulk_update: a value that cannot be encoded ends the COPY and throws conversion_error",
          "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 10'000)) == 10'000);
    const auto before = db.fetch_all<account>(read_accounts);

    std::vector<std::tuple<std::optional<std::string>, std::string>> rows;
    for (std::int64_t id = 1; id <= 10'000; ++id)
        rows.emplace_back("changed", ctsql_conn_test::numbered("user", id) + "@example.org");
    std::get<0>(rows[8'000]) = std::string("nul\0inside", 10);  // PostgreSQL text cannot hold NUL
    try {
        db.bulk_update(rename_by_email, rows);
        FAIL("no exception");
    } catch (const ctsql::conversion_error& e) {
        CHECK_THAT(e.message(), Catch::Contains("NUL"));
        CHECK(e.sql() == ctsql::detail::bulk_update_copy_sql<ctsql::postgresql<>, decltype(rename_by_email)>());
    }
    CHECK(db.transaction_depth() == 0);
    CHECK(idle(db));
    CHECK(db.fetch_all<account>(read_accounts) == before);

    std::get<0>(rows[8'000]) = "fine";
    CHECK(db.bulk_update(rename_by_email, rows) == 10'000);
    CHECK(db.fetch_all<account>(read_accounts)[8'000].name == "fine");
}

TEST_CASE("postgresql bulk_update: inside an open transaction, twice, rolled back or committed", "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, 200)) == 200);
    std::vector<std::tuple<std::int32_t, std::int64_t>> ones, twos;
    for (std::int64_t id = 1; id <= 200; ++id) {
        ones.emplace_back(1, id);
        twos.emplace_back(2, id);
    }
    {
        auto tx = db.transaction();
        CHECK(db.bulk_update(update_visits, ones) == 200);
        CHECK(db.transaction_depth() == 1);
        CHECK(total_visits(db) == 200);
        tx.rollback();
    }
    CHECK(total_visits(db) == 0);
    {
        auto tx = db.transaction();
        CHECK(db.bulk_update(update_visits, ones) == 200);
        CHECK(db.bulk_update(update_visits, unsized(twos)) == 200);  // the temporary table again
        {
            // A failing bulk_update in a nested transaction (a savepoint) leaves the outer one usable.
            auto nested = db.transaction();
            constexpr auto set_email =
                ctsql::update(accounts).set(accounts.email.to(ctsql::param<"email">)).where(accounts.id == ctsql::param<"id">);
            CHECK_THROWS_AS(db.bulk_update(set_email, unsized(std::vector<std::tuple<std::string, std::int64_t>>{
                                                          {"user2@example.org", 1}})),
                            ctsql::unique_violation);
        }
        CHECK(db.transaction_depth() == 1);
        CHECK(db.bulk_update(update_visits, unsized(ones)) == 200);
        tx.commit();
    }
    CHECK(total_visits(db) == 200);
    CHECK(idle(db));
}

TEST_CASE("postgresql bulk_update: a float key, -0.0 and 0.0 are one key", "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    db.execute_many(ctsql::insert_into(weights).columns(weights.id, weights.weight, weights.label),
                    std::vector<std::tuple<std::int64_t, double, std::string>>{{1, 0.0, "zero"}, {2, 1.5, "one and a half"}});
    constexpr auto relabel =
        ctsql::update(weights).set(weights.label.to(ctsql::param<"label">)).where(weights.weight == ctsql::param<"weight">);
    const std::vector<std::tuple<std::string, double>> rows = {{"minus zero", -0.0}, {"plus zero", 0.0}, {"none", 2.5}};
    CHECK(db.bulk_update(relabel, unsized(rows)) == 2);  // as one by one: both rows matched row 1
    constexpr auto read_labels = ctsql::select(weights.label).from(weights).order_by(weights.id);
    const auto labels = db.fetch_all<std::string>(read_labels);
    CHECK(labels == std::vector<std::string>{"plus zero", "one and a half"});
}

TEST_CASE("postgresql bulk_update: unsigned keys and values, timestamps", "[postgresql][bulk_update]") {
    ctsql_conn_test::pg_schema schema;
    auto db = schema.connect();
    db.execute(ctsql::create_all<app>());
    using namespace std::chrono;
    db.execute_many(ctsql::insert_into(stamps).columns(stamps.id, stamps.at, stamps.quota),
                    std::vector<std::tuple<std::uint32_t, std::optional<ctsql::timestamp>, std::uint16_t>>{
                        {1, std::nullopt, 1}, {4'000'000'000u, ctsql::timestamp{}, 2}, {3, std::nullopt, 3}});
    constexpr auto restamp = ctsql::update(stamps)
                                 .set(stamps.at.to(ctsql::param<"at">), stamps.quota.to(ctsql::param<"quota">))
                                 .where(stamps.id == ctsql::param<"id">);
    const ctsql::timestamp moment = sys_days{year{2100} / 12 / 31} + hours{23} + microseconds{999'999};
    const std::vector<std::tuple<std::optional<ctsql::timestamp>, std::uint16_t, std::uint32_t>> rows = {
        {moment, 65'535, 4'000'000'000u}, {std::nullopt, 0, 1}, {ctsql::timestamp{}, 7, 99}};
    CHECK(db.bulk_update(restamp, unsized(rows)) == 2);
    struct stamp {
        std::uint32_t id;
        std::optional<ctsql::timestamp> at;
        std::uint16_t quota;
    };
    const auto back = db.fetch_all<stamp>(ctsql::select(stamps.id, stamps.at, stamps.quota).from(stamps).order_by(stamps.id));
    REQUIRE(back.size() == 3);
    CHECK((back[0].at == std::nullopt && back[0].quota == 0));
    CHECK((back[1].id == 3 && back[1].at == std::nullopt && back[1].quota == 3));
    CHECK((back[2].id == 4'000'000'000u && back[2].at == moment && back[2].quota == 65'535));
}
