package dev.paysuite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentHistoryTest {
    record Event(String name, PaymentHistory position) {
    }

    static Event payment(String name, long sequence) {
        return new Event(name, PaymentHistory.ofPaymentEvent(sequence));
    }

    static Event refund(String name, long paymentSequence, long sequence) {
        return new Event(name, PaymentHistory.ofRefundEvent(paymentSequence, sequence));
    }

    /**
     * A payment with two refunds, the second decided before refunds-service saw the first one's
     * payment.refunded, as it happens when refunds are quick.
     */
    static final List<Event> HISTORY = List.of(
            payment("payment.created", 1),
            payment("payment.succeeded", 2),
            refund("refund.created (first)", 2, 1),
            refund("refund.succeeded (first)", 2, 2),
            refund("refund.created (second)", 2, 3),
            refund("refund.succeeded (second)", 2, 4),
            payment("payment.refunded (first)", 3),
            payment("payment.refunded (second)", 4),
            refund("refund.created (third)", 4, 5),
            refund("refund.failed (third)", 4, 6));

    @Test
    void aPaymentsEventsShuffledComeBackInTheirCausalOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Event> arrived = new ArrayList<>(HISTORY);
            Collections.shuffle(arrived, random);
            arrived.sort(Comparator.comparing(Event::position));
            assertEquals(HISTORY, arrived);
        }
    }

    @Test
    void aRefundEventComesAfterThePaymentEventItWasBasedOnAndBeforeTheNext() {
        PaymentHistory refund = PaymentHistory.ofRefundEvent(2, 7);
        assertTrue(PaymentHistory.ofPaymentEvent(2).compareTo(refund) < 0);
        assertTrue(refund.compareTo(PaymentHistory.ofPaymentEvent(3)) < 0);
        assertTrue(PaymentHistory.ofRefundEvent(2, 6).compareTo(refund) < 0);
    }
}
