package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway whose Redis does not answer keeps serving: it admits requests and still sends the headers. */
@QuarkusTest
@TestProfile(RedisUnavailableTest.NoRedis.class)
class RedisUnavailableTest {
    static final String ADDRESS = Clients.newLoopbackAddress();

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket s = new ServerSocket(0)) {
                return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + s.getLocalPort());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requestsAreAdmittedWithoutLimitsAndStillCarryTheHeaders() {
        TestKey key = new TestKeys(dataSource).create("test", 1, 60, 1);
        for (int i = 0; i < 3; i++) {
            String requestId = Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/payments").then()
                    .statusCode(201)
                    .header("X-RateLimit-Limit", "1")
                    .header("X-RateLimit-Remaining", "1")
                    .header("X-RateLimit-Reset", matchesPattern("[0-9]{10}"))
                    .extract().header("Request-Id");
            StubUpstream.received(requestId);
        }
    }

    @Test
    void aRequestWithoutAKeyIsStillRefused() {
        Clients.from(ADDRESS).get("/v1/payments").then().statusCode(401)
                .body("error.code", equalTo("api_key_missing"))
                .header("X-RateLimit-Limit", "100");
    }

    @Test
    void readinessReportsRedisDown() {
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("DOWN"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }
}
