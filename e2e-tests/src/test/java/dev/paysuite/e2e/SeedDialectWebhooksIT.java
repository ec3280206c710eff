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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Webhooks of seeds 000 and 004 end to end (seed 001's are {@link Seed001WebhooksIT}): an endpoint
 * registered at the seed's base path gets only the events the dialect names, signed, each in the
 * seed's payload shape (decimal amounts).
 */
@ExtendWith(Suite.Extension.class)
class SeedDialectWebhooksIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/compat/aqnt/v1/payments, 'payment.succeeded,payment.failed,payment.cancelled,payment.refunded,refund.created,refund.succeeded'",
        "/compat/paymentprocessing/v1, 'payment.succeeded,payment.failed,refund.succeeded,refund.failed'"})
    void anEndpointRegisteredAtTheBasePathGetsTheSeedsEventsInItsShape(String base, String events) throws Exception {
        List<String> named = List.of(events.split(","));
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var h = exchange.getRequestHeaders();
            received.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = Merchants.create().apiKey();
            String secret = given().baseUri(Suite.GATEWAY + base).header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}")
                    .post("/webhook_endpoints").then().statusCode(201)
                    .body("events", equalTo(named))
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            String paid = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{\"amount\": 1234, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).body("status", equalTo("succeeded"))
                    .extract().path("id");

            ObjectMapper json = new ObjectMapper();
            await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(d -> d[0].contains(paid)
                    && d[0].contains("\"payment.succeeded\"")));
            Thread.sleep(1000); // payment.created and payment.processing never come: neither seed names them
            Webhook verifier = new Webhook(secret);
            JsonNode succeeded = null;
            for (String[] d : received) {
                verifier.verify(d[0], Map.of("webhook-id", List.of(d[1]), "webhook-timestamp", List.of(d[2]),
                        "webhook-signature", List.of(d[3])));
                JsonNode event = json.readTree(d[0]);
                assertTrue(named.contains(event.get("type").asText()), "only the seed's events: " + d[0]);
                if (event.get("type").asText().equals("payment.succeeded")) {
                    succeeded = event;
                }
            }
            JsonNode payment = succeeded.get("data");
            assertEquals(paid, payment.get("id").asText());
            assertEquals("12.34", payment.get("amount").decimalValue().toPlainString(),
                    "the seed's decimal major units: " + payment);
            assertEquals("USD", payment.get("currency").asText());
        } finally {
            receiver.stop(0);
        }
    }
}
