package dev.paysuite.payments.application.port.out;

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
}
