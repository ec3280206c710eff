#!/usr/bin/env bash
# Runs the Gatling benchmark against a suite that bin/run started (http://127.0.0.1:8080).
#   benchmarks/run.sh [all | SCENARIO ...]      scenarios: create refund read webhook mixed storm startup
#   RATE=100 DURATION=60 benchmarks/run.sh create        users per second, seconds (RATE_<scenario> overrides RATE)
#   WARMUP=60 (default): each scenario first runs that many seconds at its rate, not measured (0: none)
# Writes Gatling's HTML reports (benchmarks/target/gatling/<simulation>-<time>/index.html) and
# benchmarks/target/summary.txt: PostgreSQL's single-row commit rate here (pgbench, PGBENCH=0 skips it),
# one line per scenario (rate achieved, p50, p99, max, errors, rate / pgbench rate), then the CPU (percent
# of one core, over the load alone) and highest RSS of each process, per scenario.
# `storm` needs two refunds-service instances (REFUNDS_INSTANCES=2 bin/run); `all` skips it otherwise.
# `startup` restarts each service in turn (benchmarks/startup.sh); `all` runs it last.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUN_DIR="$ROOT/.local/run"
OUT="$HERE/target/bench"
SUMMARY="$HERE/target/summary.txt"
RATE="${RATE:-100}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-60}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGOPTIONS="-c client_min_messages=warning"

declare -A CLASS=([create]=CreatePaymentSimulation [refund]=CreateAndRefundSimulation
  [read]=ListAndRetrieveSimulation [webhook]=WebhookLatencySimulation [mixed]=MixedMerchantsSimulation
  [storm]=RefundStormSimulation)
ALL=(create refund read webhook mixed storm startup)

say() { echo "$*" | tee -a "$SUMMARY"; }

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(all)
[ "${scenarios[0]}" = all ] && scenarios=("${ALL[@]}")
for s in "${scenarios[@]}"; do
  [ -n "${CLASS[$s]:-}" ] || [ "$s" = startup ] || { echo "unknown scenario $s (${ALL[*]})" >&2; exit 2; }
done

curl -fs "$GATEWAY/asyncapi" >/dev/null 2>&1 || {
  echo "The gateway does not answer at $GATEWAY: start the suite first (bin/run)." >&2
  exit 1
}
refunds_instances=$(ls "$RUN_DIR"/pids/refunds-service-*.pid 2>/dev/null | wc -l)

mkdir -p "$OUT"
rm -f "$OUT"/*.started "$OUT"/*.ended "$OUT"/extra-*.txt
: >"$SUMMARY"
say "PaySuite benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1);" \
  "refunds-service instances: $refunds_instances; load at start:$(uptime | sed 's/.*load average://')"

echo "compiling the simulations"
(cd "$ROOT" && ./mvnw -q -pl benchmarks test-compile)

# PostgreSQL's single-row commit rate: 8 clients, one INSERT per transaction, 10 s, a scratch database
PG_TPS=""
if [ "${PGBENCH:-1}" = 1 ]; then
  db=paysuite_bench_pgbench
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
  psql -q -d postgres -c "CREATE DATABASE $db" >/dev/null
  psql -q -d "$db" -c "CREATE TABLE rows (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())" >/dev/null
  echo "INSERT INTO rows (payload) VALUES ('one row, one commit');" >"$OUT/pgbench-insert.sql"
  pgbench -n -c 8 -j 2 -T "${PGBENCH_SECONDS:-10}" -f "$OUT/pgbench-insert.sql" "$db" >"$OUT/pgbench.txt" 2>&1 || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
  PG_TPS=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$OUT/pgbench.txt" | head -1)
  say "pgbench (8 clients, one-row INSERT per transaction, ${PGBENCH_SECONDS:-10} s): ${PG_TPS:-failed, see $OUT/pgbench.txt} commits/s"
fi

DETAILS="$OUT/details.txt"
: >"$DETAILS"

run_scenario() {
  local name=$1 class=${CLASS[$1]} rate duration log sampler pid report
  rate=$(eval echo "\${RATE_$name:-$RATE}")
  duration=$(eval echo "\${DURATION_$name:-$DURATION}")
  log="$OUT/$name.log"
  if ((WARMUP > 0)); then
    # The JVMs compile for minutes after a start (the JIT took a third to half of payments-service's
    # CPU in the first minute): the same load first, not measured, so the figures are of warm services
    echo "== $name: warming up at $rate/s for $WARMUP s (not measured; log: $OUT/$name-warmup.log)"
    (cd "$ROOT" && ./mvnw -pl benchmarks gatling:test -Dgatling.simulationClass="dev.paysuite.benchmarks.$class" \
      -Drate="$rate" -Dduration="$WARMUP" -Dbench.out="$OUT" -Dbench.gateway="$GATEWAY" ${BENCH_OPTS:-}) \
      >"$OUT/$name-warmup.log" 2>&1 || echo "   (the warm-up exited with an error; see $OUT/$name-warmup.log)"
  fi
  rm -f "$OUT/$class.started" "$OUT/$class.ended" "$OUT/extra-$name.txt"
  echo "== $name: $class at $rate/s for $duration s (log: $log)"
  (cd "$ROOT" && ./mvnw -pl benchmarks gatling:test -Dgatling.simulationClass="dev.paysuite.benchmarks.$class" \
    -Drate="$rate" -Dduration="$duration" -Dbench.out="$OUT" -Dbench.gateway="$GATEWAY" ${BENCH_OPTS:-}) >"$log" 2>&1 &
  pid=$!
  while [ ! -f "$OUT/$class.started" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  python3 "$HERE/sample.py" "$RUN_DIR" "$OUT/cpu-$name.txt" &
  sampler=$!
  while [ ! -f "$OUT/$class.ended" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  kill -TERM "$sampler"; wait "$sampler" || true
  wait "$pid" || echo "   (gatling:test exited with an error; see $log)"
  report=$(sed -n 's/.*open the following file: file:\/\/\(.*\)index.html.*/\1/p' "$log" | tail -1)
  if [ -z "$report" ] || [ ! -f "$report/index.html" ]; then
    say "$(printf '%-8s' "$name") no report: see $log"
    return
  fi
  say "$(python3 "$HERE/report.py" "$report" "$name" "$rate" "$duration" "${PG_TPS:-0}")"
  if [ -f "$OUT/extra-webhook.txt" ] && [ "$name" = webhook ]; then
    say "         $(cat "$OUT/extra-webhook.txt")"
  fi
  {
    echo "-- $name ($class, $rate users/s, $duration s); report: $report/index.html"
    python3 "$HERE/report.py" "$report" --requests || true
    cat "$OUT/cpu-$name.txt"
    echo
  } >>"$DETAILS"
}

for s in "${scenarios[@]}"; do
  if [ "$s" = startup ]; then
    continue
  fi
  if [ "$s" = storm ] && ((refunds_instances < 2)); then
    say "storm    skipped: one refunds-service instance (run the suite with REFUNDS_INSTANCES=2 bin/run)"
    continue
  fi
  run_scenario "$s"
done

if [ -s "$DETAILS" ]; then
  say ""
  say "Per request, and CPU (percent of one core, over the load only) and highest RSS per process:"
  tee -a "$SUMMARY" <"$DETAILS"
fi
for s in "${scenarios[@]}"; do
  if [ "$s" = startup ]; then
    say "Start times (each service restarted on its own, everything else up):"
    bash "$HERE/startup.sh" | tee -a "$SUMMARY"
  fi
done
echo "summary: $SUMMARY"
