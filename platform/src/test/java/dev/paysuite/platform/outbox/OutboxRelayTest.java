package dev.paysuite.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.tracing.RecordedSpans;
import dev.paysuite.platform.tx.JtaTransactions;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against the real database and broker: what {@link OutboxWriter} appends in a
 * transaction, {@link OutboxRelay} puts on the test topic. Each test reads the topic from where it
 * ended before the test, with a plain consumer assigned to every partition.
 */
@QuarkusTest
class OutboxRelayTest {
    static final String TOPIC = "platform.test.events";
    static final String SOURCE = "/paysuite/platform-test";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    JtaTransactions transactions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionManager transactionManager;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    @Inject
    RecordedSpans spans;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    /** The same producer settings, aimed at a broker that is not there. */
    @Inject
    @Channel("outbox-unreachable")
    MutinyEmitter<String> unreachable;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final ObjectMapper json = new ObjectMapper();
    KafkaConsumer<String, String> consumer;
    Map<TopicPartition, Long> endBefore;

    /** The data of a test event; written with the API's JSON settings (snake_case). */
    record ThingChanged(String thingId, long amountCaptured) {
    }

    @BeforeEach
    void readFromTheCurrentEndOfTheTopic() {
        relay.relayPending(); // what earlier tests left behind goes out before this test looks
        assertEquals(0, pending(), "nothing pending when a test starts");
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        assertEquals(3, partitions.size(), "the test topic as infra/scripts/kafka.sh creates it");
        consumer.assign(partitions);
        endBefore = consumer.endOffsets(partitions);
        endBefore.forEach(consumer::seek);
    }

    @AfterEach
    void close() {
        relay.probe(null);
        relay.start(); // a test that stopped the application's relay gives it back
        consumer.close();
    }

    /** Another instance's relay: same database, its own connection and thread. */
    OutboxRelay anotherRelay(MutinyEmitter<String> through, Duration sendTimeout) {
        OutboxConfig settings = new OutboxConfig() {
            public boolean enabled() {
                return true;
            }

            public String pollInterval() {
                return "off";
            }

            public int batchSize() {
                return config.batchSize();
            }

            public Duration sendTimeout() {
                return sendTimeout;
            }

            public Duration retention() {
                return config.retention();
            }
        };
        // reads back from where it sends
        OutboxTail tail = new OutboxTail(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                through == unreachable ? "127.0.0.1:9" : bootstrap));
        OutboxRelay other = new OutboxRelay(dataSource, through, settings, transactionManager, tail, meters);
        other.start();
        return other;
    }

    static OutboxMessage event(String key, long sequence) {
        return new OutboxMessage("evt_" + UUID.randomUUID().toString().replace("-", ""), TOPIC, key,
                "thing.changed", SOURCE, key, Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "mer_platform",
                false, new ThingChanged(key, 100 * sequence));
    }

    static String newKey() {
        return "thg_" + UUID.randomUUID().toString().replace("-", "");
    }

    void appendInOneTransaction(OutboxMessage... messages) {
        transactions.inTransaction(() -> {
            for (OutboxMessage m : messages) {
                writer.append(m);
            }
        });
    }

    @Test
    void appendingOutsideATransactionIsRefusedAndWritesNothing() {
        OutboxMessage m = event(newKey(), 1);
        TransactionalException refused = assertThrows(TransactionalException.class, () -> writer.append(m));
        assertInstanceOf(TransactionRequiredException.class, refused.getCause());
        assertFalse(exists(m.id()));
    }

    @Test
    void anAppendedEventIsPublishedAsAStructuredCloudEventKeyedByItsMessageKey() throws Exception {
        String key = newKey();
        OutboxMessage m = new OutboxMessage("evt_" + UUID.randomUUID().toString().replace("-", ""), TOPIC, key,
                "thing.captured", SOURCE, "sub_" + key, Instant.parse("2026-11-22T10:15:30.123Z"), 7, "mer_live",
                true, new ThingChanged(key, 4200));
        appendInOneTransaction(m);
        relay.relayPending();

        ConsumerRecord<String, String> r = readEvents(Set.of(m.id())).get(0);
        assertEquals(key, r.key());
        assertEquals(CloudEvents.CONTENT_TYPE,
                new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        JsonNode e = json.readTree(r.value());
        assertEquals("1.0", e.get("specversion").asText());
        assertEquals(m.id(), e.get("id").asText());
        assertEquals("thing.captured", e.get("type").asText());
        assertEquals(SOURCE, e.get("source").asText());
        assertEquals("sub_" + key, e.get("subject").asText());
        assertEquals("2026-11-22T10:15:30.123Z", e.get("time").asText());
        assertEquals("application/json", e.get("datacontenttype").asText());
        assertTrue(e.get("sequence").isIntegralNumber());
        assertEquals(7, e.get("sequence").asLong());
        assertEquals("mer_live", e.get("merchantid").asText());
        assertTrue(e.get("livemode").isBoolean());
        assertTrue(e.get("livemode").asBoolean());
        assertEquals(key, e.get("data").get("thing_id").asText(), "data in the API's snake_case");
        assertEquals(4200, e.get("data").get("amount_captured").asLong());
        assertTrue(publishedAt(m.id()).isPresent(), "marked once the broker took it");
    }

    @Test
    void theRecordContinuesTheTraceOfTheTransactionThatWroteTheEvent() {
        OutboxMessage m = event(newKey(), 1);
        Span request = tracer.spanBuilder("a request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            appendInOneTransaction(m);
        } finally {
            request.end();
        }
        SpanContext requestContext = request.getSpanContext();
        assertEquals("00-" + requestContext.getTraceId() + "-" + requestContext.getSpanId() + "-01",
                query("SELECT traceparent FROM outbox WHERE event_id = ?", rs -> rs.getString(1), m.id()),
                "the writer's context kept with the event");

        relay.relayPending(); // on the relay's own thread, long after the request
        String[] header = traceparent(readEvents(Set.of(m.id())).get(0));
        assertEquals(requestContext.getTraceId(), header[1], "the record is in the request's trace");
        SpanData producer = spans.withId(header[2]).orElseThrow(() -> new AssertionError("no span " + header[2]));
        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals(requestContext.getSpanId(), producer.getParentSpanId(), "the producer span's parent is the request");
        assertEquals(TOPIC + " publish", producer.getName());
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsPublishedInATraceOfItsOwn() {
        OutboxMessage m = event(newKey(), 1);
        appendInOneTransaction(m);
        assertNull(query("SELECT traceparent FROM outbox WHERE event_id = ?", rs -> rs.getString(1), m.id()));

        relay.relayPending();
        String[] header = traceparent(readEvents(Set.of(m.id())).get(0));
        SpanData producer = spans.withId(header[2]).orElseThrow(() -> new AssertionError("no span " + header[2]));
        assertEquals(header[1], producer.getTraceId());
        assertFalse(producer.getParentSpanContext().isValid(), "a new trace: the producer span is its root");
    }

    /** The record's W3C traceparent header, split: version, trace id, span id, flags. */
    static String[] traceparent(ConsumerRecord<String, String> r) {
        Header header = r.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries its trace context");
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(4, parts.length);
        return parts;
    }

    @Test
    void attributesThatAreNotGivenAreLeftOutOfTheEnvelope() throws Exception {
        String key = newKey();
        OutboxMessage m = new OutboxMessage("evt_" + UUID.randomUUID().toString().replace("-", ""), TOPIC, key,
                "thing.changed", SOURCE, null, Instant.now(), 1, null, false, new ThingChanged(key, 1));
        appendInOneTransaction(m);
        relay.relayPending();
        JsonNode e = json.readTree(readEvents(Set.of(m.id())).get(0).value());
        assertFalse(e.has("subject"));
        assertFalse(e.has("merchantid"));
        assertFalse(e.get("livemode").asBoolean());
    }

    @Test
    void theEventsOfOneKeyArriveOnOnePartitionInTheOrderTheyWereWritten() throws Exception {
        String a = newKey();
        String b = newKey();
        Set<String> ids = new HashSet<>();
        for (int sequence = 1; sequence <= 5; sequence++) {
            OutboxMessage ofA = event(a, sequence);
            OutboxMessage ofB = event(b, sequence);
            ids.add(ofA.id());
            ids.add(ofB.id());
            appendInOneTransaction(ofA, ofB); // every commit also wakes the relay on its own thread
        }
        relay.relayPending();

        List<ConsumerRecord<String, String>> records = readEvents(ids);
        for (String key : List.of(a, b)) {
            List<ConsumerRecord<String, String>> ofKey = records.stream().filter(r -> key.equals(r.key())).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ofKey.stream().map(r -> field(r, "sequence").asLong()).toList());
            assertEquals(1, ofKey.stream().map(ConsumerRecord::partition).distinct().count());
        }
    }

    @Test
    void aRecordTheBrokerCanNeverTakeIsParkedAndHoldsNothingBack() throws Exception {
        // Over the producer's max.request.size (1 MB): refused before it is sent, whatever is retried.
        // The log's SRMSG18206 error and "Outbox relay parked event" are this test's.
        String key = newKey();
        String other = newKey();
        OutboxMessage first = event(key, 1);
        OutboxMessage tooLarge = new OutboxMessage("evt_" + UUID.randomUUID().toString().replace("-", ""), TOPIC,
                key, "thing.changed", SOURCE, key, Instant.now(), 2, "mer_platform", false,
                Map.of("blob", "x".repeat(1_100_000)));
        OutboxMessage third = event(key, 3);
        OutboxMessage ofOther = event(other, 1);
        double parkedBefore = meters.counter("paysuite.outbox.parked").count();

        appendInOneTransaction(first, tooLarge, third, ofOther);
        relay.relayPending();

        List<ConsumerRecord<String, String>> records = readEvents(Set.of(first.id(), third.id(), ofOther.id()));
        assertEquals(List.of(1L, 3L), records.stream().filter(r -> key.equals(r.key()))
                .map(r -> field(r, "sequence").asLong()).toList(), "the rest of its key went out, in order");
        assertTrue(publishedAt(third.id()).isPresent());
        assertTrue(publishedAt(tooLarge.id()).isEmpty(), "never acknowledged, so never marked");
        String reason = query("SELECT park_reason FROM outbox WHERE event_id = ? AND parked_at IS NOT NULL",
                rs -> rs.getString(1), tooLarge.id());
        assertTrue(reason != null && reason.contains("RecordTooLargeException"), "parked with its reason: " + reason);
        assertFalse(reason.contains("xxxx"), "the reason never quotes the payload");
        assertEquals(parkedBefore + 1, meters.counter("paysuite.outbox.parked").count());
        assertEquals(0, pending(), "a parked event is not pending");
        assertEquals(0, relay.relayPending(), "and is not tried again");
    }

    @Test
    void noTransactionIsOpenWhileTheRelayWaitsForTheBroker() {
        List<String> seen = new CopyOnWriteArrayList<>();
        relay.probe((session, ids) -> seen.add(Thread.currentThread().getName() + " status="
                + transactionManager.getStatus() + " autocommit=" + session.getAutoCommit()));
        OutboxMessage m = event(newKey(), 1);
        appendInOneTransaction(m);
        // Even a caller inside a transaction does not lend it to the relay: the relay has its own thread
        transactions.inTransaction(() -> {
            relay.relayPending();
        });
        readEvents(Set.of(m.id()));
        assertFalse(seen.isEmpty(), "the relay waited for the broker at least once");
        String expected = "outbox-relay status=" + Status.STATUS_NO_TRANSACTION + " autocommit=true";
        seen.forEach(s -> assertEquals(expected, s));
    }

    @Test
    void whileAnotherSessionHoldsTheLockNothingIsRelayed() throws Exception {
        relay.stop(); // it gives the lock up, as an instance that shuts down does
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, OutboxRelay.ADVISORY_LOCK);
                lock.execute();
            }
            relay.start();
            OutboxMessage m = event(newKey(), 1);
            appendInOneTransaction(m);
            assertEquals(0, relay.relayPending());
            assertTrue(publishedAt(m.id()).isEmpty());
            assertEquals(endBefore, consumer.endOffsets(endBefore.keySet()), "nothing reached the topic");

            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, OutboxRelay.ADVISORY_LOCK);
                unlock.execute();
            }
            assertEquals(1, relay.relayPending(), "the lock is free: this instance relays");
            readEvents(Set.of(m.id()));
        }
    }

    @Test
    void twoRelaysNeverSendAtTheSameTimeNorTheSameEvent() throws Exception {
        relay.stop();
        OutboxRelay a = anotherRelay(emitter, config.sendTimeout());
        OutboxRelay b = anotherRelay(emitter, config.sendTimeout());
        AtomicInteger waiting = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        Map<Long, String> sentBy = new ConcurrentHashMap<>();
        AtomicBoolean twice = new AtomicBoolean();
        Function<String, OutboxRelay.Probe> watch = name -> (session, ids) -> {
            if (waiting.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            ids.forEach(id -> {
                if (sentBy.putIfAbsent(id, name) != null) {
                    twice.set(true);
                }
            });
            Thread.sleep(20); // widen the window a second relay would have to hit
            waiting.decrementAndGet();
        };
        a.probe(watch.apply("a"));
        b.probe(watch.apply("b"));
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> byA = threads.submit(() -> {
                while (!done.get()) {
                    a.relayPending();
                    pause();
                }
            });
            Future<?> byB = threads.submit(() -> {
                while (!done.get()) {
                    b.relayPending();
                    pause();
                }
            });
            Set<String> ids = new HashSet<>();
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 10; i++) {
                    OutboxMessage m1 = event(newKey(), 1);
                    OutboxMessage m2 = event(newKey(), 1);
                    ids.add(m1.id());
                    ids.add(m2.id());
                    appendInOneTransaction(m1, m2);
                }
                OutboxRelay leaving = round % 2 == 0 ? a : b; // hand over now and then, as instances restart
                leaving.stop();
                leaving.start();
            }
            done.set(true);
            byA.get();
            byB.get();
            a.relayPending();
            b.relayPending();

            List<ConsumerRecord<String, String>> records = readEvents(ids);
            assertEquals(ids.size(), records.size(), "every event once on the topic, none twice");
            assertFalse(overlapped.get(), "two relays waited for the broker at the same time");
            assertFalse(twice.get(), "an event was sent by two relays");
            assertEquals(0, pending());
        } finally {
            done.set(true);
            threads.shutdownNow();
            a.shutdown();
            b.shutdown();
        }
    }

    @Test
    void whenNoBrokerAnswersNothingIsMarkedAndLaterEveryEventArrivesInOrderPerKey() {
        relay.stop();
        OutboxRelay cutOff = anotherRelay(unreachable, Duration.ofSeconds(4));
        String a = newKey();
        String b = newKey();
        Set<String> ids = new HashSet<>();
        double failuresBefore = meters.counter("paysuite.outbox.relay.failures").count();
        try {
            for (int sequence = 1; sequence <= 3; sequence++) {
                OutboxMessage ofA = event(a, sequence);
                OutboxMessage ofB = event(b, sequence);
                ids.add(ofA.id());
                ids.add(ofB.id());
                appendInOneTransaction(ofA, ofB);
            }
            assertEquals(0, cutOff.relayPending());
            ids.forEach(id -> assertTrue(publishedAt(id).isEmpty(), "nothing marked without the broker's ack"));
            assertEquals(ids.size(), pending());
            assertTrue(meters.counter("paysuite.outbox.relay.failures").count() > failuresBefore, "the failure is counted");
        } finally {
            cutOff.shutdown();
        }
        assertEquals(endBefore, consumer.endOffsets(endBefore.keySet()), "nothing reached the topic");

        relay.start();
        relay.relayPending();
        List<ConsumerRecord<String, String>> records = readEvents(ids);
        assertEquals(ids.size(), records.size(), "each once");
        for (String key : List.of(a, b)) {
            assertEquals(List.of(1L, 2L, 3L), records.stream().filter(r -> key.equals(r.key()))
                    .map(r -> field(r, "sequence").asLong()).toList());
        }
        assertEquals(0, pending());
    }

    @Test
    void anEventAnInstanceSentButDiedBeforeMarkingIsMarkedAndNotSentAgain() {
        relay.stop(); // as an instance that was killed: the lock is free, the event pending
        OutboxMessage m = event(newKey(), 1);
        appendInOneTransaction(m);
        // what the killed instance's producer had put on the topic before the mark
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> sent = new ProducerRecord<>(TOPIC, m.key(), "{\"id\": \"" + m.id() + "\"}");
            sent.headers().add(OutboxTail.EVENT_ID_HEADER, m.id().getBytes(StandardCharsets.UTF_8));
            producer.send(sent).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double foundBefore = meters.counter("paysuite.outbox.found.on.topic").count();

        relay.start(); // the instance that takes the lock reads the topic back before it sends
        relay.relayPending();

        assertTrue(publishedAt(m.id()).isPresent(), "marked");
        assertEquals(0, pending());
        assertEquals(1, recordsAddedSinceTheTestBegan(), "not sent a second time");
        assertEquals(foundBefore + 1, meters.counter("paysuite.outbox.found.on.topic").count());
    }

    @Test
    void anEventTheBrokerTookWhileTheDatabaseWentAwayIsMarkedAndNotSentAgain() {
        relay.stop(); // an instance of its own, which commits do not wake: only this test relays
        OutboxRelay other = anotherRelay(emitter, config.sendTimeout());
        OutboxMessage a = event(newKey(), 1);
        OutboxMessage b = event(newKey(), 1);
        AtomicBoolean cut = new AtomicBoolean();
        other.probe((session, ids) -> {
            if (cut.compareAndSet(false, true)) {
                // the broker takes the batch; the relay's database session dies before it can mark it
                Instant deadline = Instant.now().plus(PATIENCE);
                while (recordsAddedSinceTheTestBegan() < ids.size() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                long pid;
                try (PreparedStatement ps = session.prepareStatement("SELECT pg_backend_pid()");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    pid = rs.getLong(1);
                }
                query("SELECT pg_terminate_backend(" + pid + ")", rs -> rs.getBoolean(1));
            }
        });
        try {
            appendInOneTransaction(a, b);
            assertEquals(0, other.relayPending(), "the mark failed with the session");
            assertEquals(2, pending(), "so both are still pending");
            assertEquals(2, recordsAddedSinceTheTestBegan(), "though the broker has them");

            assertEquals(2, other.relayPending(), "the next round finds them on the topic");
            assertEquals(0, pending());
            assertEquals(2, recordsAddedSinceTheTestBegan(), "and does not send them again");
            readEvents(Set.of(a.id(), b.id()));
        } finally {
            other.shutdown();
        }
    }

    @Test
    void whileTheTopicCannotBeReadBackNothingIsSent() {
        relay.stop();
        // an instance whose reads go to a broker that is not there, while its producer's broker answers
        OutboxRelay blind = new OutboxRelay(dataSource, emitter, config, transactionManager,
                new OutboxTail(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")), meters);
        try {
            OutboxMessage m = event(newKey(), 1);
            // pending before the relay takes the lock: with nothing pending it would rightly be sure at once
            appendInOneTransaction(m);
            blind.start();
            double failuresBefore = meters.counter("paysuite.outbox.relay.failures").count();
            assertEquals(0, blind.relayPending());
            assertTrue(publishedAt(m.id()).isEmpty());
            assertEquals(0, recordsAddedSinceTheTestBegan(), "not sent without knowing it is not there already");
            assertTrue(meters.counter("paysuite.outbox.relay.failures").count() > failuresBefore, "counted");
        } finally {
            blind.shutdown();
        }
    }

    long recordsAddedSinceTheTestBegan() {
        Map<TopicPartition, Long> now = consumer.endOffsets(endBefore.keySet());
        return now.entrySet().stream().mapToLong(e -> e.getValue() - endBefore.get(e.getKey())).sum();
    }

    @Test
    void nothingIsPublishedForATransactionThatRolledBack() {
        OutboxMessage m = event(newKey(), 1);
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            writer.append(m);
            throw new IllegalStateException("the change failed after its event was appended");
        }));
        assertFalse(exists(m.id()));
        relay.relayPending();
        assertEquals(endBefore, consumer.endOffsets(endBefore.keySet()), "no record was added to the topic");
    }

    @Test
    void theRelaysCountersAndGaugeAreExported() {
        OutboxMessage m = event(newKey(), 1);
        appendInOneTransaction(m);
        relay.relayPending();
        readEvents(Set.of(m.id()));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("paysuite_outbox_relayed_total", "paysuite_outbox_relay_failures_total",
                "paysuite_outbox_parked_total", "paysuite_outbox_pending")) {
            assertTrue(metrics.contains("\n" + name + " ") || metrics.contains("\n" + name + "{"), name + " exported");
        }
    }

    @Test
    void relayingWithNothingPendingPublishesNothing() {
        assertEquals(0, relay.relayPending());
        assertEquals(endBefore, consumer.endOffsets(endBefore.keySet()));
    }

    /** Reads until every one of {@code ids} arrived; answers their records in the order read. */
    List<ConsumerRecord<String, String>> readEvents(Set<String> ids) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (found.size() < ids.size() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                if (ids.contains(field(r, "id").asText())) {
                    found.add(r);
                }
            }
        }
        assertEquals(ids, found.stream().map(r -> field(r, "id").asText()).collect(Collectors.toSet()),
                "every event arrived within " + PATIENCE);
        return found;
    }

    JsonNode field(ConsumerRecord<String, String> r, String name) {
        try {
            return json.readTree(r.value()).path(name);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON on " + TOPIC + ": " + r.value(), e);
        }
    }

    boolean exists(String eventId) {
        return query("SELECT count(*) FROM outbox WHERE event_id = ?", rs -> rs.getLong(1), eventId) == 1;
    }

    Optional<Instant> publishedAt(String eventId) {
        return Optional.ofNullable(query("SELECT published_at FROM outbox WHERE event_id = ?",
                rs -> rs.getTimestamp(1), eventId)).map(Timestamp::toInstant);
    }

    long pending() {
        return query("SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL", rs -> rs.getLong(1));
    }

    static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String sql, Column<T> column, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? column.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
