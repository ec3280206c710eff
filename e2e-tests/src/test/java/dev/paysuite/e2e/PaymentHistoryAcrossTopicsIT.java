package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.PaymentHistory;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One payment's history is split over payments.events and refunds.events; whatever order its
 * events arrive in, a receiver merges them back into one causal order (the kernel's
 * {@link PaymentHistory}) from what the events themselves carry.
 */
@ExtendWith(Suite.Extension.class)
class PaymentHistoryAcrossTopicsIT {
    record Event(String topic, JsonNode cloudEvent, PaymentHistory position) {
        String type() {
            return cloudEvent.get("type").asText();
        }
    }

    @Test
    void aPaymentsEventsFromBothTopicsShuffledComeBackInCausalOrder() throws Exception {
        String key = Merchants.create().apiKey();
        String pay = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        for (int amount : new int[] {300, 200}) {
            given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body("{\"amount\": " + amount + "}").post("/v1/payments/" + pay + "/refunds")
                    .then().statusCode(200).body("status", equalTo("succeeded"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(Suite.GATEWAY)
                .header("Authorization", "Bearer " + key).get("/v1/payments/" + pay).then().body("amount_refunded",
                        equalTo(500)));

        // payment.created, .succeeded, .refunded twice; refund.created and .succeeded twice
        List<Event> history = eventsOf(pay, 8);
        assertEquals(8, history.size());

        Random random = new Random(7);
        List<Event> merged = null;
        for (int round = 0; round < 20; round++) {
            List<Event> arrived = new ArrayList<>(history);
            Collections.shuffle(arrived, random);
            arrived.sort(Comparator.comparing(Event::position));
            if (merged != null) {
                assertEquals(merged, arrived, "every arrival order merges into the same history");
            }
            merged = arrived;
        }
        assertEquals("payment.created", merged.get(0).type());
        assertEquals("payment.succeeded", merged.get(1).type());
        long refundedSoFar = 0;
        for (Event e : merged) {
            JsonNode data = e.cloudEvent().get("data");
            if (e.type().equals("refund.succeeded")) {
                refundedSoFar += data.get("amount").asLong();
            }
            if (e.type().equals("payment.refunded")) {
                assertTrue(data.get("amount_refunded").asLong() <= refundedSoFar,
                        "a payment.refunded comes after the refund.succeeded that caused it: " + merged);
            }
        }
    }

    static List<Event> eventsOf(String paymentId, int expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events", "refunds.events"));
            List<Event> events = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (events.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!paymentId.equals(r.key())) {
                        continue;
                    }
                    JsonNode e = json.readTree(r.value());
                    long sequence = e.get("sequence").asLong();
                    PaymentHistory position = r.topic().equals("payments.events") ? PaymentHistory.ofPaymentEvent(sequence)
                            : PaymentHistory.ofRefundEvent(e.get("paymentsequence").asLong(), sequence);
                    events.add(new Event(r.topic(), e, position));
                }
            }
            return events;
        }
    }
}
