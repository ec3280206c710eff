package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.RefundEvent;
import java.util.List;

@ChangesState
public interface PublishRefundEventPort {
    /** Publishes the events if and only if the step's transaction commits, in the given order. */
    void publish(List<RefundEvent> events);
}
