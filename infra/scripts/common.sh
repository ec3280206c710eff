# Shared settings for the local infrastructure scripts. Sourced, not run.
# Everything lives under $PAYSUITE_ROOT/.local (git-ignored): broker libs and data, keys, logs.
PAYSUITE_ROOT="${PAYSUITE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
LOCAL_DIR="$PAYSUITE_ROOT/.local"
SERVICES=(payments refunds methods webhooks gateway)
# Each consumer's dead-letter topic is <consuming service>.dlq.<topic it reads>, one partition (a log to
# inspect and replay, not to scale): what that service can never apply from that topic.
TOPICS=(payments.events refunds.events methods.events payments.dlq.refunds.events:1 refunds.dlq.payments.events:1
  webhooks.dlq.payments.events:1 webhooks.dlq.refunds.events:1 webhooks.dlq.methods.events:1)
TOPIC_PARTITIONS="${TOPIC_PARTITIONS:-6}"
# Topics only the test run needs, as name:partitions (platform's own tests publish to this one).
TEST_TOPICS=(platform.test.events:3)
# A test lane's databases end in this (empty by default), so two test runs on one machine stay apart.
TEST_DB_SUFFIX="${PAYSUITE_TEST_DB_SUFFIX:-}"
# Databases only the test run needs, besides each service's *_test and *_e2e.
TEST_DATABASES=("paysuite_platform_test$TEST_DB_SUFFIX")

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"

# KAFKA_PROFILE=test gives the test run its own broker, ports and throw-away data,
# so tests never touch the data of a suite started with bin/run.
if [ "${KAFKA_PROFILE:-run}" = test ]; then
  KAFKA_PORT="${KAFKA_PORT:-19092}"
  KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$LOCAL_DIR/test/kafka}"
  KAFKA_RESET="${KAFKA_RESET:-1}"
  TOPICS+=("${TEST_TOPICS[@]}")
else
  KAFKA_PORT="${KAFKA_PORT:-9092}"
  KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$LOCAL_DIR/run/kafka}"
  KAFKA_RESET="${KAFKA_RESET:-0}"
fi
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
# A second listener that advertises KAFKA_PROXY_PORT, where a test's TcpProxy may stand between one
# client and the broker (and cut it off) while every other client uses KAFKA_PORT directly.
KAFKA_PROXIED_PORT="$((KAFKA_PORT + 2))"
KAFKA_PROXY_PORT="$((KAFKA_PORT + 3))"
KAFKA_LIB="$LOCAL_DIR/kafka/lib"

# Keycloak: the server distribution the infra module unpacks (keep the version in step with
# keycloak.version in infra/pom.xml). KEYCLOAK_PROFILE=test, like KAFKA_PROFILE, gives a test run
# its own port and throw-away data; the data (H2 database, imported realm files) is per port, so
# test lanes and the local run never share one.
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_HOME="${KEYCLOAK_HOME:-$LOCAL_DIR/keycloak/keycloak-$KEYCLOAK_VERSION}"
if [ "${KEYCLOAK_PROFILE:-run}" = test ]; then
  KEYCLOAK_PORT="${KEYCLOAK_PORT:-18180}"
  KEYCLOAK_DATA_DIR="${KEYCLOAK_DATA_DIR:-$LOCAL_DIR/test/keycloak-$KEYCLOAK_PORT}"
else
  KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
  KEYCLOAK_DATA_DIR="${KEYCLOAK_DATA_DIR:-$LOCAL_DIR/run/keycloak-$KEYCLOAK_PORT}"
fi
# The one issuer of every token, whichever address a client used (see keycloak.sh)
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:$KEYCLOAK_PORT}"
KEYCLOAK_REALM_DIR="$PAYSUITE_ROOT/deploy/keycloak"

log() { echo "[paysuite] $*" >&2; }
die() { log "error: $*"; exit 1; }

# true when something accepts TCP connections on 127.0.0.1:$1
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for_port PORT SECONDS NAME
wait_for_port() {
  local port=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds * 2; i++)); do
    port_open "$port" && return 0
    sleep 0.5
  done
  die "$name did not open port $port within ${seconds}s"
}
