package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.methods.application.domain.model.VaultAccess;

public interface VaultAuditPort {
    /** Writes the line in the caller's transaction, so an access is on record whenever its effect is. */
    @ChangesState
    void record(VaultAccess access);
}
