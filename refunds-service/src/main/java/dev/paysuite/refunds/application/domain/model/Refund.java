package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) a payment, in the payment's currency. It starts pending, and the
 * processor's answer makes it succeeded or failed, at once or later. Immutable: each change
 * answers the refund after it and the event that announces it.
 */
public record Refund(RefundId id, PaymentId paymentId, String merchantId, boolean livemode, Money amount,
        RefundStatus status, String reason, Metadata metadata, String failureReason, String processorReference,
        Instant createdAt, Instant updatedAt) implements Listable {
    public static final int MAX_REASON = 500;

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A change of the refund, and how its event is made once the payment has numbered it. */
    public record Change(Refund refund, RefundEvent.Factory event) {
        /** The event, numbered in the payment's refund history and placed after what was known of the payment. */
        public RefundEvent eventNumbered(RefundablePayment payment) {
            return event.create(EventId.generate().value(), refund, payment.refundEventSequence(),
                    payment.payment().sequence());
        }
    }

    /** Opens a refund of an amount already reserved on the payment. */
    public static Change open(RefundablePayment payment, long amount, String reason, Metadata metadata, Instant now) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw RefundException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{reason} can be at most " + MAX_REASON + " characters.", "reason");
        }
        PaymentSnapshot p = payment.payment();
        Refund refund = new Refund(RefundId.generate(), p.paymentId(), p.merchantId(), p.livemode(),
                new Money(amount, p.currency()), RefundStatus.PENDING, reason,
                metadata == null ? Metadata.EMPTY : metadata, null, null, now, now);
        return new Change(refund, RefundEvent.Created::new);
    }

    /** The processor took the refund; {@code reference} is how it knows it. */
    public Refund submitted(String reference, Instant now) {
        return new Refund(id, paymentId, merchantId, livemode, amount, status, reason, metadata, failureReason,
                reference, createdAt, now);
    }

    public Change succeed(Instant now) {
        requirePending();
        return new Change(new Refund(id, paymentId, merchantId, livemode, amount, RefundStatus.SUCCEEDED, reason,
                metadata, null, processorReference, createdAt, now), RefundEvent.Succeeded::new);
    }

    public Change fail(String why, Instant now) {
        requirePending();
        return new Change(new Refund(id, paymentId, merchantId, livemode, amount, RefundStatus.FAILED, reason,
                metadata, why, processorReference, createdAt, now), RefundEvent.Failed::new);
    }

    private void requirePending() {
        if (status != RefundStatus.PENDING) {
            throw new IllegalStateException("refund " + id + " is already " + status.wireName());
        }
    }
}
