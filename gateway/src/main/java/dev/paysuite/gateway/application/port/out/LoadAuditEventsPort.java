package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import java.util.Optional;

public interface LoadAuditEventsPort {
    Optional<AuditEvent> loadAuditEvent(String id);

    /** Newest first (created_at, then id, descending). */
    Slice<AuditEvent> auditEvents(PageRequest request);
}
