#!/usr/bin/env python3
"""W1-W5 with SQLAlchemy 1.4 (Debian's python3-sqlalchemy; pysqlite, psycopg2), Core and ORM.

The same data formulas, table, untimed setup and checksums as the C++ harness
(benchmarks/runtime/workloads.hpp), so benchmarks/runtime/summarize.py puts these runs in the
same tables. Every benchmark opens a fresh engine, prepares the table (empty for W1; otherwise
the rows, the index on score and ANALYZE), times only the workload and then checksums what was
read (W2-W4) or the table that was written (W1, W5). Rounds alternate the order of the two
implementations, as register_rounds does. Written as the SQLAlchemy 1.4 docs advise in 2.0
style (future=True): statements built once with bindparam() and re-executed (their compiled
form is cached), writes as executemany (Core) or through the unit of work (ORM).

Output: Google Benchmark's JSON layout (one "iteration" entry per benchmark, times in seconds,
counters rows and checksum), run.sh passes --out.

  sqlalchemy_bench.py --backend=sqlite-file|sqlite-mem|pg [--dir=PATH] [--rows=N] [--w4=N]
                      [--reps=N] [--first-round=N] [--impls=sqlalchemy-core,sqlalchemy-orm]
                      [--out=FILE]
PostgreSQL: the PG* environment variables (scripts/with-postgres.sh sets them).
"""
import argparse
import gc
import io
import json
import os
import platform
import sys
import time

import sqlalchemy as sa
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, declarative_base

# ---- data: the formulas of workloads.hpp ----------------------------------------------------


def age_of(i):
    return 18 + (i * 7919) % 62


def score_of(i):
    return ((i * 2654435761) % 1000003) / 10.0


def point_id(k, n):
    return (k * 7919) % n + 1


def w4_lo(k):
    return 18 + (k * 13) % 42


def w4_hi(k):
    return w4_lo(k) + 20


MASK64 = (1 << 64) - 1


def llround(x):  # std::llround: halves away from zero (Python's round() goes to even)
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def checksum(rows):
    """bench::Check over rows with attributes id, name, email, age, score."""
    v = 0
    for u in rows:
        h = u.id * 31 + len(u.name) * 7 + len(u.email)
        h += u.age * 1000003 if u.age is not None else 17
        h += llround(u.score * 10.0) if u.score is not None else 19
        v += h
    return v & MASK64


def fnv1a(text):
    h = 1469598103934665603
    for c in text.encode():
        h = ((h ^ c) * 1099511628211) & MASK64
    return h


# ---- the table: ctsql's DDL text (workloads.hpp create_users / create_score_index) ----------

DDL = {
    "sqlite": 'CREATE TABLE "users" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
              '"email" TEXT NOT NULL, "age" INTEGER, "score" REAL)',
    "pg": 'CREATE TABLE "users" ("id" BIGINT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
          '"email" TEXT NOT NULL, "age" INTEGER, "score" DOUBLE PRECISION)',
}
DDL_INDEX = 'CREATE INDEX "users_score_idx" ON "users" ("score")'
TABLE_CHECKSUM = {  # the same text as SqliteEnv / PgEnv::table_checksum
    "sqlite": "SELECT count(*) || ',' || sum(id) || ',' || sum(age) || ',' || sum(length(name)) || ',' || "
              "sum(length(email)) || ',' || sum(CAST(round(score * 10) AS INTEGER)) FROM users",
    "pg": "SELECT concat_ws(',', count(*), sum(id), sum(age), sum(length(name)), sum(length(email)), "
          "sum(round(score * 10)::bigint)) FROM users",
}

metadata = sa.MetaData()
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("age", sa.Integer),
    sa.Column("score", sa.Float(precision=53)),
)
Base = declarative_base()


class User(Base):
    __table__ = users


# ---- the implementations ------------------------------------------------------------------


class Core:
    name = "sqlalchemy-core"

    def __init__(self, engine):
        self.engine = engine
        self.point = select(users).where(users.c.id == bindparam("pk"))
        self.filter = (select(users).where(users.c.age.between(bindparam("lo"), bindparam("hi")))
                       .order_by(users.c.score.desc()).limit(100))
        self.update = (update(users).where(users.c.id == bindparam("b_id"))
                       .values(age=bindparam("b_age"), email=bindparam("b_email")))

    def w1(self, d):
        with self.engine.begin() as conn:
            conn.execute(users.insert(), d.user_dicts)  # executemany

    def w2(self):
        with self.engine.connect() as conn:
            return conn.execute(select(users)).all()

    def w3(self, n):
        v = 0
        with self.engine.connect() as conn:
            for k in range(n):
                v += checksum((conn.execute(self.point, {"pk": point_id(k, n)}).one(),))
        return n, v & MASK64

    def w4(self, m):
        v = rows = 0
        with self.engine.connect() as conn:
            for k in range(m):
                page = conn.execute(self.filter, {"lo": w4_lo(k), "hi": w4_hi(k)}).all()
                v += checksum(page)
                rows += len(page)
        return rows, v & MASK64

    def w5(self, d):
        with self.engine.begin() as conn:
            conn.execute(self.update, d.update_dicts)  # executemany


class Orm:
    name = "sqlalchemy-orm"

    def __init__(self, engine):
        self.engine = engine
        self.filter = (select(User).where(User.age.between(bindparam("lo"), bindparam("hi")))
                       .order_by(User.score.desc()).limit(100))

    def w1(self, d):
        with Session(self.engine, future=True) as s:
            s.add_all([User(**u) for u in d.user_dicts])
            s.commit()

    def w2(self):
        with Session(self.engine, future=True, expire_on_commit=False) as s:
            return s.execute(select(User)).scalars().all()

    def w3(self, n):
        v = 0
        with Session(self.engine, future=True) as s:
            for k in range(n):
                v += checksum((s.get(User, point_id(k, n)),))
        return n, v & MASK64

    def w4(self, m):
        v = rows = 0
        with Session(self.engine, future=True) as s:
            for k in range(m):
                page = s.execute(self.filter, {"lo": w4_lo(k), "hi": w4_hi(k)}).scalars().all()
                v += checksum(page)
                rows += len(page)
        return rows, v & MASK64

    def w5(self, d):
        # The ORM way: load the objects (one SELECT, timed), change them, and the unit of work
        # flushes one UPDATE per row at commit.
        with Session(self.engine, future=True) as s:
            for obj in s.execute(select(User)).scalars():
                u = d.updates_by_id[obj.id]
                obj.age = u["b_age"]
                obj.email = u["b_email"]
            s.commit()


IMPLS = {c.name: c for c in (Core, Orm)}

# ---- the backend: engine and untimed setup ---------------------------------------------------


class Data:
    def __init__(self, rows, w4):
        self.rows, self.w4 = rows, w4
        self.user_dicts = [dict(id=i, name="user%d" % i, email="user%d@example.com" % i,
                                age=age_of(i), score=score_of(i)) for i in range(1, rows + 1)]
        self.update_dicts = [dict(b_id=i, b_age=age_of(i) + 1, b_email="u%d@example.org" % i)
                             for i in range(1, rows + 1)]
        self.updates_by_id = {u["b_id"]: u for u in self.update_dicts}


class Backend:
    def __init__(self, name, directory):
        self.name = name
        self.dialect = "pg" if name == "pg" else "sqlite"
        self.path = os.path.join(directory, "bench-sqlalchemy.db") if name == "sqlite-file" else None

    def engine(self):
        if self.name == "pg":
            return sa.create_engine("postgresql+psycopg2://", future=True)  # PG* variables
        if self.name == "sqlite-mem":
            return sa.create_engine("sqlite://", future=True)  # one connection per thread: setup sees it
        for suffix in ("", "-journal"):
            try:
                os.remove(self.path + suffix)
            except FileNotFoundError:
                pass
        return sa.create_engine("sqlite:///" + self.path, future=True)

    def prepare(self, engine, d):
        """An empty users table; with d: d's rows, the index on score, ANALYZE."""
        with engine.begin() as conn:
            if self.dialect == "pg":
                conn.exec_driver_sql("SET client_min_messages = warning")
            conn.exec_driver_sql("DROP TABLE IF EXISTS users")
            conn.exec_driver_sql(DDL[self.dialect])
            if d is None:
                return
            if self.dialect == "pg":
                text = "".join("%d\t%s\t%s\t%d\t%r\n" % (u["id"], u["name"], u["email"], u["age"], u["score"])
                               for u in d.user_dicts)
                conn.connection.cursor().copy_expert(
                    "COPY users (id, name, email, age, score) FROM STDIN", io.StringIO(text))
            else:
                conn.exec_driver_sql("INSERT INTO users (id, name, email, age, score) VALUES (?, ?, ?, ?, ?)",
                                     [(u["id"], u["name"], u["email"], u["age"], u["score"]) for u in d.user_dicts])
            conn.exec_driver_sql(DDL_INDEX)
        if self.dialect == "pg":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE users")
        else:
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")

    def table_checksum(self, engine):
        with engine.connect() as conn:
            return fnv1a(conn.exec_driver_sql(TABLE_CHECKSUM[self.dialect]).scalar())


def run_one(backend, impl_class, w, d):
    """One benchmark: fresh engine, setup, the timed workload, checksum. Returns (s, cpu s, rows, sum)."""
    engine = backend.engine()
    try:
        backend.prepare(engine, None if w == "W1" else d)
        impl = impl_class(engine)
        gc.collect()
        wall0, cpu0 = time.perf_counter(), time.process_time()
        if w == "W1":
            impl.w1(d)
        elif w == "W2":
            read = impl.w2()
        elif w == "W3":
            out = impl.w3(d.rows)
        elif w == "W4":
            out = impl.w4(d.w4)
        else:
            impl.w5(d)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        if w in ("W1", "W5"):
            rows, check = d.rows, backend.table_checksum(engine)
        elif w == "W2":
            rows, check = len(read), checksum(read)
            del read
        else:
            rows, check = out
        return wall, cpu, rows, check
    finally:
        engine.dispose()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backend", required=True, choices=["sqlite-file", "sqlite-mem", "pg"])
    ap.add_argument("--dir", default="/tmp")
    ap.add_argument("--rows", type=int, default=int(os.environ.get("ROWS", 100000)))
    ap.add_argument("--w4", type=int, default=int(os.environ.get("W4", 10000)))
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--first-round", type=int, default=0)
    ap.add_argument("--impls", default=",".join(IMPLS))
    ap.add_argument("--out")
    a = ap.parse_args()
    chosen = [IMPLS[name] for name in a.impls.split(",") if name]
    backend = Backend(a.backend, a.dir)
    d = Data(a.rows, a.w4)

    results = []
    for rnd in range(a.first_round, a.first_round + a.reps):
        order = chosen if rnd % 2 == 0 else chosen[::-1]
        for w in ("W1", "W2", "W3", "W4", "W5"):
            for impl_class in order:
                name = "%s/%s/%s/round:%d" % (a.backend, w, impl_class.name, rnd)
                entry = dict(name=name, run_name=name, run_type="iteration", iterations=1, time_unit="s")
                try:
                    wall, cpu, rows, check = run_one(backend, impl_class, w, d)
                    entry.update(real_time=wall, cpu_time=cpu, rows=rows, checksum=check % (1 << 50))
                    print("%-45s %9.3f ms  rows=%d" % (name, wall * 1e3, rows), file=sys.stderr)
                except Exception as error:  # recorded like Google Benchmark's SkipWithError
                    entry.update(real_time=0, cpu_time=0, rows=0, checksum=0, error_occurred=True,
                                 error_message="%s: %s" % (type(error).__name__, error))
                    print("%s: %s" % (name, entry["error_message"]), file=sys.stderr)
                results.append(entry)

    context = dict(rows=str(a.rows), w4=str(a.w4), python=platform.python_version(), sqlalchemy=sa.__version__)
    if a.backend == "pg":
        import psycopg2
        context["psycopg2"] = psycopg2.__version__.split()[0]
    else:
        import sqlite3
        context["sqlite"] = sqlite3.sqlite_version
    text = json.dumps(dict(context=context, benchmarks=results), indent=1)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)
    return 1 if any(r.get("error_occurred") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
