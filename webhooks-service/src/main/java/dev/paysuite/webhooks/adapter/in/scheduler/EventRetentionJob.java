package dev.paysuite.webhooks.adapter.in.scheduler;

import dev.paysuite.webhooks.application.port.in.PurgeEventsUseCase;
import dev.paysuite.webhooks.config.WebhooksConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Retention: deletes events created longer ago than {@code paysuite.webhooks.events.retention}
 * (30 days by default), in batches of {@code paysuite.webhooks.events.retention-batch-size}, each
 * its own short transaction. Ended deliveries (succeeded or failed) older than that go first, with
 * their attempts; an event a delivery still refers to (a pending one) stays, and payment timelines always stay, so a refund months later
 * still gets the next sequence. Instances share the work ({@code FOR UPDATE SKIP LOCKED}).
 */
@ApplicationScoped
public class EventRetentionJob {
    private static final Logger LOG = Logger.getLogger(EventRetentionJob.class);
    /** At most this many batches per run, so a run never holds the scheduler thread for long. */
    private static final int BATCHES_PER_RUN = 100;
    private final PurgeEventsUseCase purge;
    private final Duration retention;
    private final int batchSize;

    public EventRetentionJob(PurgeEventsUseCase purge, WebhooksConfig config) {
        Duration retention = config.events().retention();
        int batchSize = config.events().retentionBatchSize();
        if (retention.isNegative() || retention.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("paysuite.webhooks.events.retention and its batch size must be positive");
        }
        this.purge = purge;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${paysuite.webhooks.events.retention-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        int deliveries = drain(() -> purge.purgeDeliveriesBatch(retention, batchSize));
        int events = drain(() -> purge.purgeBatch(retention, batchSize));
        if (deliveries + events > 0) {
            LOG.infof("Retention: deleted %d ended deliveries and %d events created more than %s ago", deliveries,
                    events, retention);
        }
    }

    private int drain(IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int deleted = batch.getAsInt();
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }

    /** For tests: one batch of events now. */
    public int runOnce() {
        return purge.purgeBatch(retention, batchSize);
    }

    /** For tests: one batch of ended deliveries, then one of events, now; @return deliveries and events deleted. */
    public int[] runDeliveriesThenEventsOnce() {
        return new int[] {purge.purgeDeliveriesBatch(retention, batchSize), purge.purgeBatch(retention, batchSize)};
    }
}
