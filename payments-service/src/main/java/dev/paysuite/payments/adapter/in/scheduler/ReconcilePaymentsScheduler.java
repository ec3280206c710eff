package dev.paysuite.payments.adapter.in.scheduler;

import dev.paysuite.payments.application.port.in.ReconcilePaymentsUseCase;
import dev.paysuite.payments.config.PaymentsConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Resolves, on a timer, payments left processing (a request that died, an answer that was lost). */
@ApplicationScoped
public class ReconcilePaymentsScheduler {
    private static final Logger LOG = Logger.getLogger(ReconcilePaymentsScheduler.class);
    private static final int BATCH = 50;

    private final ReconcilePaymentsUseCase reconcile;
    private final PaymentsConfig config;

    public ReconcilePaymentsScheduler(ReconcilePaymentsUseCase reconcile, PaymentsConfig config) {
        this.reconcile = reconcile;
        this.config = config;
    }

    @Scheduled(every = "${paysuite.payments.reconcile-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        try {
            int resolved = reconcile.reconcile(config.reconcileAfter(), BATCH);
            if (resolved > 0) {
                LOG.infof("Reconciled %d payments left processing", resolved);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Reconciling payments failed, will retry: %s", e.getMessage());
        }
    }
}
