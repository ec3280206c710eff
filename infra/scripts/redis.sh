#!/usr/bin/env bash
# Redis keeps the gateway's shared rate-limit state.  redis.sh ensure-running
set -euo pipefail
source "$(dirname "$0")/common.sh"
if ! port_open "$REDIS_PORT"; then
  log "Redis is down; starting it"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for_port "$REDIS_PORT" 20 "Redis"
fi
