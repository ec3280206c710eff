package dev.paysuite.kernel;

import java.util.Comparator;

/**
 * The causal order of one payment's events across its two streams. {@code payments.events} numbers
 * a payment's events 1, 2, 3, ... ({@code sequence}); {@code refunds.events} numbers its refund
 * events separately ({@code sequence}) and says which payment event each refund decision was based
 * on ({@code payment_sequence}: the last {@code payments.events} sequence of the payment that
 * refunds-service had seen). The rule: a payment event with sequence {@code s} comes after every
 * event of either stream whose position is lower, and a refund event based on {@code s} comes after
 * payment event {@code s} and before payment event {@code s + 1}; refund events based on the same
 * payment event keep their own order. Any receiver can merge the two streams this way, whatever
 * order they arrived in, and get the same history.
 *
 * @param paymentSequence the payment event's sequence, or the refund event's payment_sequence
 * @param refundSequence 0 for a payment event; the refund event's own sequence otherwise
 */
public record PaymentHistory(long paymentSequence, long refundSequence) implements Comparable<PaymentHistory> {
    private static final Comparator<PaymentHistory> ORDER = Comparator.comparingLong(PaymentHistory::paymentSequence)
            .thenComparingLong(PaymentHistory::refundSequence);

    public PaymentHistory {
        if (paymentSequence < 0 || refundSequence < 0) {
            throw new IllegalArgumentException("sequences count from 0 (a refund decided before any payment event) or 1");
        }
    }

    /** Where event {@code sequence} of payments.events stands. */
    public static PaymentHistory ofPaymentEvent(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("payment events count from 1");
        }
        return new PaymentHistory(sequence, 0);
    }

    /** Where a refunds.events event stands: its own {@code sequence} and its {@code payment_sequence}. */
    public static PaymentHistory ofRefundEvent(long paymentSequence, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("refund events count from 1");
        }
        return new PaymentHistory(paymentSequence, sequence);
    }

    @Override
    public int compareTo(PaymentHistory other) {
        return ORDER.compare(this, other);
    }
}
