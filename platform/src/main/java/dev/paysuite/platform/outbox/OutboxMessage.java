package dev.paysuite.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting in the outbox: a CloudEvent to publish on {@code topic}, keyed by
 * {@code key} (the aggregate id, so one aggregate's history stays on one partition, in order).
 *
 * @param data the event's data, serialized as the JSON object of the CloudEvent's {@code data}
 * @param sequence the position of this event in its aggregate's history, starting at 1
 */
public record OutboxMessage(String id, String topic, String key, String type, String source, String subject,
        Instant time, long sequence, String merchantId, boolean livemode, Object data) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
