// Runtime checks of derived tables, CTEs and recursive CTEs, shared by the SQLite and PostgreSQL
// test files (tests/runtime/{sqlite,postgresql}/query_derived.cpp): each statement runs through
// the connector on a real database seeded with the rows below, and the values read back (NULLs
// as std::optional) are the expected ones. Each run_* function gets a freshly seeded database.
//
//   d_staff  id name  boss        d_notes  id author title
//            1  ada   NULL                 1  1      n1
//            2  bo    1                    2  1      n2
//            3  cal   1                    3  2      n3
//            4  dot   2                    4  4      n4
//            5  eli   4                    5  4      n5
//            6  fay   NULL                 6  4      n6
//            7  gus   6
//
// The tree: 1 -> {2, 3}, 2 -> 4, 4 -> 5; 6 -> 7.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include <ctsql/ctsql.hpp>

namespace dcase {

using ctsql::as;
using ctsql::column;
using ctsql::count;
using ctsql::cte;
using ctsql::derived;
using ctsql::lit;
using ctsql::param;
using ctsql::recursive_cte;
using ctsql::select;

struct staff_t {
    static constexpr ctsql::fixed_string sql_name = "d_staff";
    struct id_c : column<staff_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : column<staff_t, "name", std::string> {} name;
    struct boss_c : column<staff_t, "boss", std::optional<std::int64_t>, ctsql::references<id_c>> {} boss;
};
inline constexpr staff_t staff{};

struct notes_t {
    static constexpr ctsql::fixed_string sql_name = "d_notes";
    struct id_c : column<notes_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct author_c : column<notes_t, "author", std::int64_t, ctsql::references<staff_t::id_c>> {} author;
    struct title_c : column<notes_t, "title", std::string> {} title;
};
inline constexpr notes_t notes{};

using schema = ctsql::schema<staff_t, notes_t>;

using opt_i64 = std::optional<std::int64_t>;
using ints = std::vector<std::int64_t>;
using strings = std::vector<std::string>;

// The values of one field, row by row.
template <ctsql::fixed_string Name, class Rows>
auto field_values(const Rows& rows) {
    using T = std::remove_cvref_t<decltype(rows.front().template get<Name>())>;
    std::vector<T> out;
    for (const auto& r : rows) out.push_back(r.template get<Name>());
    return out;
}

inline constexpr auto add_staff = ctsql::insert_into(staff).values(staff.id.to(param<"id">), staff.name.to(param<"name">), staff.boss.to(param<"boss">));
inline constexpr auto add_note =
    ctsql::insert_into(notes).values(notes.id.to(param<"id">), notes.author.to(param<"author">), notes.title.to(param<"title">));

template <class Connection>
void seed(Connection& db) {
    db.execute(ctsql::create_all<schema>());
    const std::tuple<std::int64_t, const char*, opt_i64> people[] = {{1, "ada", {}}, {2, "bo", 1}, {3, "cal", 1}, {4, "dot", 2},
                                                                     {5, "eli", 4},  {6, "fay", {}}, {7, "gus", 6}};
    for (const auto& [id, name, boss] : people) db.execute(add_staff, id, std::string(name), boss);
    const std::tuple<std::int64_t, std::int64_t, const char*> rows[] = {{1, 1, "n1"}, {2, 1, "n2"}, {3, 2, "n3"},
                                                                        {4, 4, "n4"}, {5, 4, "n5"}, {6, 4, "n6"}};
    for (const auto& [id, author, title] : rows) db.execute(add_note, id, author, std::string(title));
}

// ---- Derived tables ----------------------------------------------------------------------------------

// Notes per author, joined to the staff (INNER: only authors; LEFT: everyone, NULL without notes).
inline constexpr auto note_counts = derived<"note_counts">(select(notes.author, as<"n">(count())).from(notes).group_by(notes.author));
inline constexpr auto derived_counts =
    select(staff.name, note_counts.c<"n">).from(staff).join(note_counts).on(note_counts.c<"author"> == staff.id).order_by(staff.id);
inline constexpr auto derived_left =
    select(staff.id, note_counts.c<"n">).from(staff).left_join(note_counts).on(note_counts.c<"author"> == staff.id).order_by(staff.id);
// Parameters inside (the derived table's WHERE) and outside (the outer WHERE), in text order.
inline constexpr auto titled = derived<"titled">(select(notes.id, notes.author).from(notes).where(notes.title != param<"skip">));
inline constexpr auto derived_params =
    select(titled.c<"id">).from(titled).join(staff).on(staff.id == titled.c<"author">).where(staff.name == param<"who">).order_by(titled.c<"id">);

template <class Connection>
void run_derived(Connection& db) {
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(derived_counts)>,
                                 ctsql::row<ctsql::field<"name", std::string>, ctsql::field<"n", std::int64_t>>>);
    const auto counts = db.fetch_all(derived_counts);
    CHECK(field_values<"name">(counts) == strings{"ada", "bo", "dot"});
    CHECK(field_values<"n">(counts) == ints{2, 1, 3});

    static_assert(std::is_same_v<ctsql::result_row_t<decltype(derived_left)>,
                                 ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"n", opt_i64>>>);
    const auto left = db.fetch_all(derived_left);
    CHECK(field_values<"n">(left) == std::vector<opt_i64>{2, 1, std::nullopt, 3, std::nullopt, std::nullopt, std::nullopt});

    CHECK(field_values<"id">(db.fetch_all(derived_params, std::string("n5"), std::string("dot"))) == ints{4, 6});
    CHECK(field_values<"id">(db.fetch_all(derived_params, std::string("n1"), std::string("ada"))) == ints{2});
}

// ---- CTEs --------------------------------------------------------------------------------------------

// A CTE filtered with a bound parameter in its body, another one reading it, and the outer query.
inline constexpr auto busy = cte<"busy">(select(notes.author, as<"n">(count())).from(notes).group_by(notes.author).having(count() >= param<"min">));
inline constexpr auto busy_names = cte<"busy_names">(select(staff.id, staff.name, busy.c<"n">).from(staff).join(busy).on(busy.c<"author"> == staff.id));
inline constexpr auto cte_filter = select(busy_names.c<"name">, busy_names.c<"n">).from(busy_names).where(busy_names.c<"id"> != param<"not">).order_by(busy_names.c<"id">);
// A compound whose right member reads a CTE (the WITH goes before the whole compound).
inline constexpr auto cte_compound =
    ctsql::union_(select(staff.name).from(staff).where(staff.boss.is_null()), select(busy_names.c<"name">).from(busy_names)).order_by(ctsql::by<"name">);

template <class Connection>
void run_cte(Connection& db) {
    const auto two = db.fetch_all(cte_filter, std::int64_t{2}, std::int64_t{0});
    CHECK(field_values<"name">(two) == strings{"ada", "dot"});
    CHECK(field_values<"n">(two) == ints{2, 3});
    CHECK(field_values<"name">(db.fetch_all(cte_filter, std::int64_t{1}, std::int64_t{4})) == strings{"ada", "bo"});
    CHECK(field_values<"name">(db.fetch_all(cte_compound, std::int64_t{3})) == strings{"ada", "dot", "fay"});
}

// ---- Recursive CTEs ----------------------------------------------------------------------------------

// Everyone under the root given (the root at depth 0), breadth first.
inline constexpr auto reports = recursive_cte<"reports">(select(staff.id, staff.name, as<"depth">(lit<0>)).from(staff).where(staff.id == param<"root">));
inline constexpr auto reports_walk = reports.union_all(
    select(staff.id, staff.name, as<"depth">(reports.c<"depth"> + lit<1>)).from(staff).join(reports).on(staff.boss == reports.c<"id">));
inline constexpr auto tree_walk =
    select(reports_walk.c<"id">, reports_walk.c<"name">, reports_walk.c<"depth">).from(reports_walk).order_by(reports_walk.c<"depth">, reports_walk.c<"id">);

// The whole forest from its roots, bounded by a depth parameter in the recursive part.
inline constexpr auto levels = recursive_cte<"levels">(select(staff.id, as<"depth">(lit<0>)).from(staff).where(staff.boss.is_null()));
inline constexpr auto levels_walk = levels.union_all(select(staff.id, as<"depth">(levels.c<"depth"> + lit<1>))
                                                         .from(staff)
                                                         .join(levels)
                                                         .on(staff.boss == levels.c<"id">)
                                                         .where(levels.c<"depth"> < param<"max_depth">));
inline constexpr auto forest = select(levels_walk.c<"id">, levels_walk.c<"depth">).from(levels_walk).order_by(levels_walk.c<"id">);

template <class Connection>
void run_recursive(Connection& db) {
    static_assert(std::is_same_v<ctsql::result_row_t<decltype(tree_walk)>,
                                 ctsql::row<ctsql::field<"id", std::int64_t>, ctsql::field<"name", std::string>, ctsql::field<"depth", std::int64_t>>>);
    const auto from_ada = db.fetch_all(tree_walk, std::int64_t{1});
    CHECK(field_values<"id">(from_ada) == ints{1, 2, 3, 4, 5});
    CHECK(field_values<"depth">(from_ada) == ints{0, 1, 1, 2, 3});
    CHECK(field_values<"name">(from_ada) == strings{"ada", "bo", "cal", "dot", "eli"});

    const auto from_dot = db.fetch_all(tree_walk, std::int64_t{4});
    CHECK(field_values<"id">(from_dot) == ints{4, 5});
    CHECK(field_values<"depth">(from_dot) == ints{0, 1});
    CHECK(db.fetch_all(tree_walk, std::int64_t{99}).empty());

    const auto shallow = db.fetch_all(forest, std::int64_t{1});
    CHECK(field_values<"id">(shallow) == ints{1, 2, 3, 6, 7});
    CHECK(field_values<"depth">(shallow) == ints{0, 1, 1, 0, 1});
    const auto all = db.fetch_all(forest, std::int64_t{10});
    CHECK(field_values<"depth">(all) == ints{0, 1, 1, 2, 3, 0, 1});
}

}  // namespace dcase
