package dev.paysuite.refunds.adapter.in.messaging;

import dev.paysuite.platform.testing.TestCaller;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the consumer tests do around refunds-service: publish payments-service's events, read the
 * dead-letter topic, and look at the view of payments straight in PostgreSQL (never through the
 * service's own pool, which a test may have cut off).
 */
final class PaymentEventsOnKafka implements AutoCloseable {
    static final String TOPIC = "payments.events";
    static final String DEAD_LETTERS = "refunds.dlq.payments.events";

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    PaymentEventsOnKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** What payments-service publishes when a USD card payment reaches {@code status}; returns the event id. */
    static String paymentEvent(String eventId, TestCaller owner, String paymentId, String status, long amount,
            long captured, long sequence) {
        String type = status.equals("pending") ? "created" : status;
        return """
                {"specversion":"1.0","id":"%s","source":"/paysuite/payments-service","type":"payment.%s",
                 "subject":"%s","time":"2026-11-23T00:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "merchantid":"%s","livemode":false,
                 "data":{"id":"%s","object":"payment","amount":%d,"amount_captured":%d,"amount_refunded":0,
                         "currency":"USD","status":"%s",
                         "payment_method_details":{"type":"card","card":{"brand":"visa","last4":"4242"}}}}
                """.formatted(eventId, type, paymentId, sequence, owner.merchantId(), paymentId, amount, captured,
                status);
    }

    /**
     * What payments-service publishes when a payment's dispute is opened, changes or ends ({@code type}
     * {@code created}, {@code updated}, {@code closed}): numbered in the payment's sequence, data the
     * dispute as the API shows it.
     */
    static String disputeEvent(String eventId, TestCaller owner, String paymentId, String type, String status,
            long amount, long sequence) {
        return """
                {"specversion":"1.0","id":"%s","source":"/paysuite/payments-service","type":"dispute.%s",
                 "subject":"dp_test%s","time":"2026-11-23T00:00:00Z","datacontenttype":"application/json",
                 "sequence":%d,"merchantid":"%s","livemode":false,
                 "data":{"id":"dp_test%s","object":"dispute","payment_id":"%s","amount":%d,"currency":"USD",
                         "reason":"fraudulent","status":"%s",
                         "evidence":{"product_description":null,"customer_communication":null,
                                     "shipping_tracking":null,"refund_policy":null,"files":[]},
                         "evidence_details":{"due_by":"2026-12-01T10:00:00Z","has_evidence":false,
                                             "past_due":false,"submission_count":0,"submitted_at":null},
                         "livemode":false,"created_at":"2026-11-23T00:00:00Z","updated_at":"2026-11-23T00:00:00Z",
                         "closed_at":null}}
                """.formatted(eventId, type, paymentId.substring(4), sequence, owner.merchantId(),
                paymentId.substring(4), paymentId, amount, status);
    }

    /** A payment event that says what disputes hold of the payment ({@code amount_disputed}). */
    static String paymentEventHolding(String eventId, TestCaller owner, String paymentId, String status, long amount,
            long captured, long disputed, long sequence) {
        return paymentEvent(eventId, owner, paymentId, status, amount, captured, sequence)
                .replace("\"amount_refunded\":0,", "\"amount_refunded\":0,\"amount_disputed\":" + disputed + ",");
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    /** Publishes a payment's life (pending, requires_capture, succeeded); returns the three event ids. */
    List<String> paidPayment(TestCaller owner, String paymentId, long amount) throws Exception {
        List<String> ids = List.of(newEventId(), newEventId(), newEventId());
        send(paymentId, paymentEvent(ids.get(0), owner, paymentId, "pending", amount, 0, 1));
        send(paymentId, paymentEvent(ids.get(1), owner, paymentId, "requires_capture", amount, 0, 2));
        send(paymentId, paymentEvent(ids.get(2), owner, paymentId, "succeeded", amount, amount, 3));
        return ids;
    }

    /** Every record on the dead-letter topic so far that {@code wanted} picks, read from the start. */
    List<ConsumerRecord<String, String>> deadLetters(Predicate<ConsumerRecord<String, String>> wanted, int expected,
            Duration within) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** "status last_sequence" of the payment in refunds-service's view, as committed. */
    static Optional<String> viewOf(String paymentId) {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, last_sequence FROM refundable_payments WHERE payment_id = ?")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) + " " + rs.getLong(2)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "amount_reserved amount_disputed last_sequence" of the payment in refunds-service's view, as committed. */
    static Optional<String> holdsOf(String paymentId) {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "SELECT amount_reserved, amount_disputed, last_sequence FROM refundable_payments WHERE payment_id = ?")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times each of these events was recorded as processed by the consumer (0 or 1 each). */
    static long timesProcessed(List<String> eventIds) {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM processed_events WHERE consumer = ? AND event_id = ANY (?)")) {
            ps.setString(1, PaymentEventsConsumer.CONSUMER);
            ps.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's test database, directly (not through any proxy). */
    static Connection database() throws SQLException {
        String suffix = System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", "");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/paysuite_refunds_test" + suffix,
                "postgres", "");
    }

    @Override
    public void close() {
        producer.close();
    }
}
