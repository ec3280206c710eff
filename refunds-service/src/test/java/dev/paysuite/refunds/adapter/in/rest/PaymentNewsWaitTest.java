package dev.paysuite.refunds.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentNewsWaitTest {
    static final PaymentId PAYMENT = new PaymentId("pay_2");
    int looks;
    int looksBeforeThePaymentArrives;
    String status = "succeeded";

    final PaymentNewsWait wait = new PaymentNewsWait((merchant, livemode, id) -> {
        looks++;
        return looks < looksBeforeThePaymentArrives ? Optional.empty()
                : Optional.of(RefundablePayment.firstSeen(new PaymentSnapshot(id, merchant, livemode,
                        CurrencyUnit.of("USD"), 1000, 1000, status, "4242", 2)));
    }, Duration.ofSeconds(2), Duration.ofMillis(1));

    @Test
    void aRequestWaitsForNewsOfAPaymentItDoesNotKnowYet() {
        looksBeforeThePaymentArrives = 5;
        wait.awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(5, looks);
    }

    @Test
    void aSettledPaymentIsNotWaitedFor() {
        wait.awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(1, looks);
    }

    @Test
    void aPaymentStillOnItsWayIsWaitedForUntilTheWaitIsOver() {
        status = "requires_capture";
        new PaymentNewsWait((merchant, livemode, id) -> {
            looks++;
            return Optional.of(RefundablePayment.firstSeen(new PaymentSnapshot(id, merchant, livemode,
                    CurrencyUnit.of("USD"), 1000, 0, status, "4242", 1)));
        }, Duration.ofMillis(100), Duration.ofMillis(5)).awaitNewsOf("mer_1", false, PAYMENT);
        assertTrue(looks > 1, "looked again while the payment could still become refundable");
    }
}
