package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 through the gateway against the real services: subscriptions on a test clock, a failed
 * cycle retried (dunning) until the customer's new default method pays it, the next cycle, a
 * cancel at the period's end, an authorization that expires on the clock, each with its webhooks;
 * real-time subscriptions, pause and resume, and the refusals (live mode, scopes, other merchants,
 * bad input).
 */
@ExtendWith(Suite.Extension.class)
class SubscriptionsThroughGatewayIT {
    static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");
    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    static RequestSpecification as(String apiKey) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static String card(String key, String customer, String number) {
        return as(key).body("{\"type\": \"card\", \"customer_id\": \"" + customer + "\", \"card\": {\"number\": \""
                + number + "\", \"exp_month\": 12, \"exp_year\": 2034, \"cvc\": \"123\"}}").post("/v1/payment_methods")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath advance(String key, String clock, Instant to) {
        return as(key).body("{\"frozen_time\": " + to.getEpochSecond() + "}").post("/v1/test_clocks/" + clock + "/advance")
                .then().statusCode(200).body("status", equalTo("ready")).body("frozen_time", equalTo((int) to.getEpochSecond()))
                .extract().jsonPath();
    }

    static JsonPath subscription(String key, String id) {
        return as(key).get("/v1/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTestClockRunsDunningToPastDueThenANewDefaultMethodPaysAndItEndsAtThePeriodsEnd() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String[]> signed = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var h = exchange.getRequestHeaders();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            signed.add(new String[] {body, h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = Merchants.create().apiKey();
            String secret = as(key).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\","
                    + " \"enabled_events\": [\"subscription.created\", \"subscription.updated\", \"subscription.canceled\","
                    + " \"payment.succeeded\", \"payment.failed\", \"payment.canceled\"]}")
                    .post("/v1/webhook_endpoints").then().statusCode(201).extract().path("secret");

            String clock = as(key).body("{\"name\": \"dunning\", \"frozen_time\": " + T0.getEpochSecond() + "}")
                    .post("/v1/test_clocks").then().statusCode(201).body("object", equalTo("test_clock"))
                    .body("status", equalTo("ready")).body("frozen_time", equalTo((int) T0.getEpochSecond()))
                    .extract().path("id");
            String customer = as(key).body("{\"name\": \"On a clock\", \"test_clock\": \"" + clock + "\"}")
                    .post("/v1/customers").then().statusCode(201).body("test_clock", equalTo(clock)).extract().path("id");
            String declined = card(key, customer, DECLINED_CARD);

            // The first cycle is due at once (the clock's time): declined, so past_due and a retry in a day
            String sub = as(key).body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + declined
                    + "\", \"amount\": 2000, \"currency\": \"USD\", \"interval\": \"month\", \"metadata\": {\"plan\": \"pro\"}}")
                    .post("/v1/subscriptions").then().statusCode(201).body("object", equalTo("subscription"))
                    .body("test_clock", equalTo(clock)).body("status", equalTo("past_due"))
                    .body("attempt_count", equalTo(1)).body("cycles_paid", equalTo(0))
                    .body("current_period_start", equalTo("2027-03-01T09:00:00Z"))
                    .body("current_period_end", equalTo("2027-04-01T09:00:00Z"))
                    .body("next_attempt_at", equalTo("2027-03-02T09:00:00Z"))
                    .body("metadata.plan", equalTo("pro")).extract().path("id");
            as(key).queryParam("subscription", sub).get("/v1/payments").then().statusCode(200)
                    .body("data.size()", equalTo(1)).body("data[0].status", equalTo("failed"))
                    .body("data[0].subscription", equalTo(sub)).body("data[0].test_clock", equalTo(clock))
                    .body("data[0].created_at", equalTo("2027-03-01T09:00:00Z"));

            // A day later the retry fails too
            advance(key, clock, T0.plus(Duration.ofDays(1)).plusSeconds(3600));
            JsonPath s = subscription(key, sub);
            assertEquals("past_due", s.getString("status"));
            assertEquals(2, s.getInt("attempt_count"));
            assertEquals("2027-03-04T09:00:00Z", s.getString("next_attempt_at"));

            // The customer's default method changes: the next retry uses it and pays the cycle
            String good = card(key, customer, GOOD_CARD);
            as(key).body("{\"default_payment_method_id\": \"" + good + "\"}").post("/v1/customers/" + customer).then()
                    .statusCode(200);
            advance(key, clock, T0.plus(Duration.ofDays(3)).plusSeconds(3600));
            s = subscription(key, sub);
            assertEquals("active", s.getString("status"));
            assertEquals(good, s.getString("payment_method_id"));
            assertEquals(1, s.getInt("cycles_paid"));
            assertEquals("2027-04-01T09:00:00Z", s.getString("next_attempt_at"));

            // A month on, the second cycle is paid; then canceled at the period's end, it ends there
            advance(key, clock, Instant.parse("2027-04-01T10:00:00Z"));
            s = subscription(key, sub);
            assertEquals(2, s.getInt("cycles_paid"));
            assertEquals("2027-04-01T09:00:00Z", s.getString("current_period_start"));
            as(key).body("{\"at_period_end\": true}").post("/v1/subscriptions/" + sub + "/cancel").then()
                    .statusCode(200).body("status", equalTo("active")).body("cancel_at_period_end", equalTo(true));
            advance(key, clock, Instant.parse("2027-05-01T10:00:00Z"));
            as(key).get("/v1/subscriptions/" + sub).then().statusCode(200).body("status", equalTo("canceled"))
                    .body("cancellation_reason", equalTo("requested")).body("cycles_paid", equalTo(2))
                    .body("canceled_at", equalTo("2027-05-01T09:00:00Z"));
            as(key).queryParam("subscription", sub).get("/v1/payments").then().statusCode(200)
                    .body("data.size()", equalTo(4))
                    .body("data.status", equalTo(List.of("succeeded", "succeeded", "failed", "failed")));
            as(key).queryParam("customer_id", customer).queryParam("status", "canceled").get("/v1/subscriptions")
                    .then().statusCode(200).body("data.id", equalTo(List.of(sub)));

            // An authorization held on the clock expires after 7 days of its time
            String held = as(key).body("{\"amount\": 900, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                    + " \"capture_method\": \"manual\", \"test_clock\": \"" + clock + "\"}").post("/v1/payments").then()
                    .statusCode(201).body("status", equalTo("requires_capture")).body("test_clock", equalTo(clock))
                    .extract().path("id");
            advance(key, clock, Instant.parse("2027-05-07T10:00:00Z"));
            as(key).get("/v1/payments/" + held).then().statusCode(200).body("status", equalTo("requires_capture"));
            advance(key, clock, Instant.parse("2027-05-08T11:00:00Z"));
            as(key).get("/v1/payments/" + held).then().statusCode(200).body("status", equalTo("canceled"))
                    .body("cancellation_reason", equalTo("expired"));

            // Their events: in the Events API and delivered, signed, to the endpoint
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(key).queryParam("type", "subscription.updated")
                    .queryParam("limit", 100).get("/v1/events").then().statusCode(200)
                    .body("data.data.id", hasItem(sub)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(key).queryParam("type", "subscription.canceled")
                    .get("/v1/events").then().statusCode(200)
                    .body("data.size()", equalTo(1)).body("data[0].data.id", equalTo(sub))
                    .body("data[0].data.status", equalTo("canceled")));
            as(key).queryParam("type", "subscription.created").get("/v1/events").then().statusCode(200)
                    .body("data.size()", equalTo(1));
            List<String> expected = List.of("subscription.created", "subscription.updated", "subscription.canceled",
                    "payment.failed", "payment.succeeded", "payment.canceled");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertTrue(
                    types(received).containsAll(expected), "webhooks received so far: " + types(received)));
            Webhook verifier = new Webhook(secret);
            for (String[] d : signed) {
                verifier.verify(d[0], Map.of("webhook-id", List.of(d[1]), "webhook-timestamp", List.of(d[2]),
                        "webhook-signature", List.of(d[3])));
            }
            assertEquals(2, types(received).stream().filter("payment.failed"::equals).count(), "each failed attempt");
        } finally {
            receiver.stop(0);
        }
    }

    static List<String> types(List<String> bodies) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        for (String body : bodies) {
            JsonNode event = json.readTree(body);
            types.add(event.get("type").asText());
        }
        return types;
    }

    @Test
    void aRealTimeSubscriptionIsChargedAtOnceAndPausesAndResumes() {
        String key = Merchants.create().apiKey();
        String customer = as(key).body("{\"name\": \"Real time\"}").post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String method = card(key, customer, GOOD_CARD);
        String sub = as(key).header("Idempotency-Key", "sub-" + customer)
                .body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                        + "\", \"amount\": 1500, \"currency\": \"EUR\", \"interval\": \"week\", \"interval_count\": 2,"
                        + " \"cycles\": 3}")
                .post("/v1/subscriptions").then().statusCode(201).body("status", equalTo("active"))
                .body("cycles_paid", equalTo(1)).body("latest_payment", org.hamcrest.Matchers.startsWith("pay_"))
                .body("test_clock", nullValue()).extract().path("id");
        // The same key and body replay the subscription: no second one, no second charge
        as(key).header("Idempotency-Key", "sub-" + customer)
                .body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                        + "\", \"amount\": 1500, \"currency\": \"EUR\", \"interval\": \"week\", \"interval_count\": 2,"
                        + " \"cycles\": 3}")
                .post("/v1/subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(sub));
        as(key).queryParam("subscription", sub).get("/v1/payments").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].amount", equalTo(1500))
                .body("data[0].currency", equalTo("EUR")).body("data[0].customer_id", equalTo(customer));

        as(key).post("/v1/subscriptions/" + sub + "/pause").then().statusCode(200).body("status", equalTo("paused"))
                .body("next_attempt_at", nullValue());
        as(key).post("/v1/subscriptions/" + sub + "/resume").then().statusCode(200).body("status", equalTo("active"));
        as(key).post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(200).body("status", equalTo("canceled"));
        as(key).post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(409)
                .body("error.code", equalTo("subscription_already_canceled"));
        as(key).post("/v1/subscriptions/" + sub + "/resume").then().statusCode(400)
                .body("error.code", equalTo("subscription_unexpected_state"));
        as(key).queryParam("customer_id", customer).get("/v1/subscriptions").then().statusCode(200)
                .body("data.id", equalTo(List.of(sub))).body("data.status", everyItem(equalTo("canceled")));
    }

    @Test
    void badInputOtherMerchantsLiveModeAndScopesAreRefused() {
        Merchants.Merchant merchant = Merchants.create();
        String key = merchant.apiKey();
        String customer = as(key).body("{\"name\": \"Refusals\"}").post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String method = card(key, customer, GOOD_CARD);
        String valid = "{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                + "\", \"amount\": 500, \"currency\": \"USD\", \"interval\": \"month\"%s}";
        as(key).body("{\"customer_id\": \"" + customer + "\", \"payment_method_id\": \"" + method
                + "\", \"amount\": 500, \"currency\": \"USD\", \"interval\": \"fortnight\"}").post("/v1/subscriptions")
                .then().statusCode(400).body("error.param", equalTo("interval"));
        as(key).body(valid.formatted(", \"start_at\": 1000")).post("/v1/subscriptions").then().statusCode(400)
                .body("error.param", equalTo("start_at"));
        as(key).body(valid.formatted(", \"bogus\": 1")).post("/v1/subscriptions").then().statusCode(400)
                .body("error.param", equalTo("bogus"));
        as(key).body(valid.formatted("").replace(customer, "cus_nobody")).post("/v1/subscriptions").then().statusCode(400)
                .body("error.param", equalTo("customer_id"));
        String otherCustomer = as(key).body("{\"name\": \"Other\"}").post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        as(key).body(valid.formatted("").replace(customer, otherCustomer)).post("/v1/subscriptions").then().statusCode(400)
                .body("error.param", equalTo("payment_method_id"));
        as(key).body(valid.formatted(", \"test_clock\": \"clock_nothere\"")).post("/v1/subscriptions").then()
                .statusCode(400).body("error.param", equalTo("test_clock"));
        String sub = as(key).body(valid.formatted("")).post("/v1/subscriptions").then().statusCode(201)
                .extract().path("id");
        String clock = as(key).body("{}").post("/v1/test_clocks").then().statusCode(201).extract().path("id");
        as(key).body("{\"frozen_time\": 100}").post("/v1/test_clocks/" + clock + "/advance").then().statusCode(400)
                .body("error.param", equalTo("frozen_time"));
        as(key).body("{}").post("/v1/test_clocks/" + clock + "/advance").then().statusCode(400)
                .body("error.param", equalTo("frozen_time"));

        // Another merchant sees none of it
        String other = Merchants.create().apiKey();
        as(other).get("/v1/subscriptions/" + sub).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(other).post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(404);
        as(other).get("/v1/test_clocks/" + clock).then().statusCode(404);
        as(other).body("{\"frozen_time\": " + Instant.now().plusSeconds(86_400).getEpochSecond() + "}")
                .post("/v1/test_clocks/" + clock + "/advance").then().statusCode(404);
        as(other).get("/v1/subscriptions").then().statusCode(200).body("data.size()", equalTo(0));

        // Live mode has no test clocks
        String live = Merchants.liveKey(merchant);
        as(live).body("{}").post("/v1/test_clocks").then().statusCode(400)
                .body("error.code", equalTo("test_mode_only"));
        as(live).get("/v1/test_clocks").then().statusCode(400).body("error.code", equalTo("test_mode_only"));

        // Scopes: payments:read reads subscriptions and clocks, and changes nothing
        String reader = Merchants.restrictedKey(merchant, "payments:read");
        as(reader).get("/v1/subscriptions/" + sub).then().statusCode(200);
        as(reader).get("/v1/test_clocks/" + clock).then().statusCode(200);
        as(reader).post("/v1/subscriptions/" + sub + "/cancel").then().statusCode(403);
        as(reader).body("{}").post("/v1/test_clocks").then().statusCode(403);
        String refundsOnly = Merchants.restrictedKey(merchant, "refunds:read");
        as(refundsOnly).get("/v1/subscriptions").then().statusCode(403);
        as(key).get("/v1/subscriptions/" + sub).then().statusCode(200).body("status", equalTo("active"));
    }
}
