#!/usr/bin/env python3
"""Writes a translation unit with N distinct ctsql statements over a 10-table schema.

Mode "render": each statement is rendered for SQLite and PostgreSQL into constants (the
cost of checking and rendering queries). Mode "advanced": the same with the constructs of the
advanced-SQL layer (correlated EXISTS and scalar subqueries, UNION ALL with ORDER BY/LIMIT,
window functions with PARTITION BY and frames, CASE, CTEs and derived tables). Mode "execute" (once connectors exist): each is also
prepared, bound and fetched into rows. Statements differ in tables, columns, predicates and
parameters, so none is a repeat the compiler could share.

usage: generate.py N [render|advanced|execute] > tu.cpp
"""
import random
import sys

TABLES = 10
COLUMNS = 8  # per table, besides id and the foreign key


def schema():
    out = ["#include <cstdint>", "#include <optional>", "#include <string>", "#include <ctsql/ctsql.hpp>", "",
           "namespace bench {"]
    for t in range(TABLES):
        name = f"t{t}"
        out.append(f"struct {name}_t {{")
        out.append(f'    static constexpr ctsql::fixed_string sql_name = "{name}";')
        out.append(f'    struct id_c : ctsql::column<{name}_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {{}} id;')
        if t > 0:
            out.append(f'    struct parent_c : ctsql::column<{name}_t, "parent", std::int64_t, ctsql::references<t{t-1}_t::id_c>> {{}} parent;')
        for c in range(COLUMNS):
            kind = ["std::int32_t", "std::string", "std::optional<double>", "std::optional<std::int64_t>"][c % 4]
            out.append(f'    struct c{c}_c : ctsql::column<{name}_t, "c{c}", {kind}> {{}} c{c};')
        out.append("};")
        out.append(f"inline constexpr {name}_t {name}{{}};")
    out.append("}  // namespace bench")
    return out


def column_kind(c):
    return ["int", "text", "real", "bigint"][c % 4]


def predicate(rng, table, i, k):
    c = rng.randrange(COLUMNS)
    kind = column_kind(c)
    p = f'ctsql::param<"p{i}_{k}">'
    if kind == "int":
        return f"bench::{table}.c{c} {rng.choice(['>', '<', '==', '>='])} {p}"
    if kind == "text":
        return rng.choice([f"bench::{table}.c{c}.like({p})", f"bench::{table}.c{c} == {p}"])
    if kind == "real":
        return rng.choice([f"bench::{table}.c{c}.is_null()", f"bench::{table}.c{c} > {p}"])
    return f"bench::{table}.c{c}.between(ctsql::param<\"lo{i}_{k}\">, ctsql::param<\"hi{i}_{k}\">)"


def statement(rng, i):
    t = rng.randrange(TABLES)
    table = f"t{t}"
    kind = i % 5
    preds = " && ".join(f"({predicate(rng, table, i, k)})" for k in range(rng.randint(1, 3)))
    cols = ", ".join(f"bench::{table}.c{c}" for c in sorted(rng.sample(range(COLUMNS), rng.randint(2, 5))))
    if kind in (0, 1):
        return (f"ctsql::select(bench::{table}.id, {cols}).from(bench::{table}).where({preds})"
                f".order_by(bench::{table}.id.desc()).limit(ctsql::param<\"n{i}\">)")
    if kind == 2 and t > 0:
        parent = f"t{t-1}"
        return (f"ctsql::select(bench::{table}.id, bench::{parent}.c1, {cols}).from(bench::{table})"
                f".left_join(bench::{parent}).on(bench::{parent}.id == bench::{table}.parent).where({preds})")
    if kind == 3:
        c = rng.randrange(COLUMNS)
        return (f"ctsql::update(bench::{table}).set(bench::{table}.c{c}.to(ctsql::param<\"v{i}\">))"
                f".where({preds})")
    if kind == 4:
        return f"ctsql::delete_from(bench::{table}).where({preds})"
    return (f"ctsql::select(bench::{table}.c{rng.randrange(COLUMNS)}, ctsql::count()).from(bench::{table})"
            f".group_by(bench::{table}.c{rng.randrange(COLUMNS)}).where({preds})") if False else \
        (f"ctsql::select({cols}).from(bench::{table}).where({preds})")


def advanced_statement(rng, i):
    t = rng.randrange(1, TABLES)
    table, parent = f"bench::t{t}", f"bench::t{t-1}"
    preds = " && ".join(f"({predicate(rng, f't{t}', i, k)})" for k in range(rng.randint(1, 2)))
    c_int, c_text = 4 * rng.randrange(2), 4 * rng.randrange(2) + 1
    kind = i % 6
    if kind == 0:  # correlated EXISTS and a scalar subquery
        return (f"ctsql::select({parent}.id, {parent}.c{c_text}, ctsql::as<\"n\">(ctsql::scalar(ctsql::select(ctsql::count())"
                f".from({table}).where({table}.parent == {parent}.id)))).from({parent})"
                f".where(ctsql::exists(ctsql::select({table}.id).from({table}).where({table}.parent == {parent}.id && {preds})))")
    if kind == 1:  # UNION ALL of two tables, ordered and limited as a whole
        return (f"ctsql::union_all(ctsql::select({table}.c{c_int}, {table}.c{c_text}).from({table}).where({preds}), "
                f"ctsql::select({parent}.c{c_int}, {parent}.c{c_text}).from({parent}))"
                f".order_by(ctsql::by<\"c{c_int}\">.desc()).limit(ctsql::param<\"n{i}\">)")
    if kind == 2:  # window functions
        return (f"ctsql::select({table}.id, ctsql::as<\"rn\">(ctsql::row_number().over(ctsql::window().partition_by({table}.parent)"
                f".order_by({table}.c{c_int}.desc()))), ctsql::as<\"s\">(ctsql::sum({table}.c{c_int}).over(ctsql::window()"
                f".order_by({table}.id).rows_between(ctsql::preceding<2>, ctsql::current_row))), "
                f"ctsql::as<\"prev\">(ctsql::lag({table}.c{c_text}).over(ctsql::window().order_by({table}.id)))).from({table}).where({preds})")
    if kind == 3:  # CASE
        return (f"ctsql::select({table}.id, ctsql::as<\"band\">(ctsql::case_when({table}.c{c_int} < ctsql::param<\"lo{i}\">, ctsql::lit<\"low\">)"
                f".when({table}.c{c_int} < ctsql::param<\"hi{i}\">, ctsql::lit<\"mid\">).else_(ctsql::lit<\"high\">))).from({table}).where({preds})")
    if kind == 4:  # a CTE
        return (f"[] {{ constexpr auto w = ctsql::cte<\"w{i}\">(ctsql::select({table}.id, {table}.c{c_int}).from({table}).where({preds})); "
                f"return ctsql::select(w.c<\"id\">, {parent}.c{c_text}).from(w).join({parent}).on({parent}.id == w.c<\"id\">); }}()")
    # a derived table in FROM
    return (f"[] {{ constexpr auto d = ctsql::derived<\"d{i}\">(ctsql::select({table}.parent, ctsql::as<\"k\">(ctsql::count())).from({table})"
            f".where({preds}).group_by({table}.parent)); "
            f"return ctsql::select({parent}.id, d.c<\"k\">).from({parent}).left_join(d).on(d.c<\"parent\"> == {parent}.id); }}()")


def main():
    n = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "render"
    rng = random.Random(n * 7919)
    out = schema()
    out.append("")
    for i in range(n):
        make = advanced_statement if mode == "advanced" else statement
        out.append(f"constexpr auto q{i} = {make(rng, i)};")
        if mode in ("render", "advanced"):
            out.append(f"constinit const char* q{i}_sqlite = ctsql::c_str<ctsql::sqlite<>>(q{i});")
            out.append(f"constinit const char* q{i}_pg = ctsql::c_str<ctsql::postgresql<>>(q{i});")
    out.append("int main() { return 0; }")
    print("\n".join(out))


if __name__ == "__main__":
    main()
