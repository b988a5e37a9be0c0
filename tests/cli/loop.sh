#!/usr/bin/env bash
# THE LOOP (issue 7, point 5), as a user runs it: `ctsql init` a project, build its migrate
# program, autogenerate the first revision, rebuild, upgrade, check; edit the model (a column and
# a table), check fails, autogenerate, rebuild, upgrade, check passes; then the offline script of
# the chain, run by sqlite3 / psql, gives a database the program accepts.
#
# usage: loop.sh CTSQL CXX FLAGS_FILE DATABASE LIBRARIES...
#   CTSQL       the ctsql program (init)
#   CXX         the compiler; FLAGS_FILE: its flags for a ctsql::cli program (a response file)
#   DATABASE    sqlite | postgresql (PostgreSQL: the PG* variables of scripts/with-postgres.sh;
#               the test works in a schema of its own, dropped afterwards)
#   LIBRARIES   what the migrate program links (sqlite3, libpq)
set -euo pipefail

ctsql=$1 cxx=$2 flags_file=$3 database=$4
shift 4
libraries=("$@")

work=$(mktemp -d "${TMPDIR:-/tmp}/ctsql-loop.XXXXXX")
schema=""
cleanup() {
  if [[ -n $schema ]]; then
    psql -X -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "DROP SCHEMA IF EXISTS ${schema}_offline CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

case $database in
  sqlite) export CTSQL_DATABASE_URL="sqlite:///$work/app.db" ;;  # $work is absolute: sqlite:////tmp/...
  postgresql)
    schema="ctsql_loop_$$"
    psql -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA $schema"
    export CTSQL_DATABASE_URL="postgresql://?options=-c%20search_path%3D$schema"
    ;;
  *) echo "loop.sh: unknown database $database" >&2; exit 2 ;;
esac

project=$work/project
migrate=$work/migrate

# Runs a command, shows its output, and fails the test unless it exits with $1.
expect() {
  local want=$1
  shift
  echo "\$ ${*/#$work/<work>}"
  set +e
  "$@" >"$work/output" 2>&1
  local got=$?
  set -e
  sed 's/^/  /' "$work/output"
  if [[ $got != "$want" ]]; then
    echo "FAILED: exit $got, expected $want: $*"
    exit 1
  fi
}
# Fails the test unless the last command printed $1 (a fixed string).
printed() {
  if ! grep -qF -- "$1" "$work/output"; then
    echo "FAILED: the output lacks: $1"
    exit 1
  fi
}
# As the scaffolded CMakeLists.txt builds it: migrate_commands.cpp (the commands) is compiled
# once; each rebuild after a new revision compiles migrate.cpp (the chain) and links.
build() {
  echo "\$ build the migrate program"
  local started=$SECONDS
  if [[ ! -f $work/migrate_commands.o ]]; then
    "$cxx" "@$flags_file" -c "$project/migrate_commands.cpp" -o "$work/migrate_commands.o"
  fi
  "$cxx" "@$flags_file" -I"$project" "-DCTSQL_MIGRATIONS_DIR=\"$project/migrations\"" "$project/migrate.cpp" \
    "$work/migrate_commands.o" -o "$migrate" "${libraries[@]}"
  echo "  built in $((SECONDS - started)) s"
}

expect 0 "$ctsql" init "$project"
printed "created $project/model.hpp"
expect 3 "$ctsql" init "$project"  # never overwrites
printed "already exists: refusing to overwrite it"

build
expect 1 "$migrate" check  # the model has a table, the empty chain none
printed "model: table users is in the model, but the migration chain does not create it"
expect 0 "$migrate" revision --autogenerate -m "create users"
printed "wrote $project/migrations/versions/0001_create_users.hpp"
expect 3 "$migrate" revision -m "too early"  # 0001 is not built in yet
printed "rebuild it first"

build
expect 1 "$migrate" check
printed "database: behind, at base; head is 0001 (1 revision to apply)"
expect 0 "$migrate" upgrade
printed 'applied 0001 "create users"'
expect 0 "$migrate" check
printed "ok: database at head, no drift, the chain yields the model"

# The user adds a column to users and a posts table.
python3 - "$project/model.hpp" <<'EOF'
import sys
path = sys.argv[1]
text = open(path).read()
name_line = '    struct name_c : ctsql::column<users_t, "name", std::optional<std::string>> {} name;\n'
assert name_line in text, "the scaffolded model changed: update loop.sh"
text = text.replace(name_line, name_line + '    struct age_c : ctsql::column<users_t, "age", std::optional<std::int64_t>> {} age;\n')
posts = '''struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_c : ctsql::column<posts_t, "author", std::int64_t, ctsql::references<users_t::id_c>> {} author;
    struct title_c : ctsql::column<posts_t, "title", std::string, ctsql::default_value<"untitled">> {} title;
};

using model = ctsql::schema<users_t, posts_t>;
'''
assert 'using model = ctsql::schema<users_t>;\n' in text
text = text.replace('using model = ctsql::schema<users_t>;\n', posts)
open(path, 'w').write(text)
EOF

build
expect 1 "$migrate" check
printed "model: column users.age is in the model, but not in the chain's head"
printed "model: table posts is in the model, but the migration chain does not create it"
expect 0 "$migrate" revision --autogenerate -m "Ann's ages and posts"  # a quote: C++ and SQL literals
printed "wrote $project/migrations/versions/0002_"
build
expect 0 "$migrate" upgrade --dry-run
printed "dry run: 1 revision would be applied, ending at 0002; nothing was changed"
expect 1 "$migrate" check
expect 0 "$migrate" upgrade
printed 'applied 0002 "Ann'"'"'s ages and posts"'
expect 0 "$migrate" check
printed "ok: database at head, no drift, the chain yields the model"
expect 0 "$migrate" history
printed "0001 -> 0002 (head), Ann's ages and posts"
expect 0 "$migrate" downgrade -1
expect 1 "$migrate" check
expect 0 "$migrate" upgrade
expect 0 "$migrate" check

# The offline script of the same chain, run by the database's own shell on an empty database,
# gives a database the program accepts as its own (same schema, same checksums).
expect 0 "$migrate" upgrade --sql
cp "$work/output" "$work/script.sql"
case $database in
  sqlite)
    sqlite3 -bail "$work/offline.db" <"$work/script.sql"
    offline_url="sqlite:///$work/offline.db"
    ;;
  postgresql)
    offline_schema="${schema}_offline"
    psql -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA $offline_schema"
    PGOPTIONS="-c search_path=$offline_schema -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -f "$work/script.sql"
    offline_url="postgresql://?options=-c%20search_path%3D$offline_schema"
    ;;
esac
expect 0 "$migrate" --url "$offline_url" check
printed "ok: database at head, no drift, the chain yields the model"
expect 0 "$migrate" --url "$offline_url" history -v
printed "Message: Ann's ages and posts"
echo "loop on $database: passed"
