#!/usr/bin/env bash
# One database per service on the local PostgreSQL server.
#   postgres.sh ensure-running   start the local cluster if it is down
#   postgres.sh run              create the suite's databases when missing (data is kept)
#   postgres.sh test             drop and recreate the test databases (*_test and *_e2e, and
#                                TEST_DATABASES such as platform's)
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_running() {
  if ! pg_isready -q; then
    log "PostgreSQL is down; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    local i
    for ((i = 0; i < 30; i++)); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL did not come up on $PGHOST:$PGPORT"
  fi
  ensure_autovacuum
}

psql_admin() { psql -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# The suite's hot tables (deliveries, outbox, idempotency keys, the views) turn most of their rows over
# and filter on partial indexes (state = 'PENDING', published_at IS NULL): without autovacuum the dead
# entries pile up in those indexes and every claim walks them (deliveries_due read 42,000 dead entries
# per claim after a few benchmark runs, and PostgreSQL's CPU rose from 40 to 66 % of a core at a third
# of the load). A server with it off (CI images set autovacuum = off in conf.d) gets it back on, as
# every production server has it; ALTER SYSTEM's setting outranks conf.d and takes a reload, not a restart.
ensure_autovacuum() {
  if [ "$(psql_admin -c "SHOW autovacuum")" != "on" ]; then
    psql_admin -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
    log "PostgreSQL's autovacuum was off; turned on (ALTER SYSTEM)"
  fi
}

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
