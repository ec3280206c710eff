package dev.paysuite.kernel.id;

import java.util.Objects;

/** An event: the same id on Kafka (the CloudEvent's id) and in the Events API. */
public record EventId(String value) implements TypedId {
    public static final String PREFIX = "evt_";

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId generate() {
        return new EventId(Ids.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
