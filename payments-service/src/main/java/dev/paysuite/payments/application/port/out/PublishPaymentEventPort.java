package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import java.util.List;

@ChangesState
public interface PublishPaymentEventPort {
    /** Publishes the events if and only if the step's transaction commits, in the given order. */
    void publish(List<PaymentEvent> events);
}
