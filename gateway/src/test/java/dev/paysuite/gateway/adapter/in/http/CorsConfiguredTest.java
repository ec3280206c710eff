package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CORS where a deployment configures it (a dashboard's origin): that origin's browser may call the
 * API and read the gateway's headers; any other origin is refused, and a preflight never needs a key.
 */
@QuarkusTest
@TestProfile(CorsConfiguredTest.DashboardOrigin.class)
@QuarkusTestResource(StubUpstream.class)
class CorsConfiguredTest {
    static final String ADDRESS = Clients.newLoopbackAddress();
    static final String DASHBOARD = "https://dashboard.example.com";

    public static class DashboardOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", DASHBOARD);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theConfiguredOriginsPreflightIsAnsweredWithoutAKey() {
        Clients.from(ADDRESS).header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
                .options("/v1/payments").then().statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void theConfiguredOriginReadsTheAnswerAndItsHeaders() {
        TestKey key = new TestKeys(dataSource).create();
        Clients.from(ADDRESS).header("Origin", DASHBOARD).header("Authorization", key.bearer())
                .get("/v1/payments/pay_1").then().statusCode(201)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", containsString("Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"));
    }

    @Test
    void anotherOriginIsRefused() {
        Clients.from(ADDRESS).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/v1/payments").then().header("Access-Control-Allow-Origin", nullValue());
        TestKey key = new TestKeys(dataSource).create();
        Clients.from(ADDRESS).header("Origin", "https://evil.example").header("Authorization", key.bearer())
                .get("/v1/payments/pay_1").then().statusCode(equalTo(403))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
