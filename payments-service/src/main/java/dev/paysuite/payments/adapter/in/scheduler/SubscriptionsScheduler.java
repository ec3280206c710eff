package dev.paysuite.payments.adapter.in.scheduler;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.TestClocksUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Charges the cycles, retries and ends that are due on real time, settles cycle payments whose
 * outcome was not recorded (a crash between the steps), and finishes test-clock advances left
 * unfinished. Every instance runs it; the use cases make a second instance's run a no-op.
 */
@ApplicationScoped
public class SubscriptionsScheduler {
    private static final Logger LOG = Logger.getLogger(SubscriptionsScheduler.class);
    private static final int BATCH = 100;

    private final RunSubscriptionsUseCase subscriptions;
    private final TestClocksUseCase clocks;
    private final Clock clock;

    public SubscriptionsScheduler(RunSubscriptionsUseCase subscriptions, TestClocksUseCase clocks, Clock clock) {
        this.subscriptions = subscriptions;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Scheduled(every = "${paysuite.payments.subscriptions.run-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = Now.of(clock);
        List<SubscriptionId> due;
        try {
            due = subscriptions.due(now, BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Looking for subscriptions due failed, will retry: %s", e.getMessage());
            return;
        }
        int failed = 0;
        RuntimeException first = null;
        for (SubscriptionId id : due) {
            try {
                subscriptions.run(id, now);
            } catch (RuntimeException e) {
                failed++;
                first = first == null ? e : first;
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d subscriptions due could not be run now, will retry (first: %s)", failed, due.size(),
                    first.getMessage());
        }
        try {
            clocks.finishAdvances(10);
        } catch (RuntimeException e) {
            LOG.warnf("Finishing a test clock's advance failed, will retry: %s", e.getMessage());
        }
    }
}
