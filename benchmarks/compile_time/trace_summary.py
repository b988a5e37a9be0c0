#!/usr/bin/env python3
"""Sums a clang -ftime-trace file by template, in self time (an event's time minus that of the
events nested in it), so that a template that is expensive on its own stands out from the
templates that only contain expensive ones.

    clang++ -std=c++20 -O2 -c -Iinclude -ftime-trace -ftime-trace-granularity=0 tu.cpp -o tu.o
    python3 benchmarks/compile_time/trace_summary.py tu.json [TOP]

Each line: self time, number of events, event kind and the template's name without its
arguments (ctsql::detail::parameter_table<>). Constant evaluation has no events of its own in
clang 14: it counts as self time of the instantiation that asked for it (c_str<> for a
statement's rendering).
"""
import collections
import json
import re
import sys


def main():
    events = [e for e in json.load(open(sys.argv[1]))["traceEvents"]
              if e.get("ph") == "X" and not e["name"].startswith("Total ")]
    events.sort(key=lambda e: (e["ts"], -e["dur"]))
    self_time = collections.Counter()
    count = collections.Counter()

    def key(e):
        detail = e.get("args", {}).get("detail", "")
        return e["name"] + " " + re.sub(r"<.*", "<>", detail)[:100]

    stack = []
    for e in events:
        while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
            stack.pop()
        self_time[key(e)] += e["dur"]
        count[key(e)] += 1
        if stack:
            self_time[key(stack[-1])] -= e["dur"]
        stack.append(e)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    for name, us in self_time.most_common(top):
        print(f"{us / 1e3:8.0f} ms {count[name]:6d}  {name}")


if __name__ == "__main__":
    main()
