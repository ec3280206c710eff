package dev.paysuite.payments.application.port.in;

import java.time.Duration;

public interface ReconcilePaymentsUseCase {
    /**
     * Resolves payments left processing for longer than {@code olderThan} (the request that asked
     * the processor died, or its answer was lost) by asking the processor what it did under their
     * acquirer key, and records the answer. Answers how many it resolved.
     */
    int reconcile(Duration olderThan, int atMost);
}
