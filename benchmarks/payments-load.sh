#!/usr/bin/env bash
# Creates payments at a constant rate against payments-service with its outbox relay on a real
# broker and PostgreSQL, then counts what the relay did. Everything it starts listens on 23xxx and is
# stopped at the end (by the pids it started); data goes to a throw-away database and broker dir.
#   benchmarks/payments-load.sh [RATE] [SECONDS]      default 300 payments/s for 300 s
# Environment: BUILD=0 skips the build; JAVA_OPTS for the service (default as bin/run, larger heap).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PAYSUITE_ROOT="$ROOT"
source "$ROOT/infra/scripts/common.sh"

RATE="${1:-300}"
SECONDS_="${2:-300}"
HTTP_PORT="${BENCH_HTTP_PORT:-23081}"
BROKER_PORT="${BENCH_KAFKA_PORT:-23192}"
DB="paysuite_payments_bench"
OUT="$ROOT/.local/bench"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC}"
mkdir -p "$OUT"
PIDS=()
stop_started() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop_started EXIT

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load at start: $(uptime)"
if [ "${BUILD:-1}" = 1 ]; then
  "$ROOT/mvnw" -q -o -f "$ROOT/pom.xml" -pl infra,kernel,platform,payments-service install -DskipTests
fi

# A broker of its own, fresh data, the suite's topics
port_open "$BROKER_PORT" && die "port $BROKER_PORT is taken"
KAFKA_PROFILE=run KAFKA_PORT="$BROKER_PORT" KAFKA_DATA_DIR="$OUT/kafka" KAFKA_RESET=1 \
  bash "$ROOT/infra/scripts/kafka.sh" run &
PIDS+=($!)
KAFKA_PROFILE=run KAFKA_PORT="$BROKER_PORT" KAFKA_DATA_DIR="$OUT/kafka" bash "$ROOT/infra/scripts/kafka.sh" await-topics

# A database of its own, empty
bash "$ROOT/infra/scripts/postgres.sh" ensure-running
psql -d postgres -qAt -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

# The service as bin/run starts it (profile local), pointed at the above (a profiled key, since
# the properties file has %local values that a plain one would not override)
port_open "$HTTP_PORT" && die "port $HTTP_PORT is taken"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dquarkus.profile=local -Dpaysuite.root="$ROOT" -Dquarkus.http.port="$HTTP_PORT" \
  -Dquarkus.management.port="$((HTTP_PORT + 1000))" \
  -D%local.quarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -D%local.kafka.bootstrap.servers="127.0.0.1:$BROKER_PORT" -Dpaysuite.instance-id=payments-bench \
  -jar "$ROOT/payments-service/target/quarkus-app/quarkus-run.jar" >"$OUT/payments-service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$((HTTP_PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -30 "$OUT/payments-service.log"; die "payments-service exited"; }
  sleep 0.5
done
log "payments-service up on $HTTP_PORT; load: $(uptime)"

java -Xmx512m "$ROOT/benchmarks/Load.java" --url "http://127.0.0.1:$HTTP_PORT" --rate "$RATE" \
  --seconds "$SECONDS_" --key "$ROOT/.local/keys/gateway-signing.pem" | tee "$OUT/load.txt"
log "load at the end: $(uptime)"

# Let the relay drain, then count
for _ in $(seq 1 60); do
  pending=$(psql -d "$DB" -qAt -c "SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL")
  [ "$pending" = 0 ] && break
  sleep 1
done
merchant=$(awk '/^merchant / {print $2}' "$OUT/load.txt")
payments=$(psql -d "$DB" -qAt -c "SELECT count(*) FROM payments WHERE merchant_id = '$merchant'")
outbox=$(psql -d "$DB" -qAt -c "SELECT count(*) FILTER (WHERE published_at IS NOT NULL), count(*) FILTER (WHERE parked_at IS NOT NULL), count(*) FILTER (WHERE published_at IS NULL AND parked_at IS NULL) FROM outbox")
on_topic=$(java -Xmx128m -cp "$ROOT/.local/kafka/lib/*" org.apache.kafka.tools.GetOffsetShell \
  --bootstrap-server "127.0.0.1:$BROKER_PORT" --topic payments.events --time -1 2>/dev/null | awk -F: '{s += $3} END {print s}')
{
  echo "payments created (rows of the load's merchant): $payments"
  echo "outbox rows published|parked|pending: $outbox"
  echo "records on payments.events: $on_topic"
  echo "relay failure lines ('Outbox relay failed'): $(grep -c 'Outbox relay failed' "$OUT/payments-service.log" || true)"
  echo "ARJUNA lines: $(grep -c 'ARJUNA' "$OUT/payments-service.log" || true)"
  echo "parked lines: $(grep -c 'Outbox relay parked' "$OUT/payments-service.log" || true)"
  echo "WARN/ERROR lines: $(grep -cE ' (WARN|ERROR) ' "$OUT/payments-service.log" || true)"
} | tee "$OUT/counts.txt"
