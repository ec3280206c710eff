package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 through the gateway against the real services: the simulator disputes a charge of test
 * card 4000000000000259 (2 s after it here), the merchant sees the money held (the payment's
 * {@code amount_disputed}; refunds-service refuses a refund of it), answers with evidence and
 * submits it, and the issuer's decision arrives later and releases the money; an accepted dispute
 * is lost; evidence after the deadline (40 s here) is refused and the dispute lost. Each dispute
 * event is in the payment's gap-free history, delivered as a signed webhook, under the brief's
 * name {@code chargeback.created} too, and in seed 001's dialect.
 */
@ExtendWith(Suite.Extension.class)
class DisputesThroughGatewayIT {
    static final String DISPUTED_CARD = "4000000000000259";
    static final ObjectMapper JSON = new ObjectMapper();

    static RequestSpecification as(String apiKey) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static String pay(String key, String paymentMethod, long amount) {
        return as(key).body("{\"amount\": " + amount + ", \"currency\": \"USD\", " + paymentMethod + "}")
                .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded")).extract().path("id");
    }

    static String inlineCard(String number) {
        return "\"payment_method\": {\"type\": \"card\", \"card_number\": \"" + number
                + "\", \"exp_month\": 12, \"exp_year\": 2034, \"cvc\": \"123\"}";
    }

    /** The payment's dispute, once the acquirer told of it. */
    static JsonPath disputeOf(String key, String payment) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> as(key)
                .queryParam("payment_id", payment).get("/v1/disputes").then().statusCode(200).extract().jsonPath()
                .getList("data").size() == 1);
        return as(key).queryParam("payment_id", payment).get("/v1/disputes").then().extract().jsonPath()
                .setRootPath("data[0]");
    }

    static JsonPath awaitStatus(String key, String dispute, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> status.equals(
                as(key).get("/v1/disputes/" + dispute).then().statusCode(200).extract().path("status")));
        return as(key).get("/v1/disputes/" + dispute).then().extract().jsonPath();
    }

    /** Waits until refunds-service answers a refund of {@code amount} with {@code code} (a refused refund changes nothing). */
    static void awaitRefundRefused(String key, String payment, long amount, String code) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> code.equals(
                as(key).body("{\"amount\": " + amount + "}").post("/v1/payments/" + payment + "/refunds").then()
                        .extract().path("error.code")));
    }

    @Test
    void aDisputeIsOpenedAnsweredAndWonAndTheMoneyMovesWithIt() throws Exception {
        Map<String, List<String[]>> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/hooks", "/alias", "/seed001")) {
            received.put(path, new CopyOnWriteArrayList<>());
            receiver.createContext(path, exchange -> {
                var h = exchange.getRequestHeaders();
                received.get(path).add(new String[] {
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature")});
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
        }
        receiver.start();
        List<String> endpoints = new ArrayList<>();
        String key = Merchants.create().apiKey();
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            JsonPath hooks = as(key).body("{\"url\": \"" + base + "/hooks\", \"enabled_events\": [\"dispute.created\","
                    + " \"dispute.updated\", \"dispute.closed\"]}").post("/v1/webhook_endpoints").then().statusCode(201)
                    .extract().jsonPath();
            JsonPath alias = as(key).body("{\"url\": \"" + base + "/alias\", \"enabled_events\": [\"chargeback.created\"]}")
                    .post("/v1/webhook_endpoints").then().statusCode(201).extract().jsonPath();
            JsonPath seed001 = Seed001ConformanceIT.as(key).body("{\"url\": \"" + base + "/seed001\", \"events\": "
                    + "[\"chargeback.created\"]}").post("/webhook_endpoints").then().statusCode(201).extract().jsonPath();
            endpoints.addAll(List.of(hooks.getString("id"), alias.getString("id"), seed001.getString("id")));

            // The card goes in through the vault, is charged, and disputed a moment later
            String payment = pay(key, inlineCard(DISPUTED_CARD), 5000);
            JsonPath d = disputeOf(key, payment);
            String dispute = d.getString("id");
            assertTrue(dispute.startsWith("dp_"), dispute);
            assertEquals(5000, d.getLong("amount"));
            assertEquals("fraudulent", d.getString("reason"));
            assertEquals("needs_response", d.getString("status"));
            assertEquals(payment, d.getString("payment_id"));
            Instant due = Instant.parse(d.getString("evidence_details.due_by"));
            assertTrue(due.isAfter(Instant.now()), "evidence is due later: " + due);
            as(key).get("/v1/payments/" + payment).then().statusCode(200).body("amount_disputed", equalTo(5000))
                    .body("status", equalTo("succeeded"));
            as(key).queryParam("status", "needs_response").get("/v1/disputes").then().statusCode(200)
                    .body("data.id", equalTo(List.of(dispute)));

            // refunds-service learns of it: nothing is left to refund while the dispute holds it all
            awaitRefundRefused(key, payment, 1, "payment_disputed");
            as(key).body("{\"amount\": 1}").post("/v1/payments/" + payment + "/refunds").then().statusCode(422)
                    .body("error.type", equalTo("invalid_request_error")).body("error.message", containsString("dispute"));

            // Evidence in two parts, then submitted: under review, decided by the issuer afterwards
            as(key).body("{\"evidence\": {\"product_description\": \"A blue ceramic mug\", \"files\": [\"file_invoice\"]}}")
                    .post("/v1/disputes/" + dispute).then().statusCode(200).body("status", equalTo("needs_response"))
                    .body("evidence_details.has_evidence", equalTo(true));
            as(key).header("Idempotency-Key", "submit-" + dispute)
                    .body("{\"evidence\": {\"shipping_tracking\": \"1Z999AA10123456784\"}}")
                    .post("/v1/disputes/" + dispute + "/submit").then().statusCode(200)
                    .body("status", equalTo("under_review")).body("evidence.product_description", equalTo("A blue ceramic mug"))
                    .body("evidence.files", equalTo(List.of("file_invoice")))
                    .body("evidence_details.submission_count", equalTo(1));
            JsonPath won = awaitStatus(key, dispute, "won");
            assertEquals(won.getString("updated_at"), won.getString("closed_at"));
            as(key).get("/v1/payments/" + payment).then().body("amount_disputed", equalTo(0));

            // Won: the money is the merchant's again, and can be refunded
            awaitRefundRefused(key, payment, 5001, "amount_exceeds_refundable");
            as(key).body("{\"amount\": 2000}").post("/v1/payments/" + payment + "/refunds").then().statusCode(200)
                    .body("status", equalTo("succeeded"));

            // The payment's history: gap-free, the dispute's events in it (the Events API, through the gateway)
            List<String> expected = List.of("payment.created", "payment.succeeded", "dispute.created", "dispute.updated",
                    "dispute.updated", "dispute.closed", "refund.created", "refund.succeeded", "payment.refunded");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(expected, historyOf(key, payment)));

            // Webhooks: each dispute event, signed; the brief's name; seed 001's chargeback.created
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(
                    List.of("dispute.created", "dispute.updated", "dispute.updated", "dispute.closed"),
                    types(received.get("/hooks"))));
            verify(hooks.getString("secret"), received.get("/hooks"));
            await().atMost(Duration.ofSeconds(60)).until(() -> !received.get("/alias").isEmpty()
                    && !received.get("/seed001").isEmpty());
            verify(alias.getString("secret"), received.get("/alias"));
            verify(seed001.getString("secret"), received.get("/seed001"));
            Thread.sleep(1500); // and nothing more comes to those two
            assertEquals(List.of("dispute.created"), types(received.get("/alias")));
            JsonNode chargeback = JSON.readTree(received.get("/seed001").get(0)[0]);
            assertEquals(1, received.get("/seed001").size());
            assertEquals("chargeback.created", chargeback.get("type").asText());
            assertEquals(payment, chargeback.at("/data/payment_id").asText());
            assertEquals(dispute, chargeback.at("/data/chargeback_id").asText());
            assertEquals(5000, chargeback.at("/data/amount").asLong());
            assertEquals("USD", chargeback.at("/data/currency").asText());
            JsonNode created = null;
            for (String[] delivery : received.get("/hooks")) {
                JsonNode event = JSON.readTree(delivery[0]);
                if (event.get("type").asText().equals("dispute.created")) {
                    created = event;
                }
            }
            assertEquals(dispute, created.at("/data/id").asText());
            assertEquals("needs_response", created.at("/data/status").asText());
            assertEquals(3, created.get("sequence").asLong(), "the payment's third event");
        } finally {
            for (String endpoint : endpoints) {
                as(key).delete("/v1/webhook_endpoints/" + endpoint);
            }
            receiver.stop(0);
        }
    }

    @Test
    void anAcceptedDisputeIsLostAndTheMoneyStaysWithTheCardholder() {
        String key = Merchants.create().apiKey();
        String payment = pay(key, "\"payment_method_id\": \"pm_test_dispute\"", 3000);
        String dispute = disputeOf(key, payment).getString("id");
        as(key).post("/v1/disputes/" + dispute + "/accept").then().statusCode(200).body("status", equalTo("lost"))
                .body("closed_at", notNullValue());
        as(key).post("/v1/disputes/" + dispute + "/accept").then().statusCode(400)
                .body("error.code", equalTo("dispute_unexpected_state"));
        as(key).body("{\"evidence\": {\"refund_policy\": \"30 days\"}}").post("/v1/disputes/" + dispute).then()
                .statusCode(400).body("error.code", equalTo("dispute_unexpected_state"));
        as(key).get("/v1/payments/" + payment).then().body("amount_disputed", equalTo(3000));
        awaitRefundRefused(key, payment, 1, "payment_disputed");
        as(key).queryParam("status", "lost").get("/v1/disputes").then().statusCode(200)
                .body("data.id", equalTo(List.of(dispute)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of("payment.created",
                "payment.succeeded", "dispute.created", "dispute.closed"), historyOf(key, payment)));
    }

    @Test
    void afterTheDeadlineEvidenceIsRefusedAndTheIssuerDecidesItLost() throws Exception {
        String key = Merchants.create().apiKey();
        String payment = pay(key, "\"payment_method_id\": \"pm_test_dispute_product_not_received\"", 1200);
        JsonPath d = disputeOf(key, payment);
        String dispute = d.getString("id");
        assertEquals("product_not_received", d.getString("reason"));
        as(key).body("{\"evidence\": {\"customer_communication\": \"They confirmed delivery.\"}}")
                .post("/v1/disputes/" + dispute).then().statusCode(200).body("status", equalTo("needs_response"));
        Instant due = Instant.parse(d.getString("evidence_details.due_by"));
        long wait = Duration.between(Instant.now(), due).toMillis() + 1500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        as(key).post("/v1/disputes/" + dispute + "/submit").then().statusCode(400)
                .body("error.code", equalTo("dispute_evidence_past_due"))
                .body("error.type", equalTo("invalid_request_error"));
        JsonPath lost = awaitStatus(key, dispute, "lost");
        assertEquals(true, lost.getBoolean("evidence_details.has_evidence"));
        assertEquals(0, lost.getInt("evidence_details.submission_count"));
        as(key).get("/v1/payments/" + payment).then().body("amount_disputed", equalTo(1200));
    }

    @Test
    void scopesAndMerchantsKeepDisputesApart() {
        Merchants.Merchant merchant = Merchants.create();
        String payment = pay(merchant.apiKey(), "\"payment_method_id\": \"pm_test_dispute\"", 900);
        String dispute = disputeOf(merchant.apiKey(), payment).getString("id");
        String reader = Merchants.restrictedKey(merchant, "payments:read");
        as(reader).get("/v1/disputes/" + dispute).then().statusCode(200).body("id", equalTo(dispute));
        as(reader).get("/v1/disputes").then().statusCode(200).body("data.size()", equalTo(1));
        as(reader).post("/v1/disputes/" + dispute + "/accept").then().statusCode(403)
                .body("error.code", equalTo("insufficient_permissions"))
                .body("error.message", containsString("payments:write"));
        String refunder = Merchants.restrictedKey(merchant, "refunds:read refunds:write");
        as(refunder).get("/v1/disputes").then().statusCode(403);
        String other = Merchants.create().apiKey();
        as(other).get("/v1/disputes/" + dispute).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        as(other).post("/v1/disputes/" + dispute + "/accept").then().statusCode(404);
        as(other).body("{\"evidence\": {\"refund_policy\": \"none\"}}").post("/v1/disputes/" + dispute).then()
                .statusCode(404);
        as(other).queryParam("payment_id", payment).get("/v1/disputes").then().statusCode(200)
                .body("data.size()", equalTo(0));
        as(merchant.apiKey()).get("/v1/disputes/" + dispute).then().statusCode(200)
                .body("status", equalTo("needs_response"));
    }

    @Test
    void theCustomersConversationGetsTheDisputeWithdrawnAndTheMoneyReleased() {
        String key = Merchants.create().apiKey();
        String payment = pay(key, "\"payment_method_id\": \"pm_test_dispute_product_not_received\"", 2500);
        String dispute = disputeOf(key, payment).getString("id");
        as(key).body("{\"submit\": true, \"evidence\": {\"customer_communication\": \"They wrote: it arrived, thanks!\"}}")
                .post("/v1/disputes/" + dispute).then().statusCode(200).body("status", equalTo("under_review"));
        as(key).get("/v1/payments/" + payment).then().body("amount_disputed", equalTo(2500));
        awaitStatus(key, dispute, "closed");
        as(key).get("/v1/payments/" + payment).then().body("amount_disputed", equalTo(0));
        awaitRefundRefused(key, payment, 2501, "amount_exceeds_refundable");
        as(key).queryParam("status", "closed").queryParam("payment_id", payment).get("/v1/disputes").then()
                .statusCode(200).body("data.id", equalTo(List.of(dispute)));
    }

    /**
     * The fault invariant: two payments-service instances read the acquirer's notifications, and the
     * first is killed ({@code kill -9}) while the disputes open. Afterwards every disputed payment has
     * exactly one dispute, announced once, holding its amount.
     */
    @Test
    void twoInstancesAndAKillOpenEachDisputeExactlyOnce() throws Exception {
        Suite suite = Suite.running();
        suite.secondPayments();
        try {
            Merchants.Merchant merchant = Merchants.create();
            List<String> payments = new ArrayList<>();
            Instant first = Instant.now();
            for (int i = 0; i < 12; i++) {
                payments.add(pay(merchant.apiKey(), "\"payment_method_id\": \"pm_test_dispute\"", 1000 + i));
            }
            // Their disputes open from 2 s after each charge, read by both instances' schedulers (every second)
            while (Instant.now().isBefore(first.plusMillis(2600))) {
                Thread.sleep(100);
            }
            Process killed = suite.process("payments-service");
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            suite.restart("payments-service");
            for (int i = 0; i < payments.size(); i++) {
                String payment = payments.get(i);
                disputeOf(merchant.apiKey(), payment);
                as(merchant.apiKey()).get("/v1/payments/" + payment).then().statusCode(200)
                        .body("amount_disputed", equalTo(1000 + i));
                assertEquals(1, count("SELECT count(*) FROM disputes WHERE payment_id = ?", payment), payment);
                assertEquals(1, count("SELECT count(*) FROM outbox WHERE message_key = ? AND event_type = 'dispute.created'",
                        payment), "one dispute.created for " + payment);
                assertEquals(1, count("SELECT count(*) FROM simulator_disputes WHERE payment_id = ? AND state <> 'opening'",
                        payment), "the acquirer's notification acknowledged: " + payment);
            }
        } finally {
            suite.stopSecondPayments();
        }
    }

    static int count(String sql, String parameter) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(Suite.jdbc("payments"), "postgres", "");
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The types of the payment's events in the Events API, in the order of their sequence, checked gap-free. */
    static List<String> historyOf(String key, String payment) {
        List<Map<String, Object>> events = as(key).queryParam("limit", 100).get("/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("data");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            if (payment.equals(data.get("id")) || payment.equals(data.get("payment_id"))) {
                mine.add(e);
            }
        }
        mine.sort(Comparator.comparingLong(e -> ((Number) e.get("sequence")).longValue()));
        List<String> types = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(i + 1, ((Number) mine.get(i).get("sequence")).longValue(), "gap-free: " + mine);
            types.add((String) mine.get(i).get("type"));
        }
        return types;
    }

    static List<String> types(List<String[]> deliveries) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String[] d : deliveries) {
            events.add(JSON.readTree(d[0]));
        }
        events.sort(Comparator.comparingLong(e -> e.path("sequence").asLong()));
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    static void verify(String secret, List<String[]> deliveries) throws Exception {
        Webhook verifier = new Webhook(secret);
        for (String[] d : deliveries) {
            verifier.verify(d[0], Map.of("webhook-id", List.of(d[1]), "webhook-timestamp", List.of(d[2]),
                    "webhook-signature", List.of(d[3])));
        }
    }
}
