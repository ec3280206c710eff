package dev.paysuite.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class GatewayTest {
    static final String DEMO_KEY = "sk_test_1234567890abcdefghijklmnop";

    @Inject
    AgroalDataSource dataSource;

    /** Onboards a merchant with a key of its own, stored as the gateway stores keys (hashed). */
    String newKey(String mode, int limit, int windowSeconds, int burst, boolean revoked) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String secret = "sk_" + mode + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO merchants (id, name, created_at) VALUES (?, ?, now())")) {
                ps.setString(1, "mer_" + id);
                ps.setString(2, "Merchant " + id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (id, merchant_id, key_hash, key_prefix, mode, rate_limit, rate_window_seconds,
                                          burst_limit, created_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), CASE WHEN ? THEN now() END)""")) {
                ps.setString(1, "key_" + id);
                ps.setString(2, "mer_" + id);
                ps.setString(3, ApiKeySecret.sha256(secret));
                ps.setString(4, secret.substring(0, 12));
                ps.setString(5, mode);
                ps.setInt(6, limit);
                ps.setInt(7, windowSeconds);
                ps.setInt(8, burst);
                ps.setBoolean(9, revoked);
                ps.executeUpdate();
            }
        }
        return secret;
    }

    String newKey() throws Exception {
        return newKey("test", 1000, 60, 1000, false);
    }

    static JwtClaims verify(String authorization) throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("paysuite.root"), ".local/keys/gateway-verify.pem"))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("paysuite-gateway")
                .setExpectedAudience("paysuite-services").setRequireExpirationTime().setRequireSubject().build()
                .processToClaims(authorization.substring("Bearer ".length()));
    }

    @Test
    void withoutAKeyTheAnswerIs401WithTheErrorObjectAndTheHeaders() {
        given().get("/v1/payments").then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("api_key_missing"))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", matchesPattern("[0-9]{10}"));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheErrorObject() {
        given().header("Authorization", "Bearer sk_test_thisKeyWasNeverIssued000").get("/v1/payments")
                .then().statusCode(401).body("error.code", equalTo("api_key_invalid"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/payments")
                .then().statusCode(401).body("error.code", equalTo("api_key_invalid"));
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        String key = newKey("test", 100, 60, 20, true);
        given().header("Authorization", "Bearer " + key).get("/v1/payments").then().statusCode(401);
    }

    @Test
    void theDemoKeyIsForwardedWithASignedIdentityInsteadOfTheKey() throws Exception {
        Response r = given().header("Authorization", "Bearer " + DEMO_KEY)
                .header("Idempotency-Key", "idem-1").header("X-Internal-Thing", "nope")
                .contentType(ContentType.JSON).body("{\"amount\": 1000}")
                .post("/v1/payments?expand=x");
        r.then().statusCode(201)
                .header("X-Stub", "payments")
                .header("Idempotent-Replayed", "true")
                .body("body", equalTo("{\"amount\": 1000}"))
                .body("uri", equalTo("/v1/payments?expand=x"));
        StubUpstream.Received received = StubUpstream.LAST.get();
        assertEquals("POST", received.method());
        assertEquals("idem-1", received.headers().get("Idempotency-Key"));
        assertEquals(r.header("Request-Id"), received.headers().get("Request-Id"));
        assertTrue(received.headers().get("Content-Type").startsWith("application/json"));
        assertFalse(received.headers().containsKey("X-Internal-Thing"));
        assertFalse(received.headers().get("Authorization").contains(DEMO_KEY));
        JwtClaims claims = verify(received.headers().get("Authorization"));
        assertEquals("mer_demo", claims.getSubject());
        assertEquals("test", claims.getStringClaimValue("mode"));
        assertEquals("key_demo", claims.getStringClaimValue("key_id"));
        assertEquals(List.of("merchant"), claims.getStringListClaimValue("groups"));
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 60);
    }

    @Test
    void aLiveKeyGivesALiveIdentity() throws Exception {
        String key = newKey("live", 100, 60, 20, false);
        given().header("Authorization", "Bearer " + key).get("/v1/payments/pay_1").then().statusCode(201);
        JwtClaims claims = verify(StubUpstream.LAST.get().headers().get("Authorization"));
        assertEquals("live", claims.getStringClaimValue("mode"));
        assertTrue(claims.getSubject().startsWith("mer_"));
        assertNotEquals("mer_demo", claims.getSubject());
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfter() throws Exception {
        String key = newKey("test", 3, 60, 10, false);
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", "Bearer " + key).get("/v1/payments").then().statusCode(201)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", String.valueOf(remaining));
        }
        given().header("Authorization", "Bearer " + key).get("/v1/payments").then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .header("X-RateLimit-Remaining", "0")
                .header("Request-Id", startsWith("req_"));
    }

    @Test
    void burstsAreLimitedPerSecondWithinTheWindow() throws Exception {
        String key = newKey("test", 1000, 3600, 2, false);
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().header("Authorization", "Bearer " + key).get("/v1/payments").statusCode();
            if (status == 429) {
                refused++;
            }
        }
        // Six requests cannot all fall into three distinct seconds at 2 a second without some being refused
        // unless they span more than three seconds; they take milliseconds here.
        assertTrue(refused >= 1, "burst of 6 with a burst limit of 2 refused " + refused);
        given().header("Authorization", "Bearer " + key).get("/v1/payments").then()
                .header("X-RateLimit-Limit", "1000");
    }

    @Test
    void refundPathsGoToRefundsAndTheRestOfPaymentsToPayments() {
        for (String path : List.of("/v1/payments/pay_1/refunds", "/v1/payments/pay_1/refund", "/v1/refunds",
                "/v1/refunds/ref_1", "/v1/refunds?payment_id=pay_1")) {
            given().header("Authorization", "Bearer " + DEMO_KEY).contentType(ContentType.JSON).body("{}").post(path)
                    .then().statusCode(201).header("X-Stub", "refunds");
        }
        for (String path : List.of("/v1/payments", "/v1/payments/pay_1", "/v1/payments/pay_1/cancel",
                "/v1/payments/pay_1/refundsx")) {
            given().header("Authorization", "Bearer " + DEMO_KEY).contentType(ContentType.JSON).body("{}").post(path)
                    .then().statusCode(201).header("X-Stub", "payments");
        }
    }

    @Test
    void aPathNoRouteMatchesIs404WithTheErrorObject() {
        given().header("Authorization", "Bearer " + DEMO_KEY).get("/v1/nothing")
                .then().statusCode(404).body("error.code", equalTo("url_unknown"))
                .header("X-RateLimit-Limit", notNullValue());
    }

    @Test
    void anUnreachableServiceIs502AndASlowOneIs504() throws Exception {
        String key = newKey();
        given().header("Authorization", "Bearer " + key).get("/v1/down/x")
                .then().statusCode(502).body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_unavailable"));
        given().header("Authorization", "Bearer " + key).get("/v1/payments/slow")
                .then().statusCode(504).body("error.code", equalTo("upstream_timeout"));
    }

    @Test
    void aBodyOverOneMegabyteIs413WithTheErrorObject() throws Exception {
        String key = newKey();
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"x\": \"" + "a".repeat(1_100_000) + "\"}").post("/v1/payments")
                .then().statusCode(413).body("error.code", equalTo("request_too_large"))
                .header("X-RateLimit-Limit", "1000");
    }

    @Test
    void pathTricksDoNotEscapeTheRoute() throws Exception {
        String key = newKey();
        given().header("Authorization", "Bearer " + key).urlEncodingEnabled(false).get("/v1/payments/../nothing")
                .then().statusCode(404).body("error.code", equalTo("url_unknown"));
    }

    @Test
    void healthAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().header("X-RateLimit-Limit", nullValue());
    }
}
