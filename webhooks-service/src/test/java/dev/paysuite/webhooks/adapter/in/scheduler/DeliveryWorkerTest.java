package dev.paysuite.webhooks.adapter.in.scheduler;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.TestEvents;
import dev.paysuite.webhooks.testing.TestReceiver;
import dev.paysuite.webhooks.testing.TestReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fan-out and the delivery worker against PostgreSQL and a local receiver, with the test
 * profile's short schedule (retries 0.3 s apart, disabling after 4 s of failures).
 */
@QuarkusTest
class DeliveryWorkerTest {
    @RegisterExtension
    static final TestReceiver receiver = TestReceiver.open();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();

    static String path() {
        return "/" + UUID.randomUUID();
    }

    record Made(String id, String secret) {
    }

    Made endpoint(TestCaller caller, String path, List<String> events) {
        var r = caller.request().body(Map.of("url", receiver.url(path), "enabled_events", events))
                .post("/v1/webhook_endpoints").then().statusCode(201);
        return new Made(r.extract().path("id"), r.extract().path("secret"));
    }

    TestEvents events() {
        return new TestEvents(dataSource);
    }

    static void verifiedByTheOfficialLibrary(String secret, Received r) throws WebhookVerificationException {
        new Webhook(secret).verify(r.body(), Map.of("webhook-id", List.of(r.header("webhook-id")),
                "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                "webhook-signature", List.of(r.header("webhook-signature"))));
    }

    @Test
    void aSubscribedEndpointGetsTheEventSignedTheStandardWebhooksWay() throws Exception {
        String path = path();
        String other = path();
        Made endpoint = endpoint(merchant, path, List.of("payment.succeeded"));
        endpoint(merchant, other, List.of("refund.succeeded"));
        String evt = events().insert(merchant.merchantId(), "payment.succeeded");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        Received r = receiver.at(path).get(0);
        verifiedByTheOfficialLibrary(endpoint.secret(), r);
        assertEquals(evt, r.header("webhook-id"));
        assertEquals("application/json", r.header("content-type"));
        assertEquals("PaySuite-Webhooks/1.0", r.header("user-agent"));
        assertTrue(Math.abs(Long.parseLong(r.header("webhook-timestamp")) - Instant.now().getEpochSecond()) < 30);
        JsonNode body = JSON.readTree(r.body());
        assertEquals(evt, body.path("id").asText());
        assertEquals("event", body.path("object").asText());
        assertEquals("payment.succeeded", body.path("type").asText());
        assertFalse(body.path("livemode").asBoolean());
        assertEquals(1, body.path("sequence").asLong());
        assertTrue(body.path("data").isObject());
        assertEquals("café", body.path("data").path("note").asText());
        assertTrue(body.has("created_at"));

        // a tampered body is refused by the same library
        Received tampered = new Received(r.path(), r.headers(), r.body().replace("1000", "9999"), r.at(), 200);
        assertThrowsVerification(endpoint.secret(), tampered);

        // not subscribed: nothing; already fanned out: nothing more
        Thread.sleep(800);
        assertEquals(0, receiver.at(other).size());
        assertEquals(1, receiver.at(path).size());
        assertEquals(1, events().count("SELECT count(*) FROM events WHERE id = ? AND fanned_out", evt));
        merchant.request().get("/v1/webhook_endpoints/" + endpoint.id() + "/attempts").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].event_id", equalTo(evt))
                .body("data[0].status_code", equalTo(200)).body("data[0].attempt_number", equalTo(1))
                .body("data[0].succeeded", equalTo(true));
    }

    @Test
    void aDeliveryContinuesTheTraceItsEventWasConsumedInAndSendsItToTheReceiver() throws Exception {
        String path = path();
        Made endpoint = endpoint(merchant, path, List.of("payment.succeeded"));
        String trace = UUID.randomUUID().toString().replace("-", "");
        String consumedIn = "00-" + trace + "-00f067aa0ba902b7-01";
        // stored with the event, as the consumer does: a visible event may be claimed at once
        events().insert(merchant.merchantId(), "payment.succeeded", Instant.now(), consumedIn);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        Received r = receiver.at(path).get(0);
        String[] traceparent = r.header("traceparent").split("-");
        assertEquals(4, traceparent.length, r.header("traceparent"));
        assertEquals(trace, traceparent[1], "the event's trace");
        assertFalse(traceparent[2].equals("00f067aa0ba902b7"), "a span of the delivery's own, child of the consumer's");
        assertEquals("01", traceparent[3]);
        verifiedByTheOfficialLibrary(endpoint.secret(), r); // the header is beside the signature, not in it
    }

    @Test
    void anEventKeptWithoutATraceIsDeliveredInATraceOfItsOwn() throws Exception {
        String path = path();
        endpoint(merchant, path, List.of("payment.succeeded"));
        events().insert(merchant.merchantId(), "payment.succeeded");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        String traceparent = receiver.at(path).get(0).header("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
    }

    static void assertThrowsVerification(String secret, Received r) {
        try {
            verifiedByTheOfficialLibrary(secret, r);
        } catch (WebhookVerificationException expected) {
            return;
        }
        throw new AssertionError("a tampered delivery passed verification");
    }

    @Test
    void aReceiverThatFailsThreeTimesThenRecoversGetsTheEventOnceSuccessfully() throws Exception {
        String path = path();
        receiver.on(path, n -> n <= 3 ? 500 : 200, 0);
        Made endpoint = endpoint(merchant, path, List.of("*"));
        String evt = events().insert(merchant.merchantId(), "payment.failed");

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.at(path).size() >= 4);
        Thread.sleep(1500);
        List<Received> got = receiver.at(path);
        assertEquals(4, got.size());
        assertEquals(List.of(500, 500, 500, 200), got.stream().map(Received::answered).toList());
        for (Received r : got) {
            assertEquals(evt, r.header("webhook-id"));
            verifiedByTheOfficialLibrary(endpoint.secret(), r);
        }
        assertEquals(1, events().count("SELECT count(*) FROM deliveries WHERE event_id = ? AND state = 'SUCCEEDED'", evt));
        merchant.request().get("/v1/webhook_endpoints/" + endpoint.id() + "/attempts?event_id=" + evt).then()
                .statusCode(200).body("data.attempt_number", equalTo(List.of(4, 3, 2, 1)))
                .body("data.status_code", equalTo(List.of(200, 500, 500, 500))).body("total_count", equalTo(4));
        merchant.request().get("/v1/webhook_endpoints/" + endpoint.id() + "/attempts?limit=2").then()
                .statusCode(200).body("data.attempt_number", equalTo(List.of(4, 3))).body("has_more", equalTo(true));
        merchant.request().get("/v1/webhook_endpoints/" + endpoint.id()).then().body("status", equalTo("enabled"));
    }

    @Test
    void aSlowEndpointDoesNotDelayAnotherEndpointsDeliveries() {
        String slow = path();
        String fast = path();
        receiver.on(slow, n -> 200, 2500);
        endpoint(merchant, slow, List.of("*"));
        endpoint(merchant, fast, List.of("*"));
        Instant start = Instant.now();
        for (int i = 0; i < 8; i++) {
            events().insert(merchant.merchantId(), "payment.created");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(fast).size() == 8);
        Duration fastTook = Duration.between(start, Instant.now());
        assertTrue(receiver.at(slow).size() < 8, "the slow endpoint is still busy");
        assertTrue(fastTook.compareTo(Duration.ofMillis(4500)) < 0, "the fast endpoint waited " + fastTook);
        // the slow one gets everything too, never more than its share in flight at once
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(slow).size() == 8);
    }

    @Test
    void aClaimThatRanOutIsAttemptedAgainAndASucceededDeliveryNeverIs() throws Exception {
        String path = path();
        Made endpoint = endpoint(merchant, path, List.of("customer.created"));
        TestEvents db = events();
        // events another instance fanned out before it died: the table says so, no fan-out here
        String crashed = db.insert(merchant.merchantId(), "customer.created");
        String delivered = db.insert(merchant.merchantId(), "customer.created");
        String held = db.insert(merchant.merchantId(), "customer.created");
        db.update("UPDATE events SET fanned_out = true WHERE id IN (?, ?, ?)", crashed, delivered, held);
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
        Timestamp later = Timestamp.from(Instant.now().plusSeconds(4));
        // claimed by a worker that died mid-attempt (claim ran out), one attempt already recorded
        String crashedId = "whdel_crashed" + System.nanoTime();
        db.update("INSERT INTO deliveries (id, endpoint_id, event_id, state, attempts_made, first_attempt_at,"
                + " next_attempt_at, claimed_until, created_at) VALUES (?, ?, ?, 'PENDING', 1, ?, ?, ?, ?)",
                crashedId, endpoint.id(), crashed, past, past, past, past);
        db.update("INSERT INTO delivery_attempts (delivery_id, number, endpoint_id, event_id, at, status_code,"
                + " duration_ms, error) VALUES (?, 1, ?, ?, ?, NULL, 15000, 'timeout')", crashedId, endpoint.id(),
                crashed, past);
        // succeeded before the restart
        db.update("INSERT INTO deliveries (id, endpoint_id, event_id, state, attempts_made, first_attempt_at,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, 'SUCCEEDED', 1, ?, NULL, ?)",
                "whdel_done" + System.nanoTime(), endpoint.id(), delivered, past, past);
        // still held by a live worker for 4 more seconds
        db.update("INSERT INTO deliveries (id, endpoint_id, event_id, state, next_attempt_at, claimed_until,"
                + " created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?)",
                "whdel_held" + System.nanoTime(), endpoint.id(), held, past, later, past);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() >= 1);
        assertEquals(crashed, receiver.at(path).get(0).header("webhook-id"));
        Thread.sleep(1500);
        assertEquals(1, receiver.at(path).size(), "the held one waits for its claim to run out");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 2);
        assertEquals(held, receiver.at(path).get(1).header("webhook-id"));
        Thread.sleep(1000);
        assertTrue(receiver.at(path).stream().noneMatch(r -> r.header("webhook-id").equals(delivered)));
        assertEquals(2, events().count("SELECT max(number) FROM delivery_attempts WHERE event_id = ?", crashed),
                "the crashed delivery's attempt is its second");
    }

    @Test
    void rolledSecretsSignSideBySideDuringTheGrace() throws Exception {
        String path = path();
        Made endpoint = endpoint(merchant, path, List.of("*"));
        String rolled = merchant.request().post("/v1/webhook_endpoints/" + endpoint.id() + "/roll_secret").then()
                .statusCode(200).extract().path("secret");
        events().insert(merchant.merchantId(), "refund.succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        Received r = receiver.at(path).get(0);
        assertEquals(2, r.header("webhook-signature").split(" ").length);
        verifiedByTheOfficialLibrary(endpoint.secret(), r);
        verifiedByTheOfficialLibrary(rolled, r);
    }

    @Test
    void resendAndRecoverMakeNewDeliveries() throws Exception {
        String path = path();
        TestEvents db = events();
        String before = db.insert(merchant.merchantId(), "payment.succeeded", Instant.now().minusSeconds(3600));
        String old = db.insert(merchant.merchantId(), "payment.succeeded", Instant.now().minusSeconds(600));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("SELECT count(*) FROM events WHERE id IN (?, ?) AND fanned_out", before, old) == 2);
        Made endpoint = endpoint(merchant, path, List.of("payment.succeeded"));
        String unsubscribed = db.insert(merchant.merchantId(), "refund.failed", Instant.now().minusSeconds(300));
        String now = db.insert(merchant.merchantId(), "payment.succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        assertEquals(now, receiver.at(path).get(0).header("webhook-id"));

        // resend: one more delivery of an event, even one that succeeded
        merchant.request().body(Map.of("event_id", now)).post("/v1/webhook_endpoints/" + endpoint.id() + "/resend")
                .then().statusCode(200).body("event_id", equalTo(now)).body("state", equalTo("pending"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 2);
        assertEquals(now, receiver.at(path).get(1).header("webhook-id"));

        // recover since 20 minutes ago: the old event it never got, not the one it has, not unsubscribed ones
        long since = Instant.now().minusSeconds(1200).getEpochSecond();
        merchant.request().body(Map.of("since", Long.toString(since)))
                .post("/v1/webhook_endpoints/" + endpoint.id() + "/recover").then().statusCode(200)
                .body("deliveries_created", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 3);
        assertEquals(old, receiver.at(path).get(2).header("webhook-id"));
        Thread.sleep(800);
        assertEquals(3, receiver.at(path).size());
        assertTrue(receiver.at(path).stream().noneMatch(r -> r.header("webhook-id").equals(before)
                || r.header("webhook-id").equals(unsubscribed)));
        // another merchant's event cannot be resent here
        String foreign = db.insert(TestCaller.newTestMerchant().merchantId(), "payment.succeeded");
        merchant.request().body(Map.of("event_id", foreign)).post("/v1/webhook_endpoints/" + endpoint.id() + "/resend")
                .then().statusCode(404);
    }

    @Test
    void anEndpointFailingLongerThanDisableAfterIsDisabledAndAnEventSaysSo() throws Exception {
        String path = path();
        receiver.on(path, n -> 503, 0);
        TestCaller m = TestCaller.newTestMerchant();
        Made endpoint = endpoint(m, path, List.of("payment.succeeded"));
        String watcherPath = path();
        endpoint(m, watcherPath, List.of("endpoint.disabled"));
        events().insert(m.merchantId(), "payment.succeeded");

        await().atMost(Duration.ofSeconds(20)).until(() -> "disabled".equals(m.request()
                .get("/v1/webhook_endpoints/" + endpoint.id()).then().extract().path("status")));
        TestEvents db = events();
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE type = 'endpoint.disabled' AND merchant_id = ?"
                + " AND NOT livemode AND sequence IS NULL AND position IS NOT NULL AND source_topic = 'webhooks-service'",
                m.merchantId()));
        String data = db.string("SELECT data FROM events WHERE type = 'endpoint.disabled' AND merchant_id = ?",
                m.merchantId());
        JsonNode json = JSON.readTree(data);
        assertEquals(endpoint.id(), json.path("id").asText());
        assertEquals("disabled", json.path("status").asText());
        assertFalse(json.has("secret"));
        assertFalse(data.contains(endpoint.secret().substring(6)));
        assertEquals(0, db.count("SELECT count(*) FROM deliveries WHERE endpoint_id = ? AND state = 'PENDING'",
                endpoint.id()));
        // the merchant's other endpoint hears of it
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(watcherPath).size() == 1);
        JsonNode announced = JSON.readTree(receiver.at(watcherPath).get(0).body());
        assertEquals("endpoint.disabled", announced.path("type").asText());
        assertEquals(endpoint.id(), announced.path("data").path("id").asText());
        assertTrue(announced.path("sequence").isNull());
        // disabled: nothing more is sent; enabling again redelivers nothing by itself
        int attempts = receiver.at(path).size();
        m.request().body(Map.of("status", "enabled")).post("/v1/webhook_endpoints/" + endpoint.id()).then()
                .statusCode(200);
        Thread.sleep(1500);
        assertEquals(attempts, receiver.at(path).size());
        assertNull(receiver.at(path).stream().filter(r -> r.answered() == 200).findAny().orElse(null));
    }

    @Test
    void timeoutsAndRedirectsAreFailuresAndALongAnswerIsReadNoFurtherThanItsBound() {
        String slow = path();
        String moved = path();
        // first a receiver slower than the 3 s timeout, then a 2xx with a 5 MB body
        receiver.on(slow, n -> 200, n -> n == 1 ? 4500 : 0, n -> n == 1 ? 0 : 5_000_000);
        receiver.on(moved, n -> n == 1 ? 302 : 200, 0);
        Made slowOne = endpoint(merchant, slow, List.of("payment.created"));
        Made movedOne = endpoint(merchant, moved, List.of("payment.created"));
        String evt = events().insert(merchant.merchantId(), "payment.created");

        await().atMost(Duration.ofSeconds(15)).until(() -> events().count("SELECT count(*) FROM deliveries"
                + " WHERE event_id = ? AND state = 'SUCCEEDED'", evt) == 2);
        merchant.request().get("/v1/webhook_endpoints/" + slowOne.id() + "/attempts").then().statusCode(200)
                .body("data.status_code", equalTo(java.util.Arrays.asList(200, null)))
                .body("data[1].error", org.hamcrest.Matchers.startsWith("timeout"))
                .body("data[0].duration_ms", org.hamcrest.Matchers.lessThan(3000));
        merchant.request().get("/v1/webhook_endpoints/" + movedOne.id() + "/attempts").then().statusCode(200)
                .body("data.status_code", equalTo(List.of(200, 302))).body("data[1].succeeded", equalTo(false));
        assertTrue(receiver.at("/redirected" + moved).isEmpty(), "redirects are not followed");
    }
}
