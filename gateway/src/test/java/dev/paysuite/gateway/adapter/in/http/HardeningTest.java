package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.LogLines;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What the edge adds to every answer and keeps out of every log: security headers on forwarded
 * answers, the gateway's own refusals and Quarkus's endpoints alike; no CORS unless configured
 * ({@link CorsConfiguredTest}); and no secret (a key, a token, a card number) in any log line.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class HardeningTest {
    static final String ADDRESS = Clients.newLoopbackAddress();

    @Inject
    AgroalDataSource dataSource;

    static ValidatableResponse hasSecurityHeaders(Response r) {
        return r.then().header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        TestKey key = new TestKeys(dataSource).create();
        Response forwarded = Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/payments/pay_1");
        hasSecurityHeaders(forwarded).statusCode(201).header("Cache-Control", "no-store");
        hasSecurityHeaders(Clients.from(ADDRESS).get("/v1/payments")).statusCode(401);
        hasSecurityHeaders(Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/nowhere")).statusCode(404);
        hasSecurityHeaders(Clients.from(ADDRESS).get("/q/health/live")).statusCode(200);
    }

    @Test
    void noCorsUnlessConfigured() {
        TestKey key = new TestKeys(dataSource).create();
        Clients.from(ADDRESS).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .options("/v1/payments").then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
        Clients.from(ADDRESS).header("Origin", "https://evil.example").header("Authorization", key.bearer())
                .get("/v1/payments/pay_1").then().statusCode(201).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void noKeyTokenOrCardNumberIsEverLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = LogLines.capture(lines);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        TestKey key = new TestKeys(dataSource).create();
        String unknownKey = "sk_test_neverlogged" + Long.toHexString(System.nanoTime());
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJuZXZlcmxvZ2dlZCJ9.c2lnbmF0dXJlbmV2ZXJsb2dnZWQ";
        String card = "{\"amount\": 1000, \"currency\": \"usd\", \"card\": {\"number\": \"4242424242424242\","
                + " \"exp_month\": 12, \"exp_year\": 2099, \"cvc\": \"123\"}}";
        try {
            Clients.from(ADDRESS).header("Authorization", key.bearer()).contentType(ContentType.JSON).body(card)
                    .post("/v1/payments").then().statusCode(201);
            Clients.from(ADDRESS).header("Authorization", "Bearer " + unknownKey).get("/v1/payments").then().statusCode(401);
            Clients.from(ADDRESS).header("Authorization", "Bearer " + token).get("/v1/payments").then().statusCode(401);
            Clients.from(ADDRESS).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(card).post("/v1/payments?card_number=4242424242424242").then().statusCode(401);
        } finally {
            root.removeHandler(handler);
        }
        assertFalse(lines.isEmpty(), "the access log wrote nothing: this test would prove nothing");
        assertTrue(lines.stream().anyMatch(l -> l.contains("/v1/payments")), String.join("\n", lines));
        for (String line : lines) {
            for (String secret : List.of(key.secret(), unknownKey, token, "4242424242424242", "c2lnbmF0dXJl")) {
                assertFalse(line.contains(secret), "a log line holds a secret: " + line);
            }
        }
    }
}
