package dev.paysuite.refunds.adapter.in.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds against the real broker and database: payments are made known the way payments-service
 * does it, by events on payments.events.
 */
@QuarkusTest
class RefundResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;
    KafkaProducer<String, String> producer;

    static boolean consuming;

    @BeforeEach
    void connect() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
        if (!consuming) {
            // The service joins its consumer group a moment after it starts; tests that time news of a
            // payment start once it reads payments.events.
            String pay = paidPayment(merchant, 100, "4242");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> merchant.request().body("{\"amount\": 1}")
                    .post("/v1/payments/" + pay + "/refunds").then().statusCode(200));
            consuming = true;
        }
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    /** What payments-service publishes when a card payment in USD reaches {@code status}. */
    String paymentEvent(TestCaller owner, String paymentId, String status, long amount, long captured, long sequence,
            String last4) throws Exception {
        return paymentEvent(owner, paymentId, status, "USD", amount, captured, sequence,
                "{\"type\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":\"%s\"}}".formatted(last4));
    }

    /** What payments-service publishes when a payment reaches {@code status}. */
    String paymentEvent(TestCaller owner, String paymentId, String status, String currency, long amount,
            long captured, long sequence, String methodDetails) throws Exception {
        String type = status.equals("pending") ? "created" : status;
        String event = """
                {"specversion":"1.0","id":"evt_%s","source":"/paysuite/payments-service","type":"payment.%s",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "merchantid":"%s","livemode":false,
                 "data":{"id":"%s","object":"payment","amount":%d,"amount_captured":%d,"amount_refunded":0,
                         "currency":"%s","status":"%s","payment_method_details":%s}}
                """.formatted(UUID.randomUUID(), type, paymentId, sequence, owner.merchantId(), paymentId, amount,
                captured, currency, status, methodDetails);
        producer.send(new ProducerRecord<>("payments.events", paymentId, event)).get();
        return paymentId;
    }

    /** A paid ETH payment (amounts in gwei) with the test Ethereum wallet. */
    String paidInEther(TestCaller owner, long gwei) throws Exception {
        String id = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String wallet = "{\"type\":\"ethereum\",\"card\":null}";
        paymentEvent(owner, id, "pending", "ETH", gwei, 0, 1, wallet);
        return paymentEvent(owner, id, "succeeded", "ETH", gwei, gwei, 2, wallet);
    }

    String paidPayment(TestCaller owner, long amount, String last4) throws Exception {
        String id = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        paymentEvent(owner, id, "pending", amount, 0, 1, last4);
        return paymentEvent(owner, id, "succeeded", amount, amount, 2, last4);
    }

    @Test
    void partialRepeatedAndFullRefundsThroughEveryPath() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        String first = merchant.request().body("{\"amount\": 300, \"reason\": \"Product returned\", \"metadata\": {\"ticket\": \"SUP-1\"}}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("id", startsWith("ref_"))
                .body("object", equalTo("refund"))
                .body("payment_id", equalTo(pay))
                .body("amount", equalTo(300))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("reason", equalTo("Product returned"))
                .body("metadata.ticket", equalTo("SUP-1"))
                .body("created_at", notNullValue())
                .extract().path("id");
        merchant.request().body("{\"amount\": 500, \"reason\": \"Product returned\"}").post("/v1/payments/" + pay + "/refund")
                .then().statusCode(200).body("amount", equalTo(500));
        merchant.request().body("{\"payment_id\": \"" + pay + "\"}").post("/v1/refunds")
                .then().statusCode(200).body("amount", equalTo(200)).body("status", equalTo("succeeded"));
        merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(409).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("charge_already_refunded"));
        merchant.request().get("/v1/refunds/" + first).then().statusCode(200).body("amount", equalTo(300));
        merchant.request().get("/v1/refunds?payment_id=" + pay).then().statusCode(200)
                .body("data", hasSize(3)).body("total_count", equalTo(3)).body("data[2].id", equalTo(first));
        merchant.request().get("/v1/refunds?payment_id=" + pay + "&limit=2").then()
                .body("has_more", equalTo(true)).body("data", hasSize(2));
        merchant.request().get("/v1/payments/" + pay + "/refunds").then().body("total_count", equalTo(3));
    }

    @Test
    void aMillionEtherIsRefundedToTheGwei() throws Exception {
        String pay = paidInEther(merchant, 1_000_000_000_000_000L);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> merchant.request().body("{\"amount\": 1}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("amount", equalTo(1)).body("currency", equalTo("ETH")).body("status", equalTo("succeeded")));
        merchant.request().body("{\"amount\": 1000000000000000}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(422).body("error.code", equalTo("amount_exceeds_refundable"));
        merchant.request().body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("amount", equalTo(999_999_999_999_999L));
        merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds").then().statusCode(409);
    }

    @Test
    void theLargestEtherPaymentIsRefundedWholeAndExactly() throws Exception {
        String pay = paidInEther(merchant, 9_007_199_254_740_991L);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> merchant.request().body("{\"currency\": \"eth\"}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .body("amount", equalTo(9_007_199_254_740_991L)));
        merchant.request().get("/v1/refunds?payment_id=" + pay).then().body("data[0].amount", equalTo(9_007_199_254_740_991L));
    }

    @Test
    void refundingMoreThanIsLeftIsUnprocessable() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        merchant.request().body("{\"amount\": 700}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200);
        merchant.request().body("{\"amount\": 301}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(422).body("error.code", equalTo("amount_exceeds_refundable"))
                .body("error.param", equalTo("amount"));
    }

    @Test
    void aPaymentThatWasNotPaidCannotBeRefunded() throws Exception {
        String pay = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        paymentEvent(merchant, pay, "pending", 1000, 0, 1, "0002");
        paymentEvent(merchant, pay, "failed", 1000, 0, 2, "0002");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                merchant.request().body("{}").post("/v1/payments/" + pay + "/refunds").then().statusCode(400)
                        .body("error.code", equalTo("payment_not_refundable")));
    }

    @Test
    void anotherMerchantsPaymentOrAnUnknownOneIsNotFound() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        merchant.request().body("{\"amount\": 100}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200);
        TestCaller other = TestCaller.newTestMerchant();
        other.request().body("{\"amount\": 100}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(404).body("error.code", equalTo("resource_missing"));
        merchant.request().body("{\"amount\": 100}").post("/v1/payments/pay_neverExisted/refunds").then().statusCode(404);
        String refund = merchant.request().get("/v1/refunds?payment_id=" + pay).then().extract().path("data[0].id");
        other.request().get("/v1/refunds/" + refund).then().statusCode(404);
        other.request().get("/v1/refunds?payment_id=" + pay).then().body("data", hasSize(0));
        // the path form names the payment: another merchant's, or none, is 404 like everywhere else
        other.request().get("/v1/payments/" + pay + "/refunds").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        merchant.request().get("/v1/payments/pay_neverExisted/refunds").then().statusCode(404);
        merchant.request().get("/v1/payments/not_a_payment/refunds").then().statusCode(404);
        merchant.request().get("/v1/payments/" + pay + "/refunds").then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void aRefundAskedRightAfterThePaymentSucceededWaitsForTheNewsInsteadOfA404() throws Exception {
        String pay = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        CompletableFuture<Integer> refund = CompletableFuture.supplyAsync(() -> merchant.request()
                .body("{\"amount\": 250}").post("/v1/payments/" + pay + "/refunds").statusCode());
        Thread.sleep(300);
        paymentEvent(merchant, pay, "pending", 1000, 0, 1, "4242");
        paymentEvent(merchant, pay, "succeeded", 1000, 1000, 2, "4242");
        assertEquals(200, refund.get());
    }

    @Test
    void aRefundAskedWhileTheLocalViewStillShowsTheAuthorizationWaitsForTheCapture() throws Exception {
        String pay = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        paymentEvent(merchant, pay, "requires_capture", 1000, 0, 2, "4242");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                merchant.request().get("/v1/refunds?payment_id=" + pay).then().statusCode(200));
        CompletableFuture<Integer> refund = CompletableFuture.supplyAsync(() -> merchant.request()
                .body("{\"amount\": 250}").post("/v1/payments/" + pay + "/refunds").statusCode());
        Thread.sleep(300);
        paymentEvent(merchant, pay, "succeeded", 1000, 800, 3, "4242");
        assertEquals(200, refund.get());
        merchant.request().body("{\"amount\": 551}").post("/v1/payments/" + pay + "/refunds").then().statusCode(422);
    }

    @Test
    void aRefundWhoseProcessorAnswerWasLostIsSettledLaterWithOneRefundAtTheAcquirer() throws Exception {
        String pay = paidPayment(merchant, 1000, "9979");
        String refund = merchant.request().body("{\"amount\": 400}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(200).body("status", equalTo("pending")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> merchant.request().get("/v1/refunds/" + refund)
                .then().statusCode(200).body("status", equalTo("succeeded")));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM simulator_refunds WHERE acquirer_key = ?")) {
            ps.setString(1, refund);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getLong(1), "refunded once at the acquirer");
            }
        }
        assertEquals(List.of("refund.created", "refund.succeeded"), refundEventTypes(pay, 2));
    }

    @Test
    void aRefundToCard5126FailsLaterAndGivesItsAmountBack() throws Exception {
        String pay = paidPayment(merchant, 1000, "5126");
        String refund = merchant.request().body("{\"amount\": 1000}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(200).body("status", equalTo("pending")).extract().path("id");
        merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds").then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> merchant.request().get("/v1/refunds/" + refund)
                .then().body("status", equalTo("failed")).body("failure_reason", equalTo("expired_or_canceled_card")));
        merchant.request().body("{\"amount\": 1000}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(200).body("status", equalTo("pending"));
        List<String> types = refundEventTypes(pay, 4);
        assertEquals(List.of("refund.created", "refund.failed", "refund.created"), types.subList(0, 3));
    }

    @Test
    void twentyConcurrentPartialRefundsNeverExceedWhatWasCaptured() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        merchant.request().get("/v1/refunds?payment_id=" + pay).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> merchant.request().body("{\"amount\": 30}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> merchant.request().body("{\"amount\": 70}")
                    .post("/v1/payments/" + pay + "/refunds").statusCode()));
        }
        int succeeded = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertTrue(status == 200 || status == 422 || status == 409, "status " + status);
            succeeded += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(13, succeeded, "(1000 - 30) / 70 refunds fit");
        int refunded = merchant.request().get("/v1/refunds?payment_id=" + pay + "&limit=100").then().extract()
                .jsonPath().getList("data.amount", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(30 + 13 * 70, refunded);
    }

    @Test
    void refundsAreAnnouncedOnRefundsEventsKeyedByPayment() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        merchant.request().body("{\"amount\": 100}").post("/v1/payments/" + pay + "/refunds").then().statusCode(200);
        assertEquals(List.of("refund.created", "refund.succeeded"), refundEventTypes(pay, 2));
    }

    @Test
    void anIdempotentRetryReplaysTheRefund() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        String key = UUID.randomUUID().toString();
        String first = merchant.request().header("Idempotency-Key", key).body("{\"amount\": 100}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200).extract().path("id");
        merchant.request().header("Idempotency-Key", key).body("{\"amount\": 100}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        merchant.request().header("Idempotency-Key", key).body("{\"amount\": 200}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(422).body("error.type", equalTo("idempotency_error"));
        merchant.request().get("/v1/refunds?payment_id=" + pay).then().body("total_count", equalTo(1));
    }

    @Test
    void badInputIsA400() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        merchant.request().body("{\"amount\": \"ten\"}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(400).body("error.param", equalTo("amount"));
        merchant.request().body("{\"amount\": -1}").post("/v1/payments/" + pay + "/refunds").then().statusCode(400);
        merchant.request().body("{\"amount\": 100000000000}").post("/v1/payments/" + pay + "/refunds").then()
                .statusCode(400).body("error.code", equalTo("amount_too_large")).body("error.param", equalTo("amount"));
        merchant.request().body("{\"amount\": 10, \"currency\": \"EUR\"}").post("/v1/payments/" + pay + "/refunds")
                .then().statusCode(400).body("error.code", equalTo("currency_mismatch"));
        merchant.request().body("{\"amount\": 10}").post("/v1/refunds").then().statusCode(400)
                .body("error.param", equalTo("payment_id"));
        merchant.request().body("{\"amount\": 10, ").post("/v1/refunds").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"));
        merchant.request().get("/v1/refunds?limit=0").then().statusCode(400);
    }

    @Test
    void aReasonKeepsTabsLineBreaksAndAnyCharacterExactly() throws Exception {
        String pay = paidPayment(merchant, 1000, "4242");
        String reason = "Returned:\tbox\r\ndamaged \uD83D\uDCE6 \u00e9t\u00e9";
        String id = merchant.request().body("{\"amount\": 10, \"reason\": \"Returned:\\tbox\\r\\ndamaged "
                + "\\ud83d\\udce6 \\u00e9t\\u00e9\", \"metadata\": {\"note\": \"a\\nb\"}}")
                .post("/v1/payments/" + pay + "/refunds").then().statusCode(200).body("reason", equalTo(reason))
                .extract().path("id");
        merchant.request().get("/v1/refunds/" + id).then().statusCode(200).body("reason", equalTo(reason))
                .body("metadata.note", equalTo("a\nb"));
    }

    List<String> refundEventTypes(String paymentId, int expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("refunds.events"));
            List<JsonNode> events = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (events.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (paymentId.equals(r.key())) {
                        events.add(json.readTree(r.value()));
                    }
                }
            }
            long basedOn = 0;
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).get("sequence").asLong(), "refund events of a payment are numbered");
                assertEquals(merchant.merchantId(), events.get(i).get("merchantid").asText());
                long paymentSequence = events.get(i).path("paymentsequence").asLong(-1);
                assertTrue(paymentSequence >= Math.max(basedOn, 1),
                        "each refund event says which payment event it was based on, never an older one than before");
                basedOn = paymentSequence;
            }
            return events.stream().map(e -> e.get("type").asText()).toList();
        }
    }
}
