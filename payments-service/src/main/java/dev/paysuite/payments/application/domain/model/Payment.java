package dev.paysuite.payments.application.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiFunction;

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
 * </pre>
 */
public record Payment(PaymentId id, String merchantId, boolean livemode, Money amount, long amountCaptured,
        long amountRefunded, PaymentStatus status, CaptureMethod captureMethod, PaymentSource source,
        PaymentInstrument instrument, String description, String customerId, Metadata metadata, Failure failure,
        NextAction nextAction, String processorReference, String cancellationReason, Instant canceledAt,
        Instant capturedAt, Instant createdAt, Instant updatedAt, long eventSequence) {

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
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "description can be at most " + MAX_DESCRIPTION + " characters.", "description");
        }
        if (customerId != null && (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID)) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "customer_id must be 1 to " + MAX_CUSTOMER_ID + " characters.", "customer_id");
        }
        if (!instrument.accepts(amount.currency())) {
            throw new PaymentException(PaymentException.Kind.UNPROCESSABLE, PaymentErrorCodes.CURRENCY_NOT_SUPPORTED,
                    "The payment method does not support the currency " + amount.currency().code() + ".", "currency");
        }
        Payment p = new Payment(id, merchantId, livemode, amount, 0, 0, PaymentStatus.PENDING,
                captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod, source, instrument, description,
                customerId, metadata == null ? Metadata.EMPTY : metadata, null, null, null, null, null, null, now, now,
                1);
        return new Change(p, new PaymentEvent.Created(Ids.eventId(), p));
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
                    p -> p.with(0, d.failure(), null, ref, null));
        }
        if (result instanceof AuthorizationResult.ActionRequired a) {
            return next(PaymentStatus.REQUIRES_ACTION, now, PaymentEvent.RequiresAction::new,
                    p -> p.with(0, null, a.nextAction(), ref, null));
        }
        if (captureMethod == CaptureMethod.MANUAL) {
            return next(PaymentStatus.REQUIRES_CAPTURE, now, PaymentEvent.RequiresCapture::new,
                    p -> p.with(0, null, null, ref, null));
        }
        return next(PaymentStatus.SUCCEEDED, now, PaymentEvent.Succeeded::new,
                p -> p.with(amount.amount(), null, null, ref, now));
    }

    /**
     * Captures an authorized payment, in full or in part ({@code amountToCapture} up to the
     * authorized amount; the rest of the authorization is released).
     */
    public Change capture(OptionalLong amountToCapture, Instant now) {
        if (status == PaymentStatus.SUCCEEDED || status == PaymentStatus.PARTIALLY_REFUNDED
                || status == PaymentStatus.REFUNDED) {
            throw new PaymentException(PaymentException.Kind.CONFLICT, PaymentErrorCodes.PAYMENT_ALREADY_CAPTURED,
                    "This payment has already been captured.", null);
        }
        requireStatus(PaymentStatus.REQUIRES_CAPTURE, "captured");
        long capture = amountToCapture.orElse(amount.amount());
        if (capture <= 0 || capture > amount.amount()) {
            throw PaymentException.invalid(PaymentErrorCodes.CAPTURE_AMOUNT_INVALID,
                    "amount_to_capture must be between 1 and the authorized amount (" + amount.amount() + ").",
                    "amount_to_capture");
        }
        return next(PaymentStatus.SUCCEEDED, now, PaymentEvent.Succeeded::new,
                p -> p.with(capture, null, null, processorReference, now));
    }

    /** Cancels a payment on which no money moved yet. */
    public Change cancel(String reason, Instant now) {
        if (status == PaymentStatus.CANCELED) {
            throw new PaymentException(PaymentException.Kind.CONFLICT, PaymentErrorCodes.PAYMENT_ALREADY_CANCELED,
                    "This payment is already canceled.", null);
        }
        if (!status.isCancelable()) {
            throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                    "A payment with status '" + status.wireName() + "' cannot be canceled.", null);
        }
        if (reason != null && reason.length() > MAX_CANCELLATION_REASON) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "reason can be at most " + MAX_CANCELLATION_REASON + " characters.", "reason");
        }
        return next(PaymentStatus.CANCELED, now, PaymentEvent.Canceled::new,
                p -> new Payment(id, merchantId, livemode, amount, amountCaptured, amountRefunded, PaymentStatus.CANCELED,
                        captureMethod, source, instrument, description, customerId, metadata, failure, null,
                        processorReference, reason, now, capturedAt, createdAt, now, eventSequence + 1));
    }

    /**
     * Records a refund that succeeded: the refunded amount grows, and the payment is refunded once
     * all that was captured went back. Refunds are decided by refunds-service; this only keeps the
     * payment's side of the books, and refuses what would not add up.
     */
    public Change refund(String refundId, Money refund, Instant now) {
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                    "A payment with status '" + status.wireName() + "' cannot be refunded.", null);
        }
        if (!refund.currency().equals(amount.currency())) {
            throw PaymentException.invalid(PaymentErrorCodes.CURRENCY_INVALID,
                    "A refund is in the payment's currency " + amount.currency().code() + ".", "currency");
        }
        long refunded = amountRefunded + refund.amount();
        if (refunded > amountCaptured) {
            throw new PaymentException(PaymentException.Kind.UNPROCESSABLE, PaymentErrorCodes.REFUND_EXCEEDS_CAPTURED,
                    "Refunds would exceed the captured amount (" + amountCaptured + ").", "amount");
        }
        PaymentStatus to = refunded == amountCaptured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        Payment after = new Payment(id, merchantId, livemode, amount, amountCaptured, refunded, to, captureMethod,
                source, instrument, description, customerId, metadata, failure, nextAction, processorReference,
                cancellationReason, canceledAt, capturedAt, createdAt, now, eventSequence + 1);
        return new Change(after, new PaymentEvent.Refunded(Ids.eventId(), after, refundId, refund.amount()));
    }

    public boolean isFailed() {
        return status == PaymentStatus.FAILED;
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE,
                    "A payment with status '" + status.wireName() + "' cannot be " + action + ".", null);
        }
    }

    private interface Mutation {
        Payment apply(Payment base);
    }

    private Change next(PaymentStatus to, Instant now, BiFunction<String, Payment, PaymentEvent> event,
            Mutation mutation) {
        Payment base = new Payment(id, merchantId, livemode, amount, amountCaptured, amountRefunded, to, captureMethod,
                source, instrument, description, customerId, metadata, failure, nextAction, processorReference,
                cancellationReason, canceledAt, capturedAt, createdAt, now, eventSequence + 1);
        Payment after = mutation.apply(base);
        return new Change(after, event.apply(Ids.eventId(), after));
    }

    private Payment with(long captured, Failure newFailure, NextAction newNextAction, String reference,
            Instant captureTime) {
        return new Payment(id, merchantId, livemode, amount, captured, amountRefunded, status, captureMethod, source,
                instrument, description, customerId, metadata, newFailure, newNextAction, reference, cancellationReason,
                canceledAt,
                captureTime, createdAt, updatedAt, eventSequence);
    }
}
