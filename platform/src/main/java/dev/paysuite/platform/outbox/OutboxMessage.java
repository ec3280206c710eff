package dev.paysuite.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event waiting in the outbox: a CloudEvent to publish on {@code topic}, keyed by
 * {@code key} (the aggregate id, so one aggregate's history stays on one partition, in order).
 *
 * @param data the event's data, serialized as the JSON object of the CloudEvent's {@code data}
 * @param sequence the position of this event in its aggregate's history, starting at 1
 * @param extensions more CloudEvents extension attributes (lower-case letters and digits), e.g. {@code paymentsequence}
 */
public record OutboxMessage(String id, String topic, String key, String type, String source, String subject,
        Instant time, long sequence, String merchantId, boolean livemode, Object data, Map<String, Long> extensions) {

    public OutboxMessage(String id, String topic, String key, String type, String source, String subject,
            Instant time, long sequence, String merchantId, boolean livemode, Object data) {
        this(id, topic, key, type, source, subject, time, sequence, merchantId, livemode, data, Map.of());
    }

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        extensions = Map.copyOf(extensions == null ? Map.of() : extensions);
        for (String name : extensions.keySet()) {
            if (!name.matches("[a-z0-9]{1,20}")) {
                throw new IllegalArgumentException("CloudEvents extension names are lower-case letters and digits: " + name);
            }
        }
    }
}
