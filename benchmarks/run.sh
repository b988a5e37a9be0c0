#!/usr/bin/env bash
# Runtime benchmarks W1-W5, one command (see benchmarks/README.md):
#   installs what is missing (scripts/install-deps.sh, valgrind, and the peers' Debian packages:
#   libsoci-dev, libsqlitecpp-dev, libpqxx-dev, python3-sqlalchemy, python3-psycopg2), builds
#   bench_sqlite and bench_postgresql (Release; the C++ peers inside them), and runs, round by
#   round, hand-written sqlite3/libpq code, ctsql, SOCI, SQLiteCpp, libpqxx (one process per round),
#   then SQLAlchemy Core and ORM, on SQLite (file, :memory:) and on a throwaway PostgreSQL 15
#   (scripts/with-postgres.sh), with the server and every client pinned to one CPU; counts
#   instructions with callgrind (SQLite, and the PostgreSQL client); writes
#   benchmarks/results/latest.md and latest.json, the tables in benchmarks/README.md and the Speed
#   section of README.md.
#
# Knobs (environment):
#   ROWS=100000 W4=10000 REPS=5      C++ wall-time runs: rows of W1/W2/W3/W5, W4 executions, rounds
#   PY_ROWS=CG_ROWS PY_W4=CG_W4      the same for SQLAlchemy, every round (fewer: Python is 5-150x
#                                    slower and the full run has to fit in about 15 minutes; as many
#                                    as callgrind's runs, so their checksums are compared)
#   PEERS=all                        none: only raw and ctsql (no peer packages, no SQLAlchemy)
#   CALLGRIND=1 CG_ROWS=10000 CG_W4=1000   instruction counts (0: skip)
#   CG_PEERS=1                       also count the C++ peers' instructions
#   BACKENDS="sqlite-file sqlite-mem pg"   which databases
#   PIN_CPU=1                        CPU for the PostgreSQL server and every client ("": no pinning)
#   PYTHON=/usr/bin/python3          the interpreter that has Debian's python3-sqlalchemy
#   BUILD=build/bench                build directory (raw outputs go to $BUILD/results/<time>/)
#   RESULTS=benchmarks/results       where latest.md / latest.json go
#   PAGES=1                          0: leave the pages alone (benchmarks/README.md "Latest results",
#                                    README.md "Speed"), for trial runs
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

# One SQLAlchemy round (Core, then ORM, or the reverse in odd rounds) on one backend, right after
# that round's C++ process; a failed benchmark is recorded in its JSON (summarize.py lists it)
# and does not stop the run.
run_sqlalchemy() {
    [[ -n $PEERS ]] || return 0
    local backend=$1 round=$2 dir=${3:-/tmp}
    "${pin[@]}" "$PYTHON" "$here/runtime/peers/sqlalchemy_bench.py" --backend="$backend" --rows="$PY_ROWS" \
        --w4="$PY_W4" --reps=1 --first-round="$round" --dir="$dir" \
        --out="$RAW/wall/sqlalchemy-$backend.r$round.json" >>"$RAW/sqlalchemy.log" 2>&1 ||
        echo "sqlalchemy: $backend round $round had errors (see $RAW/sqlalchemy.log)" >&2
}

# ---- the PostgreSQL stage, run inside scripts/with-postgres.sh (see the end of this file) -------
if [[ ${1:-} == --inside-postgres ]]; then
    conf=$CTSQL_PG_DATA/postgresql.conf
    # Benchmark settings on top of with-postgres.sh's (fsync, synchronous_commit and
    # full_page_writes are off already); never for real data.
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
    echo "postgresql: wall time, rows=$ROWS w4=$W4 reps=$REPS${PEERS:+; sqlalchemy rows=$PY_ROWS w4=$PY_W4}" >&2
    for ((round = 0; round < REPS; ++round)); do
        cut -d' ' -f1 /proc/loadavg >>"$RAW/load.txt"
        "${pin[@]}" "$BIN/bench_postgresql" --rows="$ROWS" --w4="$W4" --reps=1 --first-round="$round" \
            --benchmark_out="$RAW/wall/postgresql.r$round.json" --benchmark_out_format=json \
            >>"$RAW/postgresql.log" 2>&1 || { tail -20 "$RAW/postgresql.log" >&2; exit 1; }
        run_sqlalchemy pg "$round"
    done
    if [[ $CALLGRIND == 1 ]]; then
        echo "postgresql: callgrind (client process), rows=$CG_ROWS w4=$CG_W4" >&2
        "${pin[@]}" valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$RAW/callgrind/postgresql.%p" \
            "$BIN/bench_postgresql" --rows="$CG_ROWS" --w4="$CG_W4" --reps=1 --impls="$CG_IMPLS" \
            --benchmark_out="$RAW/cg-postgresql.json" --benchmark_out_format=json \
            >"$RAW/cg-postgresql.log" 2>&1 || { tail -20 "$RAW/cg-postgresql.log" >&2; exit 1; }
    fi
    exit 0
fi

export CALLGRIND=${CALLGRIND:-1} CG_ROWS=${CG_ROWS:-10000} CG_W4=${CG_W4:-1000} CG_PEERS=${CG_PEERS:-1}
# SQLAlchemy runs as many rows as callgrind, so its checksums are checked against the C++ code's.
export ROWS=${ROWS:-100000} W4=${W4:-10000} REPS=${REPS:-5} PY_ROWS=${PY_ROWS:-$CG_ROWS} PY_W4=${PY_W4:-$CG_W4}
export PEERS=${PEERS:-all}
[[ $PEERS == none ]] && PEERS=""
BACKENDS=${BACKENDS:-"sqlite-file sqlite-mem pg"}
export PIN_CPU=${PIN_CPU-$(($(nproc) > 1 ? 1 : 0))}
export PYTHON=${PYTHON:-/usr/bin/python3}
BUILD=${BUILD:-$root/build/bench}
RESULTS=${RESULTS:-$here/results}
PAGES=${PAGES:-1}
# Callgrind: ctsql against raw, and the C++ peers when CG_PEERS=1 (one more minute or two).
export CG_IMPLS=raw,ctsql,ctsql-many,ctsql-bulk
[[ -n $PEERS && $CG_PEERS == 1 ]] && CG_IMPLS+=,soci,sqlitecpp,libpqxx
started=$(date +%s)
stamp=$(date +%Y%m%d-%H%M%S)
export RAW=$BUILD/results/$stamp
export BIN=$BUILD/benchmarks
mkdir -p "$RAW/callgrind" "$RAW/wall" "$RESULTS"
has() { [[ " $BACKENDS " == *" $1 "* ]]; }
pin=()
[[ -n $PIN_CPU ]] && pin=(taskset -c "$PIN_CPU")

# ---- packages -------------------------------------------------------------------------------------
"$root/scripts/install-deps.sh" >"$RAW/install.log" 2>&1 || { cat "$RAW/install.log" >&2; exit 1; }
extra=()
[[ $CALLGRIND == 1 ]] && extra+=(valgrind)
[[ -n $PEERS ]] && extra+=(libsoci-dev libsqlitecpp-dev libpqxx-dev python3-sqlalchemy python3-psycopg2 pkg-config)
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
      -DCTSQL_BUILD_TESTS=OFF -DCTSQL_BUILD_EXAMPLES=OFF -DCTSQL_INSTALL=OFF \
      -DCTSQL_BENCH_PEERS=$([[ -n $PEERS ]] && echo ON || echo OFF) &&
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
    if [[ -n $PEERS ]]; then
        printf 'soci\tlibsoci-dev %s\n' "$(version libsoci-dev)"
        printf 'sqlitecpp\tlibsqlitecpp-dev %s\n' "$(version libsqlitecpp-dev)"
        printf 'libpqxx\tlibpqxx-dev %s\n' "$(version libpqxx-dev)"
        printf 'sqlalchemy\tpython3-sqlalchemy %s (C extensions: python3-sqlalchemy-ext %s), python3-psycopg2 %s, %s\n' \
            "$(version python3-sqlalchemy)" "$(version python3-sqlalchemy-ext)" "$(version python3-psycopg2)" \
            "$("$PYTHON" --version 2>&1)"
    fi
    printf 'knobs\tROWS=%s W4=%s REPS=%s PY_ROWS=%s PY_W4=%s CG_ROWS=%s CG_W4=%s PEERS=%s CG_IMPLS=%s\n' \
        "$ROWS" "$W4" "$REPS" "$PY_ROWS" "$PY_W4" "$CG_ROWS" "$CG_W4" "${PEERS:-none}" "$CG_IMPLS"
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
    echo "sqlite: wall time ($list), rows=$ROWS w4=$W4 reps=$REPS${PEERS:+; sqlalchemy rows=$PY_ROWS w4=$PY_W4}" >&2
    for ((round = 0; round < REPS; ++round)); do
        cut -d' ' -f1 /proc/loadavg >>"$RAW/load.txt"  # the load while the rounds ran (summarize.py)
        "${pin[@]}" "$BIN/bench_sqlite" --rows="$ROWS" --w4="$W4" --reps=1 --first-round="$round" \
            --backends="$list" --dir="$dbdir" \
            --benchmark_out="$RAW/wall/sqlite.r$round.json" --benchmark_out_format=json >>"$RAW/sqlite.log" 2>&1 ||
            { tail -20 "$RAW/sqlite.log" >&2; exit 1; }
        for backend in "${sqlite_backends[@]}"; do run_sqlalchemy "$backend" "$round" "$dbdir"; done
    done
    if [[ $CALLGRIND == 1 ]]; then
        echo "sqlite: callgrind, rows=$CG_ROWS w4=$CG_W4" >&2
        "${pin[@]}" valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$RAW/callgrind/sqlite.%p" \
            "$BIN/bench_sqlite" --rows="$CG_ROWS" --w4="$CG_W4" --reps=1 --impls="$CG_IMPLS" --backends="$list" \
            --dir="$dbdir" \
            --benchmark_out="$RAW/cg-sqlite.json" --benchmark_out_format=json >"$RAW/cg-sqlite.log" 2>&1 ||
            { tail -20 "$RAW/cg-sqlite.log" >&2; exit 1; }
    fi
fi

# ---- PostgreSQL (a throwaway server; this script again, inside it) -------------------------------
if has pg; then
    "$root/scripts/with-postgres.sh" "$here/run.sh" --inside-postgres
fi

printf 'load_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/env.tsv"
printf 'duration\t%s s\n' "$(($(date +%s) - started))" >>"$RAW/env.tsv"

# ---- tables ----------------------------------------------------------------------------------
pages=()
[[ $PAGES == 1 ]] && pages=(--readme "$here/README.md" --speed "$root/README.md")
python3 "$here/runtime/summarize.py" --raw "$RAW" --md "$RESULTS/latest.md" --json "$RESULTS/latest.json" "${pages[@]}"
cat "$RESULTS/latest.md"
echo "raw outputs: $RAW" >&2
