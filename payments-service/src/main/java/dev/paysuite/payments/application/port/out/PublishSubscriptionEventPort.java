package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.SubscriptionEvent;
import java.util.List;

/** Announces subscription events in the caller's step (with the change they announce). */
public interface PublishSubscriptionEventPort {
    @ChangesState
    void publish(List<SubscriptionEvent> events);
}
