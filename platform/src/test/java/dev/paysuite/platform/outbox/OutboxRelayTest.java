package dev.paysuite.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.tx.JtaTransactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
        assertEquals(0, unpublished(), "nothing pending when a test starts");
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
        consumer.close();
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
    void aRowIsMarkedPublishedOnlyOnceTheBrokerAcknowledgedIt() {
        // A record over the producer's max.request.size (1 MB) is never acknowledged, so the relay's
        // transaction rolls back. The log's SRMSG18206/18212 errors and "Outbox relay stopped" are
        // this test's; so are Narayana's ARJUNA012095/016045 warnings when they show: the relay's
        // transaction context travels with the send to the producer thread, which may still be in
        // it when the relay rolls back.
        String key = newKey();
        OutboxMessage tooLarge = new OutboxMessage("evt_" + UUID.randomUUID().toString().replace("-", ""), TOPIC,
                key, "thing.changed", SOURCE, key, Instant.now(), 1, "mer_platform", false,
                Map.of("blob", "x".repeat(1_100_000)));
        try {
            appendInOneTransaction(tooLarge);
            assertEquals(0, relay.relayPending());
            assertTrue(exists(tooLarge.id()));
            assertTrue(publishedAt(tooLarge.id()).isEmpty(), "not acknowledged, so not marked");
            assertEquals(endBefore, consumer.endOffsets(endBefore.keySet()), "and nothing reached the topic");
        } finally {
            delete(tooLarge.id()); // it would hold every later event back
        }

        // The failed send left the channel usable: the next event goes out and is marked
        OutboxMessage next = event(key, 2);
        appendInOneTransaction(next);
        relay.relayPending();
        readEvents(Set.of(next.id()));
        assertTrue(publishedAt(next.id()).isPresent());
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

    long unpublished() {
        return query("SELECT count(*) FROM outbox WHERE published_at IS NULL", rs -> rs.getLong(1));
    }

    void delete(String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE event_id = ?")) {
            ps.setString(1, eventId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
