#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARG...]
#
# Runs CMD against a throwaway PostgreSQL 15 server and removes the server afterwards (also when
# CMD fails or the script is interrupted); exits with CMD's exit status.
#
# The server listens only on a Unix socket in a private temporary directory (no TCP, so no port
# clash with another server), trusts every local connection, and runs with fsync off. PostgreSQL
# refuses to run as root: as root the server runs as the system user ctsql_pg (created if
# missing); otherwise as the calling user.
#
# CMD sees the libpq variables PGHOST, PGPORT, PGUSER=postgres, PGDATABASE=postgres, plus
#   CTSQL_TEST_PG=1            the PostgreSQL runtime tests must run (not skip)
#   CTSQL_PG_BIN               the server's bin directory
#   CTSQL_PG_DATA              the data directory (server settings live in its postgresql.conf)
#   CTSQL_PG_CTL               "pg_ctl -D <data> -l <log>" (run as the server's user): append
#                              stop / start -w / restart -w
#   CTSQL_PG_RESTART_CMD       a shell command that restarts the server (waits until it is up)
#   CTSQL_PG_STOP_CMD, CTSQL_PG_START_CMD   the same for stopping and starting
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

pg_bin=${CTSQL_PG_BIN:-/usr/lib/postgresql/15/bin}
port=54329
if [[ ! -x $pg_bin/initdb || ! -x $pg_bin/pg_ctl ]]; then
  echo "with-postgres: no PostgreSQL server in $pg_bin (scripts/install-deps.sh installs postgresql-15)" >&2
  exit 1
fi

# In /tmp (not TMPDIR), which the server's user can traverse and which keeps the socket path short.
tmp=$(mktemp -d /tmp/ctsql-pg.XXXXXX)
data=$tmp/data
sock=$tmp/sock
log=$tmp/postgres.log
mkdir "$sock"

as_server=()
if ((EUID == 0)); then
  if ! id -u ctsql_pg >/dev/null 2>&1; then
    useradd -r -M -s /usr/sbin/nologin ctsql_pg
  fi
  chown -R ctsql_pg: "$tmp"
  as_server=(runuser -u ctsql_pg --)
fi
chmod 755 "$tmp" "$sock"

pg_ctl=("${as_server[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$log")
printf -v CTSQL_PG_CTL '%q ' "${pg_ctl[@]}"
CTSQL_PG_CTL=${CTSQL_PG_CTL% }

started=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if ((started)); then
    # cd: the server's user may not be allowed into the caller's working directory.
    (cd "$tmp" && "${pg_ctl[@]}" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Fails the script after showing what the server or initdb said.
die_with_log() {
  echo "with-postgres: $1" >&2
  [[ -f $2 ]] && tail -n 30 "$2" >&2
  exit 1
}

cd "$tmp"
"${as_server[@]}" "$pg_bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 --locale=C \
  >"$tmp/initdb.log" 2>&1 || die_with_log "initdb failed" "$tmp/initdb.log"
# The settings go into postgresql.conf rather than pg_ctl -o, so that a plain
# `$CTSQL_PG_CTL start` after a stop brings the same server back.
cat >>"$data/postgresql.conf" <<EOF

# scripts/with-postgres.sh: throwaway test server
listen_addresses = ''
unix_socket_directories = '$sock'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
started=1  # from here on, cleanup stops the server (harmless if it never came up)
"${pg_ctl[@]}" -w -t 60 start >/dev/null 2>&1 || die_with_log "the server did not start" "$log"
cd - >/dev/null

unset PGHOSTADDR PGSERVICE  # would take precedence over PGHOST
export PGHOST=$sock PGPORT=$port PGUSER=postgres PGDATABASE=postgres
export CTSQL_TEST_PG=1 CTSQL_PG_BIN=$pg_bin CTSQL_PG_DATA=$data CTSQL_PG_CTL
export CTSQL_PG_RESTART_CMD="cd $tmp && $CTSQL_PG_CTL -w -m fast restart"
export CTSQL_PG_STOP_CMD="cd $tmp && $CTSQL_PG_CTL -w -m fast stop"
export CTSQL_PG_START_CMD="cd $tmp && $CTSQL_PG_CTL -w start"

set +e
"$@"
status=$?
set -e
exit "$status"
