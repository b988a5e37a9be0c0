#!/usr/bin/env bash
# Installs the Debian 12 packages that ctsql's build, tests, examples and benchmarks need.
# Idempotent: when all are installed it prints one line and changes nothing. Uses sudo unless root.
set -euo pipefail

packages=(g++ clang cmake ninja-build make pkg-config libsqlite3-dev libpq-dev postgresql-15
          libboost1.81-dev catch2 libbenchmark-dev python3)
pg_bin=/usr/lib/postgresql/15/bin

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)) && [[ -x $pg_bin/initdb ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if ((${#missing[@]} == 0)); then
  missing=(postgresql-15)  # installed but its binaries are gone: reinstall below
fi

sudo=()
if ((EUID != 0)); then
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# postgresql-15 may create and start a default cluster; the tests never use it
# (scripts/with-postgres.sh starts its own server).
if ! { "${sudo[@]}" apt-get update -qq &&
       "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends --reinstall "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get failed" >&2
  exit 1
fi
if [[ ! -x $pg_bin/initdb ]]; then
  echo "install-deps: postgresql-15 installed, but $pg_bin/initdb is missing" >&2
  exit 1
fi
echo "install-deps: done"
