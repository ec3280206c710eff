package dev.paysuite.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies events from Kafka at most once per consumer: the handler runs in a transaction that also
 * records the event id ({@link ProcessedEvents}), so a redelivered or replayed event is skipped.
 * Transient failures (database down) are retried with backoff, keeping the partition in order;
 * records that are not readable events are logged and skipped.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int ATTEMPTS = 12;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;

    public EventInbox(ObjectMapper mapper, ProcessedEvents processed) {
        this.mapper = mapper;
        this.processed = processed;
    }

    /** @return true when the handler ran for this event now, false when it was skipped */
    public boolean apply(String consumer, String record, Set<String> types, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(mapper, record);
        } catch (IncomingEvent.MalformedEventException e) {
            LOG.warnf("%s skipped a record that is not a readable event: %s", consumer, e.getMessage());
            return false;
        }
        if (!types.contains(event.type())) {
            return false;
        }
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.firstTime(consumer, event.id(), event.type())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException(consumer + " could not apply event " + event.id(), e);
                }
                LOG.warnf("%s could not apply %s %s (attempt %d), retrying in %d ms: %s", consumer, event.type(),
                        event.id(), attempt, backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
