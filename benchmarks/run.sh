#!/usr/bin/env bash
# Runtime benchmarks W1-W5, one command (see benchmarks/README.md):
#   installs what is missing (scripts/install-deps.sh, valgrind, and the peers' Debian packages
#   when PEERS is set), builds bench_sqlite and bench_postgresql (Release), runs them on SQLite
#   (file, :memory:) and on a throwaway PostgreSQL 15 (scripts/with-postgres.sh) with the server
#   and the client pinned to one CPU, counts instructions with callgrind (SQLite, and the
#   PostgreSQL client), optionally runs the peer harness (../shared/peers/run.sh), and writes
#   benchmarks/results/latest.md and latest.json and the table in benchmarks/README.md.
#
# Knobs (environment):
#   ROWS=100000 W4=10000 REPS=5      wall-time runs: rows of W1/W2/W3/W5, W4 executions, rounds
#   CALLGRIND=1 CG_ROWS=10000 CG_W4=1000   instruction counts (0: skip)
#   PEERS="raw soci sqlitecpp libpqxx" PEER_REPS=3   also run the peer harness (default: none;
#                                    it adds 3-5 minutes)
#   BACKENDS="sqlite-file sqlite-mem pg"   which databases
#   PIN_CPU=1                        CPU for the PostgreSQL server and every client ("": no pinning)
#   BUILD=build/bench                build directory (raw outputs go to $BUILD/results/<time>/)
#   RESULTS=benchmarks/results       where latest.md / latest.json go
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

# ---- the PostgreSQL stage, run inside scripts/with-postgres.sh (see the end of this file) -------
if [[ ${1:-} == --inside-postgres ]]; then
    conf=$CTSQL_PG_DATA/postgresql.conf
    # The peer harness's benchmark settings on top of with-postgres.sh's (fsync, synchronous_commit
    # and full_page_writes are off already); never for real data.
    printf '\n# benchmarks/run.sh\nautovacuum = off\nshared_buffers = 256MB\n' >>"$conf"
    if [[ -n $PIN_CPU ]]; then
        # Restarted under taskset: the postmaster and every backend it forks run on PIN_CPU.
        taskset -c "$PIN_CPU" bash -c "$CTSQL_PG_RESTART_CMD" >/dev/null
    else
        bash -c "$CTSQL_PG_RESTART_CMD" >/dev/null
    fi
    postmaster=$(head -1 "$CTSQL_PG_DATA/postmaster.pid")
    echo "postgresql: postmaster $postmaster, $(taskset -cp "$postmaster" | sed 's/.*: /CPUs /')" >&2
    psql -XAtqc 'SELECT version()' >"$RAW/pg-version.txt" 2>/dev/null || true
    pin=()
    [[ -n $PIN_CPU ]] && pin=(taskset -c "$PIN_CPU")
    echo "postgresql: wall time, rows=$ROWS w4=$W4 reps=$REPS" >&2
    "${pin[@]}" "$BIN/bench_postgresql" --rows="$ROWS" --w4="$W4" --reps="$REPS" \
        --benchmark_out="$RAW/postgresql.json" --benchmark_out_format=json >"$RAW/postgresql.log" 2>&1 ||
        { tail -20 "$RAW/postgresql.log" >&2; exit 1; }
    if [[ $CALLGRIND == 1 ]]; then
        echo "postgresql: callgrind (client process), rows=$CG_ROWS w4=$CG_W4" >&2
        "${pin[@]}" valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$RAW/callgrind/postgresql.%p" \
            "$BIN/bench_postgresql" --rows="$CG_ROWS" --w4="$CG_W4" --reps=1 --impls=raw,ctsql,ctsql-many \
            --benchmark_out="$RAW/cg-postgresql.json" --benchmark_out_format=json \
            >"$RAW/cg-postgresql.log" 2>&1 || { tail -20 "$RAW/cg-postgresql.log" >&2; exit 1; }
    fi
    exit 0
fi

export ROWS=${ROWS:-100000} W4=${W4:-10000} REPS=${REPS:-5}
export CALLGRIND=${CALLGRIND:-1} CG_ROWS=${CG_ROWS:-10000} CG_W4=${CG_W4:-1000}
PEERS=${PEERS:-none}
[[ $PEERS == none ]] && PEERS=""
PEER_REPS=${PEER_REPS:-3}
BACKENDS=${BACKENDS:-"sqlite-file sqlite-mem pg"}
export PIN_CPU=${PIN_CPU-$(($(nproc) > 1 ? 1 : 0))}
BUILD=${BUILD:-$root/build/bench}
RESULTS=${RESULTS:-$here/results}
PEERS_DIR=${PEERS_DIR:-$root/../shared/peers}
started=$(date +%s)
stamp=$(date +%Y%m%d-%H%M%S)
export RAW=$BUILD/results/$stamp
export BIN=$BUILD/benchmarks
mkdir -p "$RAW/callgrind" "$RESULTS"
has() { [[ " $BACKENDS " == *" $1 "* ]]; }
pin=()
[[ -n $PIN_CPU ]] && pin=(taskset -c "$PIN_CPU")

# ---- packages -------------------------------------------------------------------------------------
"$root/scripts/install-deps.sh" >"$RAW/install.log" 2>&1 || { cat "$RAW/install.log" >&2; exit 1; }
extra=()
[[ $CALLGRIND == 1 ]] && extra+=(valgrind)
if [[ -n $PEERS ]]; then
    # Everything ../shared/peers/run.sh checks for (it would install the rest itself, loudly).
    extra+=(make libsoci-dev libsqlitecpp-dev libpqxx-dev python3-sqlalchemy python3-psycopg2)
fi
missing=()
for p in "${extra[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}" >&2
    sudo=()
    ((EUID != 0)) && sudo=(sudo)
    { "${sudo[@]}" apt-get update -qq &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
        >>"$RAW/install.log" 2>&1 || { tail -20 "$RAW/install.log" >&2; exit 1; }
fi

# ---- build (Release) ------------------------------------------------------------------------------
echo "building bench_sqlite and bench_postgresql in $BUILD (Release)" >&2
{ cmake -S "$root" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCTSQL_BUILD_BENCHMARKS=ON \
      -DCTSQL_BUILD_TESTS=OFF -DCTSQL_BUILD_EXAMPLES=OFF -DCTSQL_INSTALL=OFF &&
  cmake --build "$BUILD" --target bench_sqlite bench_postgresql -j "${CTSQL_JOBS:-2}"; } >"$RAW/build.log" 2>&1 ||
    { tail -40 "$RAW/build.log" >&2; exit 1; }

# ---- the machine --------------------------------------------------------------------------------
version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
{
    printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
    cpuinfo() { grep -m1 "^$1" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'; }
    printf 'cpu\t%s x %s (family %s model %s stepping %s, %s MHz%s)\n' "$(cpuinfo 'model name')" "$(nproc)" \
        "$(cpuinfo 'cpu family')" "$(cpuinfo 'model')" "$(cpuinfo 'stepping')" "$(cpuinfo 'cpu MHz' | cut -d. -f1)" \
        "$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor: *\(.*\)/, \1 guest/p')"
    printf 'kernel\t%s\n' "$(uname -r)"
    printf 'memory\t%s\n' "$(free -h | awk '/^Mem:/ {print $2}')"
    printf 'compiler\t%s\n' "$(c++ --version | head -1)"
    printf 'flags\tCMAKE_BUILD_TYPE=Release (-O3 -DNDEBUG) -g\n'
    printf 'ctsql\t%s\n' "$commit"
    printf 'sqlite\tlibsqlite3-0 %s\n' "$(version libsqlite3-0)"
    printf 'libpq\tlibpq5 %s\n' "$(version libpq5)"
    printf 'postgresql\tpostgresql-15 %s (fsync, synchronous_commit, full_page_writes, autovacuum off; shared_buffers 256MB; unix socket)\n' "$(version postgresql-15)"
    printf 'boost\tlibboost1.81-dev %s\n' "$(version libboost1.81-dev)"
    printf 'google_benchmark\tlibbenchmark-dev %s\n' "$(version libbenchmark-dev)"
    printf 'valgrind\t%s\n' "$(valgrind --version 2>/dev/null || echo none)"
    if [[ -n $PIN_CPU ]]; then
        printf 'pinning\tPostgreSQL server and every client on CPU %s (taskset)\n' "$PIN_CPU"
    else
        printf 'pinning\tnone\n'
    fi
    printf 'knobs\tROWS=%s W4=%s REPS=%s CG_ROWS=%s CG_W4=%s PEERS=%s PEER_REPS=%s\n' \
        "$ROWS" "$W4" "$REPS" "$CG_ROWS" "$CG_W4" "${PEERS:-none}" "$PEER_REPS"
    printf 'load_before\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RAW/env.tsv"

# ---- SQLite ------------------------------------------------------------------------------------
sqlite_backends=()
has sqlite-file && sqlite_backends+=(sqlite-file)
has sqlite-mem && sqlite_backends+=(sqlite-mem)
if ((${#sqlite_backends[@]})); then
    list=$(IFS=,; echo "${sqlite_backends[*]}")
    dbdir=$(mktemp -d)
    trap 'rm -rf "$dbdir"' EXIT
    echo "sqlite: wall time ($list), rows=$ROWS w4=$W4 reps=$REPS" >&2
    "${pin[@]}" "$BIN/bench_sqlite" --rows="$ROWS" --w4="$W4" --reps="$REPS" --backends="$list" --dir="$dbdir" \
        --benchmark_out="$RAW/sqlite.json" --benchmark_out_format=json >"$RAW/sqlite.log" 2>&1 ||
        { tail -20 "$RAW/sqlite.log" >&2; exit 1; }
    if [[ $CALLGRIND == 1 ]]; then
        echo "sqlite: callgrind, rows=$CG_ROWS w4=$CG_W4" >&2
        "${pin[@]}" valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$RAW/callgrind/sqlite.%p" \
            "$BIN/bench_sqlite" --rows="$CG_ROWS" --w4="$CG_W4" --reps=1 --backends="$list" --dir="$dbdir" \
            --benchmark_out="$RAW/cg-sqlite.json" --benchmark_out_format=json >"$RAW/cg-sqlite.log" 2>&1 ||
            { tail -20 "$RAW/cg-sqlite.log" >&2; exit 1; }
    fi
fi

# ---- PostgreSQL (a throwaway server; this script again, inside it) -------------------------------
if has pg; then
    "$root/scripts/with-postgres.sh" "$here/run.sh" --inside-postgres
fi

# ---- the peers (their own harness, servers and baseline) ----------------------------------------
if [[ -n $PEERS ]]; then
    echo "peers: $PEERS, ${PEER_REPS} rounds (../shared/peers/run.sh)" >&2
    mkdir -p "$RAW/peers" "$BUILD/peers"
    BUILD="$BUILD/peers" OUT="$RAW/peers" PEERS="$PEERS" REPEATS="$PEER_REPS" PY_REPEATS="$PEER_REPS" \
        ROWS="$ROWS" W4="$W4" BACKENDS="$BACKENDS" PIN_CPU="$PIN_CPU" CALLGRIND=0 \
        "$PEERS_DIR/run.sh" >"$RAW/peers.log" 2>&1 || { tail -20 "$RAW/peers.log" >&2; exit 1; }
fi

printf 'load_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/env.tsv"
printf 'duration\t%s s\n' "$(($(date +%s) - started))" >>"$RAW/env.tsv"

# ---- tables ----------------------------------------------------------------------------------
python3 "$here/runtime/summarize.py" --raw "$RAW" --md "$RESULTS/latest.md" --json "$RESULTS/latest.json" \
    --readme "$here/README.md"
cat "$RESULTS/latest.md"
echo "raw outputs: $RAW" >&2
