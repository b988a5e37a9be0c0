#!/usr/bin/env bash
# Compile time and peak memory of generated TUs with N statements, on g++ and clang++.
# usage: [MODE=render|advanced] benchmarks/compile_time/measure.sh [N...]   (default: 0 10 50 100 200;
# MODE picks the statements generate.py writes, render by default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(0 10 50 100 200)
printf '| statements | compiler | wall s | peak MB |\n|---|---|---|---|\n'
for n in "${sizes[@]}"; do
    python3 "$here/generate.py" "$n" "${MODE:-render}" >"$tmp/tu$n.cpp"
    for cxx in g++ clang++; do
        best_wall=999; best_mem=0
        for run in 1 2 3; do
            /usr/bin/time -f '%e %M' -o "$tmp/time" "$cxx" -std=c++20 -O2 -I"$root/include" -c "$tmp/tu$n.cpp" -o "$tmp/tu.o"
            read -r wall mem <"$tmp/time"
            if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_mem=$mem; fi
        done
        printf '| %s | %s | %s | %d |\n' "$n" "$cxx" "$best_wall" "$((best_mem / 1024))"
    done
done
