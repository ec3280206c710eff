package dev.paysuite.webhooks.adapter.in.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.adapter.in.scheduler.EventRetentionJob;
import dev.paysuite.webhooks.testing.TestReceiver;
import dev.paysuite.webhooks.testing.TestReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CloudEvents produced to the real topics become Events, read back through the Events API. */
@QuarkusTest
class EventsFromTopicsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestReceiver receiver = TestReceiver.open();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventRetentionJob retention;

    final TestCaller merchant = TestCaller.newTestMerchant();
    final TestCaller stranger = TestCaller.newTestMerchant();
    KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    static String evt() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String payId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    ObjectNode envelope(String id, String type, TestCaller who, long sequence, Instant time) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", "/paysuite/test").put("type", type)
                .put("time", time.toString()).put("datacontenttype", "application/json").put("sequence", sequence)
                .put("merchantid", who.merchantId()).put("livemode", false);
        return e;
    }

    String paymentEvent(String id, String type, String paymentId, long sequence) {
        ObjectNode e = envelope(id, type, merchant, sequence, Instant.now()).put("subject", paymentId);
        e.putObject("data").put("id", paymentId).put("object", "payment").put("amount", 1000);
        return e.toString();
    }

    String refundEvent(String id, String type, String paymentId, String refundId, long sequence, long basedOn) {
        ObjectNode e = envelope(id, type, merchant, sequence, Instant.now()).put("subject", refundId)
                .put("paymentsequence", basedOn);
        e.putObject("data").put("id", refundId).put("object", "refund").put("payment_id", paymentId).put("amount", 400);
        return e.toString();
    }

    /** payment.refunded {@code sequence}, following from the payment's refund event {@code refundEvent}. */
    String refundedEvent(String id, String paymentId, long sequence, long refundEvent) {
        ObjectNode e = envelope(id, "payment.refunded", merchant, sequence, Instant.now()).put("subject", paymentId)
                .put("refundsequence", refundEvent);
        e.putObject("data").put("id", paymentId).put("object", "payment").put("amount", 1000);
        return e.toString();
    }

    String customerEvent(String id, TestCaller who, Instant time) {
        ObjectNode e = envelope(id, "customer.created", who, 0, time);
        e.putObject("data").put("id", "cus_" + id.substring(4, 20)).put("object", "customer")
                .putObject("metadata").put("tier", "gold");
        return e.toString();
    }

    void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    JsonPath list(TestCaller who, String query) {
        return who.request().get("/v1/events" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The shuffled history of one payment is put back in PaymentHistory order, 1..5 without gaps. */
    @Test
    void paymentAndRefundEventsGetGapFreeSequencesWhateverTheArrivalOrder() throws Exception {
        String pay = payId();
        String ref = "ref_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String created = evt(), succeeded = evt(), refundCreated = evt(), refundSucceeded = evt(), refunded = evt();
        List<String[]> records = List.of(
                new String[] {"refunds.events", refundEvent(refundCreated, "refund.created", pay, ref, 1, 2)},
                new String[] {"refunds.events", refundEvent(refundSucceeded, "refund.succeeded", pay, ref, 2, 2)},
                new String[] {"payments.events", paymentEvent(refunded, "payment.refunded", pay, 3)},
                new String[] {"payments.events", paymentEvent(created, "payment.created", pay, 1)});
        for (String[] r : records) {
            send(r[0], pay, r[1]);
        }
        // payment event 2 is missing: only payment.created may be shown; everything behind the gap waits
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                list(merchant, "").getList("data").size()));
        Thread.sleep(1000);
        JsonPath before = list(merchant, "");
        assertEquals(List.of(created), before.getList("data.id"));
        assertEquals(1, before.getInt("data[0].sequence"));

        send("payments.events", pay, paymentEvent(succeeded, "payment.succeeded", pay, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(5,
                list(merchant, "?limit=100").getList("data").size()));
        assertOrder(pay, List.of(created, succeeded, refundCreated, refundSucceeded, refunded));

        // a replay of both topics stores nothing twice and changes no number
        for (String[] r : records) {
            send(r[0], pay, r[1]);
        }
        send("payments.events", pay, paymentEvent(succeeded, "payment.succeeded", pay, 2));
        String marker = evt();
        send("methods.events", "cus_x", customerEvent(marker, merchant, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + marker)
                .then().statusCode(200));
        Thread.sleep(1000);
        assertOrder(pay, List.of(created, succeeded, refundCreated, refundSucceeded, refunded));
        assertEquals(5, countRows("SELECT count(*) FROM events WHERE payment_id = ?", pay));

        merchant.request().get("/v1/events/" + refundCreated).then().statusCode(200)
                .body("id", equalTo(refundCreated)).body("object", equalTo("event"))
                .body("type", equalTo("refund.created")).body("livemode", equalTo(false))
                .body("sequence", equalTo(3)).body("data.payment_id", equalTo(pay))
                .body("data.object", equalTo("refund"));
    }

    /** payments.events far ahead: payment.refunded waits for the refund event it follows from. */
    @Test
    void aPaymentEventCausedByARefundWaitsForThatRefundEvent() throws Exception {
        String pay = payId();
        String ref = "ref_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String created = evt(), succeeded = evt(), refunded = evt(), refundCreated = evt(), refundSucceeded = evt();
        send("payments.events", pay, paymentEvent(created, "payment.created", pay, 1));
        send("payments.events", pay, paymentEvent(succeeded, "payment.succeeded", pay, 2));
        send("payments.events", pay, refundedEvent(refunded, pay, 3, 2));
        send("refunds.events", pay, refundEvent(refundCreated, "refund.created", pay, ref, 1, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + refundCreated)
                .then().statusCode(200).body("sequence", equalTo(3)));
        Thread.sleep(1000);
        merchant.request().get("/v1/events/" + refunded).then().statusCode(404); // not visible: it waits
        send("refunds.events", pay, refundEvent(refundSucceeded, "refund.succeeded", pay, ref, 2, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + refunded)
                .then().statusCode(200));
        assertOrder(pay, List.of(created, succeeded, refundCreated, refundSucceeded, refunded));
    }

    /**
     * Many payments' histories on both topics at once (two consumers numbering concurrently): every
     * payment is numbered 1..5 without gaps, each stream in its order and every refund event after
     * its base, and positions follow the sequences.
     */
    @Test
    void concurrentTopicsNumberEveryPaymentWithoutGaps() throws Exception {
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            payments.add(payId());
        }
        for (String pay : payments) {
            String ref = "ref_" + pay.substring(4);
            send("refunds.events", pay, refundEvent(evt(), "refund.created", pay, ref, 1, 2));
            send("payments.events", pay, paymentEvent(evt(), "payment.created", pay, 1));
            send("refunds.events", pay, refundEvent(evt(), "refund.succeeded", pay, ref, 2, 2));
            send("payments.events", pay, paymentEvent(evt(), "payment.succeeded", pay, 2));
            // payment.refunded follows from refund event 2, as payments-service says (refundsequence)
            send("payments.events", pay, refundedEvent(evt(), pay, 3, 2));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(100,
                list(merchant, "").getInt("total_count")));
        List<String> expected = List.of("payment.created", "payment.succeeded", "refund.created", "refund.succeeded",
                "payment.refunded");
        for (String pay : payments) {
            List<String> types = new ArrayList<>();
            long lastPosition = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT type, sequence, position FROM events WHERE payment_id = ? ORDER BY sequence")) {
                ps.setString(1, pay);
                try (ResultSet rs = ps.executeQuery()) {
                    long sequence = 0;
                    while (rs.next()) {
                        assertEquals(++sequence, rs.getLong(2), pay);
                        assertTrue(rs.getLong(3) > lastPosition, "positions follow the sequence of " + pay);
                        lastPosition = rs.getLong(3);
                        types.add(rs.getString(1));
                    }
                }
            }
            // What the rule guarantees under concurrent topics: each stream's own order, a refund event
            // after the payment event it was based on, and a payment event after the refund event it
            // follows from (refund.succeeded before payment.refunded, however the consumers interleave)
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(types), pay);
            assertTrue(types.indexOf("payment.created") < types.indexOf("payment.succeeded"), pay);
            assertTrue(types.indexOf("payment.succeeded") < types.indexOf("payment.refunded"), pay);
            assertTrue(types.indexOf("refund.created") < types.indexOf("refund.succeeded"), pay);
            assertTrue(types.indexOf("refund.succeeded") < types.indexOf("payment.refunded"), pay);
            assertTrue(types.indexOf("payment.succeeded") < types.indexOf("refund.created"), pay);
        }
    }

    /** A dispute event as payments-service publishes it: key and data.payment_id the payment, sequence the payment's. */
    String disputeEvent(String id, String type, String paymentId, String disputeId, long sequence, String status) {
        ObjectNode e = envelope(id, type, merchant, sequence, Instant.now()).put("subject", disputeId)
                .put("source", "/paysuite/payments-service");
        ObjectNode data = e.putObject("data").put("id", disputeId).put("object", "dispute")
                .put("payment_id", paymentId).put("amount", 1000).put("currency", "USD").put("reason", "fraudulent")
                .put("status", status).put("livemode", false);
        data.putObject("evidence_details").put("due_by", "2026-12-01T10:00:00Z").put("has_evidence", false);
        return e.toString();
    }

    /**
     * A dispute's events are events of its payment: they take the payment's sequence beside its own
     * events, in order whatever the arrival order, are listed by the Events API and delivered, an
     * endpoint subscribed to chargeback.created getting the dispute.created event as it is.
     */
    @Test
    void disputeEventsTakeThePaymentsSequenceWhateverTheArrivalOrderAndAreDelivered() throws Exception {
        String chargebacksPath = "/" + UUID.randomUUID();
        String closedPath = "/" + UUID.randomUUID();
        for (var endpoint : List.of(Map.of("url", receiver.url(chargebacksPath), "enabled_events",
                List.of("chargeback.created")), Map.of("url", receiver.url(closedPath), "enabled_events",
                        List.of("dispute.closed")))) {
            merchant.request().body(endpoint).post("/v1/webhook_endpoints").then().statusCode(201)
                    .body("enabled_events", equalTo(endpoint.get("enabled_events")));
        }
        // as the gateway registers seed 001's chargeback.created: dispute.created in the dialect "example"
        String seed001Path = "/" + UUID.randomUUID();
        merchant.request().body(Map.of("url", receiver.url(seed001Path), "enabled_events", List.of("dispute.created"),
                "dialect", "example")).post("/v1/webhook_endpoints").then().statusCode(201);
        String pay = payId();
        String dp = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String created = evt(), succeeded = evt(), opened = evt(), updated = evt(), closed = evt();
        send("payments.events", pay, disputeEvent(closed, "dispute.closed", pay, dp, 5, "won"));
        send("payments.events", pay, disputeEvent(opened, "dispute.created", pay, dp, 3, "needs_response"));
        send("payments.events", pay, paymentEvent(created, "payment.created", pay, 1));
        send("payments.events", pay, disputeEvent(updated, "dispute.updated", pay, dp, 4, "under_review"));
        await().atMost(Duration.ofSeconds(30)).until(() -> countRows("SELECT count(*) FROM events WHERE payment_id = ?",
                pay) == 4);
        // payment event 2 is missing: only payment.created is shown; the dispute's events wait behind the gap
        assertEquals(List.of(created), list(merchant, "?limit=100").getList("data.id"));
        merchant.request().get("/v1/events/" + opened).then().statusCode(404);

        send("payments.events", pay, paymentEvent(succeeded, "payment.succeeded", pay, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(5,
                list(merchant, "?limit=100").getList("data").size()));
        List<String> inOrder = List.of(created, succeeded, opened, updated, closed);
        for (int i = 0; i < inOrder.size(); i++) {
            assertEquals(i + 1, countRows("SELECT sequence FROM events WHERE id = ?", inOrder.get(i)),
                    "the public sequence of " + inOrder.get(i));
        }
        long lastPosition = 0;
        for (String id : inOrder) {
            long position = countRows("SELECT position FROM events WHERE id = ?", id);
            assertTrue(position > lastPosition, "positions follow the sequence");
            lastPosition = position;
        }
        // listed by created_at (each event's time, here the order they were made in), not by sequence
        assertEquals(java.util.Set.of(closed, updated, opened), java.util.Set.copyOf(list(merchant,
                "?type=dispute.created,dispute.updated,dispute.closed").getList("data.id", String.class)));
        merchant.request().get("/v1/events/" + opened).then().statusCode(200).body("type", equalTo("dispute.created"))
                .body("sequence", equalTo(3)).body("data.object", equalTo("dispute")).body("data.id", equalTo(dp))
                .body("data.payment_id", equalTo(pay)).body("data.evidence_details.due_by",
                        equalTo("2026-12-01T10:00:00Z"));
        merchant.request().get("/v1/events/" + closed).then().statusCode(200).body("type", equalTo("dispute.closed"))
                .body("sequence", equalTo(5)).body("data.status", equalTo("won"));
        stranger.request().get("/v1/events/" + opened).then().statusCode(404);

        // delivered: chargeback.created is dispute.created under the name, and the type stays dispute.created
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(chargebacksPath).size() == 1
                && receiver.at(closedPath).size() == 1);
        Received chargeback = receiver.at(chargebacksPath).get(0);
        assertEquals(opened, chargeback.header("webhook-id"));
        JsonPath delivered = new JsonPath(chargeback.body());
        assertEquals("dispute.created", delivered.getString("type"));
        assertEquals(3, delivered.getInt("sequence"));
        assertEquals(dp, delivered.getString("data.id"));
        assertEquals(closed, receiver.at(closedPath).get(0).header("webhook-id"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(seed001Path).size() == 1);
        Received seed001 = receiver.at(seed001Path).get(0);
        assertEquals(opened, seed001.header("webhook-id"));
        JsonPath inSeed001 = new JsonPath(seed001.body());
        assertEquals("chargeback.created", inSeed001.getString("type"));
        assertEquals(dp, inSeed001.getString("data.chargeback_id"));
        assertEquals(pay, inSeed001.getString("data.payment_id"));
        assertEquals("needs_response", inSeed001.getString("data.status"));
        assertEquals("2026-12-01T10:00:00Z", inSeed001.getString("data.evidence_due_by"));
        Thread.sleep(800);
        assertEquals(1, receiver.at(chargebacksPath).size(), "updated and closed are not chargeback.created");
        assertEquals(1, receiver.at(closedPath).size());
        assertEquals(1, receiver.at(seed001Path).size());
    }

    /** A dispute event whose data names no well-formed payment is dead-lettered; the next record is read. */
    @Test
    void aDisputeEventWithoutAWellFormedPaymentIdIsDeadLettered() throws Exception {
        String key = "bad-dispute-" + UUID.randomUUID();
        String dp = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        ObjectNode notAPayment = (ObjectNode) JSON.readTree(disputeEvent(evt(), "dispute.created", "pay_x", dp, 1,
                "needs_response"));
        ((ObjectNode) notAPayment.get("data")).put("payment_id", "ref_notapayment");
        send("payments.events", key, notAPayment.toString());
        ObjectNode none = (ObjectNode) JSON.readTree(disputeEvent(evt(), "dispute.updated", "pay_x", dp, 2,
                "under_review"));
        ((ObjectNode) none.get("data")).remove("payment_id");
        send("payments.events", key, none.toString());
        String pay = payId();
        String good = evt();
        send("payments.events", key, paymentEvent(good, "payment.created", pay, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + good)
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2,
                deadLetters("webhooks.dlq.payments.events", key).size()));
        for (ConsumerRecord<String, String> r : deadLetters("webhooks.dlq.payments.events", key)) {
            String reason = new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("a dispute event without its payment_id"), reason);
        }
        assertEquals(0, countRows("SELECT count(*) FROM events WHERE data LIKE ?", "%" + dp + "%"));
    }

    private void assertOrder(String pay, List<String> ids) throws Exception {
        JsonPath all = list(merchant, "?limit=100&type=payment.created,payment.succeeded,payment.refunded,"
                + "refund.created,refund.succeeded");
        List<String> got = new ArrayList<>();
        for (int seq = 1; seq <= ids.size(); seq++) {
            final int s = seq;
            got.add(all.getList("data", Map.class).stream().filter(m -> ((Number) m.get("sequence")).intValue() == s)
                    .map(m -> (String) m.get("id")).findFirst().orElse(null));
        }
        assertEquals(ids, got);
        assertEquals(ids.size(), all.getList("data").size());
    }

    /** A refund event whose base payment event never came stays invisible; methods events need no sequence. */
    @Test
    void methodsEventsAreVisibleWithoutSequenceAndWaitingEventsAreNot() throws Exception {
        String pay = payId();
        String orphan = evt();
        send("refunds.events", pay, refundEvent(orphan, "refund.created", pay, "ref_orphan", 1, 1));
        String id = evt();
        send("methods.events", "cus_1", customerEvent(id, merchant, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + id)
                .then().statusCode(200).body("type", equalTo("customer.created")).body("sequence", nullValue())
                .body("data.object", equalTo("customer")).body("data.metadata.tier", equalTo("gold")));
        await().atMost(Duration.ofSeconds(30)).until(() -> countRows("SELECT count(*) FROM events WHERE id = ?",
                orphan) == 1);
        merchant.request().get("/v1/events/" + orphan).then().statusCode(404);
        String body = merchant.request().get("/v1/events/" + id).then().extract().asString();
        assertTrue(body.contains("\"data\":{"), body);
        assertTrue(body.contains("\"sequence\":null"), body);
    }

    String subscriptionEvent(String id, String type, String subscriptionId, long sequence) {
        ObjectNode e = envelope(id, type, merchant, sequence, Instant.now()).put("subject", subscriptionId)
                .put("source", "/paysuite/payments-service");
        e.putObject("data").put("id", subscriptionId).put("object", "subscription").put("status", "active")
                .put("customer_id", "cus_1").put("amount", 1500).put("currency", "eur");
        return e.toString();
    }

    /** A subscription's events on payments.events are public Events about no payment: visible at once, no sequence. */
    @Test
    void subscriptionEventsAreVisibleAtOnceWithoutAPaymentHistory() throws Exception {
        String sub = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String created = evt(), updated = evt(), canceled = evt();
        send("payments.events", sub, subscriptionEvent(created, "subscription.created", sub, 1));
        send("payments.events", sub, subscriptionEvent(updated, "subscription.updated", sub, 2));
        send("payments.events", sub, subscriptionEvent(canceled, "subscription.canceled", sub, 3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(3,
                list(merchant, "?type=subscription.created,subscription.updated,subscription.canceled")
                        .getInt("total_count")));
        merchant.request().get("/v1/events/" + created).then().statusCode(200)
                .body("type", equalTo("subscription.created")).body("sequence", nullValue())
                .body("livemode", equalTo(false)).body("data.id", equalTo(sub))
                .body("data.object", equalTo("subscription")).body("data.amount", equalTo(1500));
        merchant.request().get("/v1/events/" + canceled).then().statusCode(200)
                .body("type", equalTo("subscription.canceled")).body("sequence", nullValue());
        assertEquals(List.of(updated), list(merchant, "?type=subscription.updated").getList("data.id"));
        assertEquals(0, countRows("SELECT count(*) FROM events WHERE payment_id = ?", sub));
        for (String id : List.of(created, updated, canceled)) {
            assertEquals(1, countRows("SELECT count(*) FROM events WHERE id = ? AND payment_id IS NULL", id));
        }
        stranger.request().get("/v1/events/" + created).then().statusCode(404);

        // a replay stores nothing twice
        send("payments.events", sub, subscriptionEvent(created, "subscription.created", sub, 1));
        String marker = evt();
        send("payments.events", sub, subscriptionEvent(marker, "subscription.updated", sub, 4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + marker)
                .then().statusCode(200));
        assertEquals(1, countRows("SELECT count(*) FROM events WHERE id = ?", created));
    }

    /** A subscription event whose data names no subscription is dead-lettered; the next record is read. */
    @Test
    void aSubscriptionEventWithoutItsIdIsDeadLettered() throws Exception {
        String key = "bad-sub-" + UUID.randomUUID();
        ObjectNode noId = (ObjectNode) JSON.readTree(subscriptionEvent(evt(), "subscription.created", "sub_x", 1));
        ((ObjectNode) noId.get("data")).put("id", "pay_notasubscription");
        send("payments.events", key, noId.toString());
        String good = evt();
        String sub = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        send("payments.events", key, subscriptionEvent(good, "subscription.created", sub, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + good)
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                deadLetters("webhooks.dlq.payments.events", key).size()));
        assertTrue(new String(deadLetters("webhooks.dlq.payments.events", key).get(0).headers()
                .lastHeader("dead-letter-reason").value()).contains("subscription"));
    }

    @Test
    void anEventIsKeptWithTheTraceItsRecordCameInSoItsDeliveriesContinueIt() throws Exception {
        String id = evt();
        String trace = UUID.randomUUID().toString().replace("-", "");
        String published = "00-" + trace + "-b7ad6b7169203331-01";
        ProducerRecord<String, String> record = new ProducerRecord<>("methods.events", "cus_t",
                customerEvent(id, merchant, Instant.now()));
        record.headers().add("traceparent", published.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> countRows("SELECT count(*) FROM events WHERE id = ?", id) == 1);
        String kept = stringRow("SELECT traceparent FROM events WHERE id = ?", id);
        assertTrue(kept != null && kept.startsWith("00-" + trace + "-"), "in the producer's trace: " + kept);
        assertFalse(kept.contains("b7ad6b7169203331"), "under the consumer's own span, not the producer's: " + kept);
    }

    @Test
    void anotherMerchantsEventsAndTheOtherModesDoNotExist() throws Exception {
        String id = evt();
        send("methods.events", "cus_2", customerEvent(id, merchant, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + id)
                .then().statusCode(200));
        stranger.request().get("/v1/events/" + id).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        merchant.live().request().get("/v1/events/" + id).then().statusCode(404);
        stranger.request().get("/v1/events").then().statusCode(200).body("data", hasSize(0));
        merchant.live().request().get("/v1/events").then().statusCode(200).body("data", hasSize(0));
        stranger.request().get("/v1/events?starting_after=" + id).then().statusCode(400);
        merchant.request().get("/v1/events/nope").then().statusCode(404);
        io.restassured.RestAssured.given().get("/v1/events").then().statusCode(401);
    }

    @Test
    void listsFilterByTypeAndTimeAndPageWithCursors() throws Exception {
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = evt();
            ids.add(id);
            send("methods.events", "cus_3", customerEvent(id, merchant, base.plusSeconds(60L * i)));
        }
        String attached = evt();
        ObjectNode e = envelope(attached, "payment_method.attached", merchant, 0, base.plusSeconds(600));
        e.putObject("data").put("id", "pm_1").put("object", "payment_method");
        send("methods.events", "cus_3", e.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(6,
                list(merchant, "").getInt("total_count")));

        JsonPath newest = list(merchant, "?limit=2");
        assertEquals(List.of(attached, ids.get(4)), newest.getList("data.id"));
        assertEquals(true, newest.getBoolean("has_more"));
        assertEquals(ids.get(4), newest.getString("next_cursor"));
        assertEquals(List.of(ids.get(3), ids.get(2)), list(merchant, "?limit=2&starting_after=" + ids.get(4))
                .getList("data.id"));
        assertEquals(List.of(attached, ids.get(4)), list(merchant, "?limit=2&ending_before=" + ids.get(3))
                .getList("data.id"));

        assertEquals(List.of(attached), list(merchant, "?type=payment_method.attached").getList("data.id"));
        assertEquals(6, list(merchant, "?type=payment_method.attached,customer.created").getInt("total_count"));
        assertEquals(0, list(merchant, "?type=payment.created").getInt("total_count"));
        assertEquals(List.of(ids.get(3), ids.get(2)), list(merchant, "?created_after="
                + base.plusSeconds(60) + "&created_before=" + base.plusSeconds(240)).getList("data.id"));

        merchant.request().get("/v1/events?created_after=yesterday").then().statusCode(400)
                .body("error.param", equalTo("created_after"));
        merchant.request().get("/v1/events?limit=0").then().statusCode(400).body("error.param", equalTo("limit"));
        merchant.request().get("/v1/events?type=,").then().statusCode(400).body("error.param", equalTo("type"));
        merchant.request().get("/v1/events?starting_after=evt_unknown").then().statusCode(400)
                .body("error.param", equalTo("starting_after"));
    }

    /** Unreadable records go to webhooks.dlq.<topic>; the consumer goes on with the next record. */
    @Test
    void malformedRecordsAreDeadLetteredWithoutStoppingTheConsumer() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        send("methods.events", key, "this is not JSON");
        ObjectNode noMerchant = (ObjectNode) JSON.readTree(customerEvent(evt(), merchant, Instant.now()));
        noMerchant.remove("merchantid");
        send("methods.events", key, noMerchant.toString());
        String pay = payId();
        send("payments.events", key, paymentEvent(evt(), "payment.created", pay, 0));
        String good = evt();
        send("methods.events", key, customerEvent(good, merchant, Instant.now()));
        send("payments.events", pay, paymentEvent(evt(), "payment.created", pay, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + good)
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                list(merchant, "?type=payment.created").getInt("total_count")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2,
                deadLetters("webhooks.dlq.methods.events", key).size()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                deadLetters("webhooks.dlq.payments.events", key).size()));
        List<ConsumerRecord<String, String>> payments = deadLetters("webhooks.dlq.payments.events", key);
        assertTrue(new String(payments.get(0).headers().lastHeader("dead-letter-reason").value())
                .contains("sequence"));
    }

    @Test
    void retentionDeletesOldEventsButKeepsTimelines() throws Exception {
        String old = evt();
        send("methods.events", "cus_4", customerEvent(old, merchant, Instant.now().minus(40, ChronoUnit.DAYS)));
        String pay = payId();
        String oldPayment = evt();
        ObjectNode e = (ObjectNode) JSON.readTree(paymentEvent(oldPayment, "payment.created", pay, 1));
        e.put("time", Instant.now().minus(31, ChronoUnit.DAYS).toString());
        send("payments.events", pay, e.toString());
        String recent = evt();
        send("methods.events", "cus_4", customerEvent(recent, merchant, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(3,
                list(merchant, "").getInt("total_count")));

        while (retention.runOnce() > 0) {
            // every batch of expired events
        }
        merchant.request().get("/v1/events/" + old).then().statusCode(404);
        merchant.request().get("/v1/events/" + oldPayment).then().statusCode(404);
        merchant.request().get("/v1/events/" + recent).then().statusCode(200);
        assertEquals(1, countRows("SELECT count(*) FROM payment_timelines WHERE payment_id = ? AND last_sequence = 1",
                pay));
        // the payment's next event gets the next number, though its first is gone
        String next = evt();
        send("payments.events", pay, paymentEvent(next, "payment.succeeded", pay, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/events/" + next)
                .then().statusCode(200).body("sequence", equalTo(2)));
    }

    private List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            Instant deadline = Instant.now().plusSeconds(20);
            while (consumer.position(p) < end && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private String stringRow(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long countRows(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
