package dev.paysuite.refunds.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.GetRefundablePaymentUseCase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PaymentNewsWaitTest {
    static final PaymentId PAYMENT = new PaymentId("pay_2");

    /** The view, which learns of the payment after a number of looks, while its news is in flight. */
    static final class View implements GetRefundablePaymentUseCase {
        int looks;
        int lagChecks;
        int looksBeforeThePaymentArrives;
        String status = "succeeded";
        boolean newsInFlight = true;
        CountDownLatch waiting;

        @Override
        public Optional<RefundablePayment> find(String merchantId, boolean livemode, PaymentId paymentId) {
            looks++;
            if (looks < looksBeforeThePaymentArrives || looksBeforeThePaymentArrives < 0) {
                return Optional.empty();
            }
            return Optional.of(RefundablePayment.firstSeen(new PaymentSnapshot(paymentId, merchantId, livemode,
                    CurrencyUnit.of("USD"), 1000, "succeeded".equals(status) ? 1000 : 0, status, "4242", 2)));
        }

        @Override
        public boolean newsMayBeInFlight(PaymentId paymentId) {
            lagChecks++;
            if (waiting != null) {
                waiting.countDown();
            }
            return newsInFlight;
        }
    }

    final View view = new View();

    PaymentNewsWait waitUpTo(Duration wait, int maxWaiting) {
        return new PaymentNewsWait(view, wait, Duration.ZERO, Duration.ofMillis(1), maxWaiting);
    }

    @Test
    void aRequestWaitsForNewsOfAPaymentItDoesNotKnowYetWhileTheNewsIsInFlight() {
        view.looksBeforeThePaymentArrives = 5;
        waitUpTo(Duration.ofSeconds(10), 4).awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(5, view.looks);
    }

    @Test
    void aSettledPaymentIsNotWaitedFor() {
        waitUpTo(Duration.ofSeconds(10), 4).awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(1, view.looks);
        assertEquals(0, view.lagChecks);
    }

    @Test
    void aPaymentTheCaughtUpViewDoesNotKnowIsUnknownAtOnce() {
        view.looksBeforeThePaymentArrives = -1;
        view.newsInFlight = false;
        waitUpTo(Duration.ofSeconds(10), 4).awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(1, view.looks, "no waiting: nothing about it is on its way");
        assertEquals(1, view.lagChecks);
    }

    @Test
    void duringTheGraceAPaymentIsLookedForEvenByACaughtUpViewForItsNewsMayNotBeOnTheTopicYet() {
        view.looksBeforeThePaymentArrives = 4;
        view.newsInFlight = false;
        new PaymentNewsWait(view, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(1), 4)
                .awaitNewsOf("mer_1", false, PAYMENT);
        assertEquals(4, view.looks, "found while its news travelled from the outbox to the topic");
    }

    @Test
    void anUnknownPaymentIsUnknownOnceTheGraceIsOver() {
        view.looksBeforeThePaymentArrives = -1;
        view.newsInFlight = false;
        long start = System.nanoTime();
        new PaymentNewsWait(view, Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(1), 4)
                .awaitNewsOf("mer_1", false, PAYMENT);
        assertTrue(view.looks > 1, "looked again during the grace");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "did not wait the whole wait");
    }

    @Test
    void aPaymentStillOnItsWayIsWaitedForUntilTheWaitIsOver() {
        view.status = "requires_capture";
        waitUpTo(Duration.ofMillis(100), 4).awaitNewsOf("mer_1", false, PAYMENT);
        assertTrue(view.looks > 1, "looked again while the payment could still become refundable");
    }

    @Test
    void onlySoManyRequestsWaitAtOnceTheRestAreToldToRetry() throws Exception {
        view.looksBeforeThePaymentArrives = -1;
        view.waiting = new CountDownLatch(1);
        PaymentNewsWait wait = waitUpTo(Duration.ofSeconds(5), 1);
        Thread first = new Thread(() -> wait.awaitNewsOf("mer_1", false, PAYMENT));
        first.start();
        assertTrue(view.waiting.await(5, TimeUnit.SECONDS));
        ApiException refused = assertThrows(ApiException.class, () -> wait.awaitNewsOf("mer_1", false, PAYMENT));
        assertEquals(503, refused.status());
        assertEquals("service_unavailable", refused.body().error().code());
        assertEquals("1", refused.toResponse().getHeaderString("Retry-After"));
        view.newsInFlight = false;
        first.join(5_000);
    }
}
