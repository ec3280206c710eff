#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d): one role
# and one database per service (infra/scripts/common.sh's SERVICES), paysuite_<service> both, the
# role's password from PAYSUITE_<SERVICE>_DB_PASSWORD. A service owns its database and reaches no other.
set -euo pipefail
PGHOST=/var/run/postgresql   # the init server listens on its socket only
source /paysuite/common.sh
for s in "${SERVICES[@]}"; do
  var="PAYSUITE_${s^^}_DB_PASSWORD"
  password="${!var:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -q \
    -v role="paysuite_$s" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
  log "database and role paysuite_$s"
done
