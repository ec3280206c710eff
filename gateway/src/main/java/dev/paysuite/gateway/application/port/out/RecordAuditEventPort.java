package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface RecordAuditEventPort {
    void record(AuditEvent event);
}
