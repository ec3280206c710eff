package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.ExpireAuthorizationsUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cancels, as {@code expired}, authorizations held ({@code requires_capture}) longer than the
 * expiry. Each payment is expired in a step of its own, under its row lock and only if it is still
 * held then: another instance doing the same, or the merchant capturing or canceling meanwhile,
 * makes the step a no-op, so an authorization is never voided twice. The void goes to the processor
 * after the step ({@link ProcessPaymentService}, the two-phase pattern); if this instance dies in
 * between, the payment stays processing and the reconciler finishes it.
 *
 * <p>The change is recorded at real time (its {@code canceled_at}, the pending void's submission
 * time that the reconciler goes by), also for a payment on a test clock: the clock only decides
 * which authorizations are due.
 */
public class ExpireAuthorizationsService implements ExpireAuthorizationsUseCase {
    private final LoadPaymentPort load;
    private final SavePaymentPort save;
    private final PublishPaymentEventPort events;
    private final ProcessPaymentService processing;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration expiry;

    public ExpireAuthorizationsService(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            ProcessPaymentService processing, Transactions transactions, Clock clock, Duration expiry) {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("the authorization expiry must be positive, was " + expiry);
        }
        this.load = load;
        this.save = save;
        this.events = events;
        this.processing = processing;
        this.transactions = transactions;
        this.clock = clock;
        this.expiry = expiry;
    }

    /**
     * Answers how many authorizations it canceled or left voiding at the processor; one whose void
     * the processor refused is held again and not counted (so a caller repeating full batches stops).
     * A payment that could not be expired does not stop the others: the first failure is thrown once
     * the batch is done, and the payment is tried again next time.
     */
    @Override
    public int expire(TestClockId testClock, Instant now, int atMost) {
        Objects.requireNonNull(now, "now");
        if (atMost <= 0) {
            return 0;
        }
        int expired = 0;
        RuntimeException failure = null;
        for (Payment held : load.heldSince(testClock, now.minus(expiry), atMost)) {
            try {
                Optional<Payment> after = expireOne(held);
                if (after.isPresent() && after.get().status() != PaymentStatus.REQUIRES_CAPTURE) {
                    expired++;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException("Expiring authorization " + held.id() + " failed: "
                            + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return expired;
    }

    @Override
    public Optional<Instant> nextExpiry(TestClockId testClock) {
        Objects.requireNonNull(testClock, "testClock");
        return load.oldestHeldOn(testClock).map(createdAt -> createdAt.plus(expiry));
    }

    /** The payment after its expiry (processing its void, or canceled); empty when it was no longer held. */
    private Optional<Payment> expireOne(Payment candidate) {
        PaymentRef ref = new PaymentRef(candidate.merchantId(), candidate.livemode(), candidate.id());
        Optional<Payment> changed = transactions.inTransaction(() -> {
            Optional<Payment> locked = load.loadForUpdate(ref);
            if (locked.isEmpty() || locked.get().status() != PaymentStatus.REQUIRES_CAPTURE) {
                return Optional.<Payment>empty(); // captured, canceled or expired meanwhile
            }
            Payment.Change change = locked.get().expire(Now.of(clock));
            save.update(change.payment());
            events.publish(List.of(change.event()));
            return Optional.of(change.payment());
        });
        return changed.map(p -> p.status() == PaymentStatus.PROCESSING ? processing.process(p) : p);
    }
}
