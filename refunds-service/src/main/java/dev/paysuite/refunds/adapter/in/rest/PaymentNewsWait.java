package dev.paysuite.refunds.adapter.in.rest;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.GetRefundablePaymentUseCase;
import dev.paysuite.refunds.config.RefundsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * A payment that succeeded a moment ago may not be in refunds-service's view yet, or may still show
 * an earlier state: a refund request waits a little for payments.events rather than answer a false
 * 404 or 400 — during a short grace (the time its news normally takes from payments-service's
 * commit through the outbox to the topic, which no offset can show), then only while the view is
 * behind in the part of the topic that carries the payment's events; a payment the caught-up view
 * does not know is unknown once the grace is over. The wait happens
 * before the refund's transaction starts, no database connection is held between looks, and at most
 * {@code projection-max-waiting} requests wait at once (past that: 503 with {@code Retry-After}).
 */
@ApplicationScoped
public class PaymentNewsWait {
    private final GetRefundablePaymentUseCase views;
    private final Duration wait;
    private final Duration grace;
    private final Duration poll;
    private final Semaphore waiters;

    @Inject
    public PaymentNewsWait(GetRefundablePaymentUseCase views, RefundsConfig config) {
        this(views, config.projectionWait(), config.projectionGrace(), config.projectionPoll(),
                config.projectionMaxWaiting());
    }

    PaymentNewsWait(GetRefundablePaymentUseCase views, Duration wait, Duration grace, Duration poll, int maxWaiting) {
        this.views = views;
        this.wait = wait;
        this.grace = grace;
        this.poll = poll;
        this.waiters = new Semaphore(maxWaiting);
    }

    /** Returns once the view can answer for the merchant's payment, or when the wait is over. */
    public void awaitNewsOf(String merchantId, boolean livemode, PaymentId paymentId) {
        await(merchantId, livemode, paymentId, PaymentNewsWait::settled);
    }

    /**
     * The merchant's payment as the view knows it, once it knows it at all (its state aside), or
     * empty when the wait is over without news: a payment of another merchant, or none.
     */
    public Optional<RefundablePayment> awaitKnown(String merchantId, boolean livemode, PaymentId paymentId) {
        return await(merchantId, livemode, paymentId, Optional::isPresent);
    }

    private Optional<RefundablePayment> await(String merchantId, boolean livemode, PaymentId paymentId,
            Predicate<Optional<RefundablePayment>> enough) {
        Optional<RefundablePayment> seen = views.find(merchantId, livemode, paymentId);
        if (enough.test(seen)) {
            return seen;
        }
        if (!waiters.tryAcquire()) {
            throw ApiException.unavailable("Too many requests are waiting for news of their payment. Retry shortly.", 1);
        }
        try {
            long start = System.nanoTime();
            long deadline = start + wait.toNanos();
            long graceOver = start + Math.min(grace.toNanos(), wait.toNanos());
            while ((System.nanoTime() < graceOver || views.newsMayBeInFlight(paymentId))
                    && System.nanoTime() < deadline) {
                Thread.sleep(poll.toMillis());
                seen = views.find(merchantId, livemode, paymentId);
                if (enough.test(seen)) {
                    return seen;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiters.release();
        }
        return seen;
    }

    /** Known, and in no state a newer event may still change into a refundable one. */
    private static boolean settled(Optional<RefundablePayment> seen) {
        return seen.isPresent() && !seen.get().mayBecomeRefundable();
    }
}
