package dev.paysuite.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.persistence.TransientFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies events from Kafka at most once per consumer: the handler runs in a transaction that also
 * records the event id ({@link ProcessedEvents}), so a redelivered or replayed event is skipped.
 *
 * <p>A consumer never stops by itself. A transient failure (the database unreachable, a pool with no
 * connection to give, a serialization conflict: {@link InboxFailures#isTransient}) is retried with a
 * capped exponential backoff for as long as it lasts, on the consumer's own thread, so the partition
 * keeps its order and the Kafka connector, whose queue fills, pauses fetching (it keeps polling, so
 * the group does not evict it). A record that can never be applied (not a readable event, refused by
 * the domain, or failing otherwise {@link InboxConfig#attempts()} times in a row) is nacked with an
 * {@link UnprocessableEventException}; the channel's {@code failure-strategy=dead-letter-queue} puts
 * it on the service's dead-letter topic, and the next record is processed.
 *
 * <p>Metrics (tag {@code consumer}): {@code paysuite_inbox_retries_total}, every attempt that is
 * retried; {@code paysuite_inbox_dead_lettered_total} (and {@code reason}, the failure's class name),
 * records given up on; {@code paysuite_inbox_waiting}, 1 while the consumer waits out a transient failure.
 *
 * <p>Traces: each record is applied in a {@code <topic> process} span whose parent is the record's
 * own context (the Kafka connector's receive span, a child of the producer's from the record's
 * {@code traceparent} header), so the handler's work, and whatever it writes to an outbox, stays in
 * the trace of the request that published the event. A record given up on marks its span failed.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    private final Tracer tracer;

    public EventInbox(ObjectMapper mapper, ProcessedEvents processed, InboxConfig config, MeterRegistry registry,
            Tracer tracer) {
        this.mapper = mapper;
        this.processed = processed;
        this.config = config;
        this.registry = registry;
        this.tracer = tracer;
    }

    /**
     * The adapter for an {@code @Incoming @Blocking} method taking the Kafka message: acks what was
     * applied or skipped, nacks (to the dead-letter topic) what never can be, and leaves unacknowledged
     * what the application's shutdown interrupted, so that it is read again after the restart.
     */
    public CompletionStage<Void> consume(String consumer, Message<String> message, Set<String> types,
            Consumer<IncomingEvent> handler) {
        Span span = processSpan(consumer, message);
        try (Scope ignored = span.makeCurrent()) {
            apply(consumer, message.getPayload(), types, handler);
            return message.ack();
        } catch (UnprocessableEventException e) {
            span.setStatus(StatusCode.ERROR, "dead-lettered: " + e.failure());
            return message.nack(e);
        } catch (InboxStoppedException e) {
            span.setAttribute("paysuite.inbox.outcome", "left for after the restart");
            return CompletableFuture.completedFuture(null);
        } finally {
            span.end();
        }
    }

    /**
     * The adapter for an {@code @Incoming @Blocking} method taking a polled batch of Kafka records
     * ({@code batch=true} on the channel): the events of the batch are applied in one transaction,
     * in the batch's order, each still recorded in {@link ProcessedEvents} (a redelivered one is
     * skipped), so a busy consumer pays one transaction per poll instead of one per event. If that
     * transaction fails for any reason, it rolls back whole and the batch is applied again one record
     * at a time, exactly as {@link #consume} applies a record: transient failures waited out, an event
     * that can never be applied dead-lettered and the others applied. Records are dead-lettered only
     * once every record before them in the batch has been applied, and the batch is acknowledged only
     * after that; on shutdown nothing is acknowledged and what was applied is skipped when read again.
     *
     * @param records the batch's records, in their partitions' order
     * @param ackAll acknowledges the whole batch (the newest record of each partition)
     * @param perTransaction a fresh handler for each transaction: it is given the transaction's new
     *     events one by one, then ends the transaction's work ({@link BatchHandler#endOfTransaction})
     */
    public CompletionStage<Void> consumeBatch(String consumer, List<? extends Message<String>> records,
            Supplier<CompletionStage<Void>> ackAll, Set<String> types, Supplier<? extends BatchHandler> perTransaction) {
        List<Span> spans = new ArrayList<>(records.size());
        List<IncomingEvent> events = new ArrayList<>(records.size());
        Map<Integer, UnprocessableEventException> refused = new TreeMap<>();
        try {
            for (int i = 0; i < records.size(); i++) {
                Span span = processSpan(consumer, records.get(i));
                spans.add(span);
                try (Scope ignored = span.makeCurrent()) {
                    IncomingEvent event = parse(consumer, records.get(i).getPayload());
                    events.add(types.contains(event.type()) ? event : null);
                } catch (UnprocessableEventException e) {
                    events.add(null);
                    refused.put(i, e);
                }
            }
            if (stopping) {
                throw new InboxStoppedException();
            }
            if (!applyTogether(consumer, events, spans, perTransaction)) {
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i) == null) {
                        continue;
                    }
                    try (Scope ignored = spans.get(i).makeCurrent()) {
                        applyAlone(consumer, events.get(i), perTransaction);
                    } catch (UnprocessableEventException e) {
                        refused.put(i, e);
                    }
                }
            }
            CompletableFuture<Void> deadLettered = CompletableFuture.completedFuture(null);
            for (Map.Entry<Integer, UnprocessableEventException> r : refused.entrySet()) {
                spans.get(r.getKey()).setStatus(StatusCode.ERROR, "dead-lettered: " + r.getValue().failure());
                Message<String> record = records.get(r.getKey());
                deadLettered = deadLettered.thenCompose(done -> record.nack(r.getValue()).toCompletableFuture());
            }
            return deadLettered.thenCompose(done -> ackAll.get());
        } catch (InboxStoppedException e) {
            spans.forEach(span -> span.setAttribute("paysuite.inbox.outcome", "left for after the restart"));
            return CompletableFuture.completedFuture(null);
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** {@link #consumeBatch(String, List, Supplier, Set, Supplier)} for a batch from the Kafka connector. */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<?, String> batch, Set<String> types,
            Supplier<? extends BatchHandler> perTransaction) {
        return consumeBatch(consumer, batch.getRecords(), batch::ack, types, perTransaction);
    }

    /** A batch whose events are each applied on their own, as {@link #consume} applies them. */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<?, String> batch, Set<String> types,
            Consumer<IncomingEvent> handler) {
        return consumeBatch(consumer, batch, types, () -> handler::accept);
    }

    /**
     * What a batch's transaction does with its events: {@link #apply} for each new one (a redelivered
     * event is not given), in the batch's order and within the event's process span, then
     * {@link #endOfTransaction} once, for work done for all of them together. A rolled-back
     * transaction's handler is dropped; the next transaction gets a fresh one.
     */
    @FunctionalInterface
    public interface BatchHandler {
        void apply(IncomingEvent event);

        default void endOfTransaction() {
        }
    }

    /** One transaction for every event of the batch; false (rolled back) when any part of it failed. */
    private boolean applyTogether(String consumer, List<IncomingEvent> events, List<Span> spans,
            Supplier<? extends BatchHandler> perTransaction) {
        if (events.stream().filter(Objects::nonNull).count() < 2) {
            return false; // nothing to share a transaction with: as one record alone
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BatchHandler handler = perTransaction.get();
                for (int i = 0; i < events.size(); i++) {
                    IncomingEvent event = events.get(i);
                    if (event == null) {
                        continue;
                    }
                    try (Scope ignored = spans.get(i).makeCurrent()) {
                        if (processed.firstTime(consumer, event.id(), event.type())) {
                            handler.apply(event);
                        }
                    }
                }
                handler.endOfTransaction();
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("%s applies a batch of %d records one at a time: %s", consumer, events.size(),
                    TransientFailures.reason(e));
            return false;
        }
    }

    private Span processSpan(String consumer, Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(consumer);
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        return tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("paysuite.consumer", consumer)
                .startSpan();
    }

    /**
     * @return true when the handler ran for this event now, false when it was skipped (already applied,
     *         or a type this consumer does not handle)
     * @throws UnprocessableEventException when the record can never be applied
     * @throws InboxStoppedException when the application stops while the event waits for a retry
     */
    public boolean apply(String consumer, String record, Set<String> types, Consumer<IncomingEvent> handler) {
        IncomingEvent event = parse(consumer, record);
        if (!types.contains(event.type())) {
            return false;
        }
        return applyAlone(consumer, event, () -> handler::accept);
    }

    /** The record as an event, named on the current span. */
    private IncomingEvent parse(String consumer, String record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(mapper, record);
        } catch (IncomingEvent.MalformedEventException e) {
            throw giveUp(consumer, null, e);
        }
        Span.current().setAttribute("messaging.message.id", event.id()).setAttribute("paysuite.event.type", event.type());
        return event;
    }

    /** The event in a transaction of its own, retried and given up on as the class documents. */
    private boolean applyAlone(String consumer, IncomingEvent event, Supplier<? extends BatchHandler> perTransaction) {
        Outage outage = null;
        Duration backoff = config.firstBackoff();
        int failuresInARow = 0;
        try {
            for (int attempt = 1;; attempt++) {
                if (stopping) {
                    // the application is stopping: no new work starts (the database may be closing);
                    // the event stays unacknowledged and is read again after the restart
                    throw new InboxStoppedException();
                }
                try {
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                        if (!processed.firstTime(consumer, event.id(), event.type())) {
                            return false;
                        }
                        BatchHandler handler = perTransaction.get();
                        handler.apply(event);
                        handler.endOfTransaction();
                        return true;
                    });
                    if (outage != null) {
                        outage.end(event);
                    }
                    return applied;
                } catch (RuntimeException e) {
                    if (stopping) {
                        // failed because the application is stopping under it: not the event's fault
                        throw new InboxStoppedException();
                    }
                    if (InboxFailures.isRejection(e)) {
                        throw giveUp(consumer, describe(event), e);
                    }
                    if (TransientFailures.isTransient(e)) {
                        failuresInARow = 0;
                        if (outage == null) {
                            outage = new Outage(consumer, event, e);
                        }
                    } else if (++failuresInARow >= config.attempts()) {
                        throw giveUp(consumer, describe(event), e);
                    } else {
                        LOG.warnf("%s could not apply %s (attempt %d of %d), retrying in %d ms: %s", consumer,
                                describe(event), failuresInARow, config.attempts(), backoff.toMillis(),
                                TransientFailures.reason(e));
                    }
                    retries(consumer).increment();
                    LOG.debugf("%s retries %s (attempt %d) in %d ms: %s", consumer, describe(event), attempt,
                            backoff.toMillis(), TransientFailures.reason(e));
                    sleep(backoff);
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
                }
            }
        } finally {
            if (outage != null) {
                waiting(consumer).set(0);
            }
        }
    }

    /** Stop waiting on shutdown: a waiting event stays unacknowledged and is read again after the restart. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** @param what the event, or null for a record that is not one (its reason says so) */
    private UnprocessableEventException giveUp(String consumer, String what, RuntimeException failure) {
        String name = failure instanceof UnprocessableEventException u ? u.failure() : TransientFailures.name(failure);
        String reason = TransientFailures.reason(failure) + (what == null ? "" : " (" + what + ")");
        Counter.builder("paysuite.inbox.dead.lettered").description("Records a consumer gave up on (dead-lettered)")
                .tag("consumer", consumer).tag("reason", name).register(registry).increment();
        LOG.errorf("%s sends %s to its dead-letter topic: %s", consumer, what == null ? "a record" : what, reason);
        return new UnprocessableEventException(reason, name);
    }

    private static String describe(IncomingEvent event) {
        return event.type() + " event " + event.id();
    }

    private Counter retries(String consumer) {
        return Counter.builder("paysuite.inbox.retries").description("Attempts at an event that failed and were retried")
                .tag("consumer", consumer).register(registry);
    }

    private AtomicInteger waiting(String consumer) {
        return waiting.computeIfAbsent(consumer, c -> {
            AtomicInteger state = new AtomicInteger();
            Gauge.builder("paysuite.inbox.waiting", state, AtomicInteger::get)
                    .description("1 while the consumer waits out a transient failure (its partitions paused)")
                    .tag("consumer", c).register(registry);
            return state;
        });
    }

    private void sleep(Duration d) {
        if (stopping) {
            throw new InboxStoppedException();
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxStoppedException();
        }
        if (stopping) {
            throw new InboxStoppedException();
        }
    }

    /** One WARN when a transient failure starts holding a consumer up, one INFO when it is over. */
    private final class Outage {
        private final String consumer;
        private final long startedAt = System.nanoTime();

        Outage(String consumer, IncomingEvent event, RuntimeException failure) {
            this.consumer = consumer;
            waiting(consumer).set(1);
            LOG.warnf("%s is waiting for a transient failure to pass, retrying %s with backoff up to %d ms "
                    + "(its partitions pause meanwhile): %s", consumer, describe(event), config.maxBackoff().toMillis(),
                    TransientFailures.reason(failure));
        }

        void end(IncomingEvent event) {
            LOG.infof("%s applied %s after waiting %d s; consuming again", consumer, describe(event),
                    Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
        }
    }

    /** The application is stopping: the event was neither applied nor given up on. */
    public static final class InboxStoppedException extends RuntimeException {
        InboxStoppedException() {
            super("the application is stopping", null, false, false);
        }
    }
}
