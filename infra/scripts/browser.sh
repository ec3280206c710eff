#!/usr/bin/env bash
# What the browser tests (e2e-tests/browser, HostedPaymentPageBrowserIT) need: Debian's Chromium at
# /usr/bin/chromium (never a browser download of a test tool's own) and the pinned npm packages.
#   browser.sh [ensure]  install Chromium if it is missing (apt-get, as root: about 35 s once) and run
#                        npm ci in e2e-tests/browser when node_modules is missing or older than
#                        package-lock.json; quick when both are there
#   browser.sh check     fail unless both are there (installs nothing)
set -euo pipefail
source "$(dirname "$0")/common.sh"

CHROMIUM="${PAYSUITE_CHROMIUM:-/usr/bin/chromium}"
BROWSER_DIR="$PAYSUITE_ROOT/e2e-tests/browser"
# Written after a successful npm ci: the lock file it installed, so a changed lock installs again
STAMP="$BROWSER_DIR/node_modules/.paysuite-lock.sha256"

lock_sum() { sha256sum "$BROWSER_DIR/package-lock.json" | cut -d' ' -f1; }
modules_current() { [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(lock_sum)" ]; }

chromium() {
  [ -x "$CHROMIUM" ] && return 0
  [ "$(id -u)" = 0 ] || die "$CHROMIUM is missing: install Debian's chromium (sudo apt-get install --no-install-recommends chromium)"
  log "installing Debian's chromium (once; about 35 s)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o DPkg::Lock::Timeout=300
  # Without recommends: no desktop integration, which a headless run does not need; a font for
  # the screenshots (DejaVu has the currency signs the pages show)
  apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends chromium fonts-dejavu-core >/dev/null
  [ -x "$CHROMIUM" ] || die "apt-get installed chromium, but $CHROMIUM is not there"
}

node_modules() {
  modules_current && return 0
  command -v npm >/dev/null || die "npm is missing: the browser tests need Node.js 18+ and npm"
  log "npm ci in e2e-tests/browser (playwright-core, axe-core as package-lock.json pins them)"
  (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  lock_sum > "$STAMP"
}

case "${1:-ensure}" in
  ensure)
    chromium
    node_modules
    log "browser tests: $("$CHROMIUM" --version 2>/dev/null), node $(node --version)"
    ;;
  check)
    [ -x "$CHROMIUM" ] || die "$CHROMIUM is missing: run infra/scripts/browser.sh"
    modules_current || die "e2e-tests/browser/node_modules is missing or stale: run infra/scripts/browser.sh"
    ;;
  *) die "usage: browser.sh [ensure|check]" ;;
esac
