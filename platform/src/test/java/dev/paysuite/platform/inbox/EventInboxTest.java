package dev.paysuite.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.persistence.ListedThing;
import dev.paysuite.platform.persistence.ListedThingRepository;
import dev.paysuite.platform.tracing.RecordedSpans;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The inbox applied directly to records as they come off Kafka (JSON text), against the real database:
 * what it applies once, what it waits out, what it gives up on, and what it counts.
 */
@QuarkusTest
class EventInboxTest {
    static final Set<String> THING_EVENTS = Set.of("thing.created", "thing.changed");

    @Inject
    EventInbox inbox;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    ListedThingRepository things;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Inject
    RecordedSpans spans;

    @Inject
    TransactionSynchronizationRegistry transactionKeys;

    final String consumer = "consumer-" + UUID.randomUUID().toString().substring(0, 8);

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String event(String id, String type, String thingId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/paysuite/things-service","type":"%s","subject":"%s",
                 "time":"2026-11-22T10:00:00Z","datacontenttype":"application/json","sequence":3,
                 "merchantid":"mer_inbox","livemode":true,"data":{"id":"%s","status":"ready"}}
                """.formatted(id, type, thingId, thingId);
    }

    /** The handler's effect, in the same transaction as the inbox's record of the event. */
    void createThing(IncomingEvent e) {
        things.persist(ListedThing.of(e.data().get("id").asText(), consumer, Instant.now()));
        things.flush();
    }

    @Test
    void anEventIsAppliedOnceAndARedeliveryIsSkipped() {
        String id = newEventId();
        String thingId = "thg_" + UUID.randomUUID();
        String record = event(id, "thing.created", thingId);
        AtomicInteger runs = new AtomicInteger();

        assertTrue(inbox.apply(consumer, record, THING_EVENTS, e -> {
            runs.incrementAndGet();
            createThing(e);
        }));
        assertFalse(inbox.apply(consumer, record, THING_EVENTS, e -> {
            runs.incrementAndGet();
            createThing(e);
        }), "the same event id again is skipped");

        assertEquals(1, runs.get());
        assertTrue(things.committed(thingId));
        assertEquals(List.of("thing.created platform-test"), processed(consumer, id));
    }

    @Test
    void theHandlerIsGivenTheEventAsTheProducerWroteIt() {
        String id = newEventId();
        List<IncomingEvent> seen = new ArrayList<>();
        inbox.apply(consumer, event(id, "thing.changed", "thg_read"), THING_EVENTS, seen::add);
        assertEquals(1, seen.size());
        IncomingEvent e = seen.get(0);
        assertEquals(id, e.id());
        assertEquals("thing.changed", e.type());
        assertEquals("/paysuite/things-service", e.source());
        assertEquals("thg_read", e.subject());
        assertEquals(3, e.sequence());
        assertEquals("mer_inbox", e.merchantId());
        assertTrue(e.livemode());
        assertEquals("ready", e.data().get("status").asText());
    }

    @Test
    void eachConsumerAppliesAnEventForItself() {
        String record = event(newEventId(), "thing.changed", "thg_shared");
        AtomicInteger runs = new AtomicInteger();
        assertTrue(inbox.apply(consumer, record, THING_EVENTS, e -> runs.incrementAndGet()));
        assertTrue(inbox.apply(consumer + "-other", record, THING_EVENTS, e -> runs.incrementAndGet()));
        assertEquals(2, runs.get());
    }

    @Test
    void aFailedHandlerRollsBackTheRecordOfTheEventSoTheNextDeliveryAppliesIt() {
        // The first attempt fails after its effect: both it and the processed-event row roll back, and
        // the inbox's retry (a WARN "could not apply ... attempt 1 of 3" in the log, on purpose) applies
        // the event afresh.
        String id = newEventId();
        String firstThing = "thg_" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        boolean applied = inbox.apply(consumer, event(id, "thing.created", firstThing), THING_EVENTS, e -> {
            if (attempts.incrementAndGet() == 1) {
                createThing(e);
                assertEquals(List.of("thing.created platform-test"), processedInThisTransaction(id));
                throw new IllegalStateException("the handler failed after its change");
            }
        });

        assertTrue(applied, "a later attempt found the event not yet processed and applied it");
        assertEquals(2, attempts.get());
        assertFalse(things.committed(firstThing), "the failed attempt's change rolled back");
        assertEquals(List.of("thing.created platform-test"), processed(consumer, id), "recorded once, by the attempt that worked");
        assertFalse(inbox.apply(consumer, event(id, "thing.created", firstThing), THING_EVENTS,
                e -> attempts.incrementAndGet()));
        assertEquals(2, attempts.get());
    }

    @Test
    void aTransientFailureIsWaitedOutFarBeyondTheAttemptsAFailureOtherwiseGets() {
        // 20 attempts, where any other failure gets 3: the database is "down" for the first 19. One WARN
        // when the wait starts and one INFO when it ends are logged, not one per attempt.
        String id = newEventId();
        String thingId = "thg_" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        List<Double> waitingSeen = new ArrayList<>();
        boolean applied = inbox.apply(consumer, event(id, "thing.created", thingId), THING_EVENTS, e -> {
            if (attempts.incrementAndGet() < 20) {
                if (attempts.get() > 1) {
                    waitingSeen.add(waiting());
                }
                createThing(e);
                throw new IllegalStateException("Could not save the thing",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
            createThing(e);
        });

        assertTrue(applied);
        assertEquals(20, attempts.get());
        assertTrue(things.committed(thingId));
        assertEquals(List.of("thing.created platform-test"), processed(consumer, id), "applied once, after the outage");
        assertEquals(19.0, counter("paysuite.inbox.retries"), "every retried attempt is counted");
        assertTrue(waitingSeen.stream().allMatch(w -> w == 1.0), "the consumer shows as waiting while it waits: " + waitingSeen);
        assertEquals(0.0, waiting(), "and no longer once the event is applied");
        assertEquals(0.0, deadLettered("IllegalStateException"));
    }

    @Test
    void aFailureThatIsNotTransientGivesUpAfterThreeAttemptsNamingTheExceptionAndTheEvent() {
        // Logged: two WARNs "could not apply", then one ERROR "sends thing.created event ... to its dead-letter topic".
        String id = newEventId();
        AtomicInteger attempts = new AtomicInteger();
        UnprocessableEventException refused = assertThrows(UnprocessableEventException.class,
                () -> inbox.apply(consumer, event(id, "thing.created", "thg_never"), THING_EVENTS, e -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("no such thing state");
                }));

        assertEquals(3, attempts.get());
        assertEquals("IllegalStateException: no such thing state (thing.created event " + id + ")", refused.getMessage());
        assertEquals(List.of(), processed(consumer, id), "not recorded: a replay from the dead-letter topic may apply it");
        assertEquals(1.0, deadLettered("IllegalStateException"));
        assertEquals(2.0, counter("paysuite.inbox.retries"));
    }

    @Test
    void anEventTheDomainRefusesGivesUpAtOnce() {
        String id = newEventId();
        AtomicInteger attempts = new AtomicInteger();
        UnprocessableEventException refused = assertThrows(UnprocessableEventException.class,
                () -> inbox.apply(consumer, event(id, "thing.changed", "thg_bad"), THING_EVENTS, e -> {
                    attempts.incrementAndGet();
                    throw new IllegalArgumentException("a thing's status is never 4242424242424242");
                }));

        assertEquals(1, attempts.get(), "no retry: the rule will refuse it every time");
        assertEquals("IllegalArgumentException: a thing's status is never [digits] (thing.changed event " + id + ")",
                refused.getMessage());
        assertEquals(1.0, deadLettered("IllegalArgumentException"));
    }

    @Test
    void aRecordThatIsNotACloudEventIsRefusedForTheDeadLetterTopic() {
        // Each of these is logged as an ERROR "sends a record that is not a readable event to its dead-letter topic".
        AtomicInteger runs = new AtomicInteger();
        List<String> records = List.of("not json at all", "[1, 2, 3]", "{\"id\": \"evt_1\", \"type\": \"thing.created\"}",
                "{\"type\": \"thing.created\", \"data\": {}}", "{\"id\": \"evt_2\", \"data\": {}}", "");
        for (String record : records) {
            UnprocessableEventException refused = assertThrows(UnprocessableEventException.class,
                    () -> inbox.apply(consumer, record, THING_EVENTS, e -> runs.incrementAndGet()), record);
            assertTrue(refused.getMessage().startsWith("MalformedEventException: not a CloudEvent"), refused.getMessage());
        }
        assertEquals(0, runs.get());
        assertEquals(0, processedBy(consumer));
        assertEquals(records.size(), deadLettered("MalformedEventException"));
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotHandleIsIgnoredAndNotRecorded() {
        String id = newEventId();
        AtomicInteger runs = new AtomicInteger();
        assertFalse(inbox.apply(consumer, event(id, "thing.deleted", "thg_x"), THING_EVENTS,
                e -> runs.incrementAndGet()));
        assertEquals(0, runs.get());
        assertEquals(List.of(), processed(consumer, id), "so that handling the type later still applies it");
    }

    @Test
    void aRecordIsAppliedInAProcessSpanThatContinuesTheRecordsTrace() throws Exception {
        String id = newEventId();
        Span received = tracer.spanBuilder("thing.events receive").startSpan();
        received.end();
        Message<String> record = Message.of(event(id, "thing.created", "thg_traced"))
                .addMetadata(TracingMetadata.withCurrent(Context.root().with(received)));
        List<SpanContext> current = new ArrayList<>();

        inbox.consume(consumer, record, THING_EVENTS, e -> current.add(Span.current().getSpanContext()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(1, current.size());
        assertEquals(received.getSpanContext().getTraceId(), current.get(0).getTraceId(), "the handler runs in the trace");
        SpanData process = spans.withId(current.get(0).getSpanId()).orElseThrow();
        assertEquals(consumer + " process", process.getName());
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(received.getSpanContext().getSpanId(), process.getParentSpanId());
        assertEquals(id, process.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        assertEquals(StatusCode.UNSET, process.getStatus().getStatusCode());
    }

    @Test
    void aRecordGivenUpOnMarksItsProcessSpanFailed() throws Exception {
        Span received = tracer.spanBuilder("thing.events receive").startSpan();
        received.end();
        Message<String> record = Message.of(event(newEventId(), "thing.changed", "thg_refused"))
                .addMetadata(TracingMetadata.withCurrent(Context.root().with(received)));

        inbox.consume(consumer, record, THING_EVENTS, e -> {
            throw new IllegalArgumentException("a thing's status is never this");
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        List<SpanData> trace = spans.ofTrace(received.getSpanContext().getTraceId());
        SpanData process = trace.stream().filter(sp -> sp.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, process.getStatus().getStatusCode());
        assertEquals("dead-lettered: IllegalArgumentException", process.getStatus().getDescription());
    }

    /** A record of a batch whose acknowledgement and refusal are written down in {@code log}. */
    static Message<String> batched(String payload, int index, List<String> log) {
        return Message.of(payload, () -> {
            log.add("ack " + index);
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            log.add("dead-lettered " + index);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void aBatchIsAppliedInOneTransactionEachEventOnceAndAcknowledgedWhole() throws Exception {
        List<String> ids = List.of(newEventId(), newEventId(), newEventId());
        List<String> log = new ArrayList<>();
        List<Message<String>> batch = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            batch.add(batched(event(ids.get(i), "thing.created", "thg_" + ids.get(i)), i, log));
        }
        batch.add(batched(event(ids.get(1), "thing.created", "thg_" + ids.get(1)), 3, log)); // read twice
        batch.add(batched(event(newEventId(), "thing.deleted", "thg_other"), 4, log)); // not this consumer's
        Set<Object> transactions = new HashSet<>();

        inbox.consumeBatch(consumer, batch, () -> {
            log.add("batch acknowledged");
            return CompletableFuture.completedFuture(null);
        }, THING_EVENTS, () -> new EventInbox.BatchHandler() {
            @Override
            public void apply(IncomingEvent e) {
                transactions.add(transactionKeys.getTransactionKey());
                log.add("applied " + e.id());
                createThing(e);
            }

            @Override
            public void endOfTransaction() {
                transactions.add(transactionKeys.getTransactionKey());
                log.add("end of transaction");
            }
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(List.of("applied " + ids.get(0), "applied " + ids.get(1), "applied " + ids.get(2),
                "end of transaction", "batch acknowledged"), log,
                "in order, the one read twice once, the transaction's end, then the batch acknowledged");
        assertEquals(1, transactions.size(), "one transaction for the batch, its end included");
        for (String id : ids) {
            assertTrue(things.committed("thg_" + id));
            assertEquals(List.of("thing.created platform-test"), processed(consumer, id));
        }
    }

    @Test
    void aBatchWithAnEventThatCannotBeAppliedIsAppliedOneAtATimeAndOnlyThatOneDeadLettered() throws Exception {
        // Logged on purpose: an ERROR for each of the two records sent to the dead-letter topic.
        String good = newEventId();
        String refused = newEventId();
        String later = newEventId();
        List<String> log = new ArrayList<>();
        List<Message<String>> batch = List.of(batched(event(good, "thing.created", "thg_" + good), 0, log),
                batched("not an event", 1, log),
                batched(event(refused, "thing.created", "thg_refused"), 2, log),
                batched(event(later, "thing.created", "thg_" + later), 3, log));
        Set<Object> transactions = new HashSet<>();

        inbox.consumeBatch(consumer, batch, () -> {
            log.add("batch acknowledged");
            return CompletableFuture.completedFuture(null);
        }, THING_EVENTS, () -> e -> {
            if (e.id().equals(refused)) {
                throw new IllegalArgumentException("a thing the domain refuses");
            }
            transactions.add(transactionKeys.getTransactionKey());
            createThing(e);
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(List.of("dead-lettered 1", "dead-lettered 2", "batch acknowledged"), log,
                "refused only once every record was applied, acknowledged after that");
        assertTrue(things.committed("thg_" + good));
        assertTrue(things.committed("thg_" + later));
        assertEquals(List.of(), processed(consumer, refused));
        assertEquals(3, transactions.size(), "the first try together, then each event alone (two of them kept)");
        assertEquals(1.0, deadLettered("IllegalArgumentException"));
        assertEquals(1.0, deadLettered("MalformedEventException"));
    }

    @Test
    void recordingAProcessedEventNeedsTheTransactionOfItsEffect() {
        assertThrows(TransactionalException.class,
                () -> processedEvents.firstTime(consumer, newEventId(), "thing.created"));
    }

    double counter(String name) {
        Counter counter = registry.find(name).tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    double deadLettered(String reason) {
        Counter counter = registry.find("paysuite.inbox.dead.lettered").tag("consumer", consumer).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    double waiting() {
        Gauge gauge = registry.find("paysuite.inbox.waiting").tag("consumer", consumer).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** "type instance" for each row recorded for the event, as committed. */
    List<String> processed(String consumerName, String eventId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_type, processed_by FROM processed_events WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, consumerName);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The same, read on the handler's own connection (its transaction), which sees the uncommitted row. */
    List<String> processedInThisTransaction(String eventId) {
        return processed(consumer, eventId);
    }

    long processedBy(String consumerName) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM processed_events WHERE consumer = ?")) {
            ps.setString(1, consumerName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
