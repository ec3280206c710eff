package dev.paysuite.payments.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.payments.adapter.out.vault.MethodsServiceStub;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Subscriptions and test clocks against the real database and broker (the vault is the methods-service stub). */
@QuarkusTest
class SubscriptionResourceTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunSubscriptionsUseCase runner;

    void customer(String id, String defaultMethod, String clock) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("default_payment_method_id", defaultMethod);
        json.put("test_clock", clock);
        json.put("payment_methods", List.of());
        MethodsServiceStub.customer(merchant.merchantId(), "test", id, json);
    }

    String subscribe(String customer, String method, String extra) {
        return merchant.request().body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                + "\", \"amount\": 1200, \"currency\": \"usd\", \"interval\": \"month\"" + extra + "}")
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    JsonPath advance(String clock, String to) {
        return merchant.request().body("{\"frozen_time\": \"" + to + "\"}").post("/v1/test_clocks/" + clock + "/advance")
                .then().statusCode(200).body("status", equalTo("ready")).extract().jsonPath();
    }

    JsonPath get(String sub) {
        return merchant.request().get("/v1/subscriptions/" + sub).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void onATestClockAFailedCycleIsRetriedWithTheCustomersNewDefaultMethod() {
        String clock = merchant.request().body("{\"frozen_time\": \"2030-01-01T00:00:00Z\"}").post("/v1/test_clocks")
                .then().statusCode(201).body("id", startsWith("clock_")).extract().path("id");
        customer("cus_clocked1", null, clock);
        String sub = subscribe("cus_clocked1", "pm_test_decline", "");
        JsonPath s = get(sub);
        assertEquals("past_due", s.getString("status"));
        assertEquals(clock, s.getString("test_clock"));
        assertEquals("2030-01-02T00:00:00Z", s.getString("next_attempt_at"));
        advance(clock, "2030-01-02T00:00:00Z");
        assertEquals(2, get(sub).getInt("attempt_count"));
        customer("cus_clocked1", "pm_test_success", clock);
        advance(clock, "2030-01-04T00:00:00Z");
        s = get(sub);
        assertEquals("active", s.getString("status"));
        assertEquals("pm_test_success", s.getString("payment_method_id"));
        assertEquals(1, s.getInt("cycles_paid"));
        assertEquals("2030-02-01T00:00:00Z", s.getString("next_attempt_at"));
        merchant.request().get("/v1/payments?subscription=" + sub).then().statusCode(200)
                .body("data.status", equalTo(List.of("succeeded", "failed", "failed")))
                .body("data[0].created_at", equalTo("2030-01-04T00:00:00Z"));
        // Canceled at the end of the period, it ends when the clock gets there
        merchant.request().body("{\"at_period_end\": true}").post("/v1/subscriptions/" + sub + "/cancel").then()
                .statusCode(200).body("cancel_at_period_end", equalTo(true));
        advance(clock, "2030-02-01T00:00:01Z");
        s = get(sub);
        assertEquals("canceled", s.getString("status"));
        assertEquals("requested", s.getString("cancellation_reason"));
        assertEquals(1, s.getInt("cycles_paid"));
    }

    @Test
    void everyRetryFailingCancelsIt() {
        String clock = merchant.request().body("{\"frozen_time\": \"2031-06-01T00:00:00Z\"}").post("/v1/test_clocks")
                .then().statusCode(201).extract().path("id");
        customer("cus_clocked2", null, null);
        String sub = subscribe("cus_clocked2", "pm_test_insufficient_funds", ", \"test_clock\": \"" + clock + "\"");
        advance(clock, "2031-06-07T00:00:00Z");
        JsonPath s = get(sub);
        assertEquals("canceled", s.getString("status"));
        assertEquals("payment_failed", s.getString("cancellation_reason"));
        assertEquals(4, s.getInt("attempt_count"));
        assertEquals(4, count("SELECT count(*) FROM payments WHERE subscription = ? AND status = 'FAILED'", sub));
    }

    @Test
    void runnersRacingForTheSameCycleChargeItOnce() throws Exception {
        customer("cus_race", null, null);
        String sub = subscribe("cus_race", "pm_test_success", ", \"start_at\": " + (Instant.now().getEpochSecond() + 2));
        Thread.sleep(2500);
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                var context = io.quarkus.arc.Arc.container().requestContext();
                context.activate(); // as the scheduler's runs have
                try {
                    runner.run(new SubscriptionId(sub), now);
                } finally {
                    context.terminate();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1, count("SELECT count(*) FROM payments WHERE subscription = ?", sub), "one payment for the cycle");
        assertEquals(1, count("SELECT count(*) FROM subscription_attempts WHERE subscription_id = ?", sub));
        JsonPath s = get(sub);
        assertEquals(1, s.getInt("cycles_paid"));
        assertEquals("active", s.getString("status"));
    }

    @Test
    void idempotentCreatePauseResumeAndRefusals() {
        customer("cus_plain", null, null);
        String body = "{\"customer_id\": \"cus_plain\", \"payment_method_id\": \"pm_test_success\", \"amount\": 500,"
                + " \"currency\": \"eur\", \"interval\": \"week\", \"cycles\": 2}";
        String sub = merchant.request().header("Idempotency-Key", "sub-plain-" + merchant.merchantId()).body(body)
                .post("/v1/subscriptions").then().statusCode(201).body("cycles_paid", equalTo(1)).extract().path("id");
        merchant.request().header("Idempotency-Key", "sub-plain-" + merchant.merchantId()).body(body)
                .post("/v1/subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(sub));
        assertEquals(1, count("SELECT count(*) FROM payments WHERE subscription = ?", sub));
        merchant.request().post("/v1/subscriptions/" + sub + "/pause").then().statusCode(200)
                .body("status", equalTo("paused")).body("next_attempt_at", nullValue());
        merchant.request().post("/v1/subscriptions/" + sub + "/resume").then().statusCode(200)
                .body("status", equalTo("active"));
        merchant.request().post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(200)
                .body("status", equalTo("canceled"));
        merchant.request().post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(409)
                .body("error.code", equalTo("subscription_already_canceled"));
        merchant.request().get("/v1/subscriptions?status=canceled&customer_id=cus_plain").then().statusCode(200)
                .body("data.id", equalTo(List.of(sub)));
        merchant.request().get("/v1/subscriptions?status=bogus").then().statusCode(400)
                .body("error.param", equalTo("status"));
        merchant.request().body(body.replace("cus_plain", "cus_unknown")).post("/v1/subscriptions").then()
                .statusCode(400).body("error.param", equalTo("customer_id"));
        merchant.request().body(body.replace("pm_test_success", "pm_notattached")).post("/v1/subscriptions").then()
                .statusCode(400).body("error.param", equalTo("payment_method_id"));
        merchant.request().body(body.replace("\"week\"", "\"decade\"")).post("/v1/subscriptions").then()
                .statusCode(400).body("error.param", equalTo("interval"));
        merchant.request().get("/v1/subscriptions/sub_nothere").then().statusCode(404);
        merchant.request().get("/v1/subscriptions/" + sub).then().statusCode(200);
        TestCaller.newTestMerchant().request().get("/v1/subscriptions/" + sub).then().statusCode(404);
        merchant.live().request().body("{}").post("/v1/test_clocks").then().statusCode(400)
                .body("error.code", equalTo("test_mode_only"));
    }

    long count(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
