package dev.paysuite.payments.adapter.in.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** refunds-service's events, put on the real broker, move the payment's refunded amount exactly once. */
@QuarkusTest
class RefundEventsConsumerTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String refundSucceeded(String eventId, TestCaller merchant, String paymentId, String refundId, long amount) {
        return """
                {"specversion":"1.0","id":"%s","source":"/paysuite/refunds-service","type":"refund.succeeded",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","datacontenttype":"application/json","sequence":2,
                 "merchantid":"%s","livemode":false,
                 "data":{"id":"%s","object":"refund","payment_id":"%s","amount":%d,"currency":"USD","status":"succeeded"}}
                """.formatted(eventId, paymentId, merchant.merchantId(), refundId, paymentId, amount);
    }

    void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>("refunds.events", key, value)).get();
    }

    JsonPath payment(TestCaller merchant, String id) {
        return merchant.request().get("/v1/payments/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void succeededRefundsMoveThePaymentToPartiallyRefundedThenRefundedExactlyOnce() throws Exception {
        TestCaller merchant = TestCaller.newTestMerchant();
        String id = merchant.request()
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        String first = refundSucceeded("evt_" + UUID.randomUUID(), merchant, id, "ref_a", 300);
        String second = refundSucceeded("evt_" + UUID.randomUUID(), merchant, id, "ref_b", 700);
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, id, first);
            send(producer, id, first); // redelivered
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonPath p = payment(merchant, id);
                assertEquals(300, p.getInt("amount_refunded"));
                assertEquals("partially_refunded", p.getString("status"));
            });
            send(producer, id, second);
            send(producer, id, first); // replayed later
            send(producer, id, "this is not an event"); // dead-lettered, does not block the partition
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonPath p = payment(merchant, id);
                assertEquals(1000, p.getInt("amount_refunded"));
                assertEquals("refunded", p.getString("status"));
            });
            // replay everything once more: nothing changes
            send(producer, id, first);
            send(producer, id, second);
        }
        List<ConsumerRecord<String, String>> dead = deadLetters(id, 1);
        assertEquals(List.of("this is not an event"), dead.stream().map(ConsumerRecord::value).toList());
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("MalformedEventException: not a CloudEvent"), reason);
        List<String> types = eventTypesFor(id, 4);
        assertEquals(List.of("payment.created", "payment.succeeded", "payment.refunded", "payment.refunded"), types);
        merchant.request().get("/v1/payments/" + id).then().body("amount_refunded", equalTo(1000));
    }

    @Test
    void aRefundForAnotherMerchantsPaymentChangesNothingAndIsDeadLettered() throws Exception {
        TestCaller owner = TestCaller.newTestMerchant();
        String id = owner.request()
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        TestCaller stranger = TestCaller.newTestMerchant();
        String marker = "evt_" + UUID.randomUUID();
        String strangers = "evt_" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, id, refundSucceeded(strangers, stranger, id, "ref_x", 500));
            send(producer, id, refundSucceeded(marker, owner, id, "ref_y", 100));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertEquals(100, payment(owner, id).getInt("amount_refunded")));
        List<ConsumerRecord<String, String>> dead = deadLetters(id, 1);
        assertEquals(1, dead.size());
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.endsWith("(refund.succeeded event " + strangers + ")"), reason);
    }

    /** What payments-service sent to its dead-letter topic for {@code paymentId} (the records' key). */
    List<ConsumerRecord<String, String>> deadLetters(String paymentId, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.dlq.refunds.events"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (paymentId.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    List<String> eventTypesFor(String paymentId, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events"));
            List<String> types = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (paymentId.equals(r.key())) {
                        types.add(JsonPath.from(r.value()).getString("type"));
                    }
                }
                if (types.size() >= expected) {
                    // a little longer, to see that nothing more comes
                    consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                        if (paymentId.equals(r.key())) {
                            types.add(JsonPath.from(r.value()).getString("type"));
                        }
                    });
                    break;
                }
            }
            return types;
        }
    }

    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }
}
