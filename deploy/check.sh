#!/usr/bin/env bash
# Offline checks of deploy/ (run by .ci/run before the tests; needs no cluster):
#   - kubectl kustomize renders each overlay and deploy/observability (into .local/deploy/, to read);
#   - promtool checks the alert rules and runs their unit tests (paysuite-alerts.test.yml).
# Installs what is missing: kubectl from Debian, and promtool taken out of Debian's prometheus package
# (only the binary, into .local/tools: nothing is installed or started as a service).
# KubernetesManifestsTest (e2e-tests) then checks what was rendered, with the same kubectl.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.local/deploy"
tools="$root/.local/tools"
log() { echo "[paysuite] $*" >&2; }

apt_updated=0
apt_update() { [ "$apt_updated" = 1 ] || { apt-get update -qq; apt_updated=1; }; }

if ! command -v kubectl >/dev/null 2>&1; then
  log "installing kubectl (Debian)"
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null
fi

promtool="$(command -v promtool || true)"
if [ -z "$promtool" ]; then
  promtool="$tools/promtool"
  if [ ! -x "$promtool" ]; then
    log "extracting promtool from Debian's prometheus package into $tools"
    apt_update
    tmp="$(mktemp -d)"
    (cd "$tmp" && apt-get download -qq prometheus 2>/dev/null && dpkg-deb -x prometheus_*.deb x)
    mkdir -p "$tools"
    cp "$tmp/x/usr/bin/promtool" "$promtool"
    rm -rf "$tmp"
  fi
fi

mkdir -p "$out"
for target in overlays/dev overlays/prod observability; do
  file="$out/$(basename "$target").yaml"
  kubectl kustomize "$root/deploy/$target" > "$file"
  log "deploy/$target renders: $(grep -c '^kind:' "$file") resources ($file)"
done

cd "$root/deploy/observability/prometheus"
"$promtool" check rules paysuite-alerts.yml
"$promtool" test rules paysuite-alerts.test.yml
