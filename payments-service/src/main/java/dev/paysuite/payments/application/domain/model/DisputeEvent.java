package dev.paysuite.payments.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a dispute: {@code dispute.created}, {@code dispute.updated} (evidence given or
 * submitted) or {@code dispute.closed} (won, lost or closed). It is an event of the disputed
 * payment's history: it carries the payment right after the change, and takes its next number
 * ({@link #sequence()}), so the payment's events stay gap-free with its disputes in them.
 */
public record DisputeEvent(String id, String type, Dispute dispute, Payment payment) {
    public static final String CREATED = "dispute.created";
    public static final String UPDATED = "dispute.updated";
    public static final String CLOSED = "dispute.closed";

    public DisputeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(payment, "payment");
    }

    public long sequence() {
        return payment.eventSequence();
    }

    public Instant occurredAt() {
        return dispute.updatedAt();
    }
}
