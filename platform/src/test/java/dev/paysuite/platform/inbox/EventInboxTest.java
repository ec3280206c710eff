package dev.paysuite.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.persistence.ListedThing;
import dev.paysuite.platform.persistence.ListedThingRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The inbox applied directly to records as they come off Kafka (JSON text), against the real database. */
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
        // the inbox's retry (a WARN "could not apply" in the log, on purpose) applies the event afresh.
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
    void aRecordThatIsNotACloudEventIsSkippedWithoutThrowing() {
        // Each of these is logged as a WARN "skipped a record that is not a readable event", on purpose.
        AtomicInteger runs = new AtomicInteger();
        for (String record : List.of("not json at all", "[1, 2, 3]", "{\"id\": \"evt_1\", \"type\": \"thing.created\"}",
                "{\"type\": \"thing.created\", \"data\": {}}", "{\"id\": \"evt_2\", \"data\": {}}", "")) {
            assertFalse(inbox.apply(consumer, record, THING_EVENTS, e -> runs.incrementAndGet()), record);
        }
        assertEquals(0, runs.get());
        assertEquals(0, processedBy(consumer));
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
    void recordingAProcessedEventNeedsTheTransactionOfItsEffect() {
        assertThrows(TransactionalException.class,
                () -> processedEvents.firstTime(consumer, newEventId(), "thing.created"));
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
