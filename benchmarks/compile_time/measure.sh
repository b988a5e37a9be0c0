#!/usr/bin/env bash
# Compile time and peak memory of generated TUs (generate.py) with N queries, on g++ and clang++.
#
# usage: [MODES="raw execute"] [RUNS=3] [CXXS="g++ clang++"] [OUT=benchmarks/results/compile_time]
#        [VERIFY=1] [SEPARATE=1] benchmarks/compile_time/measure.sh [N...]   (default N: 0 10 32 50 100 200)
#
# Every TU is compiled as the peers were (-std=c++20 -O2 -c), RUNS times; each compile is timed by
# GNU time (wall, user CPU, peak RSS), kept in $OUT.tsv. summarize.py takes the medians and writes
# $OUT.md and $OUT.json: per N, raw vs ctsql, the per-query slope from 10 to 200 and the 32-query TU against
# the targets. The load average before and after is recorded: other jobs on the machine inflate
# wall time much more than user CPU time.
# VERIFY=1 first links and runs the raw and execute TUs of every N against an in-memory SQLite
# database and stops unless both print the same checksum (the same queries did the same work).
# SEPARATE=1 adds the mode `separate` ("ctsql (separate)"): the execute TU compiled with
# -DCTSQL_SEPARATE_COMPILATION (the connector's non-template code declared only; docs/building.md).
# With VERIFY=1 it is linked against src/connector.cpp + src/sqlite.cpp, built once into a static
# library here, and must print the raw TU's checksum too.
# SHAPE=peers measures the peers' own TU instead (peer_shape.py: 32 queries on one `users` table
# into std::vector<std::tuple>, perf-baselines.md section 6, where the issue's targets were set):
# modes peers-raw and peers (+ peers-separate), N = 0 16 32, OUT .../compile_time_peers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
separate="${SEPARATE:-0}"
if [ "${SHAPE:-}" = peers ]; then
    [ ${#sizes[@]} -eq 0 ] && sizes=(0 16 32)
    read -r -a modes <<<"${MODES:-peers-raw peers}"
    separate_mode=peers-separate
    verify_modes=(peers-raw peers)
    out="${OUT:-$root/benchmarks/results/compile_time_peers}"
else
    [ ${#sizes[@]} -eq 0 ] && sizes=(0 10 32 50 100 200)
    read -r -a modes <<<"${MODES:-raw execute}"
    separate_mode=separate
    verify_modes=(raw execute)
    out="${OUT:-$root/benchmarks/results/compile_time}"
fi
[ "$separate" = 1 ] && modes+=("$separate_mode")
read -r -a compilers <<<"${CXXS:-g++ clang++}"
runs="${RUNS:-3}"
flags=(-std=c++20 -O2 -I"$root/include")
separate_flags=(-DCTSQL_SEPARATE_COMPILATION)
# Writes the TU of a measured mode with N queries (`separate` compiles the execute TU, and
# `peers-separate` the peers one, with separate_flags).
generate() {
    case "$2" in
        separate) python3 "$here/generate.py" "$1" execute ;;
        peers | peers-raw) python3 "$here/peer_shape.py" "$1" "$2" ;;
        peers-separate) python3 "$here/peer_shape.py" "$1" peers ;;
        *) python3 "$here/generate.py" "$1" "$2" ;;
    esac
}
is_separate() { [ "$1" = "$separate_mode" ]; }
mode_flags() { if is_separate "$1"; then echo "${separate_flags[@]}"; fi; }

if [ "${VERIFY:-0}" = 1 ]; then
    if [ "$separate" = 1 ]; then
        # The connector's non-template code, compiled once (what -DCTSQL_SEPARATE_COMPILATION=ON
        # builds as ctsql_connector_compiled + ctsql_sqlite_compiled).
        for src in connector sqlite; do
            g++ "${flags[@]}" "${separate_flags[@]}" -Wall -Wextra -Wpedantic -Werror -c "$root/src/$src.cpp" \
                -o "$tmp/lib_$src.o"
        done
        ar rcs "$tmp/libctsql-separate.a" "$tmp/lib_connector.o" "$tmp/lib_sqlite.o"
        verify_modes+=("$separate_mode")
    fi
    for n in "${sizes[@]}"; do
        for mode in "${verify_modes[@]}"; do
            generate "$n" "$mode" >"$tmp/$mode.cpp"
            if is_separate "$mode"; then
                g++ "${flags[@]}" "${separate_flags[@]}" -Wall -Wextra -Wpedantic -Werror "$tmp/$mode.cpp" \
                    -o "$tmp/$mode" "$tmp/libctsql-separate.a" -lsqlite3
            else
                g++ "${flags[@]}" -Wall -Wextra -Wpedantic -Werror "$tmp/$mode.cpp" -o "$tmp/$mode" -lsqlite3
            fi
            "$tmp/$mode" >"$tmp/$mode.sum"
        done
        raw_sum="$tmp/${verify_modes[0]}.sum"
        for mode in "${verify_modes[@]:1}"; do
            if ! cmp -s "$raw_sum" "$tmp/$mode.sum"; then
                echo "N=$n: ${verify_modes[0]} and $mode TUs disagree: $(cat "$raw_sum") vs $(cat "$tmp/$mode.sum")" >&2
                exit 1
            fi
        done
        echo "N=$n: ${verify_modes[0]} and ${verify_modes[*]:1} TUs print the same checksum $(cat "$raw_sum")" >&2
    done
fi

samples="$tmp/samples.tsv"
printf 'mode\tn\tcompiler\trun\twall_s\tuser_s\tpeak_kb\n' >"$samples"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do  # rounds outermost: drift in the machine's load hits every cell alike
    for n in "${sizes[@]}"; do
        for mode in "${modes[@]}"; do
            [ -f "$tmp/$mode$n.cpp" ] || generate "$n" "$mode" >"$tmp/$mode$n.cpp"
            read -r -a extra <<<"$(mode_flags "$mode")"
            for cxx in "${compilers[@]}"; do
                /usr/bin/time -f '%e %U %M' -o "$tmp/time" "$cxx" "${flags[@]}" ${extra[@]+"${extra[@]}"} -c "$tmp/$mode$n.cpp" -o "$tmp/tu.o"
                read -r wall user mem <"$tmp/time"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$n" "$cxx" "$run" "$wall" "$user" "$mem" >>"$samples"
                echo "run $run: $mode N=$n $cxx: $wall s wall, $user s user, $((mem / 1024)) MB" >&2
            done
        done
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$(dirname "$out")"
cp "$samples" "$out.tsv"  # every run, to summarize again (summarize.py $out.tsv $out ...)
python3 "$here/summarize.py" "$samples" "$out" \
    --load-before "$load_before" --load-after "$load_after" \
    --compilers "$(for c in "${compilers[@]}"; do "$c" --version | head -1; done | paste -sd';')" \
    --commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cat "$out.md"
