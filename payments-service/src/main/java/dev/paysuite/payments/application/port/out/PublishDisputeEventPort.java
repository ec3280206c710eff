package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.DisputeEvent;

/** Announces a dispute's event, as an event of its payment, in the caller's step (with the change it announces). */
public interface PublishDisputeEventPort {
    @ChangesState
    void publish(DisputeEvent event);
}
