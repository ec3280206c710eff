package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A dispute (chargeback): the cardholder contested a payment with their bank, which took the amount
 * back from the merchant until it decides. The acquirer tells us of it; the merchant gives evidence
 * until {@code evidenceDueBy} and submits it, or accepts the dispute; the acquirer tells us the
 * issuer's decision. Immutable: every change answers the dispute after it and, with its payment,
 * the event that announces it.
 *
 * <pre>
 * (acquirer) ─→ needs_response ─ evidence ─→ needs_response
 *               needs_response ─ submit ───→ under_review ─ (acquirer) ─→ won | lost | closed
 *               needs_response ─ accept ───→ lost
 *               needs_response ─ (acquirer: deadline passed, no evidence) ─→ lost
 * </pre>
 *
 * @param acquirerReference the acquirer's name for it
 * @param acquirerPending what the acquirer must still be told of a change the merchant made, or null
 */
public record Dispute(DisputeId id, PaymentId paymentId, String merchantId, boolean livemode, Money amount,
        String reason, DisputeStatus status, DisputeEvidence evidence, Instant evidenceDueBy, int submissionCount,
        Instant submittedAt, String acquirerReference, AcquirerInstruction acquirerPending, Instant createdAt,
        Instant updatedAt, Instant closedAt) implements Listable {

    /** What the acquirer is told of the merchant's answer, once the step that recorded it committed. */
    public enum AcquirerInstruction {
        SUBMIT, ACCEPT
    }

    public Dispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(evidenceDueBy, "evidenceDueBy");
        Objects.requireNonNull(acquirerReference, "acquirerReference");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a dispute is for a positive amount");
        }
        if (status.isFinal() != (closedAt != null)) {
            throw new IllegalArgumentException("a dispute is closed exactly when its status is final");
        }
    }

    /** A change: the dispute after it, its payment after it, and the event announcing it. */
    public record Change(Dispute dispute, Payment payment, DisputeEvent event) {
    }

    /**
     * The dispute the acquirer told of, for {@code requested} of the payment (in its currency): it
     * claims at most what the payment has left ({@link Payment#disputable}); empty when nothing is left
     * (a payment refunded in full before the dispute came has nothing to dispute).
     */
    public static Optional<Change> open(DisputeId id, Payment payment, String acquirerReference, Money requested,
            String reason, Instant evidenceDueBy, Instant now) {
        if (!requested.isIn(payment.amount().currency())) {
            throw new IllegalArgumentException("a dispute is in its payment's currency");
        }
        long amount = Math.min(requested.amount(), payment.disputable());
        if (amount <= 0) {
            return Optional.empty();
        }
        Dispute opened = new Dispute(id, payment.id(), payment.merchantId(), payment.livemode(),
                new Money(amount, payment.amount().currency()), reason, DisputeStatus.NEEDS_RESPONSE,
                DisputeEvidence.NONE, evidenceDueBy, 0, null, acquirerReference, null, now, now, null);
        Payment after = payment.disputeHeld(0, amount, now);
        return Optional.of(new Change(opened, after,
                new DisputeEvent(EventId.generate().value(), DisputeEvent.CREATED, opened, after)));
    }

    /** Adds {@code given} to the evidence, and submits it all to the issuer when {@code submit}. */
    public Change giveEvidence(DisputeEvidence given, boolean submit, Payment payment, Instant now) {
        requireAnswerable(now, submit ? "submitted" : "given evidence");
        DisputeEvidence all = evidence.with(given);
        if (!submit) {
            return change(b -> b.evidence(all), payment, now, DisputeEvent.UPDATED);
        }
        return change(b -> b.evidence(all).status(DisputeStatus.UNDER_REVIEW).submissionCount(submissionCount + 1)
                .submittedAt(now).acquirerPending(AcquirerInstruction.SUBMIT), payment, now, DisputeEvent.UPDATED);
    }

    /** The merchant accepts the dispute: it is lost, and the amount stays with the cardholder. */
    public Change accept(Payment payment, Instant now) {
        requireAnswerable(now, "accepted");
        return change(b -> b.status(DisputeStatus.LOST).closedAt(now).acquirerPending(AcquirerInstruction.ACCEPT),
                payment, now, DisputeEvent.CLOSED);
    }

    /**
     * The issuer's decision, as the acquirer told it; a dispute already decided stays as it is (the
     * acquirer may tell twice).
     */
    public Optional<Change> decide(DisputeStatus outcome, Payment payment, Instant now) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("a decision is won, lost or closed");
        }
        if (status.isFinal()) {
            return Optional.empty();
        }
        return Optional.of(change(b -> b.status(outcome).closedAt(now), payment, now, DisputeEvent.CLOSED));
    }

    /** The acquirer was told what {@link #acquirerPending} said: nothing changes that anyone sees. */
    public Dispute acquirerTold() {
        return toBuilder().acquirerPending(null).build();
    }

    /** What this dispute holds of its payment now. */
    public long held() {
        return status.holdsFunds() ? amount.amount() : 0;
    }

    public boolean isPastDue(Instant now) {
        return now.isAfter(evidenceDueBy);
    }

    /**
     * The deadline first: once it passed, that is the answer whatever the status (the acquirer may
     * already have decided the dispute lost for want of evidence).
     */
    private void requireAnswerable(Instant now, String action) {
        if (isPastDue(now)) {
            throw new PaymentException(DomainException.Kind.INVALID, PaymentErrorCodes.DISPUTE_EVIDENCE_PAST_DUE,
                    "The evidence for this dispute was due by " + evidenceDueBy + "; it can no longer be "
                            + action + ".", null);
        }
        if (status != DisputeStatus.NEEDS_RESPONSE) {
            throw PaymentException.invalid(PaymentErrorCodes.DISPUTE_UNEXPECTED_STATE,
                    "A dispute with status '" + status.wireName() + "' cannot be " + action + ".", null);
        }
    }

    private Change change(java.util.function.UnaryOperator<Builder> change, Payment payment, Instant now,
            String type) {
        if (!payment.id().equals(paymentId)) {
            throw new IllegalArgumentException("a dispute changes with its own payment");
        }
        Dispute after = change.apply(toBuilder().updatedAt(now)).build();
        Payment paymentAfter = payment.disputeHeld(held(), after.held(), now);
        return new Change(after, paymentAfter, new DisputeEvent(EventId.generate().value(), type, after, paymentAfter));
    }

    public Builder toBuilder() {
        return new Builder().id(id).paymentId(paymentId).merchantId(merchantId).livemode(livemode).amount(amount)
                .reason(reason).status(status).evidence(evidence).evidenceDueBy(evidenceDueBy)
                .submissionCount(submissionCount).submittedAt(submittedAt).acquirerReference(acquirerReference)
                .acquirerPending(acquirerPending).createdAt(createdAt).updatedAt(updatedAt).closedAt(closedAt);
    }

    /** Builds a dispute field by field (a persistence adapter reading a row; the changes above). */
    public static final class Builder {
        private DisputeId id;
        private PaymentId paymentId;
        private String merchantId;
        private boolean livemode;
        private Money amount;
        private String reason;
        private DisputeStatus status;
        private DisputeEvidence evidence = DisputeEvidence.NONE;
        private Instant evidenceDueBy;
        private int submissionCount;
        private Instant submittedAt;
        private String acquirerReference;
        private AcquirerInstruction acquirerPending;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant closedAt;

        public Builder id(DisputeId value) {
            id = value;
            return this;
        }

        public Builder paymentId(PaymentId value) {
            paymentId = value;
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

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder status(DisputeStatus value) {
            status = value;
            return this;
        }

        public Builder evidence(DisputeEvidence value) {
            evidence = value;
            return this;
        }

        public Builder evidenceDueBy(Instant value) {
            evidenceDueBy = value;
            return this;
        }

        public Builder submissionCount(int value) {
            submissionCount = value;
            return this;
        }

        public Builder submittedAt(Instant value) {
            submittedAt = value;
            return this;
        }

        public Builder acquirerReference(String value) {
            acquirerReference = value;
            return this;
        }

        public Builder acquirerPending(AcquirerInstruction value) {
            acquirerPending = value;
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

        public Builder closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        public Dispute build() {
            return new Dispute(id, paymentId, merchantId, livemode, amount, reason, status, evidence, evidenceDueBy,
                    submissionCount, submittedAt, acquirerReference, acquirerPending, createdAt, updatedAt, closedAt);
        }
    }
}
