package dev.paysuite.payments.adapter.in.scheduler;

import dev.paysuite.payments.application.port.in.ExpireAuthorizationsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Cancels, on a timer, authorizations held on real time past {@code paysuite.payments.authorization-expiry}
 * (those on a test clock expire when their clock advances). Batch after batch, until a batch comes
 * back short; several instances may run it at once (each payment is expired under its row lock).
 */
@ApplicationScoped
public class ExpireAuthorizationsScheduler {
    private static final Logger LOG = Logger.getLogger(ExpireAuthorizationsScheduler.class);
    private static final int BATCH = 50;

    private final ExpireAuthorizationsUseCase expire;
    private final Clock clock;

    public ExpireAuthorizationsScheduler(ExpireAuthorizationsUseCase expire, Clock clock) {
        this.expire = expire;
        this.clock = clock;
    }

    @Scheduled(every = "${paysuite.payments.expire-authorizations-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        int total = 0;
        try {
            Instant now = Instant.now(clock);
            int expired;
            do {
                expired = expire.expire(null, now, BATCH);
                total += expired;
            } while (expired >= BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Expiring held authorizations failed after %d, will retry: %s", total, e.getMessage());
        }
        if (total > 0) {
            LOG.infof("Expired %d authorizations held too long", total);
        }
    }
}
