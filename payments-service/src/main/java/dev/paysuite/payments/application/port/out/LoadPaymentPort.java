package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.port.in.PaymentRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LoadPaymentPort {
    Optional<Payment> load(PaymentRef ref);

    /** Loads and locks the payment until the step's transaction ends, so that changes to it are serialized. */
    @ChangesState
    Optional<Payment> loadForUpdate(PaymentRef ref);

    /** Payments of every merchant processing an operation submitted before {@code before}, oldest first. */
    List<Payment> processingSince(Instant before, int atMost);

    /**
     * Authorizations of every merchant held ({@code requires_capture}) since {@code createdAtOrBefore}
     * or earlier, oldest first: those on real time when {@code clock} is null, else only those
     * following that test clock. Nothing is locked: whoever changes one locks it and checks again.
     */
    List<Payment> heldSince(TestClockId clock, Instant createdAtOrBefore, int atMost);

    /** When the oldest authorization held on this test clock was made; empty when none is held. */
    Optional<Instant> oldestHeldOn(TestClockId clock);
}
