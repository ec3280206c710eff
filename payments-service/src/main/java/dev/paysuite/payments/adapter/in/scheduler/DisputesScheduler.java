package dev.paysuite.payments.adapter.in.scheduler;

import dev.paysuite.payments.application.port.in.SyncDisputesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Reads the acquirer's dispute notifications (disputes opened, issuers' decisions) and tells it the
 * merchants' answers it was not told yet. Every instance runs it; each notification is applied once.
 */
@ApplicationScoped
public class DisputesScheduler {
    private static final Logger LOG = Logger.getLogger(DisputesScheduler.class);
    private static final int BATCH = 100;

    private final SyncDisputesUseCase disputes;

    public DisputesScheduler(SyncDisputesUseCase disputes) {
        this.disputes = disputes;
    }

    @Scheduled(every = "${paysuite.payments.disputes.sync-every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            disputes.sync(BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Reading the acquirer's dispute notifications failed, will retry: %s", e.getMessage());
        }
    }
}
