package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A payment and its lifecycle. Immutable: every change answers the payment after it and the event
 * that announces it, so an event always carries the exact state it announces.
 *
 * <p>Whatever asks the processor for something first records the payment {@code processing} with
 * its {@link PendingOperation} (phase 1); the processor is then asked with no transaction open, and
 * its answer recorded ({@link #recordOutcome}, phase 2). An answer nobody recorded (a crash, a
 * timeout) is found later by asking the processor under the operation's acquirer key.
 *
 * <pre>
 * open ─→ processing (authorize) ─┬─ approved, automatic capture ─→ succeeded
 *                                 ├─ approved, manual capture ────→ requires_capture
 *                                 ├─ 3-D Secure needed ───────────→ requires_action
 *                                 └─ declined ────────────────────→ failed
 * requires_action ─ confirm ─→ processing (authenticate) ─→ as authorize (authentication failed: failed)
 * requires_capture ─ capture ─→ processing (capture) ─→ succeeded (declined: requires_capture)
 * requires_capture ─ cancel ──→ processing (void) ────→ canceled (refused: requires_capture)
 * requires_capture ─ expire ──→ as cancel, with cancellation_reason "expired"
 * pending, requires_action ─ cancel ─→ canceled
 * succeeded ─ refund ─→ partially_refunded ─ refund ─→ refunded
 * </pre>
 *
 * <p>A dispute changes no status: it holds {@code amountDisputed} of the captured amount while it
 * is open or once lost ({@link #disputeHeld}), and each of its events takes the payment's next
 * number ({@code eventSequence}), so a payment's history stays gap-free.
 */
public record Payment(PaymentId id, String merchantId, boolean livemode, Money amount, long amountCaptured,
        long amountRefunded, long amountDisputed, PaymentStatus status, CaptureMethod captureMethod,
        PaymentSource source, PaymentInstrument instrument, String description, String customerId, Metadata metadata,
        Failure failure, NextAction nextAction, String processorReference, String cancellationReason, Instant canceledAt,
        Instant capturedAt, Instant createdAt, Instant updatedAt, long eventSequence, PendingOperation pending,
        String returnUrl, PaymentLinkId paymentLink, SubscriptionId subscription, TestClockId testClock)
        implements Listable {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_CUSTOMER_ID = 255;
    public static final int MAX_CANCELLATION_REASON = 500;
    public static final int MAX_RETURN_URL = 2048;

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
        if (amountDisputed < 0 || amountDisputed > amountCaptured) {
            throw new IllegalArgumentException("disputed amount out of range");
        }
        if ((status == PaymentStatus.PROCESSING) != (pending != null)) {
            throw new IllegalArgumentException("a payment is processing exactly while an operation is pending");
        }
    }

    /** The outcome of a change: the payment after it and the event announcing it. */
    public record Change(Payment payment, PaymentEvent event) {

        /**
         * This opening dated {@code createdAt} instead: a payment made on a test clock is created at
         * the clock's time (its authorization expires by it), while the operation pending keeps the
         * real time it was submitted at, which the reconciler goes by.
         */
        public Change createdAt(Instant createdAt) {
            if (!(event instanceof PaymentEvent.Created)) {
                throw new IllegalStateException("only a payment's opening can be dated");
            }
            Payment dated = payment.toBuilder().createdAt(createdAt).build();
            return new Change(dated, new PaymentEvent.Created(event.id(), dated));
        }
    }

    /** Opens a new payment, processing its authorization until the processor answers. */
    public static Change open(PaymentId id, String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, PaymentInstrument instrument, String description, String customerId,
            Metadata metadata, Instant now) {
        return open(id, merchantId, livemode, amount, source, captureMethod, instrument, description, customerId,
                metadata, (String) null, now);
    }

    /**
     * Opens a new payment that sends the payer back to {@code returnUrl} (an absolute http or https
     * URL, or null) after a 3-D Secure challenge.
     */
    public static Change open(PaymentId id, String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, PaymentInstrument instrument, String description, String customerId,
            Metadata metadata, String returnUrl, Instant now) {
        return open(id, merchantId, livemode, amount, source, captureMethod, instrument, description, customerId,
                metadata, returnUrl, null, now);
    }

    /** The same, for a payment made on a payment link's page ({@code paymentLink}; null for one made by the API). */
    public static Change open(PaymentId id, String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, PaymentInstrument instrument, String description, String customerId,
            Metadata metadata, String returnUrl, PaymentLinkId paymentLink, Instant now) {
        return open(id, merchantId, livemode, amount, source, captureMethod, instrument, description, customerId,
                metadata, returnUrl, paymentLink, null, null, now);
    }

    /**
     * The same, for a subscription's cycle ({@code subscription}) and for a payment that follows a
     * test clock's time ({@code testClock}, test mode only: its authorization expires by that clock).
     */
    public static Change open(PaymentId id, String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, PaymentInstrument instrument, String description, String customerId,
            Metadata metadata, String returnUrl, PaymentLinkId paymentLink, SubscriptionId subscription,
            TestClockId testClock, Instant now) {
        if (testClock != null && livemode) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Test clocks exist in test mode only; a live payment cannot follow one.", "testClock");
        }
        requireValidReturnUrl(returnUrl);
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
        Payment opened = new Builder().id(id).merchantId(merchantId).livemode(livemode).amount(amount)
                .status(PaymentStatus.PENDING).captureMethod(captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod)
                .source(source).instrument(instrument).description(description).customerId(customerId)
                .metadata(metadata == null ? Metadata.EMPTY : metadata).returnUrl(returnUrl).paymentLink(paymentLink)
                .subscription(subscription).testClock(testClock)
                .createdAt(now).updatedAt(now)
                .build();
        Payment processing = opened.toBuilder().status(PaymentStatus.PROCESSING).eventSequence(1)
                .pending(PendingOperation.of(PendingOperation.Operation.AUTHORIZE, opened, amount.amount(), now))
                .build();
        return new Change(processing, new PaymentEvent.Created(EventId.generate().value(), processing));
    }

    /** An absolute http or https URL with a host, at most {@link #MAX_RETURN_URL} characters; null is no URL. */
    static void requireValidReturnUrl(String returnUrl) {
        if (returnUrl == null) {
            return;
        }
        if (returnUrl.length() > MAX_RETURN_URL) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{returnUrl} can be at most " + MAX_RETURN_URL + " characters.", "returnUrl");
        }
        boolean valid;
        try {
            URI uri = new URI(returnUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            valid = uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{returnUrl} must be an absolute http or https URL, such as https://example.com/done.", "returnUrl");
        }
    }

    /**
     * Where the payer goes after a 3-D Secure challenge: the return URL with {@code payment_id}
     * added to its query (before any fragment); empty when the payment has none.
     */
    public java.util.Optional<String> returnUrlWithPaymentId() {
        if (returnUrl == null) {
            return java.util.Optional.empty();
        }
        int hash = returnUrl.indexOf('#');
        String base = hash < 0 ? returnUrl : returnUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : returnUrl.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return java.util.Optional.of(base + separator + "payment_id=" + id.value() + fragment);
    }

    /** Goes on after the payer completed 3-D Secure: the processor completes the authorization. */
    public Change confirm(Instant now) {
        requireStatus(PaymentStatus.REQUIRES_ACTION, "confirmed");
        return submit(PendingOperation.Operation.COMPLETE_AUTHENTICATION, amount.amount(), now, b -> b);
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
        return submit(PendingOperation.Operation.CAPTURE, capture, now, b -> b.failure(null));
    }

    /**
     * Cancels a payment on which no money moved yet. An authorization the processor holds is voided
     * there first ({@code processing}); one that never completed is canceled at once.
     */
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
        if (status == PaymentStatus.REQUIRES_CAPTURE && processorReference != null) {
            return submit(PendingOperation.Operation.VOID, 0, now, b -> b.cancellationReason(reason));
        }
        return next(PaymentStatus.CANCELED, now, PaymentEvent.Canceled::new,
                b -> b.nextAction(null).cancellationReason(reason).canceledAt(now));
    }

    /** The {@code cancellation_reason} of an authorization canceled because it was held too long. */
    public static final String EXPIRED = "expired";

    /**
     * Cancels an authorization held too long ({@code requires_capture} only), with the reason
     * {@value #EXPIRED}: as {@link #cancel}, one the processor holds is voided there first
     * ({@code processing}), one without a processor reference is canceled at once.
     */
    public Change expire(Instant now) {
        requireStatus(PaymentStatus.REQUIRES_CAPTURE, "expired");
        return cancel(EXPIRED, now);
    }

    /** Records the processor's answer to the pending operation (phase 2). */
    public Change recordOutcome(AuthorizationResult result, Instant now) {
        if (pending == null) {
            throw PaymentException.unexpectedState(status, "given a processor's answer");
        }
        String ref = result.processorReference() == null ? processorReference : result.processorReference();
        boolean approved = result instanceof AuthorizationResult.Approved;
        return switch (pending.operation()) {
            case AUTHORIZE, COMPLETE_AUTHENTICATION -> authorized(result, ref, now);
            case CAPTURE -> approved
                    ? next(PaymentStatus.SUCCEEDED, now, PaymentEvent.Succeeded::new,
                            b -> b.amountCaptured(pending.amount()).capturedAt(now).processorReference(ref))
                    : next(PaymentStatus.REQUIRES_CAPTURE, now, PaymentEvent.RequiresCapture::new,
                            b -> b.failure(failureOf(result)));
            case VOID -> approved
                    ? next(PaymentStatus.CANCELED, now, PaymentEvent.Canceled::new, b -> b.canceledAt(now))
                    : next(PaymentStatus.REQUIRES_CAPTURE, now, PaymentEvent.RequiresCapture::new,
                            b -> b.cancellationReason(null).failure(failureOf(result)));
        };
    }

    private Change authorized(AuthorizationResult result, String ref, Instant now) {
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

    private static Failure failureOf(AuthorizationResult result) {
        return result instanceof AuthorizationResult.Declined d ? d.failure() : null;
    }

    /** Phase 1 of asking the processor: the payment is processing {@code operation}, announced. */
    private Change submit(PendingOperation.Operation operation, long operationAmount, Instant now,
            UnaryOperator<Builder> change) {
        PendingOperation submitted = PendingOperation.of(operation, this, operationAmount, now);
        return next(PaymentStatus.PROCESSING, now, PaymentEvent.Processing::new,
                b -> change.apply(b.pending(submitted)));
    }

    /**
     * Records a refund that succeeded: the refunded amount grows, and the payment is refunded once
     * all that was captured went back. Refunds are decided by refunds-service; this only keeps the
     * payment's side of the books, and refuses what would not add up.
     */
    /** @param refundEvent the refunds.events sequence of the event that announced the refund (0 if unknown) */
    public Change refund(String refundId, Money refund, long refundEvent, Instant now) {
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
        return next(to, now, (eventId, after) -> new PaymentEvent.Refunded(eventId, after, refundId, refund.amount(),
                refundEvent),
                b -> b.amountRefunded(refunded));
    }

    /**
     * A dispute of this payment changed what it holds of the captured amount from {@code before} to
     * {@code after} (both what that dispute held): the payment after it, with one more event in its
     * history, the dispute's event, numbered {@code eventSequence}.
     */
    public Payment disputeHeld(long before, long after, Instant now) {
        long disputed = amountDisputed - before + after;
        if (before < 0 || after < 0 || disputed < 0 || disputed > amountCaptured) {
            throw new IllegalArgumentException("a dispute holds between nothing and what was captured");
        }
        return toBuilder().amountDisputed(disputed).updatedAt(now).eventSequence(eventSequence + 1).build();
    }

    /** What a dispute may still claim of this payment: captured, less refunded and what disputes hold. */
    public long disputable() {
        return Math.max(0, amountCaptured - amountRefunded - amountDisputed);
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
        Payment after = change.apply(toBuilder().status(to).updatedAt(now).eventSequence(eventSequence + 1)
                .pending(null)).build();
        return new Change(after, event.apply(EventId.generate().value(), after));
    }

    public Builder toBuilder() {
        return new Builder().id(id).merchantId(merchantId).livemode(livemode).amount(amount)
                .amountCaptured(amountCaptured).amountRefunded(amountRefunded).amountDisputed(amountDisputed)
                .status(status)
                .captureMethod(captureMethod).source(source).instrument(instrument).description(description)
                .customerId(customerId).metadata(metadata).failure(failure).nextAction(nextAction)
                .processorReference(processorReference).cancellationReason(cancellationReason).canceledAt(canceledAt)
                .capturedAt(capturedAt).createdAt(createdAt).updatedAt(updatedAt).eventSequence(eventSequence)
                .pending(pending).returnUrl(returnUrl).paymentLink(paymentLink).subscription(subscription)
                .testClock(testClock);
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
        private long amountDisputed;
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
        private PendingOperation pending;
        private String returnUrl;
        private PaymentLinkId paymentLink;
        private SubscriptionId subscription;
        private TestClockId testClock;

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

        public Builder amountDisputed(long value) {
            this.amountDisputed = value;
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

        public Builder pending(PendingOperation value) {
            pending = value;
            return this;
        }

        public Builder returnUrl(String value) {
            returnUrl = value;
            return this;
        }

        public Builder paymentLink(PaymentLinkId value) {
            paymentLink = value;
            return this;
        }

        /** The subscription whose cycle this payment is (null for any other payment). */
        public Builder subscription(SubscriptionId value) {
            subscription = value;
            return this;
        }

        /** The test clock whose time this payment follows (test mode only; null: real time). */
        public Builder testClock(TestClockId value) {
            testClock = value;
            return this;
        }

        public Payment build() {
            return new Payment(id, merchantId, livemode, amount, amountCaptured, amountRefunded, amountDisputed, status,
                    captureMethod, source, instrument, description, customerId, metadata, failure, nextAction,
                    processorReference, cancellationReason, canceledAt, capturedAt, createdAt, updatedAt, eventSequence,
                    pending, returnUrl, paymentLink, subscription, testClock);
        }
    }
}
