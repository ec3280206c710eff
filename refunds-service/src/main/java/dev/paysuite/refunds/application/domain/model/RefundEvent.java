package dev.paysuite.refunds.application.domain.model;

import java.time.Instant;

/**
 * What happened to a refund, numbered in the history of refund events of its payment
 * ({@link #sequence()}, from 1), so a receiver can order what arrives out of order.
 */
public sealed interface RefundEvent {
    String id();

    Refund refund();

    long sequence();

    /** The event type on the wire, e.g. {@code refund.succeeded}. */
    String type();

    default Instant occurredAt() {
        return refund().updatedAt();
    }

    /** How a change of a refund names its event, once the payment numbered it. */
    interface Factory {
        RefundEvent create(String id, Refund refund, long sequence);
    }

    record Created(String id, Refund refund, long sequence) implements RefundEvent {
        public String type() {
            return "refund.created";
        }
    }

    record Succeeded(String id, Refund refund, long sequence) implements RefundEvent {
        public String type() {
            return "refund.succeeded";
        }
    }

    record Failed(String id, Refund refund, long sequence) implements RefundEvent {
        public String type() {
            return "refund.failed";
        }
    }
}
