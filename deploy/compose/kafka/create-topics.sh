#!/usr/bin/env bash
# docker-compose's kafka-init: the topics of infra/scripts/common.sh (TOPICS, TOPIC_PARTITIONS), made
# on the broker at $KAFKA_BOOTSTRAP when missing, so that a topic has the same partitions here as
# in every local and test run. Idempotent: compose may run it on every `up`.
set -euo pipefail
source /paysuite/common.sh
for t in "${TOPICS[@]}"; do
  name=${t%%:*}
  partitions=$TOPIC_PARTITIONS
  [ "$name" = "$t" ] || partitions=${t#*:}
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP" --describe | grep PartitionCount
