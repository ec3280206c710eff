package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.PaymentEvent;
import java.util.List;

public interface PublishPaymentEventPort {
    /** Publishes the events if and only if the current transaction commits, in the given order. */
    void publish(List<PaymentEvent> events);
}
