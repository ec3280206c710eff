package dev.paysuite.webhooks.application.port.in;

import java.time.Duration;

/** Retention: events older than the retention period leave the log (payment timelines stay). */
public interface PurgeEventsUseCase {

    /** Deletes at most {@code batchSize} expired events in one step; @return how many. */
    int purgeBatch(Duration retention, int batchSize);
}
