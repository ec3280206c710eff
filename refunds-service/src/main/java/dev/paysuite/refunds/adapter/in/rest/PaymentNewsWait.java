package dev.paysuite.refunds.adapter.in.rest;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import dev.paysuite.refunds.application.port.in.GetRefundablePaymentUseCase;
import dev.paysuite.refunds.config.RefundsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * A payment that succeeded a moment ago may not be in refunds-service's view yet, or may still show
 * an earlier state: a refund request waits a little for payments.events rather than answer a false
 * 404 or 400. The wait happens before the refund's transaction starts, and no database connection
 * is held between looks (each look borrows one for a single query).
 */
@ApplicationScoped
public class PaymentNewsWait {
    private final GetRefundablePaymentUseCase views;
    private final Duration wait;
    private final Duration poll;

    @Inject
    public PaymentNewsWait(GetRefundablePaymentUseCase views, RefundsConfig config) {
        this(views, config.projectionWait(), config.projectionPoll());
    }

    PaymentNewsWait(GetRefundablePaymentUseCase views, Duration wait, Duration poll) {
        this.views = views;
        this.wait = wait;
        this.poll = poll;
    }

    /** Returns once the merchant's payment is in the view in a settled state, or when the wait is over. */
    public void awaitNewsOf(String merchantId, boolean livemode, PaymentId paymentId) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<RefundablePayment> seen = views.find(merchantId, livemode, paymentId);
            boolean settled = seen.isPresent() && !seen.get().mayBecomeRefundable();
            if (settled || System.nanoTime() >= deadline) {
                return;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
