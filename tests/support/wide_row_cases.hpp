// Rows read into aggregates of every size the row readers handle: fields bound by a structured
// binding (up to ctsql::detail::max_bound_fields, connector/aggregate_fields_of.hpp) and, above
// that, through Boost.PFR's tie; by fetch_all, fetch_all_into, fetch_one, fetch_optional and
// fetch. The same cases for both databases (only the SQL differs: PostgreSQL needs casts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include <boost/pfr/core.hpp>
#include <catch2/catch.hpp>
#include <ctsql/ctsql.hpp>

namespace wide_rows {

using ctsql::field;
using ctsql::raw_sql;
using ctsql::raw_statement;
using ctsql::row;
using ctsql::type_list;

using row_1 = row<field<"c0", std::int64_t>>;
struct wide_1 {
    std::int64_t c0;
};
using row_24 = row<field<"c0", std::int64_t>, field<"c1", std::string>, field<"c2", std::optional<double>>, field<"c3", std::int64_t>, field<"c4", std::string>, field<"c5", std::optional<double>>, field<"c6", std::int64_t>, field<"c7", std::string>, field<"c8", std::optional<double>>, field<"c9", std::int64_t>, field<"c10", std::string>, field<"c11", std::optional<double>>, field<"c12", std::int64_t>, field<"c13", std::string>, field<"c14", std::optional<double>>, field<"c15", std::int64_t>, field<"c16", std::string>, field<"c17", std::optional<double>>, field<"c18", std::int64_t>, field<"c19", std::string>, field<"c20", std::optional<double>>, field<"c21", std::int64_t>, field<"c22", std::string>, field<"c23", std::optional<double>>>;
struct wide_24 {
    std::int64_t c0;
    std::string c1;
    std::optional<double> c2;
    std::int64_t c3;
    std::string c4;
    std::optional<double> c5;
    std::int64_t c6;
    std::string c7;
    std::optional<double> c8;
    std::int64_t c9;
    std::string c10;
    std::optional<double> c11;
    std::int64_t c12;
    std::string c13;
    std::optional<double> c14;
    std::int64_t c15;
    std::string c16;
    std::optional<double> c17;
    std::int64_t c18;
    std::string c19;
    std::optional<double> c20;
    std::int64_t c21;
    std::string c22;
    std::optional<double> c23;
};
using row_25 = row<field<"c0", std::int64_t>, field<"c1", std::string>, field<"c2", std::optional<double>>, field<"c3", std::int64_t>, field<"c4", std::string>, field<"c5", std::optional<double>>, field<"c6", std::int64_t>, field<"c7", std::string>, field<"c8", std::optional<double>>, field<"c9", std::int64_t>, field<"c10", std::string>, field<"c11", std::optional<double>>, field<"c12", std::int64_t>, field<"c13", std::string>, field<"c14", std::optional<double>>, field<"c15", std::int64_t>, field<"c16", std::string>, field<"c17", std::optional<double>>, field<"c18", std::int64_t>, field<"c19", std::string>, field<"c20", std::optional<double>>, field<"c21", std::int64_t>, field<"c22", std::string>, field<"c23", std::optional<double>>, field<"c24", std::int64_t>>;
struct wide_25 {
    std::int64_t c0;
    std::string c1;
    std::optional<double> c2;
    std::int64_t c3;
    std::string c4;
    std::optional<double> c5;
    std::int64_t c6;
    std::string c7;
    std::optional<double> c8;
    std::int64_t c9;
    std::string c10;
    std::optional<double> c11;
    std::int64_t c12;
    std::string c13;
    std::optional<double> c14;
    std::int64_t c15;
    std::string c16;
    std::optional<double> c17;
    std::int64_t c18;
    std::string c19;
    std::optional<double> c20;
    std::int64_t c21;
    std::string c22;
    std::optional<double> c23;
    std::int64_t c24;
};
using row_40 = row<field<"c0", std::int64_t>, field<"c1", std::string>, field<"c2", std::optional<double>>, field<"c3", std::int64_t>, field<"c4", std::string>, field<"c5", std::optional<double>>, field<"c6", std::int64_t>, field<"c7", std::string>, field<"c8", std::optional<double>>, field<"c9", std::int64_t>, field<"c10", std::string>, field<"c11", std::optional<double>>, field<"c12", std::int64_t>, field<"c13", std::string>, field<"c14", std::optional<double>>, field<"c15", std::int64_t>, field<"c16", std::string>, field<"c17", std::optional<double>>, field<"c18", std::int64_t>, field<"c19", std::string>, field<"c20", std::optional<double>>, field<"c21", std::int64_t>, field<"c22", std::string>, field<"c23", std::optional<double>>, field<"c24", std::int64_t>, field<"c25", std::string>, field<"c26", std::optional<double>>, field<"c27", std::int64_t>, field<"c28", std::string>, field<"c29", std::optional<double>>, field<"c30", std::int64_t>, field<"c31", std::string>, field<"c32", std::optional<double>>, field<"c33", std::int64_t>, field<"c34", std::string>, field<"c35", std::optional<double>>, field<"c36", std::int64_t>, field<"c37", std::string>, field<"c38", std::optional<double>>, field<"c39", std::int64_t>>;
struct wide_40 {
    std::int64_t c0;
    std::string c1;
    std::optional<double> c2;
    std::int64_t c3;
    std::string c4;
    std::optional<double> c5;
    std::int64_t c6;
    std::string c7;
    std::optional<double> c8;
    std::int64_t c9;
    std::string c10;
    std::optional<double> c11;
    std::int64_t c12;
    std::string c13;
    std::optional<double> c14;
    std::int64_t c15;
    std::string c16;
    std::optional<double> c17;
    std::int64_t c18;
    std::string c19;
    std::optional<double> c20;
    std::int64_t c21;
    std::string c22;
    std::optional<double> c23;
    std::int64_t c24;
    std::string c25;
    std::optional<double> c26;
    std::int64_t c27;
    std::string c28;
    std::optional<double> c29;
    std::int64_t c30;
    std::string c31;
    std::optional<double> c32;
    std::int64_t c33;
    std::string c34;
    std::optional<double> c35;
    std::int64_t c36;
    std::string c37;
    std::optional<double> c38;
    std::int64_t c39;
};

// Column i of each statement: i (bigint), 't<i>' (text) or i + 0.5 / NULL (double), by i % 3.
struct sqlite_statements {
    using select_1 = raw_statement<raw_sql<"SELECT 0 AS c0">, type_list<>, row_1>;
    using select_24 = raw_statement<raw_sql<"SELECT 0 AS c0, 't1' AS c1, 2.5 AS c2, 3 AS c3, 't4' AS c4, NULL AS c5, 6 AS c6, 't7' AS c7, 8.5 AS c8, 9 AS c9, 't10' AS c10, NULL AS c11, 12 AS c12, 't13' AS c13, 14.5 AS c14, 15 AS c15, 't16' AS c16, NULL AS c17, 18 AS c18, 't19' AS c19, 20.5 AS c20, 21 AS c21, 't22' AS c22, NULL AS c23">, type_list<>, row_24>;
    using select_25 = raw_statement<raw_sql<"SELECT 0 AS c0, 't1' AS c1, 2.5 AS c2, 3 AS c3, 't4' AS c4, NULL AS c5, 6 AS c6, 't7' AS c7, 8.5 AS c8, 9 AS c9, 't10' AS c10, NULL AS c11, 12 AS c12, 't13' AS c13, 14.5 AS c14, 15 AS c15, 't16' AS c16, NULL AS c17, 18 AS c18, 't19' AS c19, 20.5 AS c20, 21 AS c21, 't22' AS c22, NULL AS c23, 24 AS c24">, type_list<>, row_25>;
    using select_40 = raw_statement<raw_sql<"SELECT 0 AS c0, 't1' AS c1, 2.5 AS c2, 3 AS c3, 't4' AS c4, NULL AS c5, 6 AS c6, 't7' AS c7, 8.5 AS c8, 9 AS c9, 't10' AS c10, NULL AS c11, 12 AS c12, 't13' AS c13, 14.5 AS c14, 15 AS c15, 't16' AS c16, NULL AS c17, 18 AS c18, 't19' AS c19, 20.5 AS c20, 21 AS c21, 't22' AS c22, NULL AS c23, 24 AS c24, 't25' AS c25, 26.5 AS c26, 27 AS c27, 't28' AS c28, NULL AS c29, 30 AS c30, 't31' AS c31, 32.5 AS c32, 33 AS c33, 't34' AS c34, NULL AS c35, 36 AS c36, 't37' AS c37, 38.5 AS c38, 39 AS c39">, type_list<>, row_40>;
};
struct postgresql_statements {
    using select_1 = raw_statement<raw_sql<"SELECT 0::bigint AS c0">, type_list<>, row_1>;
    using select_24 = raw_statement<raw_sql<"SELECT 0::bigint AS c0, 't1'::text AS c1, 2.5::float8 AS c2, 3::bigint AS c3, 't4'::text AS c4, NULL::float8 AS c5, 6::bigint AS c6, 't7'::text AS c7, 8.5::float8 AS c8, 9::bigint AS c9, 't10'::text AS c10, NULL::float8 AS c11, 12::bigint AS c12, 't13'::text AS c13, 14.5::float8 AS c14, 15::bigint AS c15, 't16'::text AS c16, NULL::float8 AS c17, 18::bigint AS c18, 't19'::text AS c19, 20.5::float8 AS c20, 21::bigint AS c21, 't22'::text AS c22, NULL::float8 AS c23">, type_list<>, row_24>;
    using select_25 = raw_statement<raw_sql<"SELECT 0::bigint AS c0, 't1'::text AS c1, 2.5::float8 AS c2, 3::bigint AS c3, 't4'::text AS c4, NULL::float8 AS c5, 6::bigint AS c6, 't7'::text AS c7, 8.5::float8 AS c8, 9::bigint AS c9, 't10'::text AS c10, NULL::float8 AS c11, 12::bigint AS c12, 't13'::text AS c13, 14.5::float8 AS c14, 15::bigint AS c15, 't16'::text AS c16, NULL::float8 AS c17, 18::bigint AS c18, 't19'::text AS c19, 20.5::float8 AS c20, 21::bigint AS c21, 't22'::text AS c22, NULL::float8 AS c23, 24::bigint AS c24">, type_list<>, row_25>;
    using select_40 = raw_statement<raw_sql<"SELECT 0::bigint AS c0, 't1'::text AS c1, 2.5::float8 AS c2, 3::bigint AS c3, 't4'::text AS c4, NULL::float8 AS c5, 6::bigint AS c6, 't7'::text AS c7, 8.5::float8 AS c8, 9::bigint AS c9, 't10'::text AS c10, NULL::float8 AS c11, 12::bigint AS c12, 't13'::text AS c13, 14.5::float8 AS c14, 15::bigint AS c15, 't16'::text AS c16, NULL::float8 AS c17, 18::bigint AS c18, 't19'::text AS c19, 20.5::float8 AS c20, 21::bigint AS c21, 't22'::text AS c22, NULL::float8 AS c23, 24::bigint AS c24, 't25'::text AS c25, 26.5::float8 AS c26, 27::bigint AS c27, 't28'::text AS c28, NULL::float8 AS c29, 30::bigint AS c30, 't31'::text AS c31, 32.5::float8 AS c32, 33::bigint AS c33, 't34'::text AS c34, NULL::float8 AS c35, 36::bigint AS c36, 't37'::text AS c37, 38.5::float8 AS c38, 39::bigint AS c39">, type_list<>, row_40>;
};

template <class T>
void check_fields(const T& r, int n) {
    auto check = [](int i, const auto& value) {
        using V = std::remove_cvref_t<decltype(value)>;
        if constexpr (std::is_same_v<V, std::int64_t>) CHECK(value == i);
        else if constexpr (std::is_same_v<V, std::string>)  // "t" + std::to_string(i): g++ 12 -O3's false -Wrestrict
            CHECK((value.size() > 1 && value[0] == 't' && value.substr(1) == std::to_string(i)));
        else if (i % 2 == 1) CHECK(!value.has_value());
        else CHECK(value == i + 0.5);
    };
    int i = 0;
    std::apply([&](const auto&... f) { ((check(i, f), ++i), ...); }, boost::pfr::structure_tie(r));
    CHECK(i == n);
}

template <class T, class Statement, class Db>
void read_every_way(Db& db, int n) {
    const std::vector<T> all = db.template fetch_all<T>(Statement{});
    REQUIRE(all.size() == 1);
    check_fields(all[0], n);
    std::vector<T> into(3);
    CHECK(db.fetch_all_into(into, Statement{}) == 1);
    REQUIRE(into.size() == 1);
    check_fields(into[0], n);
    check_fields(db.template fetch_one<T>(Statement{}), n);
    const std::optional<T> one = db.template fetch_optional<T>(Statement{});
    REQUIRE(one.has_value());
    check_fields(*one, n);
    int rows = 0;
    for (const T& r : db.template fetch<T>(Statement{})) {
        check_fields(r, n);
        ++rows;
    }
    CHECK(rows == 1);
}

template <class Statements, class Db>
void run_all(Db& db) {
    read_every_way<wide_1, typename Statements::select_1>(db, 1);
    read_every_way<wide_24, typename Statements::select_24>(db, 24);
    read_every_way<wide_25, typename Statements::select_25>(db, 25);
    read_every_way<wide_40, typename Statements::select_40>(db, 40);
}

}  // namespace wide_rows
