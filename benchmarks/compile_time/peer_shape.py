#!/usr/bin/env python3
"""Writes the peers' compile-time translation unit (perf-baselines.md, section 6) for ctsql and
for the sqlite3 C API: the TU on which the issue's 32-query target was set.

32 distinct queries on one table, users (id, name, email, age, score; no primary key):
19 row-returning selects (full rows and column subsets; =, <>, <, >, BETWEEN, LIKE, IN with
three values, IS [NOT] NULL, AND/OR nesting, ORDER BY, LIMIT, OFFSET, DISTINCT, GROUP BY,
HAVING), 6 aggregates (COUNT, MAX, MIN, AVG, SUM), 2 inserts, 3 updates (one with
score = score + ?) and 2 deletes. Each query is a function that runs it and reads the result into
a std::vector<std::tuple<...>> (or a scalar, or the affected-row count) and folds it into a
checksum; main() runs all of them once on an in-memory database and prints the sum, which must be
the same for both TUs (measure.sh VERIFY=1).

usage: peer_shape.py N [peers|peers-raw] > tu.cpp   (N <= 32: the first N queries)
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree (the test suite runs this)
import generate  # noqa: E402 (the same folder)

# C++ type of each kind of value, and how the raw TU binds and reads it.
CPP = {"i64": "std::int64_t", "str": "std::string", "f64": "double",
       "oi64": "std::optional<std::int64_t>", "of64": "std::optional<double>"}
READ = {"i64": "sqlite3_column_int64(s, {c})", "str": "column_text(s, {c})",
        "oi64": "column_optional_int64(s, {c})", "of64": "column_optional_double(s, {c})"}


def bind(index, kind, value):
    if kind in ("i64", "oi64"):
        return f"sqlite3_bind_int64(s, {index}, {value});"
    if kind in ("f64", "of64"):
        return f"sqlite3_bind_double(s, {index}, {value});"
    return (f"{{ const std::string v{index}{{{value}}}; sqlite3_bind_text(s, {index}, v{index}.data(), "
            f"static_cast<int>(v{index}.size()), SQLITE_TRANSIENT); }}")


# users' columns, in table order: the full row of the "SELECT every column" queries.
USERS = [("id", "i64"), ("name", "str"), ("email", "str"), ("age", "oi64"), ("score", "of64")]


# (ctsql statement, SQL for the raw TU, arguments [(kind, C++ literal)], result) where result is
# ("rows", [kinds]), ("one", kind) or ("exec",). ctsql binds parameters in order of first
# appearance, which is the order of the '?' in the raw SQL.
def queries():
    q = []
    full = ", ".join(f"u.{name}" for name, _ in USERS)
    full_sql = ", ".join(name for name, _ in USERS)
    full_kinds = [kind for _, kind in USERS]
    q.append((f"ctsql::select({full}).from(u).where(u.id == ctsql::param<\"id\">)",
              f"SELECT {full_sql} FROM users WHERE id = ?", [("i64", "3")], ("rows", full_kinds)))
    q.append(("ctsql::select(ctsql::count()).from(u)", "SELECT COUNT(*) FROM users", [], ("one", "i64")))
    q.append(("ctsql::insert_into(u).columns(u.id, u.name, u.email, u.age, u.score).values()",
              "INSERT INTO users (id, name, email, age, score) VALUES (?, ?, ?, ?, ?)",
              [("i64", "101"), ("str", '"new"'), ("str", '"new@example.com"'), ("oi64", "40"), ("of64", "7.5")], ("exec",)))
    q.append(("ctsql::select(u.id, u.name).from(u).where(u.age > ctsql::param<\"a\">)",
              "SELECT id, name FROM users WHERE age > ?", [("i64", "30")], ("rows", ["i64", "str"])))
    q.append(("ctsql::update(u).set(u.score.to(u.score + ctsql::param<\"d\">)).where(u.id == ctsql::param<\"id\">)",
              "UPDATE users SET score = score + ? WHERE id = ?", [("f64", "1.5"), ("i64", "2")], ("exec",)))
    q.append(("ctsql::select(u.id, u.email).from(u).where(u.age < ctsql::param<\"a\">)",
              "SELECT id, email FROM users WHERE age < ?", [("i64", "40")], ("rows", ["i64", "str"])))
    q.append((f"ctsql::select({full}).from(u).where(u.name == ctsql::param<\"n\">)",
              f"SELECT {full_sql} FROM users WHERE name = ?", [("str", '"user4"')], ("rows", full_kinds)))
    q.append(("ctsql::select(ctsql::max(u.age)).from(u)", "SELECT MAX(age) FROM users", [], ("one", "oi64")))
    q.append(("ctsql::select(u.id, u.score).from(u).where(u.name != ctsql::param<\"n\">)",
              "SELECT id, score FROM users WHERE name <> ?", [("str", '"user1"')], ("rows", ["i64", "of64"])))
    q.append(("ctsql::select(u.id, u.name, u.age).from(u).where(u.age.between(ctsql::param<\"lo\">, ctsql::param<\"hi\">))",
              "SELECT id, name, age FROM users WHERE age BETWEEN ? AND ?", [("i64", "20"), ("i64", "45")],
              ("rows", ["i64", "str", "oi64"])))
    q.append(("ctsql::delete_from(u).where(u.id == ctsql::param<\"id\">)", "DELETE FROM users WHERE id = ?",
              [("i64", "9")], ("exec",)))
    q.append(("ctsql::select(u.id, u.email).from(u).where(u.email.like(ctsql::param<\"p\">))",
              "SELECT id, email FROM users WHERE email LIKE ?", [("str", '"user1%"')], ("rows", ["i64", "str"])))
    q.append(("ctsql::select(u.id, u.name).from(u).where(u.id.in(ctsql::param<\"a\">, ctsql::param<\"b\">, ctsql::param<\"c\">))",
              "SELECT id, name FROM users WHERE id IN (?, ?, ?)", [("i64", "1"), ("i64", "4"), ("i64", "7")],
              ("rows", ["i64", "str"])))
    q.append(("ctsql::select(ctsql::min(u.score)).from(u)", "SELECT MIN(score) FROM users", [], ("one", "of64")))
    q.append(("ctsql::select(u.id, u.score).from(u).where(u.score.is_null())",
              "SELECT id, score FROM users WHERE score IS NULL", [], ("rows", ["i64", "of64"])))
    q.append(("ctsql::update(u).set(u.name.to(ctsql::param<\"n\">)).where(u.id == ctsql::param<\"id\">)",
              "UPDATE users SET name = ? WHERE id = ?", [("str", '"renamed"'), ("i64", "5")], ("exec",)))
    # ---- the second 16
    q.append(("ctsql::select(u.id, u.name, u.score).from(u).where(u.score.is_not_null())",
              "SELECT id, name, score FROM users WHERE score IS NOT NULL", [], ("rows", ["i64", "str", "of64"])))
    q.append(("ctsql::select(u.id, u.age).from(u).where((u.age > ctsql::param<\"a\"> && u.score < ctsql::param<\"s\">) || u.name == ctsql::param<\"n\">)",
              "SELECT id, age FROM users WHERE ((age > ?) AND (score < ?)) OR (name = ?)",
              [("i64", "25"), ("f64", "50.0"), ("str", '"user2"')], ("rows", ["i64", "oi64"])))
    q.append(("ctsql::select(ctsql::avg(u.score)).from(u)", "SELECT AVG(score) FROM users", [], ("one", "of64")))
    q.append((f"ctsql::select({full}).from(u).order_by(u.id.desc()).limit(ctsql::param<\"n\">)",
              f"SELECT {full_sql} FROM users ORDER BY id DESC LIMIT ?", [("i64", "5")], ("rows", full_kinds)))
    q.append(("ctsql::insert_into(u).columns(u.id, u.name, u.email).values()",
              "INSERT INTO users (id, name, email) VALUES (?, ?, ?)",
              [("i64", "102"), ("str", '"other"'), ("str", '"other@example.com"')], ("exec",)))
    q.append(("ctsql::select(u.id, u.name).from(u).order_by(u.name).limit(ctsql::param<\"n\">).offset(ctsql::param<\"k\">)",
              "SELECT id, name FROM users ORDER BY name LIMIT ? OFFSET ?", [("i64", "4"), ("i64", "2")],
              ("rows", ["i64", "str"])))
    q.append(("ctsql::select_distinct(u.age).from(u).where(u.age.is_not_null())",
              "SELECT DISTINCT age FROM users WHERE age IS NOT NULL", [], ("rows", ["oi64"])))
    q.append(("ctsql::select(ctsql::sum(u.age)).from(u)", "SELECT SUM(age) FROM users", [], ("one", "oi64")))
    q.append(("ctsql::select(u.age, ctsql::count()).from(u).group_by(u.age)",
              "SELECT age, COUNT(*) FROM users GROUP BY age", [], ("rows", ["oi64", "i64"])))
    q.append(("ctsql::update(u).set(u.age.to(ctsql::param<\"a\">), u.email.to(ctsql::param<\"e\">)).where(u.age < ctsql::param<\"lt\">)",
              "UPDATE users SET age = ?, email = ? WHERE age < ?",
              [("oi64", "31"), ("str", '"young@example.com"'), ("i64", "25")], ("exec",)))
    q.append(("ctsql::select(u.age, ctsql::count()).from(u).group_by(u.age).having(ctsql::count() > ctsql::param<\"n\">)",
              "SELECT age, COUNT(*) FROM users GROUP BY age HAVING COUNT(*) > ?", [("i64", "1")],
              ("rows", ["oi64", "i64"])))
    q.append(("ctsql::select(ctsql::count()).from(u).where(u.age > ctsql::param<\"a\">)",
              "SELECT COUNT(*) FROM users WHERE age > ?", [("i64", "30")], ("one", "i64")))
    q.append(("ctsql::select(u.name, u.email).from(u).where(u.age >= ctsql::param<\"a\"> && (u.score > ctsql::param<\"s\"> || u.score.is_null())).order_by(u.score).limit(ctsql::param<\"n\">)",
              "SELECT name, email FROM users WHERE (age >= ?) AND ((score > ?) OR (score IS NULL)) ORDER BY score LIMIT ?",
              [("i64", "20"), ("f64", "10.0"), ("i64", "6")], ("rows", ["str", "str"])))
    q.append(("ctsql::delete_from(u).where(u.score < ctsql::param<\"s\">)", "DELETE FROM users WHERE score < ?",
              [("f64", "5.0")], ("exec",)))
    q.append(("ctsql::select(u.id, u.name, u.email, u.age).from(u).where(u.id != ctsql::param<\"id\"> && u.age <= ctsql::param<\"a\">)",
              "SELECT id, name, email, age FROM users WHERE (id <> ?) AND (age <= ?)", [("i64", "1"), ("i64", "50")],
              ("rows", ["i64", "str", "str", "oi64"])))
    q.append(("ctsql::select_distinct(u.name).from(u).order_by(u.name)",
              "SELECT DISTINCT name FROM users ORDER BY name", [], ("rows", ["str"])))
    return q


FOLD = r"""inline std::uint64_t part(std::int64_t v) { return static_cast<std::uint64_t>(v); }
inline std::uint64_t part(double v) { return static_cast<std::uint64_t>(v * 2); }
inline std::uint64_t part(const std::string& v) { return v.size(); }
template <class T>
std::uint64_t part(const std::optional<T>& v) { return v ? 1u + part(*v) : 0u; }
template <class... T>
std::uint64_t fold(const std::tuple<T...>& row) {
    return std::apply([](const T&... v) { return (part(v) + ... + 0u); }, row);
}"""

# generate.py's helpers (fail, prepare, finish, column_text) and two for the nullable columns.
RAW_HELPERS = generate.RAW_HELPERS + r"""
inline std::optional<std::int64_t> column_optional_int64(sqlite3_stmt* s, int col) {
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(s, col);
}
inline std::optional<double> column_optional_double(sqlite3_stmt* s, int col) {
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(s, col);
}"""

SEED = ("CREATE TABLE users (id INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, age INTEGER, score REAL); "
        + " ".join(f"INSERT INTO users VALUES ({i}, 'user{i}', 'user{i}@example.com', "
                   f"{'NULL' if i % 4 == 0 else 18 + 3 * i}, {'NULL' if i % 3 == 0 else f'{i * 2.5}'});"
                   for i in range(1, 13)))

TABLE = r"""struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int64_t>> {} age;
    struct score_c : ctsql::column<users_t, "score", std::optional<double>> {} score;
};
inline constexpr users_t u{};"""


def tuple_type(kinds):
    return f"std::tuple<{', '.join(CPP[k] for k in kinds)}>"


def ctsql_function(i, q):
    statement, _, args, result = q
    call_args = ", ".join([f"q{i}"] + [f"{CPP[k]}{{{v}}}" for k, v in args])
    out = [f"constexpr auto q{i} = {statement};", f"std::uint64_t run_q{i}(ctsql::sqlite_connection& db) {{"]
    if result[0] == "rows":
        out += ["    std::uint64_t sum = 0;",
                f"    for (const auto& r : db.fetch_all<{tuple_type(result[1])}>({call_args})) sum += fold(r);",
                "    return sum;"]
    elif result[0] == "one":
        out.append(f"    return part(db.fetch_one<{CPP[result[1]]}>({call_args}));")
    else:
        out.append(f"    return db.execute({call_args});")
    return out + ["}"]


def raw_function(i, q):
    _, sql, args, result = q
    out = [f"std::uint64_t run_q{i}(sqlite3* db) {{", f"    sqlite3_stmt* s = prepare(db, \"{sql}\");"]
    out += [f"    {bind(n + 1, k, v)}" for n, (k, v) in enumerate(args)]
    if result[0] == "rows":
        reads = ", ".join(READ[k].format(c=c) for c, k in enumerate(result[1]))
        out += [f"    std::vector<{tuple_type(result[1])}> rows;",
                "    int rc;",
                f"    while ((rc = sqlite3_step(s)) == SQLITE_ROW) rows.emplace_back({reads});",
                "    finish(db, s, rc);",
                "    std::uint64_t sum = 0;",
                "    for (const auto& r : rows) sum += fold(r);",
                "    return sum;"]
    elif result[0] == "one":
        out += ["    if (sqlite3_step(s) != SQLITE_ROW) fail(db, sqlite3_sql(s));",
                f"    const {CPP[result[1]]} value = {READ[result[1]].format(c=0)};",
                "    finish(db, s, sqlite3_step(s));",
                "    return part(value);"]
    else:
        out += ["    finish(db, s, sqlite3_step(s));",
                "    return static_cast<std::uint64_t>(sqlite3_changes(db));"]
    return out + ["}"]


def tu(n, raw):
    chosen = queries()[:n]
    out = ["#include <cstdint>", "#include <cstdio>", "#include <optional>", "#include <string>", "#include <tuple>",
           "#include <vector>"]
    if raw:
        out += ["#include <stdexcept>", "#include <sqlite3.h>", "", RAW_HELPERS]
    else:
        out += ["#include <ctsql/ctsql.hpp>", "#include <ctsql/connector/sqlite.hpp>", "", TABLE]
    out += ["", FOLD]
    for i, q in enumerate(chosen):
        out += raw_function(i, q) if raw else ctsql_function(i, q)
    out.append("int main() {")
    if raw:
        out += ["    sqlite3* db = nullptr;", "    if (sqlite3_open(\":memory:\", &db) != SQLITE_OK) return 1;"]
        handle = "db"
    else:
        out.append("    ctsql::sqlite_connection db(\":memory:\");")
        handle = "db.native_handle()"
    out.append(f"    if (sqlite3_exec({handle}, \"{SEED}\", nullptr, nullptr, nullptr) != SQLITE_OK) return 1;")
    out.append("    std::uint64_t sum = 0;")
    out += [f"    sum += run_q{i}(db);" for i in range(len(chosen))]
    out.append("    std::printf(\"%llu\\n\", static_cast<unsigned long long>(sum));")
    if raw:
        out.append("    sqlite3_close(db);")
    out += ["    return 0;", "}"]
    return out


def main():
    n = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "peers"
    if not 0 <= n <= 32 or mode not in ("peers", "peers-raw"):
        sys.exit("usage: peer_shape.py N [peers|peers-raw] (N <= 32)")
    print("\n".join(tu(n, raw=mode == "peers-raw")))


if __name__ == "__main__":
    main()
