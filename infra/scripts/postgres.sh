#!/usr/bin/env bash
# One database per service on the local PostgreSQL server.
#   postgres.sh ensure-running   start the local cluster if it is down
#   postgres.sh run              create the suite's databases when missing (data is kept)
#   postgres.sh test             drop and recreate the test databases (*_test and *_e2e, and
#                                TEST_DATABASES such as platform's)
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_running() {
  pg_isready -q && return 0
  log "PostgreSQL is down; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  local i
  for ((i = 0; i < 30; i++)); do pg_isready -q && return 0; sleep 1; done
  die "PostgreSQL did not come up on $PGHOST:$PGPORT"
}

psql_admin() { psql -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

create_if_missing() {
  local db=$1
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_admin -c "CREATE DATABASE \"$db\"" && log "created database $db"
  fi
}

recreate() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
  psql_admin -c "CREATE DATABASE \"$1\""
}

case "${1:-}" in
  ensure-running) ensure_running ;;
  run)
    ensure_running
    for s in "${SERVICES[@]}"; do create_if_missing "paysuite_$s"; done ;;
  test)
    ensure_running
    for s in "${SERVICES[@]}"; do
      recreate "paysuite_${s}_test$TEST_DB_SUFFIX"
      recreate "paysuite_${s}_e2e$TEST_DB_SUFFIX"
    done
    for db in "${TEST_DATABASES[@]}"; do recreate "$db"; done
    log "test databases recreated" ;;
  *) die "usage: postgres.sh ensure-running|run|test" ;;
esac
