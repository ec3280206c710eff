#!/usr/bin/env bash
# Start time of each service on its own, everything else up: for every service of a suite that
# bin/run started (its pid files in .local/run/pids), in turn: stop it (SIGTERM), start it again with
# the very command line and directory it had (so bin/run stop still stops it: its pid file is
# updated), and report Quarkus's own "started in X s" from its log and the wall time until its
# readiness check answers. Target: 3 s or less.
#   benchmarks/startup.sh [service ...]     e.g. payments-service gateway; default: all of them
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PID_DIR="$ROOT/.local/run/pids"
LOG_DIR="$ROOT/.local/run/logs"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$PID_DIR"/*.pid; do
    n=$(basename "$f" .pid)
    [ "$n" = kafka ] || [ "$n" = keycloak ] || names+=("$n")
  done
fi

printf '%-20s %-22s %s\n' service 'Quarkus "started in"' 'wall time to ready'
for name in "${names[@]}"; do
  pid=$(cat "$PID_DIR/$name.pid")
  kill -0 "$pid" 2>/dev/null || { echo "$name is not running (pid $pid)" >&2; continue; }
  mapfile -d '' cmd <"/proc/$pid/cmdline"
  cwd=$(readlink "/proc/$pid/cwd")
  port=$(tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's/^-Dquarkus.http.port=//p')
  case "$name" in
    gateway) port=${port:-8080} ;; payments-service) port=${port:-8081} ;; refunds-service-1) port=${port:-8082} ;;
    methods-service) port=${port:-8083} ;; webhooks-service) port=${port:-8084} ;;
  esac
  log="$LOG_DIR/$name.log"
  kill "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  before=$(grep -c 'started in' "$log" 2>/dev/null || true)
  start=$(date +%s.%N)
  (cd "$cwd" && exec nohup "${cmd[@]}" >>"$log" 2>&1) &
  echo $! >"$PID_DIR/$name.pid"
  ready=""
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1; then
      ready=$(echo "$(date +%s.%N) - $start" | bc)
      break
    fi
    sleep 0.1
  done
  started=""
  for _ in $(seq 1 50); do
    if [ "$(grep -c 'started in' "$log" || true)" -gt "$before" ]; then
      started=$(grep -o 'started in [0-9.]*s' "$log" | tail -1 | sed 's/started in //')
      break
    fi
    sleep 0.1
  done
  if [ -n "$ready" ]; then ready=$(printf '%.1f s' "$ready"); else ready="not ready after 60 s"; fi
  printf '%-20s %-22s %s\n' "$name" "${started:-?}" "$ready"
done
