#!/usr/bin/env python3
"""Tables of the runtime benchmarks (benchmarks/run.sh writes the inputs into one directory):

  wall/*.json                       Google Benchmark JSON, one file per process (run.sh runs one
                                    round per process: sqlite.r<N>.json, postgresql.r<N>.json,
                                    and SQLAlchemy's sqlalchemy-<backend>.r<N>.json in the same
                                    layout), one entry per (backend, workload, implementation,
                                    round): manual (wall) time of the workload, process CPU
                                    time, counters rows and checksum
  cg-sqlite.json, cg-postgresql.json  the same for the callgrind runs (row counts, checksums)
  callgrind/<exe>.<pid>.<n>         one callgrind dump per benchmark (desc: Trigger: Client
                                    Request: <benchmark name>), collected only while the
                                    workload ran (--collect-atstart=no + toggles)
  env.tsv                           the machine and the knobs (key TAB value)
  load.txt                          1-minute load average at the start of every round
  pg-version.txt                    SELECT version() of the server

Writes the Markdown table (--md), the JSON (--json) and the section of benchmarks/README.md
between the markers <!-- latest:begin --> and <!-- latest:end --> (--readme).
Ratios are median time per row / median time per row of "raw" (the hand-written code) in
the same run (SQLAlchemy may run fewer rows); for instructions, Ir per row / Ir per row of raw.
"""
import argparse
import collections
import glob
import json
import os
import re
import statistics

WORKLOADS = {
    "W1": "insert (prepared, 1 txn)",
    "W2": "select all into structs",
    "W3": "point select by PK",
    "W4": "filtered, 100 rows/exec",
    "W5": "update by PK (1 txn)",
}
BACKENDS = {
    "sqlite-file": "SQLite, file",
    "sqlite-mem": "SQLite in memory (`:memory:`)",
    "pg": "PostgreSQL 15 (unix socket; client and server pinned to one CPU)",
}
SHORT = {"sqlite-file": "SQLite file", "sqlite-mem": "SQLite :memory:", "pg": "PostgreSQL"}
CPP_PEERS = ["soci", "sqlitecpp", "libpqxx"]
PY_PEERS = ["sqlalchemy-core", "sqlalchemy-orm"]
IMPLS = ["raw", "ctsql", "ctsql-many", "ctsql-bulk", "raw-pipeline"] + CPP_PEERS + PY_PEERS
TARGET = 1.03  # ctsql / raw (time and instructions): SQLite every workload, PostgreSQL W2-W4
PG_BULK_TARGETS = {"W1": 1 / 5, "W5": 1 / 2}  # best of ctsql's bulk paths / raw per-row loop on PostgreSQL
BULK_PATHS = ["ctsql-many", "ctsql-bulk"]
# What each bulk path calls, per workload (ctsql-bulk: COPY-based bulk_insert for W1, bulk_update for W5).
BULK_CALLS = {"W1": {"ctsql-many": "`execute_many`", "ctsql-bulk": "`bulk_insert`"},
              "W5": {"ctsql-many": "`execute_many`", "ctsql-bulk": "`bulk_update`"}}


def split_name(name):
    # "<backend>/<workload>/<impl>/round:<r>[/iterations:1/manual_time]"
    p = name.split("/")
    return p[0], p[1], p[2], int(p[3].split(":")[1])


def load_gbench(path):
    if not os.path.exists(path):
        return None, []
    with open(path) as f:
        data = json.load(f)
    runs = []
    for b in data.get("benchmarks", []):
        if b.get("run_type") != "iteration":
            continue
        backend, w, impl, rnd = split_name(b["run_name"] if "run_name" in b else b["name"])
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
        runs.append(dict(backend=backend, w=w, impl=impl, round=rnd, error=b.get("error_message"),
                         wall=b["real_time"] * scale, cpu=b["cpu_time"] * scale,
                         rows=int(b.get("rows", 0)), checksum=int(b.get("checksum", 0))))
    return data.get("context", {}), runs


def fmt_rate(x):
    if x >= 1e6:
        return "%.2fM" % (x / 1e6)
    if x >= 1e3:
        return "%.0fk" % (x / 1e3)
    return "%.0f" % x


def ordered(impls):
    return [i for i in IMPLS if i in impls] + sorted(set(impls) - set(IMPLS))


def checksum_problems(runs):
    """Runs of the same size must agree: (backend, workload, rows) -> one checksum."""
    seen = collections.defaultdict(lambda: collections.defaultdict(set))
    for r in runs:
        if not r["error"]:
            seen[(r["backend"], r["w"], r["rows"])][r["checksum"]].add(r["impl"])
    return ["%s %s (%d rows): %s" % (b, w, n, {k: sorted(v) for k, v in by.items()})
            for (b, w, n), by in sorted(seen.items()) if len(by) > 1]


def checked_against_cpp(runs):
    """Implementations whose checksums were compared with a C++ implementation's (same size)."""
    cpp = {(r["backend"], r["w"], r["rows"]) for r in runs if r["impl"] not in PY_PEERS and not r["error"]}
    return {(r["backend"], r["impl"]) for r in runs
            if r["impl"] in PY_PEERS and (r["backend"], r["w"], r["rows"]) in cpp}


def wall_tables(runs):
    """Medians per (backend, workload, impl) and ratios to raw."""
    groups = collections.defaultdict(list)
    for r in runs:
        if not r["error"]:
            groups[(r["backend"], r["w"], r["impl"])].append(r)
    out = {}
    for (b, w, impl), rs in groups.items():
        wall = statistics.median(r["wall"] for r in rs)
        cpu = statistics.median(r["cpu"] for r in rs)
        rows = rs[0]["rows"]
        out.setdefault(b, {}).setdefault(w, {})[impl] = dict(
            median_s=wall, cpu_median_s=cpu, rows=rows, rows_per_s=rows / wall if wall else None,
            samples_s=[round(r["wall"], 6) for r in sorted(rs, key=lambda r: r["round"])],
            min_s=min(r["wall"] for r in rs), max_s=max(r["wall"] for r in rs))
    for b, ws in out.items():
        for w, impls in ws.items():
            base = impls.get("raw")
            for impl, v in impls.items():
                # Per row: SQLAlchemy may run fewer rows than the C++ implementations.
                scale = base["rows"] / v["rows"] if base and v["rows"] else None
                v["ratio"] = v["median_s"] / base["median_s"] * scale if scale else None
                v["cpu_ratio"] = v["cpu_median_s"] / base["cpu_median_s"] * scale if scale else None
            if "ctsql-many" in impls and "raw-pipeline" in impls:
                impls["ctsql-many"]["ratio_to_raw_pipeline"] = (
                    impls["ctsql-many"]["median_s"] / impls["raw-pipeline"]["median_s"])
    return out


def load_callgrind(raw_dir, runs):
    """Ir per benchmark from the dumps; rows from the callgrind runs' JSON."""
    rows = {(r["backend"], r["w"], r["impl"]): r["rows"] for r in runs}
    ir = {}
    for path in glob.glob(os.path.join(raw_dir, "callgrind", "*")):
        desc = total = None
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"desc: Trigger: Client Request: (\S+)", line)
                if m:
                    desc = m.group(1)
                m = re.match(r"summary: (\d+)", line)
                if m:
                    total = int(m.group(1))
                    break
        if desc and total is not None:
            b, w, impl, _ = split_name(desc)
            ir[(b, w, impl)] = total
    out = {}
    for (b, w, impl), total in ir.items():
        n = rows.get((b, w, impl))
        out.setdefault(b, {}).setdefault(w, {})[impl] = dict(ir=total, rows=n, ir_per_row=total / n if n else None)
    for b, ws in out.items():
        for w, impls in ws.items():
            base = impls.get("raw")
            for v in impls.values():
                v["ratio"] = v["ir"] / base["ir"] if base else None
    return out


def md_wall(wall, backend, show_cpu):
    """One row per implementation, one column per workload: rows/s (ratio to raw per row)."""
    ws = wall.get(backend)
    if not ws:
        return []
    impls = ordered({i for w in ws.values() for i in w})
    lines = ["| library | " + " | ".join("%s %s" % (w, d) for w, d in WORKLOADS.items()) + " |",
             "|---|" + "---|" * len(WORKLOADS)]
    for impl in impls:
        cells = []
        for w in WORKLOADS:
            v = ws.get(w, {}).get(impl)
            if not v:
                cells.append("–")
            elif impl == "raw":
                cells.append(fmt_rate(v["rows_per_s"]))
            elif show_cpu:
                cells.append("%s (%.2f; cpu %.2f)" % (fmt_rate(v["rows_per_s"]), v["ratio"], v["cpu_ratio"]))
            else:
                cells.append("%s (%.2f)" % (fmt_rate(v["rows_per_s"]), v["ratio"]))
        label = "`%s`" % impl
        if impl == "ctsql":
            label = "**`ctsql`**"
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    spreads = []
    for impl in impls:
        per = ["%.0f" % (100 * (v["max_s"] - v["min_s"]) / v["median_s"]) if v else "–"
               for v in (ws.get(w, {}).get(impl) for w in WORKLOADS)]
        spreads.append("%s %s" % (impl, "/".join(per)))
    lines += ["", "Spread of wall time, (max − min) / median in %%, W1/W2/W3/W4/W5: %s." % "; ".join(spreads)]
    return lines


def md_callgrind(cg, backend):
    ws = cg.get(backend)
    if not ws:
        return []
    impls = ordered({i for w in ws.values() for i in w})
    lines = ["| library | " + " | ".join("%s %s" % (w, d) for w, d in WORKLOADS.items()) + " |",
             "|---|" + "---|" * len(WORKLOADS)]
    for impl in impls:
        cells = []
        for w in WORKLOADS:
            v = ws.get(w, {}).get(impl)
            if not v or v["ir_per_row"] is None:
                cells.append("–")
            elif impl == "raw":
                cells.append("{:,.0f}".format(v["ir_per_row"]))
            else:
                cells.append("{:,.0f} ({:.3f})".format(v["ir_per_row"], v["ratio"]))
        lines.append("| %s | %s |" % ("**`ctsql`**" if impl == "ctsql" else "`%s`" % impl, " | ".join(cells)))
    return lines


def verdict(ok, text):
    return ("yes (%s)" if ok else "**no** (%s)") % text


def targets(wall, cg):
    """Issue #8's targets, each a ratio from this run: (backend, target, {workload: verdict})."""
    out = []
    for b in BACKENDS:
        ws, cs = wall.get(b, {}), cg.get(b, {})
        if not ws:
            continue
        sqlite = b != "pg"
        ratio_workloads = list(WORKLOADS) if sqlite else ["W2", "W3", "W4"]
        row = {}
        for w in ratio_workloads:
            v = ws.get(w, {}).get("ctsql")
            if v and v["ratio"] is not None:
                row[w] = verdict(v["ratio"] <= TARGET, "%.3f" % v["ratio"])
        out.append((b, "ctsql ≤ %.2f× raw, wall time" % TARGET, row))
        if sqlite:
            # CPU time of the (serverless) process: what other load disturbs least besides instructions.
            row = {}
            for w in WORKLOADS:
                v = ws.get(w, {}).get("ctsql")
                if v and v["cpu_ratio"] is not None:
                    row[w] = verdict(v["cpu_ratio"] <= TARGET, "%.3f" % v["cpu_ratio"])
            out.append((b, "ctsql ≤ %.2f× raw, CPU time" % TARGET, row))
        if sqlite and cs:
            row = {}
            for w in WORKLOADS:
                v = cs.get(w, {}).get("ctsql")
                if v and v["ratio"] is not None:
                    row[w] = verdict(v["ratio"] <= TARGET, "%.3f" % v["ratio"])
            out.append((b, "ctsql ≤ %.2f× raw, instructions" % TARGET, row))
        if not sqlite:
            row = {}
            for w, limit in PG_BULK_TARGETS.items():
                paths = {i: ws[w][i]["ratio"] for i in BULK_PATHS if i in ws.get(w, {}) and ws[w][i]["ratio"]}
                if paths:
                    best = min(paths, key=paths.get)
                    row[w] = verdict(paths[best] <= limit, "%s %.2f" % (best, paths[best]))
            out.append((b, "best bulk path ≤ 0.20× (W1) / 0.50× (W5) raw per-row loop, wall time", row))
        for source, label, fmt in ((ws, "wall time", "%.2f"), (cs, "instructions", "%.3f")):
            row = {}
            for w in WORKLOADS:
                impls = source.get(w, {})
                peers = {i: impls[i]["ratio"] for i in CPP_PEERS if i in impls and impls[i].get("ratio")}
                mine = impls.get("ctsql", {}).get("ratio")
                if peers and mine is not None:
                    best = min(peers, key=peers.get)
                    row[w] = verdict(mine <= peers[best], ("ctsql " + fmt + ", %s " + fmt) % (mine, best, peers[best]))
            if row:
                out.append((b, "ctsql never behind the best C++ peer, " + label, row))
    return out


def md_speed(wall, cg, env, goals, reps, py_rows):
    """The compact tables of the project README's Speed section."""
    names = {"soci": "SOCI", "sqlitecpp": "SQLiteCpp", "libpqxx": "libpqxx"}
    order = [b for b in BACKENDS if b in wall]

    def ratio(src, b, w, impl, fmt="%.2f"):
        v = src.get(b, {}).get(w, {}).get(impl)
        return fmt % v["ratio"] if v and v.get("ratio") is not None else "–"

    def best_peer(b, w):
        peers = {i: v["ratio"] for i, v in wall.get(b, {}).get(w, {}).items() if i in CPP_PEERS and v["ratio"]}
        if not peers:
            return "–"
        i = min(peers, key=peers.get)
        return "%.2f %s" % (peers[i], names[i])

    load_text = env.get("load_during", env.get("load_before", "?"))
    # "median 0.87 (10 samples)": under one runnable job per CPU the machine was otherwise idle.
    median = re.search(r"median ([0-9.]+)", str(load_text))
    busy = median is None or float(median.group(1)) >= 1.0
    lines = ["Measured %s, ctsql %s, on %s %s (1-minute load average %s on 2 CPUs): "
             "wall times move by up to tens of per cent between rounds, instruction counts do not. Every "
             "table, the machine and the spreads: [benchmarks/results/latest.md]"
             "(benchmarks/results/latest.md)." % (
                 env.get("date", "?"), env.get("ctsql", "?"), env.get("cpu", "?").split(" (")[0],
                 "while other builds ran" if busy else "with no other build running", load_text)]
    cg_b = "sqlite-mem" if "sqlite-mem" in cg else next((b for b in cg if b != "pg"), None)
    if cg_b:
        lines += ["", "Instructions per row on SQLite (callgrind, `%s`), ratio to hand-written sqlite3 code, "
                  "lower is better:" % (":memory:" if cg_b == "sqlite-mem" else cg_b), "",
                  "| workload | ctsql | SQLiteCpp | SOCI |", "|---|---|---|---|"]
        for w, d in WORKLOADS.items():
            lines.append("| %s %s | **%s** | %s | %s |" % (w, d, ratio(cg, cg_b, w, "ctsql", "%.3f"),
                                                         ratio(cg, cg_b, w, "sqlitecpp", "%.3f"),
                                                         ratio(cg, cg_b, w, "soci", "%.3f")))
    lines += ["", "Wall time per row, ratio to the hand-written code of the same run (median of %d rounds; "
              "%s; SQLAlchemy ran %s rows per workload):" % (
                  reps, " / ".join(SHORT[b] for b in order), "/".join(map(str, py_rows)) or "–"),
              "", "| workload | ctsql | best C++ peer | SQLAlchemy Core | SQLAlchemy ORM |", "|---|---|---|---|---|"]
    for w, d in WORKLOADS.items():
        lines.append("| %s %s | **%s** | %s | %s | %s |" % (
            w, d, " / ".join(ratio(wall, b, w, "ctsql") for b in order),
            " / ".join(best_peer(b, w) for b in order),
            " / ".join(ratio(wall, b, w, "sqlalchemy-core") for b in order),
            " / ".join(ratio(wall, b, w, "sqlalchemy-orm") for b in order)))
    pg = wall.get("pg", {})
    bulk = ["%s %s %.1f× faster" % (w, BULK_CALLS[w][i], 1 / pg[w][i]["ratio"])
            for w in ("W1", "W5") for i in BULK_PATHS if i in pg.get(w, {}) and pg[w][i]["ratio"]]
    if bulk:
        lines += ["", "PostgreSQL bulk paths against the per-row loop: %s." % ", ".join(bulk)]
    missed = ["%s %s %s %s" % (SHORT[b], w, target.replace("ctsql ", ""), v.replace("**no** ", ""))
              for b, target, row in goals for w, v in row.items() if not v.startswith("yes")]
    total = sum(len(row) for _, _, row in goals)
    lines += ["", "Targets (issue #8, each a ratio from this run): %d of %d met%s" % (
        total - len(missed), total, "; not met: " + "; ".join(missed) + "." if missed else ".")]
    return lines


def md_targets(rows):
    lines = ["| database | target | " + " | ".join(WORKLOADS) + " |", "|---|---|" + "---|" * len(WORKLOADS)]
    for b, target, row in rows:
        lines.append("| %s | %s | %s |" % (b, target, " | ".join(row.get(w, "–") for w in WORKLOADS)))
    return lines


def replace_section(path, marker, text):
    """Puts text between <!-- marker:begin --> and <!-- marker:end --> in path (if both are there)."""
    if not path or not os.path.exists(path):
        return
    with open(path) as f:
        page = f.read()
    begin, end = "<!-- %s:begin -->" % marker, "<!-- %s:end -->" % marker
    if begin in page and end in page:
        head, rest = page.split(begin, 1)
        _, tail = rest.split(end, 1)
        with open(path, "w") as f:
            f.write(head + begin + "\n" + text + end + tail)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--md")
    ap.add_argument("--json")
    ap.add_argument("--readme", help="a page whose <!-- latest:begin/end --> section gets the full tables")
    ap.add_argument("--speed", help="a page whose <!-- speed:begin/end --> section gets the compact tables")
    a = ap.parse_args()

    env = {}
    env_path = os.path.join(a.raw, "env.tsv")
    if os.path.exists(env_path):
        with open(env_path) as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                env[k] = v
    load_path = os.path.join(a.raw, "load.txt")
    if os.path.exists(load_path):
        samples = [float(x) for x in open(load_path).read().split()]
        if samples:
            env["load_during"] = "%.2f-%.2f, median %.2f (%d samples)" % (
                min(samples), max(samples), statistics.median(samples), len(samples))
    pg_version = os.path.join(a.raw, "pg-version.txt")
    if os.path.exists(pg_version):
        env["postgresql_server"] = open(pg_version).read().strip()

    runs, cg_runs, contexts = [], [], {}
    for path in sorted(glob.glob(os.path.join(a.raw, "wall", "*.json"))):
        ctx, rs = load_gbench(path)
        contexts.setdefault(os.path.basename(path).split(".")[0], ctx)
        runs += rs
    for name in ["sqlite", "postgresql"]:
        _, rs = load_gbench(os.path.join(a.raw, "cg-%s.json" % name))
        cg_runs += rs
    cpp_ctx = contexts.get("sqlite") or contexts.get("postgresql")
    if cpp_ctx:
        env["google_benchmark_context"] = {k: cpp_ctx[k] for k in ("host_name", "num_cpus", "mhz_per_cpu",
                                                                    "library_build_type", "compiler", "sqlite")
                                           if k in cpp_ctx}
    if "postgresql" in contexts:
        env["libpq_version_number"] = contexts["postgresql"].get("libpq")
    py_ctx = next((c for k, c in contexts.items() if k.startswith("sqlalchemy")), None)
    if py_ctx:
        env["sqlalchemy_context"] = py_ctx
    wall = wall_tables(runs)
    cg = load_callgrind(a.raw, cg_runs)
    problems = checksum_problems(runs + cg_runs)
    py_checked = checked_against_cpp(runs + cg_runs)
    errors = sorted({"%s/%s/%s: %s" % (r["backend"], r["w"], r["impl"], r["error"])
                     for r in runs + cg_runs if r["error"]})
    goals = targets(wall, cg)

    reps = len({r["round"] for r in runs})
    py_rows = sorted({r["rows"] for r in runs if r["impl"] in PY_PEERS and r["w"] == "W1"})
    cpp_rows = sorted({r["rows"] for r in runs if r["impl"] not in PY_PEERS and r["w"] == "W1"})
    md = []
    md.append("Measured %s on %s (%s; %s). ctsql %s." % (
        env.get("date", "?"), env.get("cpu", "?"), env.get("kernel", "?"), env.get("compiler", "?"),
        env.get("ctsql", "?")))
    libs = [env.get("sqlite", "?"), env.get("libpq", "?"),
            env.get("postgresql_server", env.get("postgresql", "?")).split(" on ")[0]]
    libs += [env[k] for k in ("soci", "sqlitecpp", "libpqxx", "sqlalchemy") if k in env]
    libs.append("Google Benchmark %s" % env.get("google_benchmark", "?").split()[-1])
    md.append("%s. %s. Knobs: %s. **Load average %s before, %s after** (1, 5, 15 minutes, 2 CPUs)%s; "
              "the run took %s." % (
                  "; ".join(libs), env.get("pinning", "?"), env.get("knobs", "?"),
                  env.get("load_before", "?"), env.get("load_after", "?"),
                  ", 1-minute load at the start of each round %s" % env["load_during"] if "load_during" in env else "",
                  env.get("duration", "?")))
    md.append("")
    md.append("**Wall time**: median of %d rounds, rows/s; in parentheses the ratio of the time per row "
              "to the hand-written code's (`raw`) in the same run (1.00 = as fast, 1.10 = 10 %% slower); "
              "on SQLite also the ratio of process CPU times (less disturbed by other load). Every round "
              "runs the C++ implementations (one process, the order reversed every other round), then "
              "SQLAlchemy Core and ORM." % reps)
    if py_rows and py_rows != cpp_rows:
        py_w4 = sorted({r["rows"] // 100 for r in runs if r["impl"] in PY_PEERS and r["w"] == "W4"})
        md[-1] += (" SQLAlchemy ran %s rows (W4: %s executions) per workload, the C++ code %s: rates and "
                   "ratios are per row of each one's own runs." % (
                       "/".join(map(str, py_rows)), "/".join(map(str, py_w4)), "/".join(map(str, cpp_rows))))
    for b in BACKENDS:
        lines = md_wall(wall, b, show_cpu=b != "pg")
        if lines:
            md += ["", "%s:" % BACKENDS[b], ""] + lines
    if "pg" in wall:
        md += ["", "`ctsql-many` is `execute_many` (pipeline mode, 1000 rows per sync), `ctsql-bulk` is "
               "`bulk_insert` (binary `COPY`) for W1 and `bulk_update` (binary `COPY` into a temporary table, "
               "one `UPDATE ... FROM`) for W5, against the per-row `raw` loop; `raw-pipeline` is the "
               "pipeline hand-written."]
        for w in ("W1", "W5"):
            v = wall["pg"].get(w, {}).get("ctsql-many", {})
            if "ratio_to_raw_pipeline" in v:
                md[-1] += " %s: ctsql-many / raw-pipeline = %.2f." % (w, v["ratio_to_raw_pipeline"])
    if cg:
        cg_rows = next((r["rows"] for r in cg_runs if r["w"] == "W1"), "?")
        cg_w4 = next((r["rows"] // 100 for r in cg_runs if r["w"] == "W4"), "?")
        md += ["", "**Instructions** (callgrind, %s rows, %s W4 executions; repeatable to 0.1 %%, whatever "
               "else the machine does): instructions per row, ratio to raw in parentheses." % (cg_rows, cg_w4)]
        for b in BACKENDS:
            lines = md_callgrind(cg, b)
            if lines:
                title = BACKENDS[b] if b != "pg" else "PostgreSQL, client process only (server work not counted)"
                md += ["", "%s:" % title, ""] + lines
    if goals:
        md += ["", "**Targets** (issue #8), each a ratio from this run:", ""] + md_targets(goals)
    if problems:
        md += ["", "**CHECKSUM MISMATCH** (implementations did not read or write the same rows):"]
        md += ["- " + p for p in problems]
    else:
        md += ["", "Checksums: every implementation of a run size read the same rows (W2-W4) and left the "
               "same table (W1, W5)."]
        missing = sorted({"%s on %s" % (i, b) for (b, i) in
                          {(r["backend"], r["impl"]) for r in runs if r["impl"] in PY_PEERS} - py_checked})
        if py_checked and not missing:
            md[-1] += " SQLAlchemy's runs were checked against the C++ callgrind runs of the same size."
        elif missing:
            md[-1] += (" %s: compared with each other only (no C++ run of the same size; PY_ROWS=CG_ROWS "
                       "and PY_W4=CG_W4 compare them)." % ", ".join(missing))
    if errors:
        md += ["", "**Errors:**"] + ["- " + e for e in errors]

    text = "\n".join(md) + "\n"
    if a.md:
        with open(a.md, "w") as f:
            f.write("# Runtime benchmarks: latest results\n\n" + text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(env=env, wall=wall, callgrind=cg, target_ratio=TARGET, pg_bulk_targets=PG_BULK_TARGETS,
                           targets=[dict(backend=b, target=t, verdicts=row) for b, t, row in goals],
                           checksum_problems=problems, errors=errors), f, indent=1, sort_keys=True)
            f.write("\n")
    replace_section(a.readme, "latest", text)
    replace_section(a.speed, "speed", "\n".join(md_speed(wall, cg, env, goals, reps, py_rows)) + "\n")
    if not a.md:
        print(text)


if __name__ == "__main__":
    main()
