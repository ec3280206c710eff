package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * payments-service dies between the two phases of a charge: after the acquirer charged, before the
 * answer was recorded (fault injection of the simulator: card …9987 halts the JVM, as {@code kill -9}
 * would). After a restart, the payment is finished by the reconciler with the acquirer's answer,
 * the acquirer charged exactly once, and the client's retry with its Idempotency-Key gets that
 * payment instead of a second one.
 */
@ExtendWith(Suite.Extension.class)
class PaymentCrashIT {
    static final String BODY = "{\"amount\": 4321, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_crash_after_charge\"}";

    static RequestSpecification as(String apiKey) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    @Test
    void aCrashBetweenTheChargeAndItsRecordChargesOnceAndTheRetryGetsThatPayment() throws Exception {
        Suite suite = Suite.running();
        Merchants.Merchant m = Merchants.create();
        String key = "crash-" + UUID.randomUUID();

        int status = as(m.apiKey()).header("Idempotency-Key", key).body(BODY).post("/v1/payments").then().extract()
                .statusCode();
        assertTrue(status >= 500, "the service died under the request: " + status);
        Process died = suite.process("payments-service");
        assertTrue(died.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, died.exitValue());

        String paymentId = onlyPaymentOf(m.id());
        assertEquals("PROCESSING", column("SELECT status FROM payments WHERE id = ?", paymentId),
                "recorded processing before the processor was asked");
        assertEquals("1", column("SELECT count(*) FROM simulator_operations WHERE acquirer_key LIKE ?", paymentId + "/%"),
                "the acquirer charged");

        suite.restart("payments-service");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(m.apiKey()).get("/v1/payments/" + paymentId)
                .then().statusCode(200).body("status", equalTo("succeeded")).body("amount_captured", equalTo(4321)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(m.apiKey()).header("Idempotency-Key", key)
                .body(BODY).post("/v1/payments").then().statusCode(201).body("id", equalTo(paymentId))
                .body("status", equalTo("succeeded")));
        assertEquals(paymentId, onlyPaymentOf(m.id()), "the retry made no second payment");
        assertEquals("1", column("SELECT count(*) FROM simulator_operations WHERE acquirer_key LIKE ?", paymentId + "/%"),
                "and the acquirer still charged once");
    }

    static String onlyPaymentOf(String merchantId) throws Exception {
        try (Connection c = DriverManager.getConnection(Suite.jdbc("payments"), "postgres", "");
                PreparedStatement ps = c.prepareStatement("SELECT id FROM payments WHERE merchant_id = ?")) {
            ps.setString(1, merchantId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the payment was recorded");
                String id = rs.getString(1);
                assertFalse(rs.next(), "one payment only");
                return id;
            }
        }
    }

    static String column(String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(Suite.jdbc("payments"), "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
