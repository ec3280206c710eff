package dev.paysuite.webhooks.application.port.in;

import java.time.Duration;

/** Retention: events and ended deliveries older than the retention period leave (payment timelines stay). */
public interface PurgeEventsUseCase {

    /** Deletes at most {@code batchSize} expired events in one step; @return how many. */
    int purgeBatch(Duration retention, int batchSize);

    /**
     * Deletes at most {@code batchSize} ended deliveries older than {@code retention}, with their
     * attempts, in one step (their events may go after); @return how many deliveries.
     */
    int purgeDeliveriesBatch(Duration retention, int batchSize);
}
