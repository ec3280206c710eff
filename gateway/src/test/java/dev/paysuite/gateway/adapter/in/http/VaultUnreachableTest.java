package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No instance of methods-service accepts the connection: a payment with a card inline is answered
 * 503 at once with nothing forwarded, while every other request goes on as usual.
 */
@QuarkusTest
@TestProfile(VaultUnreachableTest.NoVault.class)
class VaultUnreachableTest {
    static final String ADDRESS = Clients.newLoopbackAddress();

    public static class NoVault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket s = new ServerSocket(0)) {
                return Map.of("paysuite.gateway.upstreams.vault-down", "http://127.0.0.1:" + s.getLocalPort(),
                        "paysuite.gateway.vault-upstream", "vault-down");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anInlineCardIsAnswered503AtOnceAndNothingIsForwarded() {
        TestKey key = new TestKeys(dataSource).create();
        // Every other request goes on as usual (and the first request's warm-up is not timed below).
        Clients.from(ADDRESS).header("Authorization", key.bearer()).contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"usd\", \"payment_method\": \"card\"}")
                .post("/v1/payments").then().statusCode(201).header("X-Stub", "payments");
        long started = System.nanoTime();
        Response r = Clients.from(ADDRESS).header("Authorization", key.bearer()).contentType(ContentType.JSON)
                .body("{\"amount\": 2500, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\", "
                        + "\"card_number\": \"4111111111111111\", \"exp_month\": 12, \"exp_year\": 2026, \"cvc\": \"123\"}}")
                .post("/v1/payments");
        long millis = (System.nanoTime() - started) / 1_000_000;
        r.then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_unavailable"))
                .header("Retry-After", "1");
        assertTrue(r.jsonPath().getString("error.message").contains("nothing was charged"));
        assertFalse(r.asString().contains("4111111111111111"));
        // well before the vault timeout (3 s in tests): a refused connection is not waited out
        assertTrue(millis < 2_500, "took " + millis + " ms");
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }
}
