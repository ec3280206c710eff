package dev.paysuite.webhooks.application.domain.model;

/**
 * How far one payment's public history has been numbered: the last public {@code sequence} given,
 * and the last {@code payments.events} and {@code refunds.events} sequences it covers. Kept per
 * payment for as long as the payment may have events (longer than the events themselves), so a
 * refund months later still gets the next number.
 */
public record PaymentTimeline(long lastSequence, long lastPaymentEvent, long lastRefundEvent) {
    public static final PaymentTimeline START = new PaymentTimeline(0, 0, 0);

    public PaymentTimeline {
        if (lastSequence < 0 || lastPaymentEvent < 0 || lastRefundEvent < 0) {
            throw new IllegalArgumentException("sequences count from 0");
        }
    }
}
