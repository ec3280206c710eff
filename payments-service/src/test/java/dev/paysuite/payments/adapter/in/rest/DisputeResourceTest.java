package dev.paysuite.payments.adapter.in.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.payments.application.port.in.SyncDisputesUseCase;
import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Disputes against the real database and broker: the simulator disputes a charge of test card …0259
 * (1 s after it in tests), the scheduler opens it, and the merchant answers.
 */
@QuarkusTest
class DisputeResourceTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SyncDisputesUseCase sync;

    String pay(String method, long amount) {
        return merchant.request().body("{\"amount\": " + amount + ", \"currency\": \"usd\", \"payment_method_id\": \""
                + method + "\"}").post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                .extract().path("id");
    }

    /** The payment's dispute, once the simulator opened it. */
    JsonPath disputeOf(String payment) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> merchant.request()
                .get("/v1/disputes?payment_id=" + payment).then().statusCode(200).extract().jsonPath()
                .getList("data").size() == 1);
        return merchant.request().get("/v1/disputes?payment_id=" + payment).then().extract().jsonPath()
                .setRootPath("data[0]");
    }

    JsonPath get(String dispute) {
        return merchant.request().get("/v1/disputes/" + dispute).then().statusCode(200).extract().jsonPath();
    }

    JsonPath awaitStatus(String dispute, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(get(dispute).getString("status")));
        return get(dispute);
    }

    long disputedOf(String payment) {
        return merchant.request().get("/v1/payments/" + payment).then().statusCode(200).extract().jsonPath()
                .getLong("amount_disputed");
    }

    @Test
    void aDisputedChargeIsAnsweredWithTrackingAndWon() throws Exception {
        String payment = pay("pm_test_dispute", 5000);
        JsonPath d = disputeOf(payment);
        String id = d.getString("id");
        assertEquals("dispute", d.getString("object"));
        assertEquals(5000, d.getLong("amount"));
        assertEquals("USD", d.getString("currency"));
        assertEquals("fraudulent", d.getString("reason"));
        assertEquals("needs_response", d.getString("status"));
        assertEquals(false, d.getBoolean("evidence_details.has_evidence"));
        assertEquals(false, d.getBoolean("evidence_details.past_due"));
        Instant due = Instant.parse(d.getString("evidence_details.due_by"));
        Instant created = Instant.parse(d.getString("created_at"));
        assertEquals(Duration.ofDays(7).toHours(), Duration.between(created, due).toHours(), 1);
        assertEquals(5000, disputedOf(payment));

        merchant.request().body("{\"evidence\": {\"product_description\": \"A blue mug\", \"files\": "
                + "[\"file_receipt\", \"https://files.example.com/photo.jpg\"]}}").post("/v1/disputes/" + id)
                .then().statusCode(200).body("status", equalTo("needs_response"))
                .body("evidence.product_description", equalTo("A blue mug"))
                .body("evidence.files", hasSize(2)).body("evidence_details.has_evidence", equalTo(true));
        merchant.request().header("Idempotency-Key", "submit-" + id)
                .body("{\"evidence\": {\"shipping_tracking\": \"1Z999AA10123456784\"}}")
                .post("/v1/disputes/" + id + "/submit").then().statusCode(200).body("status", equalTo("under_review"))
                .body("evidence.product_description", equalTo("A blue mug"))
                .body("evidence_details.submission_count", equalTo(1))
                .body("evidence_details.submitted_at", notNullValue());
        // the same key answers the same, and changes nothing
        merchant.request().header("Idempotency-Key", "submit-" + id)
                .body("{\"evidence\": {\"shipping_tracking\": \"1Z999AA10123456784\"}}")
                .post("/v1/disputes/" + id + "/submit").then().statusCode(200).body("status", equalTo("under_review"));
        JsonPath won = awaitStatus(id, "won");
        assertEquals(0, disputedOf(payment));
        assertEquals(won.getString("updated_at"), won.getString("closed_at"));
        // the payment's history, gap-free, with the dispute's events in it
        assertEquals(List.of("payment.created", "payment.succeeded", "dispute.created",
                "dispute.updated", "dispute.updated", "dispute.closed"), historyOf(payment));
        merchant.request().body("{\"evidence\": {\"refund_policy\": \"late\"}}").post("/v1/disputes/" + id)
                .then().statusCode(400).body("error.code", equalTo("dispute_unexpected_state"));
    }

    @Test
    void theCustomersConversationGetsItWithdrawnAndNoUsefulEvidenceLosesIt() {
        String withdrawn = pay("pm_test_dispute_product_not_received", 2000);
        String lost = pay("pm_test_dispute", 3000);
        JsonPath d1 = disputeOf(withdrawn);
        assertEquals("product_not_received", d1.getString("reason"));
        merchant.request().body("{\"submit\": true, \"evidence\": {\"customer_communication\": \"Delivered, thanks!\"}}")
                .post("/v1/disputes/" + d1.getString("id")).then().statusCode(200)
                .body("status", equalTo("under_review"));
        String d2 = disputeOf(lost).getString("id");
        merchant.request().body("{\"evidence\": {\"refund_policy\": \"No refunds.\"}}")
                .post("/v1/disputes/" + d2 + "/submit").then().statusCode(200);
        awaitStatus(d1.getString("id"), "closed");
        awaitStatus(d2, "lost");
        assertEquals(0, disputedOf(withdrawn));
        assertEquals(3000, disputedOf(lost));
    }

    @Test
    void acceptingClosesItAsLostAtOnce() throws Exception {
        String payment = pay("pm_test_dispute", 1500);
        String id = disputeOf(payment).getString("id");
        merchant.request().post("/v1/disputes/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("lost")).body("closed_at", notNullValue());
        assertEquals(1500, disputedOf(payment));
        merchant.request().post("/v1/disputes/" + id + "/close").then().statusCode(400)
                .body("error.code", equalTo("dispute_unexpected_state"));
        // the acquirer was told, and decides nothing more
        await().atMost(Duration.ofSeconds(10)).until(() -> "accepted".equals(simulatorState(payment)));
        assertEquals("lost", get(id).getString("status"));
        assertEquals(List.of("payment.created", "payment.succeeded", "dispute.created",
                "dispute.closed"), historyOf(payment));
    }

    @Test
    void afterTheDeadlineEvidenceIsRefusedAndTheDisputeIsLost() throws Exception {
        String payment = pay("pm_test_dispute", 1200);
        String id = disputeOf(payment).getString("id");
        // the deadline passes (for us and for the acquirer)
        execute("UPDATE disputes SET evidence_due_by = now() - interval '1 minute' WHERE id = ?", id);
        merchant.request().body("{\"evidence\": {\"product_description\": \"too late\"}}")
                .post("/v1/disputes/" + id).then().statusCode(400)
                .body("error.code", equalTo("dispute_evidence_past_due"))
                .body("error.type", equalTo("invalid_request_error"));
        merchant.request().post("/v1/disputes/" + id + "/accept").then().statusCode(400)
                .body("error.code", equalTo("dispute_evidence_past_due"));
        assertEquals(true, get(id).getBoolean("evidence_details.past_due"));
        execute("UPDATE simulator_disputes SET evidence_due_by = now() - interval '1 minute' WHERE payment_id = ?",
                payment);
        JsonPath lost = awaitStatus(id, "lost");
        assertEquals(false, lost.getBoolean("evidence_details.has_evidence"));
        assertEquals(1200, disputedOf(payment));
    }

    @Test
    void listsFilterByPaymentAndStatusAndOthersSeeNothing() {
        String a = pay("pm_test_dispute", 1000);
        String b = pay("pm_test_dispute", 1000);
        String da = disputeOf(a).getString("id");
        String db = disputeOf(b).getString("id");
        merchant.request().post("/v1/disputes/" + db + "/accept").then().statusCode(200);
        merchant.request().get("/v1/disputes?status=needs_response").then().statusCode(200)
                .body("data.id", equalTo(List.of(da)));
        merchant.request().get("/v1/disputes?status=lost&limit=1").then().statusCode(200)
                .body("data.id", equalTo(List.of(db)));
        merchant.request().get("/v1/disputes").then().statusCode(200).body("data", hasSize(2))
                .body("data[0].id", equalTo(db));
        merchant.request().get("/v1/disputes?payment_id=pay_nothing").then().statusCode(200).body("data", hasSize(0));
        merchant.request().get("/v1/disputes?payment_id=nope").then().statusCode(400)
                .body("error.param", equalTo("payment_id"));
        merchant.request().get("/v1/disputes?status=open").then().statusCode(400).body("error.param", equalTo("status"));
        merchant.request().get("/v1/disputes/dp_unknown").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        merchant.request().get("/v1/disputes/%20").then().statusCode(404);
        TestCaller other = TestCaller.newTestMerchant();
        other.request().get("/v1/disputes/" + da).then().statusCode(404);
        other.request().post("/v1/disputes/" + da + "/accept").then().statusCode(404);
        other.request().get("/v1/disputes").then().statusCode(200).body("data", hasSize(0));
        merchant.request().get("/v1/payments/" + a).then().body("amount_disputed", equalTo(1000));
    }

    @Test
    void badEvidenceIsA400NamingTheParameter() {
        String id = disputeOf(pay("pm_test_dispute", 1000)).getString("id");
        merchant.request().body("{\"evidence\": {\"files\": [\"ftp://x\"]}}").post("/v1/disputes/" + id)
                .then().statusCode(400).body("error.param", equalTo("evidence[files]"));
        merchant.request().body("{\"evidence\": {\"shipping_tracking\": \"" + "9".repeat(201) + "\"}}")
                .post("/v1/disputes/" + id).then().statusCode(400)
                .body("error.param", equalTo("evidence[shipping_tracking]"));
        merchant.request().body("{\"evidence\": {\"color\": \"blue\"}}").post("/v1/disputes/" + id)
                .then().statusCode(400);
        merchant.request().body("{\"submit\": \"yes\"}").post("/v1/disputes/" + id).then().statusCode(400);
        merchant.request().body("[]").post("/v1/disputes/" + id).then().statusCode(400);
        assertEquals("needs_response", get(id).getString("status"));
    }

    @Test
    void instancesReadingTheSameNotificationsOpenEachDisputeOnce() throws Exception {
        // the scheduler runs too: with it, eight more readers race for the same notification
        String payment = pay("pm_test_dispute", 800);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                    while (System.nanoTime() < until) {
                        io.quarkus.arc.Arc.container().requestContext().activate();
                        try {
                            sync.sync(100);
                        } finally {
                            io.quarkus.arc.Arc.container().requestContext().terminate();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        disputeOf(payment);
        assertEquals(1, count("SELECT count(*) FROM disputes WHERE payment_id = ?", payment));
        assertEquals(800, disputedOf(payment));
        assertEquals(List.of("payment.created", "payment.succeeded", "dispute.created"),
                historyOf(payment));
        merchant.request().get("/v1/payments/" + payment).then().body("status", equalTo("succeeded"))
                .body("failure_code", nullValue());
    }

    /** The payment's events in the outbox, in their sequence order, checked gap-free from 1. */
    List<String> historyOf(String payment) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT event_type, (payload::json ->> 'sequence')::bigint AS seq FROM outbox
                 WHERE message_key = ? ORDER BY seq""")) {
            ps.setString(1, payment);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                    assertEquals(types.size(), rs.getLong(2), "gap-free sequence: " + types);
                }
            }
        }
        return types;
    }

    String simulatorState(String payment) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT state FROM simulator_disputes WHERE payment_id = ?")) {
            ps.setString(1, payment);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void execute(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
