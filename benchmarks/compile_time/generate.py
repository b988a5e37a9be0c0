#!/usr/bin/env python3
"""Writes a translation unit with N distinct ctsql statements over a 10-table schema.

Mode "render": each statement is rendered for SQLite and PostgreSQL into constants (the
cost of checking and rendering queries). Mode "execute" (once connectors exist): each is also
prepared, bound and fetched into rows. Statements differ in tables, columns, predicates and
parameters, so none is a repeat the compiler could share.

usage: generate.py N [render|execute] > tu.cpp
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


def main():
    n = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "render"
    rng = random.Random(n * 7919)
    out = schema()
    out.append("")
    for i in range(n):
        out.append(f"constexpr auto q{i} = {statement(rng, i)};")
        if mode == "render":
            out.append(f"constinit const char* q{i}_sqlite = ctsql::c_str<ctsql::sqlite<>>(q{i});")
            out.append(f"constinit const char* q{i}_pg = ctsql::c_str<ctsql::postgresql<>>(q{i});")
    out.append("int main() { return 0; }")
    print("\n".join(out))


if __name__ == "__main__":
    main()
