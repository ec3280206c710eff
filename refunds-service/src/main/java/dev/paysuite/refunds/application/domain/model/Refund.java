package dev.paysuite.refunds.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) a payment. It starts pending, and the processor's answer makes it
 * succeeded or failed, at once or later. Immutable: each change answers the refund after it and
 * the event that announces it.
 */
public record Refund(String id, String paymentId, String merchantId, boolean livemode, long amount, String currency,
        RefundStatus status, String reason, Metadata metadata, String failureReason, String processorReference,
        Instant createdAt, Instant updatedAt) {
    public static final String PREFIX = "ref_";
    public static final int MAX_REASON = 500;

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metadata, "metadata");
        if (amount <= 0) {
            throw new IllegalArgumentException("a refund is of a positive amount");
        }
    }

    /** A change of the refund, and how its event is made once the payment has numbered it. */
    public record Change(Refund refund, RefundEvent.Factory event) {
        public RefundEvent eventNumbered(long sequence) {
            return event.create(Ids.eventId(), refund, sequence);
        }
    }

    /** Opens a refund of an amount already reserved on the payment. */
    public static Change open(RefundablePayment payment, long amount, String reason, Metadata metadata, Instant now) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw RefundException.invalid(RefundErrorCodes.PARAMETER_INVALID,
                    "reason can be at most " + MAX_REASON + " characters.", "reason");
        }
        PaymentSnapshot p = payment.payment();
        Refund refund = new Refund(Ids.generate(PREFIX), p.paymentId(), p.merchantId(), p.livemode(), amount,
                p.currency(), RefundStatus.PENDING, reason, metadata == null ? Metadata.EMPTY : metadata, null, null,
                now, now);
        return new Change(refund, RefundEvent.Created::new);
    }

    /** The processor took the refund; {@code reference} is how it knows it. */
    public Refund submitted(String reference, Instant now) {
        return new Refund(id, paymentId, merchantId, livemode, amount, currency, status, reason, metadata,
                failureReason, reference, createdAt, now);
    }

    public Change succeed(Instant now) {
        requirePending();
        return new Change(new Refund(id, paymentId, merchantId, livemode, amount, currency, RefundStatus.SUCCEEDED,
                reason, metadata, null, processorReference, createdAt, now), RefundEvent.Succeeded::new);
    }

    public Change fail(String why, Instant now) {
        requirePending();
        return new Change(new Refund(id, paymentId, merchantId, livemode, amount, currency, RefundStatus.FAILED,
                reason, metadata, why, processorReference, createdAt, now), RefundEvent.Failed::new);
    }

    private void requirePending() {
        if (status != RefundStatus.PENDING) {
            throw new IllegalStateException("refund " + id + " is already " + status.wireName());
        }
    }
}
