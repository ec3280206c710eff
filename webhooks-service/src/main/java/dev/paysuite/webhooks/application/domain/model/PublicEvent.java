package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the Events API, the webhooks and the live stream show it:
 * {@code {"id", "object": "event", "type", "created_at", "livemode", "sequence", "data"}}. Its id is
 * the CloudEvent id it came with, so a replayed topic finds it already stored. {@code data} is the
 * producer's JSON object, kept as the text it came as: this service passes it on and never reads
 * inside it, so a field a producer adds reaches partners without a change here.
 *
 * @param merchantId whose event it is (not shown: it chooses who may see the event)
 * @param sequence the event's place in its payment's history, from 1 and without gaps
 *     ({@link PaymentSequencer}); null for an event about no payment (a customer, an endpoint)
 */
public record PublicEvent(EventId id, String type, Instant createdAt, boolean livemode, Long sequence,
        String data, String merchantId) implements Listable {
    public static final String OBJECT = "event";

    public PublicEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(merchantId, "merchantId");
        if (!id.value().startsWith(EventId.PREFIX)) {
            throw new IllegalArgumentException("an event id starts with " + EventId.PREFIX);
        }
        if (sequence != null && sequence < 1) {
            throw new IllegalArgumentException("sequences count from 1");
        }
    }

    public PublicEvent withSequence(long assigned) {
        return new PublicEvent(id, type, createdAt, livemode, assigned, data, merchantId);
    }

    public String object() {
        return OBJECT;
    }
}
