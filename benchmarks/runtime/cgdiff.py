#!/usr/bin/env python3
"""Where two callgrind dumps differ: self instructions (Ir) by function, by source file and by
source line, per row, for a dump of ctsql against the dump of raw for the same workload.

  cgdiff.py RAW_DIR_OR_DUMP BENCHMARK [BASE_IMPL] [--rows N] [--top K]

  cgdiff.py build/bench/results/<time> sqlite-mem/W3/ctsql        # against sqlite-mem/W3/raw
  cgdiff.py dump_a dump_b --rows 10000                             # two dump files

With a results directory, the dumps are found in its callgrind/ folder by their trigger
(the benchmark name) and the row count comes from cg-*.json. Self cost is attributed to the
source file and line of the instruction, so code of ctsql's headers inlined into a workload shows
under include/ctsql/... even though the function is the benchmark's. (callgrind_annotate of
valgrind 3.19 mis-reads dumps that start inside active calls, which the toggled collection
produces; this reads the format directly.)
"""
import argparse
import collections
import glob
import json
import os
import re
import sys


def parse(path):
    """Self Ir by function name, by file and by (file, line)."""
    names = {"fn": {}, "fl": {}, "fi": {}, "fe": {}, "ob": {}, "cfn": {}, "cfi": {}, "cfl": {}, "cob": {}}
    by_fn, by_file, by_line = collections.Counter(), collections.Counter(), collections.Counter()
    fn = fl = fi = None
    skip_next = False
    last_line = 0
    total = 0

    def name_of(kind, value):
        m = re.match(r"\((\d+)\)(?: (.*))?$", value)
        table = names["fn" if kind in ("fn", "cfn") else "fl" if kind in ("fl", "fi", "fe", "cfi", "cfl") else "ob"]
        if not m:
            return value
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table.get(m.group(1), value)

    with open(path, errors="replace") as f:
        for line in f:
            if line[0].isdigit() or line[0] in "+-*":
                parts = line.split()
                pos = parts[0]
                if pos.startswith(("+", "-")):
                    last_line += int(pos)
                elif pos != "*":
                    last_line = int(pos)
                if skip_next:  # the inclusive cost of a call: not self cost
                    skip_next = False
                    continue
                if len(parts) < 2:
                    continue
                ir = int(parts[1])
                total += ir
                src = fi or fl
                by_fn[fn] += ir
                by_file[src] += ir
                by_line[(src, last_line)] += ir
                continue
            key, _, value = line.rstrip("\n").partition("=")
            if key == "fn":
                fn = name_of("fn", value)
                fi = None
            elif key == "fl":
                fl = name_of("fl", value)
                fi = None
            elif key in ("fi", "fe"):
                fi = name_of(key, value)
                if fi == fl:
                    fi = None
            elif key in ("cfn", "cfi", "cfl", "cob", "ob"):
                name_of(key, value)
            elif key == "calls":
                skip_next = True
    return total, by_fn, by_file, by_line


def find_dump(raw, bench):
    for path in glob.glob(os.path.join(raw, "callgrind", "*")):
        with open(path, errors="replace") as f:
            for line in f:
                if line.startswith("desc: Trigger: Client Request: "):
                    if line[len("desc: Trigger: Client Request: "):].strip().startswith(bench + "/"):
                        return path
                    break
                if line.startswith("summary:"):
                    break
    sys.exit("no dump for %s in %s/callgrind" % (bench, raw))


def rows_of(raw, bench):
    for path in glob.glob(os.path.join(raw, "cg-*.json")):
        with open(path) as f:
            for b in json.load(f).get("benchmarks", []):
                if b.get("name", "").startswith(bench + "/"):
                    return int(b.get("rows", 0))
    return 0


def short(name, width=100):
    name = re.sub(r"std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >", "std::string",
                  str(name))
    return name if len(name) <= width else name[: width - 3] + "..."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a", help="results directory, or the base dump file")
    ap.add_argument("b", help="benchmark (backend/workload/impl), or the other dump file")
    ap.add_argument("base", nargs="?", default="raw", help="implementation to compare with (default raw)")
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    if os.path.isdir(a.a):
        backend, workload, _ = a.b.split("/")[:3]
        base_bench = "%s/%s/%s" % (backend, workload, a.base)
        base_path, other_path = find_dump(a.a, base_bench), find_dump(a.a, a.b)
        rows = a.rows or rows_of(a.a, a.b)
        titles = (base_bench, a.b)
    else:
        base_path, other_path, rows = a.a, a.b, a.rows
        titles = (a.a, a.b)
    rows = rows or 1
    base, other = parse(base_path), parse(other_path)
    print("%s: %.1f Ir/row; %s: %.1f Ir/row; ratio %.4f (rows %d)" % (
        titles[0], base[0] / rows, titles[1], other[0] / rows, other[0] / base[0], rows))
    for label, index in (("function", 1), ("source file", 2), ("source line", 3)):
        diff = collections.Counter(other[index])
        diff.subtract(base[index])
        print("\nself Ir/row by %s: %s, %s, difference (largest first)" % (label, titles[0].split("/")[-1],
                                                                           titles[1].split("/")[-1]))
        for key, d in sorted(diff.items(), key=lambda kv: -abs(kv[1]))[: a.top]:
            if d == 0:
                break
            name = "%s:%d" % (short(key[0], 80), key[1]) if index == 3 else short(key)
            print("  %9.1f %9.1f %+9.1f  %s" % (base[index].get(key, 0) / rows, other[index].get(key, 0) / rows,
                                                d / rows, name))


if __name__ == "__main__":
    main()
