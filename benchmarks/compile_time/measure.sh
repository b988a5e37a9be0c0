#!/usr/bin/env bash
# Compile time and peak memory of generated TUs (generate.py) with N queries, on g++ and clang++.
#
# usage: [MODES="raw execute"] [RUNS=3] [CXXS="g++ clang++"] [OUT=benchmarks/results/compile_time]
#        [VERIFY=1] benchmarks/compile_time/measure.sh [N...]          (default N: 0 10 32 50 100 200)
#
# Every TU is compiled as the peers were (-std=c++20 -O2 -c), RUNS times; each compile is timed by
# GNU time (wall, user CPU, peak RSS). summarize.py takes the medians and writes $OUT.md and
# $OUT.json: per N, raw vs ctsql, the per-query slope from 10 to 200 and the 32-query TU against
# the targets. The load average before and after is recorded: other jobs on the machine inflate
# wall time much more than user CPU time.
# VERIFY=1 first links and runs the raw and execute TUs of every N against an in-memory SQLite
# database and stops unless both print the same checksum (the same queries did the same work).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(0 10 32 50 100 200)
read -r -a modes <<<"${MODES:-raw execute}"
read -r -a compilers <<<"${CXXS:-g++ clang++}"
runs="${RUNS:-3}"
out="${OUT:-$root/benchmarks/results/compile_time}"
flags=(-std=c++20 -O2 -I"$root/include")

if [ "${VERIFY:-0}" = 1 ]; then
    for n in "${sizes[@]}"; do
        for mode in raw execute; do
            python3 "$here/generate.py" "$n" "$mode" >"$tmp/$mode.cpp"
            g++ "${flags[@]}" -Wall -Wextra -Wpedantic -Werror "$tmp/$mode.cpp" -o "$tmp/$mode" -lsqlite3
            "$tmp/$mode" >"$tmp/$mode.sum"
        done
        if ! cmp -s "$tmp/raw.sum" "$tmp/execute.sum"; then
            echo "N=$n: raw and execute TUs disagree: $(cat "$tmp/raw.sum") vs $(cat "$tmp/execute.sum")" >&2
            exit 1
        fi
        echo "N=$n: raw and execute TUs print the same checksum $(cat "$tmp/raw.sum")" >&2
    done
fi

samples="$tmp/samples.tsv"
printf 'mode\tn\tcompiler\trun\twall_s\tuser_s\tpeak_kb\n' >"$samples"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do  # rounds outermost: drift in the machine's load hits every cell alike
    for n in "${sizes[@]}"; do
        for mode in "${modes[@]}"; do
            [ -f "$tmp/$mode$n.cpp" ] || python3 "$here/generate.py" "$n" "$mode" >"$tmp/$mode$n.cpp"
            for cxx in "${compilers[@]}"; do
                /usr/bin/time -f '%e %U %M' -o "$tmp/time" "$cxx" "${flags[@]}" -c "$tmp/$mode$n.cpp" -o "$tmp/tu.o"
                read -r wall user mem <"$tmp/time"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$n" "$cxx" "$run" "$wall" "$user" "$mem" >>"$samples"
                echo "run $run: $mode N=$n $cxx: $wall s wall, $user s user, $((mem / 1024)) MB" >&2
            done
        done
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$(dirname "$out")"
python3 "$here/summarize.py" "$samples" "$out" \
    --load-before "$load_before" --load-after "$load_after" \
    --compilers "$(for c in "${compilers[@]}"; do "$c" --version | head -1; done | paste -sd';')" \
    --commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cat "$out.md"
