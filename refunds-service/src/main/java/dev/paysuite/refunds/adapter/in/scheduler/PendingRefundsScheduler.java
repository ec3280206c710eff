package dev.paysuite.refunds.adapter.in.scheduler;

import dev.paysuite.refunds.application.port.in.SettleRefundsUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Asks the processor, on a timer, about refunds it left pending; the use case settles a batch per step. */
@ApplicationScoped
public class PendingRefundsScheduler {
    private static final Logger LOG = Logger.getLogger(PendingRefundsScheduler.class);
    private static final int BATCH = 50;

    private final SettleRefundsUseCase settle;
    private volatile boolean stopping;

    public PendingRefundsScheduler(SettleRefundsUseCase settle) {
        this.settle = settle;
    }

    @Scheduled(every = "${paysuite.refunds.settle-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void settlePending() {
        try {
            int settled;
            do {
                settled = settle.settlePending(BATCH);
            } while (settled == BATCH);
        } catch (RuntimeException e) {
            if (stopping) {
                // the database closed under a run the shutdown caught: what it left pending is settled after the restart
                LOG.debugf("Settling pending refunds stopped with the application: %s", e.getMessage());
            } else {
                LOG.warnf("Settling pending refunds failed, will retry: %s", e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
