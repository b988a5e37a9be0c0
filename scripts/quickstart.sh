#!/usr/bin/env bash
# Builds and runs examples/quickstart (g++, build/quickstart). The example runs in
# build/quickstart/run/, emptied first, where it leaves its SQLite database quickstart.db.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
dir=build/quickstart

scripts/install-deps.sh
# Ninja (installed by now) for a new build directory; CMake ignores this for an existing one.
if [[ -z ${CMAKE_GENERATOR:-} ]] && command -v ninja >/dev/null; then
  export CMAKE_GENERATOR=Ninja
fi
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
  -DCTSQL_BUILD_EXAMPLES=ON -DCTSQL_BUILD_TESTS=OFF -DCTSQL_BUILD_BENCHMARKS=OFF -DCTSQL_INSTALL=OFF
cmake --build "$dir" -j "${CTSQL_JOBS:-2}" --target example_quickstart

rm -rf "$dir/run"
mkdir -p "$dir/run"
cd "$dir/run"
echo "==== running example_quickstart in $PWD"
"$root/$dir/examples/example_quickstart"
echo "==== the database is at $PWD/quickstart.db"
