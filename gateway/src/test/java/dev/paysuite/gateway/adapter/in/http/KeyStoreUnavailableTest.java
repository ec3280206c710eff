package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.equalTo;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose key lookups cannot reach the database (the reactive pool points nowhere; Flyway
 * and the test's own inserts still use JDBC) refuses keys it has not cached with a 503, not a 401:
 * the key may well be valid.
 */
@QuarkusTest
@TestProfile(KeyStoreUnavailableTest.NoKeyStore.class)
class KeyStoreUnavailableTest {
    static final String ADDRESS = Clients.newLoopbackAddress();

    public static class NoKeyStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket s = new ServerSocket(0)) {
                return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + s.getLocalPort() + "/nowhere");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyThatCannotBeCheckedIsAnswered503WithTheHeaders() {
        TestKey key = new TestKeys(dataSource).create();
        Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/payments").then()
                .statusCode(503)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("service_unavailable"))
                .header("Retry-After", "1")
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "100");
    }

    @Test
    void aRequestWithoutAKeyNeedsNoLookupAndIsStillAnswered401() {
        Clients.from(ADDRESS).get("/v1/payments").then().statusCode(401).body("error.code", equalTo("api_key_missing"));
    }

    @Test
    void readinessReportsTheDatabaseDown() {
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("DOWN"));
    }
}
