package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Payments as a client sees them: through the gateway, with API keys, against the running suite. */
@ExtendWith(Suite.Extension.class)
class PaymentsThroughGatewayIT {
    static final String CREATE_EXAMPLE = """
            {
              "amount": 1000,
              "currency": "USD",
              "payment_method_id": "pm_1234567890",
              "description": "Payment for order #12345",
              "metadata": {
                "order_id": "12345",
                "customer_id": "cust_abc123"
              }
            }""";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static String manualPayment(String apiKey, long amount) {
        return as(apiKey).body("{\"amount\": " + amount + ", \"currency\": \"USD\", "
                + "\"payment_method_id\": \"pm_test_success\", \"capture_method\": \"manual\"}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("requires_capture"))
                .extract().path("id");
    }

    @Test
    void seed002ExamplesWorkWithTheDemoKey() {
        as(Suite.DEMO_KEY).body(CREATE_EXAMPLE).post("/v1/payments")
                .then().statusCode(201)
                .body("id", startsWith("pay_"))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("payment_method_id", equalTo("pm_1234567890"))
                .body("metadata.order_id", equalTo("12345"))
                .body("created_at", notNullValue());
        // Example 2 retrieves seed 002's own payment id; the demo merchant has it.
        as(Suite.DEMO_KEY).get("/v1/payments/pay_1234567890abcdef")
                .then().statusCode(200)
                .body("id", equalTo("pay_1234567890abcdef"))
                .body("status", equalTo("succeeded"))
                .body("updated_at", notNullValue());
        as(Suite.DEMO_KEY).get("/v1/payments?status=succeeded&limit=20")
                .then().statusCode(200)
                .body("data.size()", greaterThanOrEqualTo(2))
                .body("data.status", not(hasItem(not(equalTo("succeeded")))))
                .body("has_more", notNullValue())
                .body("total_count", greaterThanOrEqualTo(2));
    }

    @Test
    void aPaymentLivesItsWholeLifeThroughTheGateway() {
        String key = Merchants.create().apiKey();
        String id = manualPayment(key, 5000);
        as(key).get("/v1/payments/" + id).then().statusCode(200).body("amount", equalTo(5000));
        as(key).get("/v1/payments").then().statusCode(200).body("data.id", equalTo(List.of(id)))
                .body("total_count", equalTo(1)).body("has_more", equalTo(false));
        as(key).body("{\"reason\": \"Customer requested cancellation\"}").post("/v1/payments/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("canceled"))
                .body("cancellation_reason", equalTo("Customer requested cancellation"));
        as(key).body("{}").post("/v1/payments/" + id + "/cancel").then().statusCode(409);

        String other = manualPayment(key, 3000);
        as(key).body("{\"amount_to_capture\": 2500}").post("/v1/payments/" + other + "/capture")
                .then().statusCode(200).body("status", equalTo("succeeded")).body("amount_captured", equalTo(2500));
        as(key).get("/v1/payments?status=succeeded").then().body("data.id", equalTo(List.of(other)));
        as(key).get("/v1/payments?limit=1").then().body("has_more", equalTo(true)).body("next_cursor", equalTo(other));
        as(key).get("/v1/payments?limit=1&starting_after=" + other).then().body("data.id", equalTo(List.of(id)));
        as(key).get("/v1/payments?limit=1&offset=1").then().body("data.id", equalTo(List.of(id)));
        as(key).get("/v1/payments?ending_before=" + id).then().body("data.id", equalTo(List.of(other)));
    }

    @Test
    void anIdempotentRetryReplaysAndAReusedKeyIsRefused() {
        String apiKey = Merchants.create().apiKey();
        String idempotencyKey = UUID.randomUUID().toString();
        String body = CREATE_EXAMPLE.replace("pm_1234567890", "pm_test_success");
        String first = as(apiKey).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/payments")
                .then().statusCode(201).extract().path("id");
        as(apiKey).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(apiKey).header("Idempotency-Key", idempotencyKey).body(body.replace("1000", "2000"))
                .post("/v1/payments").then().statusCode(422).body("error.type", equalTo("idempotency_error"));
        as(apiKey).get("/v1/payments").then().body("total_count", equalTo(1));
    }

    @Test
    void aDeclineIs402AndTheFailedPaymentIsKept() {
        String apiKey = Merchants.create().apiKey();
        String id = as(apiKey).body(CREATE_EXAMPLE.replace("pm_1234567890", "pm_test_decline")).post("/v1/payments")
                .then().statusCode(402)
                .body("error.type", equalTo("card_error"))
                .body("error.code", equalTo("card_declined"))
                .extract().path("error.details.payment_id");
        as(apiKey).get("/v1/payments/" + id).then().statusCode(200).body("status", equalTo("failed"));
        as(apiKey).get("/v1/payments?status=failed").then().body("data.id", equalTo(List.of(id)));
    }

    @Test
    void withoutAValidKeyTheAnswerIs401WithTheErrorObject() {
        given().contentType(ContentType.JSON).body(CREATE_EXAMPLE).post("/v1/payments")
                .then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("authentication_error"))
                .header("Request-Id", startsWith("req_"))
                .header("X-RateLimit-Limit", notNullValue());
        as("sk_test_not_a_key_we_know_000000").get("/v1/payments")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @Test
    void overTheRateLimitTheAnswerIs429WithRetryAfter() {
        String apiKey = Merchants.create(3, 60, 10).apiKey();
        for (int i = 3; i > 0; i--) {
            as(apiKey).get("/v1/payments").then().statusCode(200)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", String.valueOf(i - 1))
                    .header("X-RateLimit-Reset", matchesPattern("[0-9]{10}"));
        }
        as(apiKey).get("/v1/payments").then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-RateLimit-Remaining", "0")
                .header("Request-Id", startsWith("req_"));
    }

    @Test
    void oneMerchantCannotSeeOrTouchAnothersPayments() {
        String a = Merchants.create().apiKey();
        String b = Merchants.create().apiKey();
        String id = manualPayment(a, 1200);
        as(b).get("/v1/payments/" + id).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(b).body("{}").post("/v1/payments/" + id + "/cancel").then().statusCode(404);
        as(b).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(404);
        as(b).get("/v1/payments").then().body("data", hasSize(0));
        as(a).get("/v1/payments/" + id).then().statusCode(200).body("status", equalTo("requires_capture"));
    }

    @Test
    void badInputIsA4xxWithTheErrorObjectNeverA5xx() {
        String apiKey = Merchants.create().apiKey();
        Map<String, String> bodies = Map.of(
                "malformed", "{\"amount\": 1000,",
                "wrong type", "{\"amount\": \"ten\", \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}",
                "negative", "{\"amount\": -1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}",
                "unknown currency", "{\"amount\": 1000, \"currency\": \"ZZZ\", \"payment_method_id\": \"pm_test_success\"}",
                "not an object", "\"pay me\"",
                "null amount", "{\"amount\": null, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}");
        bodies.forEach((name, body) -> as(apiKey).body(body).post("/v1/payments").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", notNullValue()));
        as(apiKey).get("/v1/payments?limit=1000").then().statusCode(400).body("error.param", equalTo("limit"));
        as(apiKey).get("/v1/payments/pay_nope").then().statusCode(404);
        as(apiKey).get("/v1/unknown").then().statusCode(404).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void everyStateChangeReachesKafka() throws Exception {
        String apiKey = Merchants.create().apiKey();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payments.events"));
            String id = manualPayment(apiKey, 800);
            as(apiKey).body("{}").post("/v1/payments/" + id + "/cancel").then().statusCode(200);

            ObjectMapper json = new ObjectMapper();
            List<JsonNode> events = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (events.size() < 4 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(r.key())) {
                        events.add(json.readTree(r.value()));
                    }
                }
            }
            // The authorization is voided at the processor (processing) before the payment is canceled.
            assertEquals(List.of("payment.created", "payment.requires_capture", "payment.processing",
                    "payment.canceled"), events.stream().map(e -> e.get("type").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(e -> e.get("sequence").asLong()).toList());
            assertEquals("canceled", events.get(3).get("data").get("status").asText());
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndRateLimitHeaders() {
        String apiKey = Merchants.create().apiKey();
        as(apiKey).get("/v1/payments").then().statusCode(200)
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000")
                .header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue())
                .header("Idempotent-Replayed", nullValue());
    }
}
