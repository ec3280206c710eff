package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vault down: methods-service is killed, and a payment by stored method and one with an inline
 * card each answer 503 with the error object at once (never a hang, never a 500), with nothing
 * charged; once it is back, the same requests succeed.
 */
@ExtendWith(Suite.Extension.class)
class VaultOutageThroughGatewayIT {
    static final String STORED = "{\"amount\": 1200, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}";
    static final String INLINE = "{\"amount\": 1300, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\","
            + " \"card_number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2031, \"cvc\": \"123\"}}";

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void aVaultOutageIsA503WithNothingChargedAndServiceComesBack() throws Exception {
        String key = Merchants.create().apiKey();
        Suite suite = Suite.running();
        Process methods = suite.process("methods-service");
        methods.destroyForcibly();
        assertTrue(methods.waitFor(20, TimeUnit.SECONDS), "methods-service stopped");
        try {
            for (String body : new String[] {STORED, INLINE}) {
                Instant started = Instant.now();
                as(key).header("Idempotency-Key", "outage-" + body.hashCode()).body(body).post("/v1/payments").then()
                        .statusCode(503).body("error.type", equalTo("api_error"));
                Duration took = Duration.between(started, Instant.now());
                assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "answered, not hung: " + took);
            }
            as(key).get("/v1/payments").then().statusCode(200).body("data.size()", equalTo(0));
        } finally {
            suite.restart("methods-service");
        }
        as(key).header("Idempotency-Key", "outage-" + STORED.hashCode()).body(STORED).post("/v1/payments").then()
                .statusCode(201).body("status", equalTo("succeeded"));
        as(key).header("Idempotency-Key", "outage-" + INLINE.hashCode()).body(INLINE).post("/v1/payments").then()
                .statusCode(201).body("status", equalTo("succeeded"));
    }
}
