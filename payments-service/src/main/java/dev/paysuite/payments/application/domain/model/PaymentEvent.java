package dev.paysuite.payments.application.domain.model;

import java.time.Instant;

/**
 * What happened to a payment. Each event carries the payment as it was right after the change and
 * its position in that payment's history ({@link #sequence()}, from 1), so a receiver can put
 * events that arrive out of order back in order.
 */
public sealed interface PaymentEvent {
    String id();

    Payment payment();

    /** The event type on the wire, e.g. {@code payment.succeeded}. */
    String type();

    default long sequence() {
        return payment().eventSequence();
    }

    default Instant occurredAt() {
        return payment().updatedAt();
    }

    /**
     * The {@code refunds.events} event (its {@code sequence} for this payment) this event follows
     * from, or 0: a receiver merging both topics puts this event after that one.
     */
    default long causedByRefundEvent() {
        return 0;
    }

    record Created(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.created";
        }
    }

    /** Submitted to the processor; its outcome follows. */
    record Processing(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.processing";
        }
    }

    record RequiresAction(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.requires_action";
        }
    }

    record RequiresCapture(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.requires_capture";
        }
    }

    record Succeeded(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.succeeded";
        }
    }

    record Failed(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.failed";
        }
    }

    record Canceled(String id, Payment payment) implements PaymentEvent {
        public String type() {
            return "payment.canceled";
        }
    }

    /** Part or all of the captured amount went back to the payer; {@code refundId} names the refund. */
    /** A refund succeeded: refund event {@code causedByRefundEvent} of refunds.events said so. */
    record Refunded(String id, Payment payment, String refundId, long refundAmount, long causedByRefundEvent)
            implements PaymentEvent {
        public String type() {
            return "payment.refunded";
        }
    }
}
