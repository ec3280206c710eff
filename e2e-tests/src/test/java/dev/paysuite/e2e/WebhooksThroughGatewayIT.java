package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks as a merchant gets them: an endpoint registered through the gateway, a payment and a
 * refund made through it, and a receiver on this machine that verifies every delivery with the
 * official Standard Webhooks library and orders them by the Event's per-payment sequence.
 */
@ExtendWith(Suite.Extension.class)
class WebhooksThroughGatewayIT {
    record Delivery(Map<String, List<String>> headers, String body) {
    }

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void aPaymentAndARefundReachTheReceiverSignedAndInOrder() throws Exception {
        List<Delivery> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new Delivery(exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = Merchants.create().apiKey();
            String secret = as(key).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hooks\", \"enabled_events\": [\"payment.created\", \"payment.succeeded\", \"payment.refunded\","
                    + " \"refund.created\", \"refund.succeeded\"], \"description\": \"e2e\"}")
                    .post("/v1/webhook_endpoints").then().statusCode(201).body("secret", startsWith("whsec_"))
                    .extract().path("secret");

            String payment = as(key).body("{\"amount\": 3000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded")).extract().path("id");
            as(key).body("{\"amount\": 1000}").post("/v1/payments/" + payment + "/refunds").then().statusCode(200)
                    .body("status", equalTo("succeeded"));

            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 5);
            Thread.sleep(1000); // nothing more (no duplicate) arrives for a delivery that succeeded
            assertEquals(5, received.size(), "one delivery per event");

            ObjectMapper json = new ObjectMapper();
            Webhook verifier = new Webhook(secret);
            List<JsonNode> events = new ArrayList<>();
            for (Delivery d : received) {
                verifier.verify(d.body(), lowerCased(d.headers()));
                JsonNode event = json.readTree(d.body());
                assertEquals(first(d.headers(), "webhook-id"), event.get("id").asText(), "webhook-id is the Event id");
                assertEquals("event", event.get("object").asText());
                events.add(event);
            }
            events.sort(Comparator.comparingLong(e -> e.get("sequence").asLong()));
            List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
            // Each stream in its order, every refund event after the payment event it was based on, and
            // payment.refunded after the refund.succeeded it follows from (its refundsequence)
            assertEquals(java.util.Set.of("payment.created", "payment.succeeded", "refund.created", "refund.succeeded",
                    "payment.refunded"), java.util.Set.copyOf(types), "every event once: " + types);
            assertEquals(List.of("payment.created", "payment.succeeded"), types.subList(0, 2), types.toString());
            assertTrue(types.indexOf("refund.created") < types.indexOf("refund.succeeded"), types.toString());
            assertTrue(types.indexOf("refund.succeeded") < types.indexOf("payment.refunded"), types.toString());
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).get("sequence").asLong(), "gap-free per-payment sequence");
            }
            assertTrue(events.stream().allMatch(e -> e.get("data").isObject()));

            // The delivery log says the same, and the Event a webhook carried is the API's Event
            String endpoint = as(key).get("/v1/webhook_endpoints").then().statusCode(200).extract().path("data[0].id");
            as(key).get("/v1/webhook_endpoints/" + endpoint + "/attempts").then().statusCode(200)
                    .body("data.size()", equalTo(5)).body("data.status_code", org.hamcrest.Matchers.everyItem(equalTo(204)));
            String firstId = events.get(0).get("id").asText();
            JsonNode fromApi = json.readTree(as(key).get("/v1/events/" + firstId).then().statusCode(200).extract().asString());
            assertEquals(events.get(0), fromApi);
        } finally {
            receiver.stop(0);
        }
    }

    static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    static String first(Map<String, List<String>> headers, String name) {
        return lowerCased(headers).get(name).get(0);
    }

}
