package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, point 4: two payments-service instances run the subscription scheduler over the same
 * subscriptions, one charge kills its instance right after the acquirer charged (the simulator's
 * fault card, as {@code kill -9} would), and the test kills the first instance too, mid-schedule.
 * After the restarts every cycle is charged exactly once (one payment each, one acquirer charge
 * each), none is lost, and the one cut short is settled.
 */
@ExtendWith(Suite.Extension.class)
class SubscriptionSchedulersIT {
    static final int SUBSCRIPTIONS = 24;

    static RequestSpecification as(String apiKey) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    @Test
    void twoInstancesAndTwoKillsChargeEveryCycleExactlyOnce() throws Exception {
        Suite suite = Suite.running();
        suite.secondPayments();
        try {
            chargeWithTwoInstancesAndTwoKills(suite);
        } finally {
            suite.stopSecondPayments();
        }
    }

    private void chargeWithTwoInstancesAndTwoKills(Suite suite) throws Exception {
        Merchants.Merchant m = Merchants.create();
        String customer = as(m.apiKey()).body("{\"name\": \"Scheduled\"}").post("/v1/customers").then()
                .statusCode(201).extract().path("id");
        Instant due = Instant.now().plusSeconds(12);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String method = i == SUBSCRIPTIONS / 2 ? "pm_test_crash_after_charge" : "pm_test_success";
            ids.add(as(m.apiKey()).body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                    + "\", \"amount\": " + (1000 + i) + ", \"currency\": \"USD\", \"interval\": \"day\", \"start_at\": "
                    + due.getEpochSecond() + "}").post("/v1/subscriptions").then().statusCode(201)
                    .body("status", equalTo("active")).body("cycles_paid", equalTo(0)).extract().path("id"));
        }
        // Both schedulers (every second) find them due at once; kill the first instance mid-schedule
        while (Instant.now().isBefore(due.plusMillis(700))) {
            Thread.sleep(100);
        }
        Process first = suite.process("payments-service");
        if (first.isAlive()) {
            first.destroyForcibly();
        }
        assertTrue(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        // The fault card may have taken the second instance down too; whichever is down comes back
        await().atMost(Duration.ofSeconds(20)).until(() -> !suite.process("payments-b").isAlive()
                || paidCycles(m.id()) >= SUBSCRIPTIONS - 1);
        suite.restart("payments-service");
        if (!suite.process("payments-b").isAlive()) {
            suite.restart("payments-b");
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(
                () -> assertEquals(SUBSCRIPTIONS, paidCycles(m.id()), "every first cycle paid and settled"));
        Map<String, Integer> payments = paymentsPerSubscription(m.id());
        for (String id : ids) {
            assertEquals(1, payments.getOrDefault(id, 0), "exactly one payment for the cycle of " + id);
            as(m.apiKey()).get("/v1/subscriptions/" + id).then().statusCode(200).body("status", equalTo("active"))
                    .body("cycles_paid", equalTo(1)).body("current_cycle", equalTo(1));
        }
        assertEquals(SUBSCRIPTIONS, count("""
                SELECT count(*) FROM payments p WHERE p.merchant_id = ? AND p.status = 'SUCCEEDED'
                   AND (SELECT count(*) FROM simulator_operations o WHERE o.acquirer_key LIKE p.id || '/%') = 1""",
                m.id()), "the acquirer charged each cycle's payment once");
        assertEquals(SUBSCRIPTIONS, count("SELECT count(*) FROM subscription_attempts a JOIN subscriptions s "
                + "ON s.id = a.subscription_id WHERE s.merchant_id = ?", m.id()), "one attempt per cycle");
    }

    static int paidCycles(String merchantId) throws Exception {
        return count("SELECT count(*) FROM subscriptions WHERE merchant_id = ? AND cycles_paid = 1"
                + " AND pending_payment IS NULL", merchantId);
    }

    static Map<String, Integer> paymentsPerSubscription(String merchantId) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(Suite.jdbc("payments"), "postgres", "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT subscription, count(*) FROM payments WHERE merchant_id = ? GROUP BY subscription")) {
            ps.setString(1, merchantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    static int count(String sql, String merchantId) throws Exception {
        try (Connection c = DriverManager.getConnection(Suite.jdbc("payments"), "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, merchantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
