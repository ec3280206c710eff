package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 3-D Secure as a merchant and its customer go through it: a payment with card 4000002500003155
 * waits for the customer (requires_action, next_action on the gateway), the customer opens the
 * simulated issuer's challenge page on the gateway with no API key and answers it, and is sent
 * back to the merchant's return_url; the payment is then succeeded (requires_capture for manual
 * capture) or failed, and the webhooks say so.
 */
@ExtendWith(Suite.Extension.class)
class ThreeDSecureThroughGatewayIT {
    static final String RETURN_URL = "https://shop.example/checkout/done?order=42";

    static RequestSpecification as(String key) {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /** The customer's browser: no API key, and it does not follow the redirect (we look at where it goes). */
    static RequestSpecification browser() {
        return given().redirects().follow(false);
    }

    static ExtractableResponse<Response> create(String key, String captureMethod) {
        // the card inline: the gateway exchanges it for a token at the vault
        return as(key).body("""
                {"amount": 4200, "currency": "EUR", "description": "Order 42",
                 "payment_method": {"type": "card", "card_number": "4000002500003155", "exp_month": 12,
                   "exp_year": 2034, "cvc": "123"},
                 "capture_method": "%s", "return_url": "%s"}""".formatted(captureMethod, RETURN_URL))
                .post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("requires_action"))
                .body("return_url", equalTo(RETURN_URL))
                .body("next_action.type", equalTo("redirect_to_url"))
                .body("next_action.redirect_to_url.url",
                        matchesPattern(Pattern.quote(Suite.GATEWAY) + "/3ds/3ds_[A-Za-z0-9_-]{24}"))
                .extract();
    }

    static ExtractableResponse<Response> answer(String challengeUrl, String outcome) {
        return browser().contentType("application/x-www-form-urlencoded").body("outcome=" + outcome)
                .post(challengeUrl).then().extract();
    }

    @Test
    void theCustomerAnswersTheChallengeOnTheGatewayAndIsSentBack() throws Exception {
        Map<String, List<String>> events = new ConcurrentHashMap<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = Merchants.create().apiKey();
            as(key).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\","
                    + " \"enabled_events\": [\"payment.requires_action\", \"payment.succeeded\","
                    + " \"payment.requires_capture\", \"payment.failed\"]}")
                    .post("/v1/webhook_endpoints").then().statusCode(201);

            // Approved: succeeded, and the customer goes back to the return_url with the payment's id
            ExtractableResponse<Response> created = create(key, "automatic");
            String approved = created.path("id");
            String challenge = created.path("next_action.redirect_to_url.url");
            String page = browser().get(challenge).then().statusCode(200)
                    .contentType(containsString("text/html")).extract().asString();
            assertTrue(page.contains("id=\"approve\"") && page.contains("id=\"fail\""), page);
            assertTrue(page.contains("42.00") && page.contains("Order 42"), page);
            as(key).post("/v1/payments/" + approved + "/confirm").then().statusCode(400)
                    .body("error.code", equalTo("payment_authentication_incomplete"))
                    .body("error.message", containsString("3-D Secure"));
            ExtractableResponse<Response> back = answer(challenge, "approve");
            assertEquals(303, back.statusCode());
            assertEquals(RETURN_URL + "&payment_id=" + approved, back.header("Location"));
            as(key).get("/v1/payments/" + approved).then().statusCode(200)
                    .body("status", equalTo("succeeded")).body("amount_captured", equalTo(4200))
                    .body("next_action", nullValue());
            assertEquals(409, answer(challenge, "fail").statusCode(), "answered once");

            // Manual capture: authorized, waiting for capture
            ExtractableResponse<Response> manual = create(key, "manual");
            String authorized = manual.path("id");
            assertEquals(303, answer(manual.path("next_action.redirect_to_url.url"), "approve").statusCode());
            as(key).get("/v1/payments/" + authorized).then().body("status", equalTo("requires_capture"));

            // Failed: the payment fails, and a confirm after it has nothing left to do
            ExtractableResponse<Response> refused = create(key, "automatic");
            String failed = refused.path("id");
            ExtractableResponse<Response> afterFailure = answer(refused.path("next_action.redirect_to_url.url"), "fail");
            assertEquals(303, afterFailure.statusCode());
            assertEquals(RETURN_URL + "&payment_id=" + failed, afterFailure.header("Location"));
            as(key).get("/v1/payments/" + failed).then().body("status", equalTo("failed"))
                    .body("failure_code", equalTo("payment_authentication_failed"));
            as(key).post("/v1/payments/" + failed + "/confirm").then().statusCode(400);

            // The webhooks say so
            ObjectMapper json = new ObjectMapper();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                events.clear();
                for (String body : bodies) {
                    JsonNode event = json.readTree(body);
                    events.computeIfAbsent(event.get("data").get("id").asText(), k -> new CopyOnWriteArrayList<>())
                            .add(event.get("type").asText());
                }
                // each delivery comes on its own: payment.requires_action may come after the outcome's
                return events.getOrDefault(approved, List.of()).contains("payment.succeeded")
                        && events.getOrDefault(authorized, List.of()).contains("payment.requires_capture")
                        && events.getOrDefault(failed, List.of()).contains("payment.failed")
                        && List.of(approved, authorized, failed).stream().allMatch(p ->
                                events.getOrDefault(p, List.of()).contains("payment.requires_action"));
            });
            assertTrue(!events.get(failed).contains("payment.succeeded"), events.toString());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anUnknownChallengeIsANotFoundPageAndThePageNeedsNoKey() {
        browser().get(Suite.GATEWAY + "/3ds/3ds_AAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType(containsString("text/html"));
        String key = Merchants.create().apiKey();
        String challenge = create(key, "automatic").path("next_action.redirect_to_url.url");
        assertEquals(400, answer(challenge, "perhaps").statusCode());
        browser().get(challenge).then().statusCode(200).body(containsString("Confirm your payment"));
    }
}
