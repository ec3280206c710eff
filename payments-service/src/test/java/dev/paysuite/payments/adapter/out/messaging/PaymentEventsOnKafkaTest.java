package dev.paysuite.payments.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Reads what payments-service published off the real broker's payments.events topic. */
@QuarkusTest
class PaymentEventsOnKafkaTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyStateChangeIsPublishedInOrderAsACloudEventKeyedByPayment() throws Exception {
        TestCaller merchant = TestCaller.newTestMerchant();
        try (KafkaConsumer<String, String> consumer = PaymentEventsTopic.consumer(bootstrap)) {
            String id = merchant.request()
                    .body("{\"amount\": 4200, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                            + "\"capture_method\": \"manual\"}")
                    .post("/v1/payments").then().statusCode(201).extract().path("id");
            merchant.request().body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(200);

            List<ConsumerRecord<String, String>> records = PaymentEventsTopic.readFor(consumer, id, 4);
            // The capture is recorded processing before the processor is asked, then succeeded.
            assertEquals(List.of("payment.created", "payment.requires_capture", "payment.processing",
                    "payment.succeeded"), records.stream().map(r -> PaymentEventsTopic.field(r, "type")).toList());
            assertEquals(List.of("1", "2", "3", "4"), records.stream().map(r -> PaymentEventsTopic.field(r, "sequence")).toList());
            assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count(),
                    "one payment's events share a partition");
            for (ConsumerRecord<String, String> r : records) {
                assertEquals(id, r.key());
                JsonNode e = json.readTree(r.value());
                assertEquals("1.0", e.get("specversion").asText());
                assertTrue(e.get("id").asText().startsWith("evt_"));
                assertEquals("/paysuite/payments-service", e.get("source").asText());
                assertEquals(id, e.get("subject").asText());
                assertEquals(merchant.merchantId(), e.get("merchantid").asText());
                assertEquals(id, e.get("data").get("id").asText());
                assertEquals("application/cloudevents+json; charset=UTF-8",
                        new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            }
            JsonNode last = json.readTree(records.get(3).value()).get("data");
            assertEquals("succeeded", last.get("status").asText());
            assertEquals(4200, last.get("amount_captured").asLong());
        }
    }

    @Test
    void aDeclineIsPublishedAsFailedAndARefusedRequestPublishesNothing() throws Exception {
        TestCaller merchant = TestCaller.newTestMerchant();
        try (KafkaConsumer<String, String> consumer = PaymentEventsTopic.consumer(bootstrap)) {
            merchant.request().body("{\"amount\": -1, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(400);
            String id = merchant.request()
                    .body("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_decline\"}")
                    .post("/v1/payments").then().statusCode(402).extract().path("error.details.payment_id");
            List<ConsumerRecord<String, String>> records = PaymentEventsTopic.readFor(consumer, id, 2);
            assertEquals(List.of("payment.created", "payment.failed"),
                    records.stream().map(r -> PaymentEventsTopic.field(r, "type")).toList());
            List<ConsumerRecord<String, String>> merchantsEvents = new ArrayList<>();
            consumer.seekToBeginning(consumer.assignment());
            drain(consumer, Duration.ofSeconds(3)).stream()
                    .filter(r -> merchant.merchantId().equals(PaymentEventsTopic.field(r, "merchantid")))
                    .forEach(merchantsEvents::add);
            assertEquals(2, merchantsEvents.size(), "the refused request left no event behind");
        }
    }

    @Test
    void anEtherPaymentIsPublishedInGweiExactly() throws Exception {
        TestCaller merchant = TestCaller.newTestMerchant();
        try (KafkaConsumer<String, String> consumer = PaymentEventsTopic.consumer(bootstrap)) {
            String id = merchant.request()
                    .body("{\"amount\": 9007199254740991, \"currency\": \"ETH\", \"payment_method_id\": \"pm_test_ethereum\"}")
                    .post("/v1/payments").then().statusCode(201).extract().path("id");
            JsonNode data = json.readTree(PaymentEventsTopic.readFor(consumer, id, 2).get(1).value()).get("data");
            assertEquals("ETH", data.get("currency").asText());
            assertTrue(data.get("amount").isIntegralNumber());
            assertEquals(9_007_199_254_740_991L, data.get("amount").asLong());
            assertEquals(9_007_199_254_740_991L, data.get("amount_captured").asLong());
            assertEquals("ethereum", data.get("payment_method_details").get("type").asText());
        }
    }

    static List<ConsumerRecord<String, String>> drain(KafkaConsumer<String, String> consumer, Duration quiet) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(300)).forEach(all::add);
        }
        return all;
    }

}
