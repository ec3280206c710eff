package dev.paysuite.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001's webhooks end to end: an endpoint registered at {@code /compat/example/v3/webhook_endpoints}
 * receives {@code payment.completed}, {@code payment.failed} and {@code refund.created} in the seed's
 * payload shape, signed, and no event the seed does not name ({@code chargeback.created}, which it
 * also subscribes to, is in {@link DisputesThroughGatewayIT}).
 */
@ExtendWith(Suite.Extension.class)
class Seed001WebhooksIT {

    @Test
    void anEndpointRegisteredThroughTheSeedsBasePathGetsItsEventsInItsShape() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            received.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    headers.get("webhook-id").get(0), headers.get("webhook-timestamp").get(0),
                    headers.get("webhook-signature").get(0)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = Merchants.create().apiKey();
            String secret = Seed001ConformanceIT.as(key).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}")
                    .post("/webhook_endpoints").then().statusCode(201)
                    .body("events", equalTo(List.of("payment.completed", "payment.failed", "refund.created",
                            "chargeback.created")))
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            String paid = Seed001ConformanceIT.as(key).body(Seed001ConformanceIT.CREATE).post("/payments").then()
                    .statusCode(201).extract().path("id");
            Seed001ConformanceIT.as(key).body("{\"amount\": 500, \"reason\": \"customer_request\"}")
                    .post("/payments/" + paid + "/refunds").then().statusCode(201);
            Seed001ConformanceIT.as(key).body(Seed001ConformanceIT.CREATE.replace("4111111111111111", "4000000000000002"))
                    .post("/payments").then().statusCode(400);

            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
            Thread.sleep(2000); // and nothing else: payment.created, refund.succeeded... are not seed 001's
            ObjectMapper json = new ObjectMapper();
            Webhook verifier = new Webhook(secret);
            Map<String, JsonNode> byType = new HashMap<>();
            for (String[] d : received) {
                verifier.verify(d[0], Map.of("webhook-id", List.of(d[1]), "webhook-timestamp", List.of(d[2]),
                        "webhook-signature", List.of(d[3])));
                JsonNode event = json.readTree(d[0]);
                assertEquals(d[1], event.get("id").asText());
                assertEquals(Set.of("id", "type", "created_at", "data"), fields(event));
                byType.put(event.get("type").asText(), event);
            }
            assertEquals(3, received.size(), "one delivery per seed-001 event");
            assertEquals(Set.of("payment.completed", "payment.failed", "refund.created"), byType.keySet());
            JsonNode completed = byType.get("payment.completed").get("data");
            assertEquals(paid, completed.get("payment_id").asText());
            assertEquals(2500, completed.get("amount").asInt());
            assertEquals("USD", completed.get("currency").asText());
            assertEquals(500, byType.get("refund.created").get("data").get("amount").asInt());
            assertEquals(paid, byType.get("refund.created").get("data").get("payment_id").asText());
        } finally {
            receiver.stop(0);
        }
    }

    private static Set<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.toSet());
    }
}
