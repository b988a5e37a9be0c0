#!/usr/bin/env python3
"""Tables of the runtime benchmarks (benchmarks/run.sh writes the inputs into one directory):

  sqlite.json, postgresql.json      Google Benchmark JSON, one entry per (backend, workload,
                                    implementation, round): manual (wall) time of the workload,
                                    process CPU time, counters rows and checksum
  cg-sqlite.json, cg-postgresql.json  the same for the callgrind runs (row counts, checksums)
  callgrind/<exe>.<pid>.<n>         one callgrind dump per benchmark (desc: Trigger: Client
                                    Request: <benchmark name>), collected only while the
                                    workload ran (--collect-atstart=no + toggles)
  env.tsv                           the machine and the knobs (key TAB value)
  pg-version.txt                    SELECT version() of the server
  peers/summary.md                  the peer harness's own tables (optional)

Writes the Markdown table (--md), the JSON (--json) and the section of benchmarks/README.md
between the markers <!-- latest:begin --> and <!-- latest:end --> (--readme).
Ratios are median time / median time of "raw" (the hand-written code) in the same run;
for instructions, Ir / Ir of raw.
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
IMPLS = ["raw", "ctsql", "ctsql-many", "raw-pipeline"]
TARGET = 1.03  # ctsql / raw instructions on SQLite


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
    seen = collections.defaultdict(lambda: collections.defaultdict(set))
    for r in runs:
        seen[(r["backend"], r["w"])][r["checksum"]].add(r["impl"])
    return ["%s %s: %s" % (b, w, {k: sorted(v) for k, v in by.items()})
            for (b, w), by in sorted(seen.items()) if len(by) > 1]


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
                v["ratio"] = v["median_s"] / base["median_s"] if base else None
                v["cpu_ratio"] = v["cpu_median_s"] / base["cpu_median_s"] if base else None
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
    ws = wall.get(backend)
    if not ws:
        return []
    impls = ordered({i for w in ws.values() for i in w})
    lines = ["| workload | " + " | ".join(impls) + " |", "|---|" + "---|" * len(impls)]
    for w, desc in WORKLOADS.items():
        cells = []
        for impl in impls:
            v = ws.get(w, {}).get(impl)
            if not v:
                cells.append("–")
            elif impl == "raw":
                cells.append(fmt_rate(v["rows_per_s"]))
            elif show_cpu:
                cells.append("%s (%.2f; cpu %.2f)" % (fmt_rate(v["rows_per_s"]), v["ratio"], v["cpu_ratio"]))
            else:
                cells.append("%s (%.2f)" % (fmt_rate(v["rows_per_s"]), v["ratio"]))
        lines.append("| %s %s | %s |" % (w, desc, " | ".join(cells)))
    spreads = []
    for impl in impls:
        per = ["%.0f" % (100 * (v["max_s"] - v["min_s"]) / v["median_s"]) if v else "–"
               for v in (ws.get(w, {}).get(impl) for w in WORKLOADS)]
        spreads.append("%s %s" % (impl, "/".join(per)))
    lines += ["", "Spread of wall time, (max − min) / median in %%, W1/W2/W3/W4/W5: %s." % "; ".join(spreads)]
    return lines


def md_callgrind(cg, backend, target):
    ws = cg.get(backend)
    if not ws:
        return []
    impls = ordered({i for w in ws.values() for i in w})
    head = "| workload | " + " | ".join(impls) + (" | ctsql ≤ %.2f× raw |" % TARGET if target else " |")
    lines = [head, "|---|" + "---|" * (len(impls) + (1 if target else 0))]
    for w, desc in WORKLOADS.items():
        cells = []
        for impl in impls:
            v = ws.get(w, {}).get(impl)
            if not v or v["ir_per_row"] is None:
                cells.append("–")
            elif impl == "raw":
                cells.append("{:,.0f}".format(v["ir_per_row"]))
            else:
                cells.append("{:,.0f} ({:.3f})".format(v["ir_per_row"], v["ratio"]))
        if target:
            r = ws.get(w, {}).get("ctsql", {}).get("ratio")
            cells.append("–" if r is None else ("yes" if r <= TARGET else "**no** (%.3f)" % r))
        lines.append("| %s %s | %s |" % (w, desc, " | ".join(cells)))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--md")
    ap.add_argument("--json")
    ap.add_argument("--readme")
    a = ap.parse_args()

    env = {}
    env_path = os.path.join(a.raw, "env.tsv")
    if os.path.exists(env_path):
        with open(env_path) as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                env[k] = v
    pg_version = os.path.join(a.raw, "pg-version.txt")
    if os.path.exists(pg_version):
        env["postgresql_server"] = open(pg_version).read().strip()

    runs, cg_runs, contexts = [], [], {}
    for name in ["sqlite", "postgresql"]:
        ctx, rs = load_gbench(os.path.join(a.raw, name + ".json"))
        if ctx:
            contexts[name] = ctx
        runs += rs
        _, rs = load_gbench(os.path.join(a.raw, "cg-%s.json" % name))
        cg_runs += rs
    if contexts:
        ctx = next(iter(contexts.values()))
        env["google_benchmark_context"] = {k: ctx[k] for k in ("host_name", "num_cpus", "mhz_per_cpu",
                                                                "library_build_type", "compiler", "sqlite")
                                           if k in ctx}
        if "postgresql" in contexts:
            env["libpq_version_number"] = contexts["postgresql"].get("libpq")
    wall = wall_tables(runs)
    cg = load_callgrind(a.raw, cg_runs)
    problems = checksum_problems(runs) + checksum_problems(cg_runs)
    errors = sorted({"%s/%s/%s: %s" % (r["backend"], r["w"], r["impl"], r["error"])
                     for r in runs + cg_runs if r["error"]})
    peers_md = os.path.join(a.raw, "peers", "summary.md")
    peers = open(peers_md).read().strip() if os.path.exists(peers_md) else None

    reps = max((r["round"] for r in runs), default=-1) + 1
    md = []
    md.append("Measured %s on %s (%s; %s). ctsql %s." % (
        env.get("date", "?"), env.get("cpu", "?"), env.get("kernel", "?"), env.get("compiler", "?"),
        env.get("ctsql", "?")))
    md.append("%s; %s; %s; Google Benchmark %s. %s. Knobs: %s. Load average %s before, %s after; "
              "the run took %s." % (
                  env.get("sqlite", "?"), env.get("libpq", "?"),
                  env.get("postgresql_server", env.get("postgresql", "?")).split(" on ")[0],
                  env.get("google_benchmark", "?").split()[-1], env.get("pinning", "?"),
                  env.get("knobs", "?"), env.get("load_before", "?"), env.get("load_after", "?"),
                  env.get("duration", "?")))
    md.append("")
    md.append("**Wall time**: median of %d rounds, rows/s; in parentheses the ratio of median times to "
              "the hand-written code (`raw`) of the same run (1.00 = as fast, 1.10 = 10 %% slower); on "
              "SQLite also the ratio of process CPU times (less disturbed by other load)." % reps)
    for b in BACKENDS:
        lines = md_wall(wall, b, show_cpu=b != "pg")
        if lines:
            md += ["", "%s:" % BACKENDS[b], ""] + lines
    if "pg" in wall:
        md += ["", "`ctsql-many` is `execute_many` (pipeline mode, 1000 rows per sync), against the per-row "
               "`raw` loop; `raw-pipeline` is the same pipeline hand-written."]
        for w in ("W1", "W5"):
            v = wall["pg"].get(w, {}).get("ctsql-many", {})
            if "ratio_to_raw_pipeline" in v:
                md[-1] += " %s: ctsql-many / raw-pipeline = %.2f." % (w, v["ratio_to_raw_pipeline"])
    if cg:
        cg_rows = next((r["rows"] for r in cg_runs if r["w"] == "W1"), "?")
        cg_w4 = next((r["rows"] // 100 for r in cg_runs if r["w"] == "W4"), "?")
        md += ["", "**Instructions** (callgrind, %s rows, %s W4 executions; repeatable to 0.1 %%): "
               "instructions per row, ratio to raw in parentheses. These are what the target "
               "(ctsql ≤ %.2f× raw on SQLite) is judged on." % (cg_rows, cg_w4, TARGET)]
        for b in BACKENDS:
            lines = md_callgrind(cg, b, target=b != "pg")
            if lines:
                title = BACKENDS[b] if b != "pg" else "PostgreSQL, client process only (server work not counted)"
                md += ["", "%s:" % title, ""] + lines
    if problems:
        md += ["", "**CHECKSUM MISMATCH** (implementations did not read or write the same rows):"]
        md += ["- " + p for p in problems]
    else:
        md += ["", "Checksums: every implementation read the same rows (W2-W4) and left the same table (W1, W5)."]
    if errors:
        md += ["", "**Errors:**"] + ["- " + e for e in errors]
    if peers:
        md += ["", "<details><summary>Peers, from ../shared/peers/run.sh in the same run (its own raw "
               "baseline: default-opened sqlite3, text-format libpq)</summary>", "", peers, "", "</details>"]

    text = "\n".join(md) + "\n"
    if a.md:
        with open(a.md, "w") as f:
            f.write("# Runtime benchmarks: latest results\n\n" + text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(env=env, wall=wall, callgrind=cg, target_ctsql_over_raw_ir_sqlite=TARGET,
                           checksum_problems=problems, errors=errors), f, indent=1, sort_keys=True)
            f.write("\n")
    if a.readme and os.path.exists(a.readme):
        with open(a.readme) as f:
            readme = f.read()
        begin, end = "<!-- latest:begin -->", "<!-- latest:end -->"
        if begin in readme and end in readme:
            head, rest = readme.split(begin, 1)
            _, tail = rest.split(end, 1)
            with open(a.readme, "w") as f:
                f.write(head + begin + "\n" + text + end + tail)
    if not a.md:
        print(text)


if __name__ == "__main__":
    main()
