package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.RefundEvent;
import java.util.List;

public interface PublishRefundEventPort {
    /** Publishes the events if and only if the current transaction commits, in the given order. */
    void publish(List<RefundEvent> events);
}
