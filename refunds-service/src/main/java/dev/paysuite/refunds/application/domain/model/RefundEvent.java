package dev.paysuite.refunds.application.domain.model;

import java.time.Instant;

/**
 * What happened to a refund, numbered in the history of refund events of its payment
 * ({@link #sequence()}, from 1), and placed in the payment's own history by
 * {@link #paymentSequence()}: the last payments.events sequence of the payment the decision was
 * based on. With both, a receiver can merge a payment's two streams in causal order (the kernel's
 * {@code PaymentHistory}), whatever order they arrive in.
 */
public sealed interface RefundEvent {
    String id();

    Refund refund();

    long sequence();

    long paymentSequence();

    /** The event type on the wire, e.g. {@code refund.succeeded}. */
    String type();

    default Instant occurredAt() {
        return refund().updatedAt();
    }

    /** How a change of a refund names its event, once the payment numbered it. */
    interface Factory {
        RefundEvent create(String id, Refund refund, long sequence, long paymentSequence);
    }

    record Created(String id, Refund refund, long sequence, long paymentSequence) implements RefundEvent {
        public String type() {
            return "refund.created";
        }
    }

    record Succeeded(String id, Refund refund, long sequence, long paymentSequence) implements RefundEvent {
        public String type() {
            return "refund.succeeded";
        }
    }

    record Failed(String id, Refund refund, long sequence, long paymentSequence) implements RefundEvent {
        public String type() {
            return "refund.failed";
        }
    }
}
