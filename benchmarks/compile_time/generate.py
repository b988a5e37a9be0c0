#!/usr/bin/env python3
"""Writes a translation unit with N distinct queries over a 10-table schema.

Modes "render" and "advanced": each ctsql statement is only checked and rendered for SQLite and
PostgreSQL into constants ("advanced": correlated EXISTS and scalar subqueries, UNION ALL with
ORDER BY/LIMIT, window functions with PARTITION BY and frames, CASE, CTEs and derived tables).
Mode "execute": each query is a ctsql statement prepared, bound with arguments and fetched into a
struct through ctsql::sqlite_connection (fetch_optional / fetch_all / execute), the mix of the
peers' compile-time TUs: point select by primary key, filtered select with ORDER BY/LIMIT, insert,
update, delete, join. Mode "raw": the same queries written with the sqlite3 C API (prepare_v2,
bind_*, step, column_*, finalize) into the same structs, the baseline. Both execute and raw TUs
have a main() that runs every query once against an in-memory database and prints a checksum
(measure.sh VERIFY=1 compares them). Statements differ in tables, columns, predicates and
parameters, so none is a repeat the compiler could share.

usage: generate.py N [render|advanced|execute|raw] > tu.cpp
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


# ---- modes "execute" and "raw": the same queries run through ctsql and through the sqlite3 C API

# C++ type of a column as a struct field (nullable columns are optional) and its SQLite DDL type.
FIELD_TYPE = {"int": "std::int32_t", "text": "std::string", "real": "std::optional<double>",
              "bigint": "std::optional<std::int64_t>"}
DDL_TYPE = {"int": "INTEGER NOT NULL", "text": "TEXT NOT NULL", "real": "REAL", "bigint": "INTEGER"}


class Query:
    """One query of the execute/raw TUs: what it does, its SQL pieces and its arguments.

    Arguments are (C++ type, C++ value, sqlite3 bind call) in the order of the '?' placeholders,
    which is also ctsql's parameter order (SET before WHERE before LIMIT)."""

    def __init__(self, rng, i):
        self.i = i
        self.kind = ["point", "filter", "insert", "update", "delete", "join"][i % 6]
        self.t = rng.randrange(1, TABLES) if self.kind in ("join", "insert") else rng.randrange(TABLES)
        self.table = f"t{self.t}"
        self.args = []  # (cpp type, cpp literal) per placeholder
        self.ct_preds, self.raw_preds = [], []
        if self.kind in ("filter", "update", "delete", "join"):
            for k in range(rng.randint(1, 3)):
                self._predicate(rng, k)
        self.cols = sorted(rng.sample(range(COLUMNS), rng.randint(2, 5)))
        self.set_col = rng.randrange(COLUMNS)

    def _arg(self, kind, value):
        self.args.append((kind, value))

    def _predicate(self, rng, k):
        c = rng.randrange(COLUMNS)
        kind = column_kind(c)
        ct, i = f"bench::{self.table}.c{c}", self.i
        if kind == "int":
            op = rng.choice(['>', '<', '==', '>='])
            self.ct_preds.append(f"{ct} {op} ctsql::param<\"p{i}_{k}\">")
            self.raw_preds.append(f"c{c} {'=' if op == '==' else op} ?")
            self._arg("int", str(rng.randrange(100)))
        elif kind == "text":
            if rng.random() < 0.5:
                self.ct_preds.append(f"{ct}.like(ctsql::param<\"p{i}_{k}\">)")
                self.raw_preds.append(f"c{c} LIKE ?")
                self._arg("text", f'"v{rng.randrange(10)}%"')
            else:
                self.ct_preds.append(f"{ct} == ctsql::param<\"p{i}_{k}\">")
                self.raw_preds.append(f"c{c} = ?")
                self._arg("text", f'"v{rng.randrange(10)}"')
        elif kind == "real":
            if rng.random() < 0.5:
                self.ct_preds.append(f"{ct}.is_null()")
                self.raw_preds.append(f"c{c} IS NULL")
            else:
                self.ct_preds.append(f"{ct} > ctsql::param<\"p{i}_{k}\">")
                self.raw_preds.append(f"c{c} > ?")
                self._arg("real", f"{rng.randrange(100)}.5")
        else:
            self.ct_preds.append(f"{ct}.between(ctsql::param<\"lo{i}_{k}\">, ctsql::param<\"hi{i}_{k}\">)")
            self.raw_preds.append(f"c{c} BETWEEN ? AND ?")
            lo = rng.randrange(50)
            self._arg("bigint", str(lo))
            self._arg("bigint", str(lo + 50))

    def ct_where(self):
        return " && ".join(f"({p})" for p in self.ct_preds)

    def raw_where(self):
        return " AND ".join(f"({p})" for p in self.raw_preds)

    def row_fields(self):
        """(field name, C++ type) of the row struct a select reads into."""
        if self.kind == "point":
            fields = [("id", "std::int64_t")] + ([("parent", "std::int64_t")] if self.t > 0 else [])
            return fields + [(f"c{c}", FIELD_TYPE[column_kind(c)]) for c in range(COLUMNS)]
        fields = [("id", "std::int64_t")]
        if self.kind == "join":
            fields.append(("parent_c1", "std::string"))
        return fields + [(f"c{c}", FIELD_TYPE[column_kind(c)]) for c in self.cols]


ARG_TYPE = {"int": "std::int32_t", "text": "std::string", "real": "double", "bigint": "std::int64_t"}


def row_struct(q):
    fields = " ".join(f"{t} {n}{{}};" for n, t in q.row_fields())
    return f"struct q{q.i}_row {{ {fields} }};"


def checksum(q, var):
    """An expression folding a row into the checksum (uses every field, so none is dead)."""
    parts = [f"static_cast<std::uint64_t>({var}.id)"]
    for name, kind in q.row_fields()[1:]:
        if kind == "std::string":
            parts.append(f"{var}.{name}.size()")
        elif kind.startswith("std::optional"):
            parts.append(f"({var}.{name} ? 1u : 0u)")
        else:
            parts.append(f"static_cast<std::uint64_t>({var}.{name})")
    return " + ".join(parts)


def insert_args(rng, q):
    """parent, c0..c7 of an inserted row."""
    values = [("bigint_nn", "1")]
    for c in range(COLUMNS):
        kind = column_kind(c)
        values.append((kind, {"int": str(rng.randrange(100)), "text": f'"v{rng.randrange(10)}"',
                              "real": f"{rng.randrange(100)}.5", "bigint": str(rng.randrange(100))}[kind]))
    return values


def ctsql_query(rng, q):
    """The statement constant and the function that prepares, binds and fetches it with ctsql."""
    t, i = f"bench::{q.table}", q.i
    where = q.ct_where()
    args = [f"{ARG_TYPE[k]}{{{v}}}" for k, v in q.args]
    out = []
    if q.kind == "point":
        cols = ", ".join([f"{t}.id"] + ([f"{t}.parent"] if q.t > 0 else []) + [f"{t}.c{c}" for c in range(COLUMNS)])
        out.append(f"constexpr auto q{i} = ctsql::select({cols}).from({t}).where({t}.id == ctsql::param<\"id\">);")
        out.append(f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{")
        out.append(f"    const std::optional<q{i}_row> r = db.fetch_optional<q{i}_row>(q{i}, std::int64_t{{{i % 7 + 1}}});")
        out.append(f"    return r ? {checksum(q, '(*r)')} : 0u;")
    elif q.kind in ("filter", "join"):
        cols = ", ".join(f"{t}.c{c}" for c in q.cols)
        if q.kind == "filter":
            out.append(f"constexpr auto q{i} = ctsql::select({t}.id, {cols}).from({t}).where({where})"
                       f".order_by({t}.id.desc()).limit(ctsql::param<\"n\">);")
            args.append(f"std::int64_t{{{10 + i % 5}}}")
        else:
            p = f"bench::t{q.t - 1}"
            out.append(f"constexpr auto q{i} = ctsql::select({t}.id, {p}.c1, {cols}).from({t})"
                       f".join({p}).on({p}.id == {t}.parent).where({where});")
        out.append(f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{")
        out.append(f"    std::uint64_t sum = 0;")
        out.append(f"    for (const q{i}_row& r : db.fetch_all<q{i}_row>({', '.join([f'q{i}'] + args)})) sum += {checksum(q, 'r')};")
        out.append(f"    return sum;")
    elif q.kind == "insert":
        cols = ", ".join([f"{t}.parent"] + [f"{t}.c{c}" for c in range(COLUMNS)])
        out.append(f"constexpr auto q{i} = ctsql::insert_into({t}).columns({cols}).values();")
        values = []
        for kind, v in q.insert_values:
            values.append({"bigint_nn": f"std::int64_t{{{v}}}", "int": f"std::int32_t{{{v}}}", "text": f"std::string{{{v}}}",
                           "real": f"std::optional<double>{{{v}}}", "bigint": f"std::optional<std::int64_t>{{{v}}}"}[kind])
        out.append(f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{")
        out.append(f"    return db.execute({', '.join([f'q{i}'] + values)});")
    elif q.kind == "update":
        c = q.set_col
        out.append(f"constexpr auto q{i} = ctsql::update({t}).set({t}.c{c}.to(ctsql::param<\"v\">)).where({where});")
        out.append(f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{")
        out.append(f"    return db.execute({', '.join([f'q{i}', set_value_ctsql(q)] + args)});")
    else:
        out.append(f"constexpr auto q{i} = ctsql::delete_from({t}).where({where});")
        out.append(f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{")
        out.append(f"    return db.execute({', '.join([f'q{i}'] + args)});")
    out.append("}")
    return out


def set_value_ctsql(q):
    kind = column_kind(q.set_col)
    return {"int": "std::int32_t{3}", "text": 'std::string{"w"}', "real": "std::optional<double>{2.5}",
            "bigint": "std::optional<std::int64_t>{4}"}[kind]


def raw_bind(index, kind, value):
    if kind in ("int",):
        return f"sqlite3_bind_int(s, {index}, {value});"
    if kind in ("bigint", "bigint_nn"):
        return f"sqlite3_bind_int64(s, {index}, {value});"
    if kind == "real":
        return f"sqlite3_bind_double(s, {index}, {value});"
    return f"{{ const std::string v{index}{{{value}}}; sqlite3_bind_text(s, {index}, v{index}.data(), static_cast<int>(v{index}.size()), SQLITE_TRANSIENT); }}"


def raw_read(q):
    """Statements reading the current row of s into r, field by field."""
    out = []
    for col, (name, kind) in enumerate(q.row_fields()):
        if kind == "std::int64_t":
            out.append(f"r.{name} = sqlite3_column_int64(s, {col});")
        elif kind == "std::int32_t":
            out.append(f"r.{name} = sqlite3_column_int(s, {col});")
        elif kind == "std::string":
            out.append(f"r.{name} = column_text(s, {col});")
        elif kind == "std::optional<double>":
            out.append(f"if (sqlite3_column_type(s, {col}) != SQLITE_NULL) r.{name} = sqlite3_column_double(s, {col});")
        else:
            out.append(f"if (sqlite3_column_type(s, {col}) != SQLITE_NULL) r.{name} = sqlite3_column_int64(s, {col});")
    return out


def raw_query(rng, q):
    """The same query written against the sqlite3 C API: prepare_v2, bind_*, step, column_*, finalize."""
    i, t = q.i, q.table
    binds = [(k, v) for k, v in q.args]
    if q.kind == "point":
        cols = ", ".join(["id"] + (["parent"] if q.t > 0 else []) + [f"c{c}" for c in range(COLUMNS)])
        sql = f"SELECT {cols} FROM {t} WHERE id = ?"
        binds = [("bigint", str(i % 7 + 1))]
    elif q.kind == "filter":
        sql = (f"SELECT id, {', '.join(f'c{c}' for c in q.cols)} FROM {t} WHERE {q.raw_where()} "
               f"ORDER BY id DESC LIMIT ?")
        binds.append(("bigint", str(10 + i % 5)))
    elif q.kind == "join":
        p = f"t{q.t - 1}"
        sql = (f"SELECT {t}.id, {p}.c1, {', '.join(f'{t}.c{c}' for c in q.cols)} FROM {t} JOIN {p} ON {p}.id = {t}.parent "
               f"WHERE {q.raw_where().replace('(c', f'({t}.c')}")
    elif q.kind == "insert":
        sql = (f"INSERT INTO {t} (parent, {', '.join(f'c{c}' for c in range(COLUMNS))}) "
               f"VALUES ({', '.join('?' * (COLUMNS + 1))})")
        binds = q.insert_values
    elif q.kind == "update":
        kind = column_kind(q.set_col)
        value = {"int": "3", "text": '"w"', "real": "2.5", "bigint": "4"}[kind]
        sql = f"UPDATE {t} SET c{q.set_col} = ? WHERE {q.raw_where()}"
        binds = [(kind, value)] + binds
    else:
        sql = f"DELETE FROM {t} WHERE {q.raw_where()}"
    out = [f"std::uint64_t run_q{i}(sqlite3* db) {{",
           f"    sqlite3_stmt* s = prepare(db, \"{sql}\");"]
    out += [f"    {raw_bind(n + 1, k, v)}" for n, (k, v) in enumerate(binds)]
    if q.kind == "point":
        out += [f"    std::uint64_t sum = 0;",
                f"    int rc = sqlite3_step(s);",
                f"    if (rc == SQLITE_ROW) {{",
                f"        q{i}_row r;"] + [f"        {line}" for line in raw_read(q)] + [
                f"        sum = {checksum(q, 'r')};",
                f"        rc = sqlite3_step(s);",
                f"    }}",
                f"    finish(db, s, rc);",
                f"    return sum;"]
    elif q.kind in ("filter", "join"):
        out += [f"    std::vector<q{i}_row> rows;",
                f"    int rc;",
                f"    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {{",
                f"        q{i}_row& r = rows.emplace_back();"] + [f"        {line}" for line in raw_read(q)] + [
                f"    }}",
                f"    finish(db, s, rc);",
                f"    std::uint64_t sum = 0;",
                f"    for (const q{i}_row& r : rows) sum += {checksum(q, 'r')};",
                f"    return sum;"]
    else:
        out += [f"    finish(db, s, sqlite3_step(s));",
                f"    return static_cast<std::uint64_t>(sqlite3_changes(db));"]
    out.append("}")
    return out


RAW_HELPERS = r"""[[noreturn]] inline void fail(sqlite3* db, const char* sql) {
    throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db));
}
inline sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) fail(db, sql);
    return s;
}
inline void finish(sqlite3* db, sqlite3_stmt* s, int rc) {
    const std::string sql = sqlite3_sql(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) fail(db, sql.c_str());
}
inline std::string column_text(sqlite3_stmt* s, int col) {
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, col)),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
}"""


def seed_sql():
    """DDL and one row per table, run by both TUs' main() through sqlite3_exec (not measured work)."""
    stmts = []
    for t in range(TABLES):
        cols = ["id INTEGER PRIMARY KEY AUTOINCREMENT"] + ([f"parent INTEGER NOT NULL REFERENCES t{t-1} (id)"] if t else [])
        cols += [f"c{c} {DDL_TYPE[column_kind(c)]}" for c in range(COLUMNS)]
        stmts.append(f"CREATE TABLE t{t} ({', '.join(cols)});")
        values = (["1"] if t else []) + [{"int": "7", "text": "'v1'", "real": "NULL", "bigint": "20"}[column_kind(c)]
                                          for c in range(COLUMNS)]
        stmts.append(f"INSERT INTO t{t} VALUES (1, {', '.join(values)});")
    return " ".join(stmts).replace('"', '\\"')


def execute_tu(n, raw):
    rng = random.Random(n * 7919)
    queries = []
    for i in range(n):
        q = Query(rng, i)
        if q.kind == "insert":
            q.insert_values = insert_args(rng, q)
        queries.append(q)
    if raw:
        out = ["#include <cstdint>", "#include <cstdio>", "#include <optional>", "#include <stdexcept>",
               "#include <string>", "#include <vector>", "#include <sqlite3.h>", "", RAW_HELPERS]
    else:
        out = schema()
        out[3:3] = ["#include <cstdio>", "#include <vector>"]
        out.insert(out.index("#include <ctsql/ctsql.hpp>") + 1, "#include <ctsql/connector/sqlite.hpp>")
    out.append("")
    out += [row_struct(q) for q in queries]
    for q in queries:
        out += raw_query(rng, q) if raw else ctsql_query(rng, q)
    out.append("int main() {")
    if raw:
        out += ["    sqlite3* db = nullptr;",
                "    if (sqlite3_open(\":memory:\", &db) != SQLITE_OK) return 1;"]
        handle, conn = "db", "db"
    else:
        out += ["    ctsql::sqlite_options options;",
                "    options.foreign_keys = false;  // as the raw TU: deletes may orphan rows",
                "    ctsql::sqlite_connection db(\":memory:\", options);"]
        handle, conn = "db.native_handle()", "db"
    out.append(f"    if (sqlite3_exec({handle}, \"{seed_sql()}\", nullptr, nullptr, nullptr) != SQLITE_OK) return 1;")
    out.append("    std::uint64_t sum = 0;")
    out += [f"    sum += run_q{q.i}({conn});" for q in queries]
    out.append("    std::printf(\"%llu\\n\", static_cast<unsigned long long>(sum));")
    if raw:
        out.append("    sqlite3_close(db);")
    out.append("    return 0;")
    out.append("}")
    return out


def main():
    n = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "render"
    if mode in ("execute", "raw"):
        print("\n".join(execute_tu(n, raw=mode == "raw")))
        return
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
