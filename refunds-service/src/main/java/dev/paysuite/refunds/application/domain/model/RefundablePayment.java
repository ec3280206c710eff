package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.money.Money;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * refunds-service's own view of a payment: what payments.events said of it (captured amount,
 * status, card, and what a dispute holds of it), plus what refunds already claim of it
 * ({@code amountReserved}: pending and succeeded refunds). Refunds are decided against this view
 * only, never by asking payments-service. Refunds and disputes together never claim more than was
 * captured: {@code amountReserved + amountDisputed <= amountCaptured}.
 *
 * @param amountDisputed what a dispute holds of the payment as far as refunds are concerned: what
 *        payments.events last reported, but never more than refunds left of the captured amount (a
 *        refund claimed before the view heard of the dispute was already sent to the processor; it
 *        cannot be taken back, so the hold is what is left)
 * @param amountDisputedReported what payments.events last reported disputes hold, as reported: should a
 *        refund claimed before it fail and give its amount back, the hold grows back up to it
 * @param refundEventSequence how many refund events this payment has had, to number the next
 */
public record RefundablePayment(PaymentSnapshot payment, long amountReserved, long amountDisputed,
        long amountDisputedReported, long refundEventSequence) {
    private static final Set<String> REFUNDABLE = Set.of("succeeded", "partially_refunded", "refunded");
    /** States that may still become refundable (the projection may just not have caught up). */
    private static final Set<String> NOT_YET = Set.of("pending", "processing", "requires_action", "requires_capture");

    public RefundablePayment {
        if (amountReserved < 0 || amountDisputed < 0 || amountDisputedReported < 0
                || amountReserved + amountDisputed > payment.amountCaptured()) {
            throw new IllegalArgumentException("reserved or disputed amount out of range");
        }
    }

    /** A view that holds all that was reported disputed (nothing clamped). */
    public RefundablePayment(PaymentSnapshot payment, long amountReserved, long amountDisputed,
            long refundEventSequence) {
        this(payment, amountReserved, amountDisputed, amountDisputed, refundEventSequence);
    }

    public static RefundablePayment firstSeen(PaymentSnapshot payment) {
        return firstSeen(payment, OptionalLong.empty());
    }

    /**
     * The view of a payment heard of for the first time.
     *
     * @param amountDisputed what the event says disputes hold of it ({@code amount_disputed}), if it says
     */
    public static RefundablePayment firstSeen(PaymentSnapshot payment, OptionalLong amountDisputed) {
        return new RefundablePayment(payment, 0, 0, 0, 0).holding(amountDisputed.orElse(0));
    }

    public boolean isRefundable() {
        return REFUNDABLE.contains(payment.status());
    }

    /** Not refundable now, but it may be in a moment: a newer event may be on its way. */
    public boolean mayBecomeRefundable() {
        return NOT_YET.contains(payment.status());
    }

    /** What may still be refunded: the captured amount less what refunds claim and what a dispute holds. */
    public long remaining() {
        return payment.amountCaptured() - amountReserved - amountDisputed;
    }

    /** A newer state of the payment that says nothing of disputes; older or repeated ones change nothing. */
    public RefundablePayment observe(PaymentSnapshot newer) {
        return observe(newer, OptionalLong.empty());
    }

    /**
     * A newer state of the payment; older or repeated ones change nothing. What disputes hold becomes
     * what the event says ({@code amount_disputed}, as it is now, not a change), or stays as it was when
     * the event does not say; either way never more than refunds left of the captured amount.
     */
    public RefundablePayment observe(PaymentSnapshot newer, OptionalLong amountDisputed) {
        if (amountDisputed.isPresent() && amountDisputed.getAsLong() < 0) {
            throw new IllegalArgumentException("a payment's amounts are never negative");
        }
        if (newer.sequence() <= payment.sequence()) {
            return this;
        }
        long captured = Math.max(newer.amountCaptured(), amountReserved);
        return new RefundablePayment(new PaymentSnapshot(newer.paymentId(), newer.merchantId(), newer.livemode(),
                newer.currency(), newer.amount(), captured, newer.status(), newer.cardLast4(), newer.sequence()),
                amountReserved, 0, 0, refundEventSequence).holding(amountDisputed.orElse(amountDisputedReported));
    }

    /**
     * News of the payment's dispute, if newer than what the view knows (dispute events are numbered in
     * the payment's own sequence). What the dispute holds becomes what it holds now ({@link
     * DisputeSnapshot#held()}), never more than refunds left; the rest of the view (status, amounts) is
     * the payment's and stays, but the view has now seen this event of the payment's history.
     *
     * @throws IllegalArgumentException when the dispute is not of this payment as the view knows it
     *         (another merchant, mode or currency)
     */
    public RefundablePayment observe(DisputeSnapshot dispute) {
        if (!dispute.concerns(payment)) {
            throw new IllegalArgumentException("a dispute is of its payment's merchant, mode and currency");
        }
        if (dispute.sequence() <= payment.sequence()) {
            return this;
        }
        return new RefundablePayment(payment.seenUpTo(dispute.sequence()), amountReserved, 0, 0,
                refundEventSequence).holding(dispute.held());
    }

    /**
     * This view, holding what disputes are reported to hold: as far as refunds are concerned, never
     * more than refunds left.
     */
    private RefundablePayment holding(long reported) {
        if (reported < 0) {
            throw new IllegalArgumentException("a payment's amounts are never negative");
        }
        return new RefundablePayment(payment, amountReserved,
                Math.min(reported, payment.amountCaptured() - amountReserved), reported, refundEventSequence);
    }

    /**
     * Claims {@code requested} of what is left (all of it when null), in the payment's currency
     * and minor unit.
     */
    public RefundablePayment reserve(Long requested, String currency) {
        if (!isRefundable()) {
            throw RefundException.invalid(RefundErrorCodes.PAYMENT_NOT_REFUNDABLE,
                    "Only a succeeded or partially refunded payment can be refunded; this one is '"
                            + payment.status() + "'.", "paymentId");
        }
        String code = payment.currency().code();
        if (currency != null && !currency.toUpperCase(Locale.ROOT).equals(code)) {
            throw RefundException.invalid(RefundErrorCodes.CURRENCY_MISMATCH,
                    "A refund is in the payment's currency, " + code + ".", "currency");
        }
        if (requested != null && requested <= 0) {
            throw RefundException.invalid(ErrorCodes.AMOUNT_INVALID,
                    "{amount} must be a positive integer in the payment's minor unit.", "amount");
        }
        // As Money: more than the currency allows is bad input (400), whatever is left to refund.
        long amount = requested == null ? remaining() : new Money(requested, payment.currency()).amount();
        if (remaining() == 0 && amountDisputed > 0) {
            throw new RefundException(DomainException.Kind.UNPROCESSABLE, RefundErrorCodes.PAYMENT_DISPUTED,
                    "Nothing is left to refund of payment " + payment.paymentId() + ": a dispute holds "
                            + amountDisputed + " of it.", "paymentId");
        }
        if (remaining() == 0) {
            throw new RefundException(DomainException.Kind.CONFLICT, RefundErrorCodes.PAYMENT_FULLY_REFUNDED,
                    "Payment " + payment.paymentId() + " has already been fully refunded.", "paymentId");
        }
        if (amount > remaining()) {
            throw new RefundException(DomainException.Kind.UNPROCESSABLE, RefundErrorCodes.REFUND_EXCEEDS_REMAINING,
                    "Refund amount (" + amount + ") is more than is left to refund (" + remaining() + ")"
                            + (amountDisputed > 0 ? "; a dispute holds " + amountDisputed + " of the payment." : "."),
                    "amount");
        }
        return new RefundablePayment(payment, amountReserved + amount, amountDisputed, amountDisputedReported,
                refundEventSequence);
    }

    /**
     * Gives back what a failed refund had claimed: to the dispute first, if it holds less than was
     * reported because the refund had been claimed before, and what is left of it to refunds.
     */
    public RefundablePayment release(long amount) {
        return new RefundablePayment(payment, amountReserved - amount, 0, 0, refundEventSequence)
                .holding(amountDisputedReported);
    }

    /** The next refund-event number for this payment. */
    public RefundablePayment nextEvent() {
        return new RefundablePayment(payment, amountReserved, amountDisputed, amountDisputedReported,
                refundEventSequence + 1);
    }
}
