package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A payment and its lifecycle. Immutable: every change answers the payment after it and the event
 * that announces it, so an event always carries the exact state it announces.
 *
 * <pre>
 * pending ─┬─ approved, automatic capture ─→ succeeded
 *          ├─ approved, manual capture ────→ requires_capture ─ capture ─→ succeeded
 *          ├─ 3-D Secure needed ───────────→ requires_action ─ confirm ─→ (as above)
 *          └─ declined ────────────────────→ failed
 * pending, requires_action, requires_capture ─ cancel ─→ canceled
 * succeeded ─ refund ─→ partially_refunded ─ refund ─→ refunded
 * </pre>
 */
public record Payment(PaymentId id, String merchantId, boolean livemode, Money amount, long amountCaptured,
        long amountRefunded, PaymentStatus status, CaptureMethod captureMethod, PaymentSource source,
        PaymentInstrument instrument, String description, String customerId, Metadata metadata, Failure failure,
        NextAction nextAction, String processorReference, String cancellationReason, Instant canceledAt,
        Instant capturedAt, Instant createdAt, Instant updatedAt, long eventSequence) implements Listable {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_CUSTOMER_ID = 255;
    public static final int MAX_CANCELLATION_REASON = 500;

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(captureMethod, "captureMethod");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amountCaptured < 0 || amountCaptured > amount.amount()) {
            throw new IllegalArgumentException("captured amount out of range");
        }
        if (amountRefunded < 0 || amountRefunded > amountCaptured) {
            throw new IllegalArgumentException("refunded amount out of range");
        }
    }

    /** The outcome of a change: the payment after it and the event announcing it. */
    public record Change(Payment payment, PaymentEvent event) {
    }

    /** Opens a new payment, pending until the processor answers. */
    public static Change open(PaymentId id, String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, PaymentInstrument instrument, String description, String customerId,
            Metadata metadata, Instant now) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{description} can be at most " + MAX_DESCRIPTION + " characters.", "description");
        }
        if (customerId != null && (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{customerId} must be 1 to " + MAX_CUSTOMER_ID + " characters.", "customerId");
        }
        if (!instrument.accepts(amount.currency())) {
            throw new PaymentException(DomainException.Kind.UNPROCESSABLE, PaymentErrorCodes.CURRENCY_NOT_SUPPORTED,
                    "The payment method does not support the currency " + amount.currency().code() + ".", "currency");
        }
        Payment p = new Builder().id(id).merchantId(merchantId).livemode(livemode).amount(amount)
                .status(PaymentStatus.PENDING).captureMethod(captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod)
                .source(source).instrument(instrument).description(description).customerId(customerId)
                .metadata(metadata == null ? Metadata.EMPTY : metadata).createdAt(now).updatedAt(now).eventSequence(1)
                .build();
        return new Change(p, new PaymentEvent.Created(EventId.generate().value(), p));
    }

    /** Applies the processor's answer to the authorization of a pending payment. */
    public Change authorize(AuthorizationResult result, Instant now) {
        requireStatus(PaymentStatus.PENDING, "authorized");
        return applyAuthorization(result, now);
    }

    /** Applies the processor's answer after the payer completed 3-D Secure. */
    public Change confirm(AuthorizationResult result, Instant now) {
        requireStatus(PaymentStatus.REQUIRES_ACTION, "confirmed");
        return applyAuthorization(result, now);
    }

    private Change applyAuthorization(AuthorizationResult result, Instant now) {
        String ref = result.processorReference();
        if (result instanceof AuthorizationResult.Declined d) {
            return next(PaymentStatus.FAILED, now, PaymentEvent.Failed::new,
                    b -> b.failure(d.failure()).nextAction(null).processorReference(ref));
        }
        if (result instanceof AuthorizationResult.ActionRequired a) {
            return next(PaymentStatus.REQUIRES_ACTION, now, PaymentEvent.RequiresAction::new,
                    b -> b.failure(null).nextAction(a.nextAction()).processorReference(ref));
        }
        if (captureMethod == CaptureMethod.MANUAL) {
            return next(PaymentStatus.REQUIRES_CAPTURE, now, PaymentEvent.RequiresCapture::new,
                    b -> b.failure(null).nextAction(null).processorReference(ref));
        }
        return next(PaymentStatus.SUCCEEDED, now, PaymentEvent.Succeeded::new,
                b -> b.amountCaptured(amount.amount()).failure(null).nextAction(null).processorReference(ref)
                        .capturedAt(now));
    }

    /**
     * Captures an authorized payment, in full or in part ({@code amountToCapture} up to the
     * authorized amount; the rest of the authorization is released).
     */
    public Change capture(OptionalLong amountToCapture, Instant now) {
        if (status == PaymentStatus.SUCCEEDED || status == PaymentStatus.PARTIALLY_REFUNDED
                || status == PaymentStatus.REFUNDED) {
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.PAYMENT_ALREADY_CAPTURED,
                    "This payment has already been captured.", null);
        }
        requireStatus(PaymentStatus.REQUIRES_CAPTURE, "captured");
        long capture = amountToCapture.orElse(amount.amount());
        if (capture <= 0 || capture > amount.amount()) {
            throw PaymentException.invalid(PaymentErrorCodes.CAPTURE_AMOUNT_INVALID,
                    "{amountToCapture} must be between 1 and the authorized amount (" + amount.amount() + ").",
                    "amountToCapture");
        }
        return next(PaymentStatus.SUCCEEDED, now, PaymentEvent.Succeeded::new,
                b -> b.amountCaptured(capture).failure(null).nextAction(null).capturedAt(now));
    }

    /** Cancels a payment on which no money moved yet. */
    public Change cancel(String reason, Instant now) {
        if (status == PaymentStatus.CANCELED) {
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.PAYMENT_ALREADY_CANCELED,
                    "This payment is already canceled.", null);
        }
        if (!status.isCancelable()) {
            throw PaymentException.unexpectedState(status, "canceled");
        }
        if (reason != null && reason.length() > MAX_CANCELLATION_REASON) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{reason} can be at most " + MAX_CANCELLATION_REASON + " characters.", "reason");
        }
        return next(PaymentStatus.CANCELED, now, PaymentEvent.Canceled::new,
                b -> b.nextAction(null).cancellationReason(reason).canceledAt(now));
    }

    /**
     * Records a refund that succeeded: the refunded amount grows, and the payment is refunded once
     * all that was captured went back. Refunds are decided by refunds-service; this only keeps the
     * payment's side of the books, and refuses what would not add up.
     */
    public Change refund(String refundId, Money refund, Instant now) {
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw PaymentException.unexpectedState(status, "refunded");
        }
        if (!refund.isIn(amount.currency())) {
            throw PaymentException.invalid(ErrorCodes.CURRENCY_INVALID,
                    "A refund is in the payment's currency " + amount.currency().code() + ".", "currency");
        }
        long refunded = amountRefunded + refund.amount();
        if (refunded > amountCaptured) {
            throw new PaymentException(DomainException.Kind.UNPROCESSABLE, PaymentErrorCodes.REFUND_EXCEEDS_CAPTURED,
                    "Refunds would exceed the captured amount (" + amountCaptured + ").", "amount");
        }
        PaymentStatus to = refunded == amountCaptured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        return next(to, now, (eventId, after) -> new PaymentEvent.Refunded(eventId, after, refundId, refund.amount()),
                b -> b.amountRefunded(refunded));
    }

    public boolean isFailed() {
        return status == PaymentStatus.FAILED;
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw PaymentException.unexpectedState(status, action);
        }
    }

    /** The payment in its next state (one more event in its history) and the event that announces it. */
    private Change next(PaymentStatus to, Instant now, BiFunction<String, Payment, PaymentEvent> event,
            UnaryOperator<Builder> change) {
        Payment after = change.apply(toBuilder().status(to).updatedAt(now).eventSequence(eventSequence + 1)).build();
        return new Change(after, event.apply(EventId.generate().value(), after));
    }

    public Builder toBuilder() {
        return new Builder().id(id).merchantId(merchantId).livemode(livemode).amount(amount)
                .amountCaptured(amountCaptured).amountRefunded(amountRefunded).status(status)
                .captureMethod(captureMethod).source(source).instrument(instrument).description(description)
                .customerId(customerId).metadata(metadata).failure(failure).nextAction(nextAction)
                .processorReference(processorReference).cancellationReason(cancellationReason).canceledAt(canceledAt)
                .capturedAt(capturedAt).createdAt(createdAt).updatedAt(updatedAt).eventSequence(eventSequence);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a payment field by field (a persistence adapter reading a row; the changes above). */
    public static final class Builder {
        private PaymentId id;
        private String merchantId;
        private boolean livemode;
        private Money amount;
        private long amountCaptured;
        private long amountRefunded;
        private PaymentStatus status;
        private CaptureMethod captureMethod;
        private PaymentSource source;
        private PaymentInstrument instrument;
        private String description;
        private String customerId;
        private Metadata metadata = Metadata.EMPTY;
        private Failure failure;
        private NextAction nextAction;
        private String processorReference;
        private String cancellationReason;
        private Instant canceledAt;
        private Instant capturedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private long eventSequence;

        private Builder() {
        }

        public Builder id(PaymentId value) {
            id = value;
            return this;
        }

        public Builder merchantId(String value) {
            merchantId = value;
            return this;
        }

        public Builder livemode(boolean value) {
            livemode = value;
            return this;
        }

        public Builder amount(Money value) {
            amount = value;
            return this;
        }

        public Builder amountCaptured(long value) {
            amountCaptured = value;
            return this;
        }

        public Builder amountRefunded(long value) {
            amountRefunded = value;
            return this;
        }

        public Builder status(PaymentStatus value) {
            status = value;
            return this;
        }

        public Builder captureMethod(CaptureMethod value) {
            captureMethod = value;
            return this;
        }

        public Builder source(PaymentSource value) {
            source = value;
            return this;
        }

        public Builder instrument(PaymentInstrument value) {
            instrument = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder customerId(String value) {
            customerId = value;
            return this;
        }

        public Builder metadata(Metadata value) {
            metadata = value;
            return this;
        }

        public Builder failure(Failure value) {
            failure = value;
            return this;
        }

        public Builder nextAction(NextAction value) {
            nextAction = value;
            return this;
        }

        public Builder processorReference(String value) {
            processorReference = value;
            return this;
        }

        public Builder cancellationReason(String value) {
            cancellationReason = value;
            return this;
        }

        public Builder canceledAt(Instant value) {
            canceledAt = value;
            return this;
        }

        public Builder capturedAt(Instant value) {
            capturedAt = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder eventSequence(long value) {
            eventSequence = value;
            return this;
        }

        public Payment build() {
            return new Payment(id, merchantId, livemode, amount, amountCaptured, amountRefunded, status, captureMethod,
                    source, instrument, description, customerId, metadata, failure, nextAction, processorReference,
                    cancellationReason, canceledAt, capturedAt, createdAt, updatedAt, eventSequence);
        }
    }
}
