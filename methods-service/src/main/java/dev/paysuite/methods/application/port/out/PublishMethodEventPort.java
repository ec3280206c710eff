package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.methods.application.domain.model.MethodEvent;
import java.util.List;

public interface PublishMethodEventPort {
    /** Appends the events to the outbox in the caller's transaction. */
    @ChangesState
    void publish(List<MethodEvent> events);
}
