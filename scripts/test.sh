#!/usr/bin/env bash
# Usage: scripts/test.sh [gcc] [clang] [asan] [separate]     (default: all four stages)
#
# ctsql's test command (also run by .ci/run). Installs missing packages, then, each stage in its
# own build directory:
#   gcc    build/gcc:   g++ Release, everything; all tests (PostgreSQL tests against a throwaway
#                       server from scripts/with-postgres.sh)
#   clang  build/clang: clang++ Release, no runtime/package tests, examples or benchmarks; the
#                       static, constraints, compile_fail, harness and headers tests
#   asan   build/asan:  g++ Debug with ASan+UBSan, only the runtime tests (ctest -L runtime);
#                       skipped when CTSQL_SANITIZE=0
#   separate build/separate: g++ Debug with CTSQL_SEPARATE_COMPILATION=ON (the connectors'
#                       non-template code in static libraries), only the runtime tests, the
#                       examples and the package tests (ctest -L 'runtime|example|package')
# A failing stage does not stop the next one; the exit status is non-zero if any stage failed.
# CTSQL_JOBS (default 2) sets build and test parallelism.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${CTSQL_JOBS:-2}
stages=("$@")
if ((${#stages[@]} == 0)); then
  stages=(gcc clang asan separate)
fi

banner() {
  printf '\n==== %s ====\n' "$*"
}

# build <dir> [cmake --build args...]: keeps going after errors, so that ctest afterwards reports
# every test whose executable did not build (compile-only tests fail exactly that way).
build() {
  local dir=$1
  shift
  local keep_going=(-k)  # make
  if grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
    keep_going=(-k 0)
  fi
  cmake --build "$dir" -j "$jobs" "$@" -- "${keep_going[@]}"
}

# Each stage configures, builds, and runs its tests even when the build failed; it fails if
# either did.
stage_gcc() {
  local built=0
  cmake -S . -B build/gcc -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++
  build build/gcc || built=$?
  scripts/with-postgres.sh ctest --test-dir build/gcc --output-on-failure -j "$jobs"
  return "$built"
}

stage_clang() {
  local built=0
  cmake -S . -B build/clang -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ \
    -DCTSQL_TEST_RUNTIME=OFF -DCTSQL_BUILD_EXAMPLES=OFF -DCTSQL_BUILD_BENCHMARKS=OFF
  build build/clang || built=$?
  ctest --test-dir build/clang --output-on-failure -j "$jobs"
  return "$built"
}

stage_asan() {
  local built=0
  local sanitize="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
    "-DCMAKE_CXX_FLAGS=$sanitize" -DCTSQL_BUILD_EXAMPLES=OFF -DCTSQL_BUILD_BENCHMARKS=OFF
  # Only the runtime executables: the compile-only tests gain nothing from sanitizers.
  build build/asan --target ctsql_runtime_tests || built=$?
  UBSAN_OPTIONS=print_stacktrace=1 \
    scripts/with-postgres.sh ctest --test-dir build/asan --output-on-failure -j "$jobs" -L runtime
  return "$built"
}

stage_separate() {
  local built=0
  cmake -S . -B build/separate -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
    -DCTSQL_SEPARATE_COMPILATION=ON -DCTSQL_BUILD_BENCHMARKS=OFF
  # The runtime executables and the examples: the compile-only tests do not depend on the mode.
  local examples=()
  for main in examples/*/main.cpp; do
    examples+=("example_$(basename "$(dirname "$main")")")
  done
  build build/separate --target ctsql_runtime_tests "${examples[@]}" || built=$?
  scripts/with-postgres.sh ctest --test-dir build/separate --output-on-failure -j "$jobs" \
    -L 'runtime|example|package'
  return "$built"
}

banner "install-deps"
scripts/install-deps.sh
# Ninja (installed by now) for new build directories; CMake ignores this for existing ones.
if [[ -z ${CMAKE_GENERATOR:-} ]] && command -v ninja >/dev/null; then
  export CMAKE_GENERATOR=Ninja
fi

summary=()
failed=0
for stage in "${stages[@]}"; do
  case $stage in
    gcc | clang | separate) ;;
    asan)
      if [[ ${CTSQL_SANITIZE:-1} == 0 ]]; then
        summary+=("$(printf '%-8s skipped (CTSQL_SANITIZE=0)' "$stage")")
        continue
      fi
      ;;
    *)
      echo "test.sh: unknown stage '$stage' (gcc, clang, asan, separate)" >&2
      exit 2
      ;;
  esac
  banner "stage $stage"
  start=$SECONDS
  # errexit inside the subshell; the stage's status is collected instead of ending the script.
  set +e
  (set -e; "stage_$stage")
  status=$?
  set -e
  if ((status == 0)); then
    result=passed
  else
    result="FAILED (exit $status)"
    failed=1
  fi
  summary+=("$(printf '%-8s %-18s %4ds' "$stage" "$result" $((SECONDS - start)))")
done

banner "summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
