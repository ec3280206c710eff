#!/usr/bin/env bash
# A single-node KRaft Kafka broker in its own JVM, from the Maven Central artifacts that the infra
# module copies to .local/kafka/lib.
#   kafka.sh run           start in the foreground (exec), unless a broker already listens
#   kafka.sh await-topics  wait for the broker, then create the topics (idempotent); with
#                          KAFKA_PROFILE=test also the test-only topics
#   kafka.sh topics        create the topics (idempotent)
set -euo pipefail
source "$(dirname "$0")/common.sh"

[ -d "$KAFKA_LIB" ] || die "no broker libraries in $KAFKA_LIB: build the infra module first (./mvnw -pl infra package)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LOG4J="-Dlog4j2.configurationFile=$KAFKA_DATA_DIR/log4j2.properties"
kafka_java() { "$JAVA" -Xms64m -Xmx256m "$LOG4J" -cp "$KAFKA_LIB/*" "$@"; }

write_config() {
  mkdir -p "$KAFKA_DATA_DIR/logs"
  cat > "$KAFKA_DATA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT,PROXIED://127.0.0.1:$KAFKA_PROXIED_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,PROXIED://127.0.0.1:$KAFKA_PROXY_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PROXIED:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA_DIR/logs
num.partitions=$TOPIC_PARTITIONS
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPS
  cat > "$KAFKA_DATA_DIR/log4j2.properties" <<PROPS
appender.file.type=File
appender.file.name=file
appender.file.fileName=$KAFKA_DATA_DIR/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=WARN
rootLogger.appenderRef.file.ref=file
logger.server.name=kafka.server
logger.server.level=INFO
PROPS
}

run() {
  if port_open "$KAFKA_PORT"; then
    log "a broker already listens on $KAFKA_PORT; using it"
    exit 0
  fi
  if [ "$KAFKA_RESET" = 1 ]; then rm -rf "$KAFKA_DATA_DIR"; fi
  write_config
  if [ ! -f "$KAFKA_DATA_DIR/logs/meta.properties" ]; then
    local cluster
    cluster=$(kafka_java kafka.tools.StorageTool random-uuid | tail -1)
    kafka_java kafka.tools.StorageTool format -t "$cluster" -c "$KAFKA_DATA_DIR/server.properties" >/dev/null
  fi
  log "Kafka broker on 127.0.0.1:$KAFKA_PORT (data in $KAFKA_DATA_DIR)"
  exec "$JAVA" -Xms128m -Xmx512m -XX:+UseG1GC "$LOG4J" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_DATA_DIR/server.properties" >>"$KAFKA_DATA_DIR/stdout.log" 2>&1
}

topics() {
  local t name partitions
  "$JAVA" -Xmx128m -cp "$KAFKA_LIB/*" "$LOG4J" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list >/dev/null 2>&1 || return 1
  # An entry is a topic name, or name:partitions for a topic that differs from TOPIC_PARTITIONS.
  for t in "${TOPICS[@]}"; do
    name=${t%%:*}
    partitions=$TOPIC_PARTITIONS
    [ "$name" = "$t" ] || partitions=${t#*:}
    "$JAVA" -Xmx128m -cp "$KAFKA_LIB/*" "$LOG4J" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor 1 >/dev/null 2>&1 || return 1
  done
  log "topics ready on $KAFKA_PORT: ${TOPICS[*]} (${TOPIC_PARTITIONS} partitions unless named)"
}

await_topics() {
  # Generous: on a busy machine (parallel builds) a cold broker can take minutes to come up.
  wait_for_port "$KAFKA_PORT" 240 "Kafka"
  local i
  for ((i = 0; i < 90; i++)); do
    topics && return 0
    sleep 1
  done
  die "could not create topics on 127.0.0.1:$KAFKA_PORT (see $KAFKA_DATA_DIR/server.log)"
}

case "${1:-}" in
  run) run ;;
  await-topics) await_topics ;;
  topics) topics ;;
  *) die "usage: kafka.sh run|await-topics|topics" ;;
esac
