// bulk_update cases shared by the SQLite and PostgreSQL test files
// (tests/runtime/<db>/connection_bulk_update.cpp): the same API over one prepared UPDATE per row
// in one transaction (SQLite) and rows COPied into a temporary table applied by one UPDATE ... FROM
// (PostgreSQL), with the result of running the rows one by one. Each case takes a Backend policy:
//   Backend::rows(r)            the range to pass (PostgreSQL: an unsized view, to take the COPY path)
//   Backend::check_at_rest(db)  no transaction left open (PostgreSQL: also the server says idle and
//                               answers a ping)
// What only one backend has (COPY's threshold and encoding errors, SQLite's NUL in text) stays in its file.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/ctsql.hpp>

#include "connector_test_support.hpp"

namespace bulk_update_case {

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
inline constexpr accounts_t accounts{};

struct slots_t {
    static constexpr ctsql::fixed_string sql_name = "slots";
    struct region_c : ctsql::column<slots_t, "region", std::int32_t> {} region;
    struct code_c : ctsql::column<slots_t, "code", std::string> {} code;
    struct owner_c : ctsql::column<slots_t, "owner", std::optional<std::string>> {} owner;
    using constraints = ctsql::constraints<ctsql::primary_key_on<region_c, code_c>>;
};
inline constexpr slots_t slots{};

// A floating-point unique key: -0.0 and 0.0 are the same key to the database.
struct weights_t {
    static constexpr ctsql::fixed_string sql_name = "weights";
    struct id_c : ctsql::column<weights_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct weight_c : ctsql::column<weights_t, "weight", double, ctsql::unique> {} weight;
    struct label_c : ctsql::column<weights_t, "label", std::string> {} label;
};
inline constexpr weights_t weights{};

// Unsigned types (stored one size wider) and timestamps, keyed by an unsigned column.
struct stamps_t {
    static constexpr ctsql::fixed_string sql_name = "stamps";
    struct id_c : ctsql::column<stamps_t, "id", std::uint32_t, ctsql::primary_key> {} id;
    struct at_c : ctsql::column<stamps_t, "at", std::optional<ctsql::timestamp>> {} at;
    struct quota_c : ctsql::column<stamps_t, "quota", std::uint16_t> {} quota;
};
inline constexpr stamps_t stamps{};

using app = ctsql::schema<accounts_t, slots_t, weights_t, stamps_t>;

// The key last: one struct is what insert_accounts and update_all bind (in their parameters'
// order) and what read_accounts reads back.
struct account {
    std::string email;
    std::optional<std::string> name;
    std::optional<double> score;
    float ratio;
    std::optional<bool> active;
    std::int32_t visits;
    std::optional<std::int16_t> level;
    std::optional<ctsql::blob> data;
    std::int64_t id;
    bool operator==(const account&) const = default;
};

struct slot {
    std::int32_t region;
    std::string code;
    std::optional<std::string> owner;
};

inline constexpr auto insert_accounts =
    ctsql::insert_into(accounts).columns(accounts.email, accounts.name, accounts.score, accounts.ratio, accounts.active,
                                         accounts.visits, accounts.level, accounts.data, accounts.id);
// Every column but the key, by the primary key.
inline constexpr auto update_all = ctsql::update(accounts)
                                       .set(accounts.email.to(ctsql::param<"email">), accounts.name.to(ctsql::param<"name">),
                                            accounts.score.to(ctsql::param<"score">), accounts.ratio.to(ctsql::param<"ratio">),
                                            accounts.active.to(ctsql::param<"active">),
                                            accounts.visits.to(ctsql::param<"visits">), accounts.level.to(ctsql::param<"level">),
                                            accounts.data.to(ctsql::param<"data">))
                                       .where(accounts.id == ctsql::param<"id">);
inline constexpr auto update_visits =
    ctsql::update(accounts).set(accounts.visits.to(ctsql::param<"visits">)).where(accounts.id == ctsql::param<"id">);
inline constexpr auto set_email =
    ctsql::update(accounts).set(accounts.email.to(ctsql::param<"email">)).where(accounts.id == ctsql::param<"id">);
// Keyed by the unique column instead of the primary key.
inline constexpr auto rename_by_email =
    ctsql::update(accounts).set(accounts.name.to(ctsql::param<"name">)).where(accounts.email == ctsql::param<"email">);
inline constexpr auto read_accounts =
    ctsql::select(accounts.email, accounts.name, accounts.score, accounts.ratio, accounts.active, accounts.visits,
                  accounts.level, accounts.data, accounts.id)
        .from(accounts)
        .order_by(accounts.id);
inline constexpr auto set_owner = ctsql::update(slots)
                                      .set(slots.owner.to(ctsql::param<"owner">))
                                      .where(slots.code == ctsql::param<"code"> && slots.region == ctsql::param<"region">);
inline constexpr auto read_slots =
    ctsql::select(slots.region, slots.code, slots.owner).from(slots).order_by(slots.region, slots.code);

// (visits, id) and (email, id): update_visits' and set_email's parameters in order.
using visits_row = std::tuple<std::int32_t, std::int64_t>;
using email_row = std::tuple<std::string, std::int64_t>;

inline std::vector<account> numbered_accounts(std::int64_t first, std::int64_t count) {
    std::vector<account> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = first; i != first + count; ++i)
        rows.push_back({ctsql_conn_test::numbered("user", i) + "@example.org", ctsql_conn_test::numbered("user ", i),
                        static_cast<double>(i) / 2, 0.5f, i % 2 == 0, 0, std::nullopt, std::nullopt, i});
    return rows;
}

// A view of a container that is not a sized range (its end is a sentinel that iterators cannot
// be subtracted from): PostgreSQL's bulk_update takes the COPY path whatever its size.
template <class Container>
class unsized_view {
public:
    using iterator = typename Container::const_iterator;
    struct sentinel {
        iterator end;
        friend bool operator==(const iterator& it, const sentinel& s) { return it == s.end; }
    };
    explicit unsized_view(const Container& rows) : rows_(&rows) {}
    iterator begin() const { return rows_->begin(); }
    sentinel end() const { return {rows_->end()}; }

private:
    const Container* rows_;
};
template <class Container>
unsized_view<Container> unsized(const Container& rows) {
    return unsized_view<Container>(rows);
}
static_assert(std::ranges::input_range<unsized_view<std::vector<int>>> && !std::ranges::sized_range<unsized_view<std::vector<int>>>);

// `count` numbered accounts into an empty table.
template <class Connection>
void seed_accounts(Connection& db, std::int64_t count) {
    REQUIRE(db.bulk_insert(insert_accounts, numbered_accounts(1, count)) == static_cast<std::uint64_t>(count));
}

template <class Connection>
std::vector<account> all_accounts(Connection& db) {
    return db.template fetch_all<account>(read_accounts);
}

template <class Connection>
std::int64_t total_visits(Connection& db) {
    std::int64_t total = 0;
    for (const account& a : all_accounts(db)) total += a.visits;
    return total;
}

// Every column type, NULLs set and cleared, on four accounts; then narrower tuple types in a
// deque, and rows keyed by a unique column with one value missing.
template <class Backend, class Connection>
void check_every_type(Connection& db) {
    seed_accounts(db, 4);
    ctsql::blob bytes;
    for (int b = 0; b != 256; ++b) bytes.push_back(static_cast<std::byte>(b));
    const std::vector<account> changes = {
        {"one@x", std::nullopt, std::nullopt, -1.5f, std::nullopt, -7, std::nullopt, std::nullopt, 1},
        {"two@x", "héllo wörld ✓ 日本語", 1e308, 3.25f, true, 2'000'000'000, std::int16_t{-32768}, bytes, 2},
        {"three@x", "", -0.25, 0.0f, false, 0, std::int16_t{32767}, ctsql::blob{}, 3},
    };
    CHECK(db.bulk_update(update_all, Backend::rows(changes)) == 3);
    Backend::check_at_rest(db);

    const std::vector<account> back = all_accounts(db);
    REQUIRE(back.size() == 4);
    for (std::size_t i = 0; i != changes.size(); ++i) {
        INFO("row " << changes[i].id);
        CHECK(back[i] == changes[i]);
    }
    CHECK(back[3] == numbered_accounts(4, 1)[0]);  // not in the rows: untouched

    SECTION("tuples with narrower argument types and nullopt, in a deque") {
        const std::deque<std::tuple<const char*, std::nullopt_t, float, float, std::optional<bool>, std::int16_t,
                                    std::int8_t, std::nullopt_t, int>>
            tuples = {{"four@x", std::nullopt, 0.5f, 2.0f, std::nullopt, std::int16_t{12}, std::int8_t{-3}, std::nullopt, 4}};
        CHECK(db.bulk_update(update_all, Backend::rows(tuples)) == 1);
        CHECK(all_accounts(db)[3] == account{"four@x", std::nullopt, 0.5, 2.0f, std::nullopt, 12, -3, std::nullopt, 4});
    }
    SECTION("keyed by a unique column; a single value per row when the statement has one parameter") {
        const std::vector<std::tuple<std::optional<std::string>, std::string>> renames = {
            {"renamed", "one@x"}, {std::nullopt, "two@x"}, {"nobody", "missing@x"}};
        CHECK(db.bulk_update(rename_by_email, Backend::rows(renames)) == 2);
        const auto rows = all_accounts(db);
        CHECK(rows[0].name == "renamed");
        CHECK(rows[1].name == std::nullopt);
        CHECK(rows[2].name == "");
    }
}

// Repeated keys end with the last row and count every row, missing keys count 0: the same table
// and count as the rows run one by one.
template <class Backend, class Connection>
void check_repeated_and_missing_keys(Connection& db) {
    seed_accounts(db, 5);
    // Key 2 three times, key 4 twice, keys 90 and 91 missing.
    const std::vector<visits_row> rows = {{10, 2}, {11, 4}, {12, 2}, {13, 90}, {14, 2}, {15, 4}, {16, 91}, {17, 1}};
    CHECK(db.bulk_update(update_visits, Backend::rows(rows)) == 6);
    const auto back = all_accounts(db);
    REQUIRE(back.size() == 5);
    CHECK(back[0].visits == 17);
    CHECK(back[1].visits == 14);
    CHECK(back[2].visits == 0);
    CHECK(back[3].visits == 15);
    CHECK(back[4].visits == 0);

    db.execute(ctsql::update(accounts).set(accounts.visits.to(ctsql::lit<0>)));
    CHECK(db.execute_many(update_visits, rows) == 6);
    CHECK(all_accounts(db) == back);

    // Nothing matches: 0, nothing changed.
    CHECK(db.bulk_update(update_visits, Backend::rows(std::vector<visits_row>{{1, 100}, {2, 200}})) == 0);
    CHECK(all_accounts(db) == back);
}

// A composite key (region, code) and NULL values.
template <class Backend, class Connection>
void check_composite_key(Connection& db) {
    db.execute_many(ctsql::insert_into(slots).columns(slots.region, slots.code, slots.owner),
                    std::vector<std::tuple<std::int32_t, std::string, std::optional<std::string>>>{
                        {1, "a", "x"}, {1, "b", "y"}, {2, "a", std::nullopt}});
    // (owner, code, region): the statement's parameters in order.
    const std::vector<std::tuple<std::optional<std::string>, std::string, std::int32_t>> rows = {
        {std::nullopt, "a", 1}, {"z", "a", 2}, {"w", "b", 2}, {"v", "b", 1}};
    CHECK(db.bulk_update(set_owner, Backend::rows(rows)) == 3);
    const auto back = db.template fetch_all<slot>(read_slots);
    REQUIRE(back.size() == 3);
    CHECK(back[0].owner == std::nullopt);
    CHECK(back[1].owner == "v");
    CHECK(back[2].owner == "z");
}

// `count` accounts all updated (a sized range), then empty ranges, sized and not: nothing happens.
template <class Backend, class Connection>
void check_many_rows(Connection& db, std::int64_t count) {
    seed_accounts(db, count);
    std::vector<visits_row> rows;
    std::int64_t expected = 0;
    for (std::int64_t id = 1; id <= count; ++id) {
        rows.emplace_back(static_cast<std::int32_t>(id % 7), id);
        expected += id % 7;
    }
    CHECK(db.bulk_update(update_visits, rows) == static_cast<std::uint64_t>(count));
    CHECK(total_visits(db) == expected);

    const std::vector<visits_row> none;
    CHECK(db.bulk_update(update_visits, none) == 0);
    CHECK(db.bulk_update(update_visits, unsized(none)) == 0);
    Backend::check_at_rest(db);
    CHECK(total_visits(db) == expected);
}

// 500 new emails then one an account not updated has: nothing changes and the unique_violation
// goes to `check_error`; again with account 7 twice (its last row takes the email) to
// `check_repeated_key_error`; the connection is usable afterwards, for another bulk_update too.
template <class Backend, class Connection, class CheckError, class CheckRepeatedKeyError>
void check_unique_violation(Connection& db, CheckError&& check_error, CheckRepeatedKeyError&& check_repeated_key_error) {
    seed_accounts(db, 1000);
    const auto before = all_accounts(db);
    std::vector<email_row> rows;
    for (std::int64_t id = 1; id <= 500; ++id) rows.emplace_back(ctsql_conn_test::numbered("new", id) + "@x", id);

    const auto check_fails_unchanged = [&](auto&& check) {
        try {
            db.bulk_update(set_email, Backend::rows(rows));
            FAIL("no exception");
        } catch (const ctsql::unique_violation& e) {
            check(e);
        }
        Backend::check_at_rest(db);
        CHECK(all_accounts(db) == before);
    };
    rows.emplace_back("user900@example.org", 600);
    check_fails_unchanged(check_error);
    rows.back() = {"user900@example.org", 7};
    check_fails_unchanged(check_repeated_key_error);

    rows.pop_back();
    CHECK(db.bulk_update(set_email, rows) == 500);
    CHECK(all_accounts(db)[0].email == "new1@x");
}

// Inside an open transaction: rolled back; then twice and after a failing bulk_update in a nested
// transaction (a savepoint, whose partial changes are undone), committed.
template <class Backend, class Connection>
void check_in_transactions(Connection& db) {
    seed_accounts(db, 1000);
    std::vector<visits_row> ones, twos;
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
        CHECK(db.bulk_update(update_visits, Backend::rows(twos)) == 200);  // PostgreSQL: the temporary table again
        {
            auto nested = db.transaction();
            std::vector<email_row> emails;
            for (std::int64_t id = 1; id <= 500; ++id) emails.emplace_back(ctsql_conn_test::numbered("new", id) + "@x", id);
            emails.emplace_back("user900@example.org", 600);
            CHECK_THROWS_AS(db.bulk_update(set_email, Backend::rows(emails)), ctsql::unique_violation);
        }
        CHECK(db.transaction_depth() == 1);
        CHECK(db.bulk_update(update_visits, Backend::rows(ones)) == 200);
        tx.commit();
    }
    Backend::check_at_rest(db);
    CHECK(total_visits(db) == 200);
    CHECK(all_accounts(db)[0].email == "user1@example.org");
}

// A float unique key: -0.0 and 0.0 are one key (as one by one: both rows match row 1).
template <class Backend, class Connection>
void check_float_key(Connection& db) {
    db.execute_many(ctsql::insert_into(weights).columns(weights.id, weights.weight, weights.label),
                    std::vector<std::tuple<std::int64_t, double, std::string>>{{1, 0.0, "zero"}, {2, 1.5, "one and a half"}});
    constexpr auto relabel =
        ctsql::update(weights).set(weights.label.to(ctsql::param<"label">)).where(weights.weight == ctsql::param<"weight">);
    const std::vector<std::tuple<std::string, double>> rows = {{"minus zero", -0.0}, {"plus zero", 0.0}, {"none", 2.5}};
    CHECK(db.bulk_update(relabel, Backend::rows(rows)) == 2);
    const auto labels = db.template fetch_all<std::string>(ctsql::select(weights.label).from(weights).order_by(weights.id));
    CHECK(labels == std::vector<std::string>{"plus zero", "one and a half"});
}

// Unsigned keys and values at their limits, timestamps and NULL timestamps.
template <class Backend, class Connection>
void check_unsigned_and_timestamps(Connection& db) {
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
    CHECK(db.bulk_update(restamp, Backend::rows(rows)) == 2);
    struct stamp {
        std::uint32_t id;
        std::optional<ctsql::timestamp> at;
        std::uint16_t quota;
    };
    const auto back =
        db.template fetch_all<stamp>(ctsql::select(stamps.id, stamps.at, stamps.quota).from(stamps).order_by(stamps.id));
    REQUIRE(back.size() == 3);
    CHECK((back[0].id == 1 && back[0].at == std::nullopt && back[0].quota == 0));
    CHECK((back[1].id == 3 && back[1].at == std::nullopt && back[1].quota == 3));
    CHECK((back[2].id == 4'000'000'000u && back[2].at == moment && back[2].quota == 65'535));
}

}  // namespace bulk_update_case
