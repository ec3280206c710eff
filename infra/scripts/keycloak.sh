#!/usr/bin/env bash
# Keycloak in dev mode (H2 database, no TLS) from the server distribution on Maven Central that the
# infra module unpacks to .local/keycloak, with the realms of deploy/keycloak imported at start.
#   keycloak.sh run     start in the foreground (exec), unless something already listens on the port
#   keycloak.sh await   wait until realm paysuite answers (and realm other), at most KEYCLOAK_AWAIT s (240)
#   keycloak.sh token [client [secret [realm]]]
#                       print an access token (client credentials); by default demo-partner's
#   keycloak.sh claims [client [secret [realm]]]
#                       print that token's claims (its decoded payload)
#   keycloak.sh check   get a token of each client and fail unless the claims are the ones the
#                       gateway relies on (run by the test build right after await)
# Environment: KEYCLOAK_PROFILE=test|run (run: port 8180, keeps its data; test: port 18180, data
# wiped at every start), KEYCLOAK_PORT, KEYCLOAK_LOG (default: keycloak.log in the data dir),
# KEYCLOAK_HEAP (JVM heap options), KEYCLOAK_RESET (1: wipe, 0: keep, auto: wipe when a realm file
# changed; test default 1, run default auto).
set -euo pipefail
source "$(dirname "$0")/common.sh"

KEYCLOAK_LOG="${KEYCLOAK_LOG:-$KEYCLOAK_DATA_DIR/keycloak.log}"
# Generous, like the broker's: on a busy 2-core machine the first start (a dev-mode build, then
# the start) has taken 80 s.
KEYCLOAK_AWAIT="${KEYCLOAK_AWAIT:-240}"
if [ "${KEYCLOAK_PROFILE:-run}" = test ]; then
  KEYCLOAK_RESET="${KEYCLOAK_RESET:-1}"
else
  KEYCLOAK_RESET="${KEYCLOAK_RESET:-auto}"
fi
REALM_FILES=("$KEYCLOAK_REALM_DIR"/*-realm.json)
# Requests go to the address Keycloak listens on; the tokens name KEYCLOAK_URL as their issuer.
BASE="http://127.0.0.1:$KEYCLOAK_PORT"
PID_FILE="$KEYCLOAK_DATA_DIR/keycloak.pid"

# The first start-dev after unpacking rebuilds the distribution's lib/quarkus for dev mode (about
# 30 s, then it relaunches). Two first starts at once in one checkout (a test run and bin/run)
# would both write it, so the second waits until the first one serves HTTP.
needs_dev_build() { [ ! "$KEYCLOAK_HOME/lib/quarkus/generated-bytecode.jar" -nt "$KEYCLOAK_HOME/version.txt" ]; }
one_dev_build_at_a_time() {
  local lock="$KEYCLOAK_HOME/.dev-build" pid port i
  needs_dev_build || return 0
  for ((i = 0; i < 300; i++)); do
    if mkdir "$lock" 2>/dev/null; then
      echo "$$ $KEYCLOAK_PORT" >"$lock/owner"
      return 0
    fi
    pid="" port=""
    read -r pid port 2>/dev/null <"$lock/owner" || true
    if [ -n "$pid" ] && { ! kill -0 "$pid" 2>/dev/null || port_open "$port"; }; then
      rm -rf "$lock"
      needs_dev_build || return 0
      continue
    fi
    ((i > 0)) || log "the Keycloak on port ${port:-?} is building the dev mode of $KEYCLOAK_HOME; waiting for it"
    sleep 1
  done
  die "waited 300 s for the Keycloak on port ${port:-?} to build the dev mode (remove $lock if it is gone)"
}

run() {
  [ -f "$KEYCLOAK_HOME/bin/kc.sh" ] ||
    die "no Keycloak in $KEYCLOAK_HOME: build the infra module first (./mvnw -pl infra package -DskipTests)"
  if port_open "$KEYCLOAK_PORT"; then
    log "something already listens on $KEYCLOAK_PORT; using it as Keycloak"
    exit 0
  fi
  # --import-realm reads the distribution's data/import when that exists, which would put one
  # directory under every lane; each instance reads its own (keycloak.migration.dir) instead.
  [ ! -e "$KEYCLOAK_HOME/data/import" ] ||
    die "$KEYCLOAK_HOME/data/import exists and would replace $KEYCLOAK_DATA_DIR/import: remove it"
  local sum
  sum=$(cat "${REALM_FILES[@]}" | sha256sum | cut -d' ' -f1)
  case "$KEYCLOAK_RESET" in
    1) rm -rf "$KEYCLOAK_DATA_DIR" ;;
    auto)
      # Keycloak skips the import of a realm that exists, so a changed realm file starts afresh
      # (what was changed by hand in that Keycloak is lost); an unchanged one keeps the data.
      if [ -d "$KEYCLOAK_DATA_DIR/h2" ] && [ "$(cat "$KEYCLOAK_DATA_DIR/realms.sha256" 2>/dev/null)" != "$sum" ]; then
        log "a realm file in $KEYCLOAK_REALM_DIR changed: Keycloak's data on $KEYCLOAK_PORT starts afresh"
        rm -rf "$KEYCLOAK_DATA_DIR/h2"
      fi ;;
  esac
  mkdir -p "$KEYCLOAK_DATA_DIR/import" "$(dirname "$KEYCLOAK_LOG")"
  echo $$ >"$PID_FILE" # exec keeps the pid: kc.sh, which passes TERM and INT on to its JVM
  one_dev_build_at_a_time
  rm -f "$KEYCLOAK_DATA_DIR/import"/*.json
  cp "${REALM_FILES[@]}" "$KEYCLOAK_DATA_DIR/import/"
  echo "$sum" >"$KEYCLOAK_DATA_DIR/realms.sha256"
  export JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
  if [ "${KEYCLOAK_PROFILE:-run}" != test ]; then
    # The admin console (http://localhost:8180/admin) of the local run: a local-only login
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
  fi
  log "Keycloak on 127.0.0.1:$KEYCLOAK_PORT, issuer $KEYCLOAK_URL/realms/<realm> (data in $KEYCLOAK_DATA_DIR, log $KEYCLOAK_LOG)"
  # --hostname fixes the issuer: a token fetched from 127.0.0.1 and one from localhost name the same.
  # The transaction log too would otherwise be the distribution's data/, shared by every instance.
  exec "$KEYCLOAK_HOME/bin/kc.sh" "-Dkeycloak.migration.dir=$KEYCLOAK_DATA_DIR/import" \
    "-Dquarkus.transaction-manager.object-store.directory=$KEYCLOAK_DATA_DIR/transaction-logs" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL" \
    --db-url="jdbc:h2:file:$KEYCLOAK_DATA_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --import-realm >>"$KEYCLOAK_LOG" 2>&1
}

realm_ready() { curl -fs -o /dev/null --max-time 5 "$BASE/realms/$1/.well-known/openid-configuration"; }

await() {
  local pid realm dead=0
  SECONDS=0
  while ((SECONDS < KEYCLOAK_AWAIT)); do
    if realm_ready paysuite; then
      for realm in "${REALM_FILES[@]}"; do
        realm=$(basename "$realm" -realm.json)
        realm_ready "$realm" || die "Keycloak on $KEYCLOAK_PORT has no realm $realm (log: $KEYCLOAK_LOG)"
      done
      log "Keycloak ready on $KEYCLOAK_PORT (waited ${SECONDS}s)"
      return 0
    fi
    # Fail early when the Keycloak we started has died (a bad realm file, a port taken). Its pid
    # file is read again each time and must name a dead process for 10 s: until the run has
    # started, the file may still be the one of an earlier run.
    pid=$(cat "$PID_FILE" 2>/dev/null || true)
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && ! port_open "$KEYCLOAK_PORT"; then
      if ((++dead >= 10)); then
        tail -n 30 "$KEYCLOAK_LOG" >&2 || true
        die "Keycloak (pid $pid) exited before serving realm paysuite on $KEYCLOAK_PORT; log: $KEYCLOAK_LOG"
      fi
    else
      dead=0
    fi
    sleep 1
  done
  tail -n 30 "$KEYCLOAK_LOG" >&2 || true
  die "Keycloak did not serve realm paysuite on 127.0.0.1:$KEYCLOAK_PORT within ${KEYCLOAK_AWAIT}s; log: $KEYCLOAK_LOG"
}

# token_response CLIENT SECRET REALM: the token endpoint's JSON answer
token_response() {
  curl -fsS -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$2" \
    "$BASE/realms/$3/protocol/openid-connect/token"
}

token() {
  local client="${1:-demo-partner}" secret="${2:-}" realm="${3:-paysuite}"
  if [ -z "$secret" ]; then
    case "$client" in
      demo-partner) secret=demo-partner-local-secret ;;
      paysuite-admin-cli) secret=paysuite-admin-cli-local-secret ;;
      stranger) secret=stranger-local-secret; realm="${3:-other}" ;;
      test-expiring-partner | test-other-audience) secret="$client-local-secret" ;;
      *) die "no local secret known for $client: keycloak.sh token CLIENT SECRET [REALM]" ;;
    esac
  fi
  local answer
  answer=$(token_response "$client" "$secret" "$realm") ||
    die "no token for $client from realm $realm at $BASE (is Keycloak running on $KEYCLOAK_PORT? KEYCLOAK_PORT=...)"
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])["access_token"])' "$answer"
}

claims() {
  local t
  t=$(token "$@")
  python3 -c 'import base64, json, sys
p = sys.argv[1].split(".")[1]
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))), indent=2))' "$t"
}

check() {
  KEYCLOAK_URL="$KEYCLOAK_URL" BASE="$BASE" python3 - <<'PY'
import base64, json, os, sys, urllib.error, urllib.parse, urllib.request

base, issuer_base = os.environ["BASE"], os.environ["KEYCLOAK_URL"]
failures = []

def expect(what, ok):
    if not ok:
        failures.append(what)

def post(realm, form):
    req = urllib.request.Request(f"{base}/realms/{realm}/protocol/openid-connect/token",
                                 data=urllib.parse.urlencode(form).encode())
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, {}
    except OSError as e:
        sys.exit(f"[paysuite] error: cannot reach Keycloak at {base}: {e}")

def claims(realm, client, secret):
    status, body = post(realm, {"grant_type": "client_credentials", "client_id": client, "client_secret": secret})
    if status != 200:
        failures.append(f"{client}: token endpoint answered {status}")
        return {}
    payload = body["access_token"].split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))

def roles(c):
    return c.get("realm_access", {}).get("roles", [])

def aud(c):
    a = c.get("aud", [])
    return [a] if isinstance(a, str) else a

p = claims("paysuite", "demo-partner", "demo-partner-local-secret")
expect(f"demo-partner: iss {p.get('iss')}", p.get("iss") == f"{issuer_base}/realms/paysuite")
expect(f"demo-partner: aud {p.get('aud')} lacks paysuite-gateway", "paysuite-gateway" in aud(p))
expect(f"demo-partner: scope {p.get('scope')!r} is not exactly payments:read events:read",
       sorted(p.get("scope", "").split()) == ["events:read", "payments:read"])
expect(f"demo-partner: merchant_id {p.get('merchant_id')}", p.get("merchant_id") == "mer_demo")
expect(f"demo-partner: roles {roles(p)} lack partner", "partner" in roles(p))
expect(f"demo-partner: roles {roles(p)} include admin", "admin" not in roles(p))
expect("demo-partner: no sub", bool(p.get("sub")))
# (exp and iat are whole seconds, each rounded on its own: one second either way is the same lifespan)
expect(f"demo-partner: lives {p.get('exp', 0) - p.get('iat', 0)} s, not 300", abs(p.get("exp", 0) - p.get("iat", 0) - 300) <= 1)

a = claims("paysuite", "paysuite-admin-cli", "paysuite-admin-cli-local-secret")
expect(f"paysuite-admin-cli: iss {a.get('iss')}", a.get("iss") == f"{issuer_base}/realms/paysuite")
expect(f"paysuite-admin-cli: roles {roles(a)} lack admin", "admin" in roles(a))
expect(f"paysuite-admin-cli: aud {a.get('aud')} lacks paysuite-gateway", "paysuite-gateway" in aud(a))
expect(f"paysuite-admin-cli: has merchant_id {a.get('merchant_id')}", "merchant_id" not in a)

e = claims("paysuite", "test-expiring-partner", "test-expiring-partner-local-secret")
expect(f"test-expiring-partner: lives {e.get('exp', 0) - e.get('iat', 0)} s, not 2", abs(e.get("exp", 0) - e.get("iat", 0) - 2) <= 1)
expect(f"test-expiring-partner: aud {e.get('aud')} lacks paysuite-gateway", "paysuite-gateway" in aud(e))
w = claims("paysuite", "test-other-audience", "test-other-audience-local-secret")
expect(f"test-other-audience: aud {w.get('aud')} includes paysuite-gateway", "paysuite-gateway" not in aud(w))
expect(f"test-other-audience: merchant_id {w.get('merchant_id')}", w.get("merchant_id") == "mer_demo")

o = claims("other", "stranger", "stranger-local-secret")
expect(f"stranger: iss {o.get('iss')}", o.get("iss") == f"{issuer_base}/realms/other")
expect(f"stranger: aud {o.get('aud')} lacks paysuite-gateway", "paysuite-gateway" in aud(o))
expect(f"stranger: scope {o.get('scope')!r}", sorted(o.get("scope", "").split()) == ["events:read", "payments:read"])

status, _ = post("paysuite", {"grant_type": "client_credentials", "client_id": "demo-partner", "client_secret": "wrong"})
expect(f"demo-partner with a wrong secret: {status}, not 401", status == 401)

# The dashboard: authorization code with PKCE only. Without code_challenge the authorization
# endpoint sends the browser back with error=invalid_request; with one it shows the login page.
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
opener = urllib.request.build_opener(NoRedirect)
def authorize(extra):
    q = urllib.parse.urlencode({"client_id": "paysuite-dashboard", "response_type": "code", "scope": "openid",
                                "redirect_uri": "http://localhost:8080/callback", "state": "s", **extra})
    try:
        with opener.open(f"{base}/realms/paysuite/protocol/openid-connect/auth?{q}", timeout=20) as r:
            return r.status, ""
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location", "")
status, location = authorize({})
expect(f"dashboard without code_challenge: {status} {location}",
       status == 302 and "error=invalid_request" in location and "code_challenge" in location)
status, location = authorize({"code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                              "code_challenge_method": "S256"})
expect(f"dashboard with a S256 code_challenge: {status} {location}, not the login page", status == 200)

# The demo user through the dashboard's whole flow: log in, then trade the code with its verifier.
# The login form's address names KEYCLOAK_URL; it is sent to BASE. Keycloak's cookies are Secure,
# which a browser sends to http://localhost but Python's cookie jar never over http: kept by hand.
import hashlib, html, re
cookies = {}
verifier = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode()
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
redirect_uri = "http://localhost:8080/callback"
def location_of(url, data=None):
    req = urllib.request.Request(url, data, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    try:
        with opener.open(req, timeout=20) as r:
            headers, status, text, location = r.headers, r.status, r.read().decode(), ""
    except urllib.error.HTTPError as e:
        headers, status, text, location = e.headers, e.code, "", e.headers.get("Location", "")
    for c in headers.get_all("Set-Cookie") or []:
        name, _, value = c.split(";", 1)[0].partition("=")
        cookies[name.strip()] = value
    return status, text, location
q = urllib.parse.urlencode({"client_id": "paysuite-dashboard", "response_type": "code", "redirect_uri": redirect_uri,
                            "scope": "openid payments:read payments:write", "state": "s",
                            "code_challenge": challenge, "code_challenge_method": "S256"})
status, page, _ = location_of(f"{base}/realms/paysuite/protocol/openid-connect/auth?{q}")
form = re.search(r'action="([^"]+)"', page)
u = {}
if not form:
    failures.append(f"dashboard: no login form ({status})")
else:
    action = html.unescape(form.group(1)).replace(issuer_base, base, 1)
    status, _, location = location_of(action, urllib.parse.urlencode(
        {"username": "demo@paysuite.dev", "password": "demo-local-password"}).encode())
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query).get("code", [None])[0]
    if status != 302 or not code:
        failures.append(f"dashboard: the demo user's login gave {status} {location}")
    else:
        status, body = post("paysuite", {"grant_type": "authorization_code", "client_id": "paysuite-dashboard",
                                         "code": code, "redirect_uri": redirect_uri, "code_verifier": verifier})
        if status != 200:
            failures.append(f"dashboard: the code exchange answered {status}")
        else:
            payload = body["access_token"].split(".")[1]
            u = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
if u:
    expect(f"demo user: merchant_id {u.get('merchant_id')}", u.get("merchant_id") == "mer_demo")
    expect(f"demo user: roles {roles(u)} lack merchant", "merchant" in roles(u))
    expect(f"demo user: aud {u.get('aud')} lacks paysuite-gateway", "paysuite-gateway" in aud(u))
    expect(f"demo user: scope {u.get('scope')!r} lacks what the dashboard asked for",
           {"payments:read", "payments:write"} <= set(u.get("scope", "").split()))

if failures:
    print("[paysuite] error: the Keycloak realms are not what the gateway relies on:", file=sys.stderr)
    for f in failures:
        print("  - " + f, file=sys.stderr)
    sys.exit(1)
print("[paysuite] Keycloak realms checked: demo-partner (partner, mer_demo, payments:read events:read), "
      "paysuite-admin-cli (admin), other/stranger (another issuer), paysuite-dashboard (PKCE S256; "
      "the demo user logs in: merchant, mer_demo)", file=sys.stderr)
PY
}

case "${1:-}" in
  run) run ;;
  await) await ;;
  token) shift; token "$@" ;;
  claims) shift; claims "$@" ;;
  check) check ;;
  *) die "usage: keycloak.sh run|await|token [client [secret [realm]]]|claims [client [secret [realm]]]|check" ;;
esac
