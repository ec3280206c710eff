package dev.paysuite.gateway.adapter.in.http;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.IdentityTokens;
import dev.paysuite.gateway.testing.LogLines;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a client sees it, against the real database and Redis, with stub services behind
 * it ({@link StubUpstream}). Every test onboards keys of its own and sends from this run's own
 * client address, so tests and runs never share a rate-limit counter.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class GatewayTest {
    static final String DEMO_KEY = "sk_test_1234567890abcdefghijklmnop";
    static final String ADDRESS = Clients.newLoopbackAddress();
    static final int MAX_BODY = 1_048_576;

    @Inject
    AgroalDataSource dataSource;

    TestKeys keys;

    @BeforeEach
    void onboarding() {
        keys = new TestKeys(dataSource);
    }

    static RequestSpecification client() {
        return Clients.from(ADDRESS);
    }

    static RequestSpecification as(TestKey key) {
        return client().header("Authorization", key.bearer());
    }

    static int remaining(Response r) {
        return Integer.parseInt(r.header("X-RateLimit-Remaining"));
    }

    /** X-RateLimit-Reset is the Unix second the main window starts afresh: within a window from now. */
    static void assertResetsWithin(Response r, int windowSeconds) {
        long reset = Long.parseLong(r.header("X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertTrue(reset >= now && reset <= now + windowSeconds + 1,
                "reset " + reset + " is not within " + windowSeconds + " s of " + now);
    }

    static void pauseFor(Response refused) throws InterruptedException {
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
    }

    // --- Authentication ---------------------------------------------------------------------------

    @Test
    void aRequestWithoutAKeyIsRefusedWithTheErrorObjectAndTheHeaders() {
        Response r = client().get("/v1/payments");
        r.then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("api_key_missing"))
                .body("error.message", not(emptyOrNullString()))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", matchesPattern("[0-9]+"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertResetsWithin(r, 60);
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheErrorObject() {
        Response r = client().header("Authorization", "Bearer sk_test_" + UUID.randomUUID().toString().replace("-", ""))
                .get("/v1/payments");
        r.then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("api_key_invalid"))
                .body("error.param", nullValue())
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", matchesPattern("[0-9]+"));
        assertResetsWithin(r, 60);
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void malformedCredentialsAreRefusedAsAnInvalidKey() {
        for (String authorization : List.of("Basic dXNlcjpwYXNz", "Bearer pk_test_1234567890abcdefghij",
                "Bearer sk_prod_1234567890abcdefghijklmnop", "Bearer " + DEMO_KEY + " extra", DEMO_KEY, "Bearer")) {
            client().header("Authorization", authorization).get("/v1/payments").then()
                    .statusCode(401)
                    .body("error.code", equalTo("api_key_invalid"))
                    .header("X-RateLimit-Limit", "100");
        }
    }

    @Test
    void aRevokedKeyIsRefused() {
        TestKey key = keys.create();
        keys.revoke(key);
        as(key).get("/v1/payments").then().statusCode(401)
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("api_key_invalid"));
    }

    @Test
    void aKeyRevokedWhileInUseIsRefusedOnceItsCachedLookupExpires() {
        TestKey key = keys.create();
        as(key).get("/v1/payments").then().statusCode(201);
        keys.revoke(key);
        // The key cache lives 1 s in this test run (30 s by default).
        await().atMost(Duration.ofSeconds(10)).until(() -> as(key).get("/v1/payments").statusCode() == 401);
    }

    // --- Forwarding and the identity token --------------------------------------------------------

    @Test
    void theDemoKeyIsForwardedWithASignedIdentityInsteadOfTheKey() throws Exception {
        String idempotencyKey = "idem-" + UUID.randomUUID();
        Response r = client().header("Authorization", "Bearer " + DEMO_KEY)
                .header("Idempotency-Key", idempotencyKey)
                .header("Request-Id", "req_chosenbytheclient000000")
                .header("User-Agent", "gateway-test/1.0")
                .header("Last-Event-ID", "evt_resumefromhere")
                .header("X-Internal-Thing", "not for services")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Accept", "application/json")
                .contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"usd\"}")
                .urlEncodingEnabled(false)
                .post("/v1/payments?expand%5B%5D=customer&note=a%20b");

        String requestId = r.header("Request-Id");
        r.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("X-Stub", "payments")
                .header("Idempotent-Replayed", "true")
                .header("X-Hop-Secret", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("X-RateLimit-Limit", "100")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/v1/payments?expand%5B%5D=customer&note=a%20b"))
                .body("body", equalTo("{\"amount\": 1000, \"currency\": \"usd\"}"));
        assertTrue(requestId.matches("req_[A-Za-z0-9]{24}"), requestId);
        assertEquals(List.of(requestId), r.headers().getValues("Request-Id"));

        StubUpstream.Received received = StubUpstream.received(requestId);
        assertEquals("POST", received.method());
        assertEquals(requestId, received.header("Request-Id"));
        assertEquals(idempotencyKey, received.header("Idempotency-Key"));
        assertTrue(received.header("Content-Type").startsWith("application/json"));
        assertEquals("application/json", received.header("Accept"));
        assertEquals("gateway-test/1.0", received.header("User-Agent"));
        assertEquals("evt_resumefromhere", received.header("Last-Event-ID"), "a stream resumes through the gateway");
        assertEquals(ADDRESS, received.header("X-Forwarded-For"));
        assertEquals("http", received.header("X-Forwarded-Proto"));
        assertTrue(received.header("X-Forwarded-Host").endsWith(":" + RestAssured.port), received.header("X-Forwarded-Host"));
        assertNull(received.header("X-Internal-Thing"));
        assertNull(received.header("Proxy-Authorization"));
        assertEquals(1, received.headers().get("Authorization").size());
        assertFalse(received.header("Authorization").contains(DEMO_KEY));

        JsonWebToken identity = IdentityTokens.verify(received.header("Authorization"));
        assertEquals("paysuite-gateway", identity.getIssuer());
        assertEquals(Set.of("paysuite-services"), identity.getAudience());
        assertEquals("mer_demo", identity.getSubject());
        assertEquals(Set.of("merchant"), identity.getGroups());
        assertEquals("test", identity.getClaim("mode").toString());
        assertEquals("key_demo", identity.getClaim("key_id").toString());
        assertEquals(60, identity.getExpirationTime() - identity.getIssuedAtTime());
        assertTrue(Math.abs(identity.getIssuedAtTime() - Instant.now().getEpochSecond()) <= 60);
        assertFalse(identity.getTokenID() == null || identity.getTokenID().isBlank());
    }

    @Test
    void aRestrictedKeyDoesWhatItsScopesAllowAndIsRefused403TheRest() throws Exception {
        TestKey partner = keys.createRestricted("payments:read events:read");
        String forwarded = as(partner).get("/v1/payments/pay_1").then().statusCode(201).extract().header("Request-Id");
        JsonWebToken identity = IdentityTokens.verify(StubUpstream.received(forwarded).header("Authorization"));
        assertEquals(partner.merchantId(), identity.getSubject());
        assertEquals("payments:read events:read", identity.getClaim("scope").toString(), "the services learn the scopes");
        as(partner).get("/v1/events").then().statusCode(201);

        String marker = "restricted-" + UUID.randomUUID();
        Response refused = as(partner).contentType(ContentType.JSON).body("{\"amount\": 1000, \"currency\": \"usd\"}")
                .post("/v1/payments?marker=" + marker);
        refused.then().statusCode(403).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("insufficient_permissions"))
                .body("error.message", org.hamcrest.Matchers.containsString("payments:write"))
                .header("X-RateLimit-Remaining", org.hamcrest.Matchers.notNullValue());
        as(partner).body("{}").post("/v1/payments/pay_1/refunds").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.containsString("refunds:write"));
        as(partner).delete("/v1/webhook_endpoints/we_1").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.containsString("webhooks:write"));
        assertEquals(0, StubUpstream.receivedWith(marker), "a refused request never reaches a service");
        // a secret key of the same kind of merchant may do everything
        TestKey secret = keys.create();
        String all = as(secret).get("/v1/payments/pay_1").then().statusCode(201).extract().header("Request-Id");
        assertNull(IdentityTokens.verify(StubUpstream.received(all).header("Authorization")).getClaim("scope"));
    }

    /** Disputes are payments-service's, under the payments scopes: payments:read reads them, payments:write writes them. */
    @Test
    void disputesGoToPaymentsUnderThePaymentsScopes() throws Exception {
        TestKey reader = keys.createRestricted("payments:read");
        String read = as(reader).get("/v1/disputes/dp_1").then().statusCode(201).body("upstream", equalTo("payments"))
                .body("uri", equalTo("/v1/disputes/dp_1")).extract().header("Request-Id");
        assertEquals("payments", StubUpstream.received(read).upstream());
        as(reader).get("/v1/disputes?limit=3").then().statusCode(201).body("upstream", equalTo("payments"));
        String marker = "dispute-" + UUID.randomUUID();
        as(reader).contentType(ContentType.JSON).body("{\"evidence\": {\"refund_policy\": \"none\"}}")
                .post("/v1/disputes/dp_1?marker=" + marker).then().statusCode(403)
                .body("error.code", equalTo("insufficient_permissions"))
                .body("error.message", org.hamcrest.Matchers.containsString("payments:write"));
        assertEquals(0, StubUpstream.receivedWith(marker), "a refused request never reaches a service");
        TestKey refundsOnly = keys.createRestricted("refunds:read refunds:write");
        as(refundsOnly).get("/v1/disputes/dp_1").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.containsString("payments:read"));

        TestKey writer = keys.createRestricted("payments:write");
        as(writer).contentType(ContentType.JSON).body("{}").post("/v1/disputes/dp_1/close").then().statusCode(201)
                .body("upstream", equalTo("payments")).body("method", equalTo("POST"))
                .body("uri", equalTo("/v1/disputes/dp_1/close"));
        as(keys.create()).get("/v1/disputesx").then().statusCode(404).body("error.code", equalTo("url_unknown"));
    }

    @Test
    void aLiveKeyIsForwardedAsLiveAndATestKeyAsTestEachAsItsOwnMerchant() throws Exception {
        TestKey live = keys.create("live", 100, 60, 20);
        TestKey test = keys.create("test", 100, 60, 20);
        JsonWebToken liveIdentity = IdentityTokens.verify(StubUpstream.received(
                as(live).get("/v1/payments/pay_1").then().statusCode(201).extract().header("Request-Id"))
                .header("Authorization"));
        JsonWebToken testIdentity = IdentityTokens.verify(StubUpstream.received(
                as(test).get("/v1/payments/pay_1").then().statusCode(201).extract().header("Request-Id"))
                .header("Authorization"));
        assertEquals("live", liveIdentity.getClaim("mode").toString());
        assertEquals(live.merchantId(), liveIdentity.getSubject());
        assertEquals(live.keyId(), liveIdentity.getClaim("key_id").toString());
        assertEquals("test", testIdentity.getClaim("mode").toString());
        assertEquals(test.merchantId(), testIdentity.getSubject());
        assertNotEquals(liveIdentity.getSubject(), testIdentity.getSubject());
    }

    @Test
    void aServicesErrorAnswerIsPassedBackUnchanged() {
        TestKey key = keys.create();
        as(key).post("/v1/payments/pay_1/declined").then()
                .statusCode(402)
                .contentType(ContentType.JSON)
                .header("X-Service-Header", "kept")
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000")
                .body("error.type", equalTo("card_error"))
                .body("error.code", equalTo("card_declined"));
    }

    @Test
    void aBodyOfExactlyOneMegabyteIsForwardedWhole() {
        TestKey key = keys.create();
        String body = "\"" + "a".repeat(MAX_BODY - 2) + "\"";
        Response r = as(key).contentType(ContentType.JSON).body(body).post("/v1/payments");
        r.then().statusCode(201);
        assertEquals(MAX_BODY, StubUpstream.received(r.header("Request-Id")).body().length());
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefusedWith415AndNotForwarded() {
        TestKey key = keys.create();
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "application/xml",
                "application/json; charset=latin1", "application/json, text/plain"}) {
            RequestSpecification request = as(key).contentType(type);
            // (REST Assured encodes a form only from a string, anything else only from bytes)
            request = type.contains("form") ? request.body("amount=100&currency=usd")
                    : request.body("amount=100&currency=usd".getBytes(StandardCharsets.UTF_8));
            Response r = request.post("/v1/payments");
            r.then().statusCode(415)
                    .contentType(ContentType.JSON)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("unsupported_media_type"))
                    .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"));
            assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")), type);
        }
        // no type at all, with a body
        Response r = as(key).body("{}".getBytes(StandardCharsets.UTF_8)).post("/v1/payments");
        r.then().statusCode(415);
        // a body of JSON passes as the bytes it was, and a request without a body needs no type
        String json = "{\"note\": \"a%20b\\u0000\", \"amount\": 100}";
        r = as(key).contentType("application/json; charset=UTF-8").body(json).post("/v1/payments");
        r.then().statusCode(201);
        assertEquals(json, StubUpstream.received(r.header("Request-Id")).body());
        as(key).post("/v1/payments/pay_1/capture").then().statusCode(201);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNotForwarded() {
        TestKey key = keys.create();
        Response r = as(key).contentType(ContentType.TEXT).body("a".repeat(MAX_BODY + 1)).post("/v1/payments");
        r.then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("request_too_large"))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000");
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    // --- Routing ----------------------------------------------------------------------------------

    @Test
    void refundPathsGoToTheRefundsServiceAndTheRestOfPaymentsToPayments() {
        TestKey key = keys.create();
        // The refunds upstream lists a dead instance first: every request still reaches the live one.
        for (String path : List.of("/v1/payments/pay_1/refunds", "/v1/payments/pay_1/refund", "/v1/refunds",
                "/v1/refunds/ref_1")) {
            as(key).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(201).header("X-Stub", "refunds");
        }
        for (String path : List.of("/v1/payments", "/v1/payments/pay_1", "/v1/payments/pay_1/cancel",
                "/v1/payments/pay_1/refundsx")) {
            as(key).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(201).header("X-Stub", "payments");
        }
    }

    @Test
    void aPathNoRouteMatchesIsAnswered404UrlUnknown() {
        TestKey key = keys.create();
        for (String path : List.of("/v1/nothing", "/v1/paymentsX", "/v2/payments", "/")) {
            Response r = as(key).get(path);
            r.then().statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("url_unknown"))
                    .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                    .header("X-RateLimit-Limit", "100000");
            assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")), path);
        }
    }

    @Test
    void authenticationComesBeforeRouting() {
        client().get("/v1/nothing").then().statusCode(401).body("error.code", equalTo("api_key_missing"));
    }

    @Test
    void dotSegmentsCannotLeaveARoute() {
        TestKey key = keys.create();
        as(key).urlEncodingEnabled(false).get("/v1/payments/../nothing").then()
                .statusCode(404).body("error.code", equalTo("url_unknown"));
        Response normalized = as(key).urlEncodingEnabled(false).get("/v1/refunds/../payments/pay_1");
        normalized.then().statusCode(201).header("X-Stub", "payments").body("uri", equalTo("/v1/payments/pay_1"));
    }

    @Test
    void anUnreachableServiceIsAnswered503WithRetryAfter() {
        TestKey key = keys.create();
        as(key).get("/v1/down/x").then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_unavailable"))
                .body("error.message", not(emptyOrNullString()))
                .header("Retry-After", "1")
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000");
    }

    @Test
    void aServiceThatDropsTheConnectionIsAnswered503WithRetryAfter() {
        TestKey key = keys.create();
        Response r = as(key).contentType(ContentType.JSON).body("{}").post("/v1/payments/pay_1/drop");
        r.then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_unavailable"))
                .header("Retry-After", "1")
                .header("X-RateLimit-Limit", "100000");
        assertTrue(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAnswered504() {
        TestKey key = keys.create();
        as(key).get("/v1/payments/pay_1/hang").then().statusCode(504)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_timeout"))
                .header("Retry-After", nullValue())
                .header("X-RateLimit-Limit", "100000");
    }

    // --- Rate limits ------------------------------------------------------------------------------

    @Test
    void aKeyOverItsLimitIsRefusedWith429RetryAfterAndTheHeaders() throws InterruptedException {
        TestKey key = keys.create("test", 3, 60, 2);
        String marker = UUID.randomUUID().toString();
        List<Integer> admittedRemaining = new ArrayList<>();
        Response last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            last = as(key).get("/v1/payments?marker=" + marker);
            last.then().header("X-RateLimit-Limit", "3").header("Request-Id", startsWith("req_"));
            assertResetsWithin(last, 60);
            if (last.statusCode() == 201) {
                admittedRemaining.add(remaining(last));
            } else if (remaining(last) == 0) {
                break; // refused by the main window
            } else {
                // refused by the burst limit (2 a second): come back when told to
                last.then().statusCode(429).header("Retry-After", "1");
                pauseFor(last);
            }
        }
        assertEquals(List.of(2, 1, 0), admittedRemaining);
        assertEquals(3, StubUpstream.receivedWith(marker));
        last.then().statusCode(429)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("X-RateLimit-Remaining", "0")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        assertTrue(Integer.parseInt(last.header("Retry-After")) <= 60);
        assertFalse(StubUpstream.wasForwarded(last.header("Request-Id")));
    }

    @Test
    void requestsOverTheBurstLimitAreRefusedForASecondAndNotCounted() throws InterruptedException {
        TestKey key = keys.create("test", 1000, 3600, 2);
        int admitted = 0;
        Response refused = null;
        for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
            Response r = as(key).get("/v1/payments");
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                r.then().statusCode(201);
                admitted++;
            }
        }
        refused.then()
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", "1")
                .header("X-RateLimit-Limit", "1000")
                .header("X-RateLimit-Remaining", String.valueOf(1000 - admitted));
        pauseFor(refused);
        as(key).get("/v1/payments").then().statusCode(201)
                .header("X-RateLimit-Remaining", String.valueOf(1000 - admitted - 1));
    }

    @Test
    void eachKeyHasTheWindowAndLimitOfItsOwnRow() {
        TestKey hourly = keys.create("test", 5, 3600, 5);
        TestKey perMinute = keys.create("test", 100, 60, 20);
        for (int expected = 4; expected >= 0; expected--) {
            Response r = as(hourly).get("/v1/payments");
            r.then().statusCode(201).header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", String.valueOf(expected));
            assertResetsWithin(r, 3600);
            assertTrue(Long.parseLong(r.header("X-RateLimit-Reset")) > Instant.now().getEpochSecond() + 3000,
                    "an hourly window resets in about an hour");
        }
        Response refused = as(hourly).get("/v1/payments");
        refused.then().statusCode(429).header("X-RateLimit-Remaining", "0");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 3000, "refused until the hour is over");

        Response other = as(perMinute).get("/v1/payments");
        other.then().statusCode(201).header("X-RateLimit-Limit", "100").header("X-RateLimit-Remaining", "99");
        assertResetsWithin(other, 60);
    }

    @Test
    void onlyFailedAuthenticationsAreLimitedPerClientAddress() throws InterruptedException {
        String sharedAddress = Clients.newLoopbackAddress(); // a load balancer's, say, that many clients share
        List<Integer> remainingSeen = new ArrayList<>();
        Response blocked = null;
        for (int attempt = 0; attempt < 200 && blocked == null; attempt++) {
            Response r = Clients.from(sharedAddress)
                    .header("Authorization", "Bearer sk_test_guess" + UUID.randomUUID().toString().replace("-", ""))
                    .get("/v1/payments");
            r.then().header("X-RateLimit-Limit", "100").header("Request-Id", startsWith("req_"));
            if (r.statusCode() == 401) {
                remainingSeen.add(remaining(r));
            } else if (remaining(r) == 0) {
                blocked = r;
            } else {
                r.then().statusCode(429).header("Retry-After", "1"); // 20 a second at most
                pauseFor(r);
            }
        }
        assertEquals(100, remainingSeen.size());
        assertEquals(99, remainingSeen.get(0));
        assertEquals(0, remainingSeen.get(99));
        blocked.then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        Clients.from(sharedAddress).get("/v1/payments").then().statusCode(429)
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));

        // A valid key from that address is admitted and counted against its own key only...
        TestKey key = keys.create("test", 50, 60, 20);
        for (int expected = 49; expected >= 48; expected--) {
            Response admitted = Clients.from(sharedAddress).header("Authorization", key.bearer()).get("/v1/payments");
            admitted.then().statusCode(201)
                    .header("X-RateLimit-Limit", "50")
                    .header("X-RateLimit-Remaining", String.valueOf(expected));
            assertTrue(StubUpstream.wasForwarded(admitted.header("Request-Id")));
        }
        // ...while requests from there without one stay limited, and other addresses are not limited.
        Clients.from(sharedAddress).get("/v1/payments").then().statusCode(429);
        client().get("/v1/payments").then().statusCode(401);
    }

    // --- Client address and proxies ---------------------------------------------------------------

    @Test
    void anAddressForgedInXForwardedForByAnUntrustedPeerIsNotTheOneCounted() {
        String peer = Clients.newLoopbackAddress(); // not a trusted proxy
        Response first = Clients.from(peer).header("X-Forwarded-For", Clients.newForwardedAddress()).get("/v1/payments");
        Response second = Clients.from(peer).header("X-Forwarded-For", Clients.newForwardedAddress()).get("/v1/payments");
        first.then().statusCode(401).header("X-RateLimit-Remaining", "99");
        second.then().statusCode(401).header("X-RateLimit-Remaining", "98");

        // A service is told the peer's address, and the peer's scheme, once each.
        TestKey key = keys.create();
        Response r = Clients.from(peer).header("Authorization", key.bearer())
                .header("X-Forwarded-For", Clients.newForwardedAddress())
                .header("X-Forwarded-Proto", "https")
                .get("/v1/payments");
        r.then().statusCode(201);
        StubUpstream.Received received = StubUpstream.received(r.header("Request-Id"));
        assertEquals(List.of(peer), received.headers().get("X-Forwarded-For"));
        assertEquals(List.of("http"), received.headers().get("X-Forwarded-Proto"));
    }

    @Test
    void behindATrustedProxyTheAddressItForwardsForIsTheOneCounted() {
        String proxy = "127.0.0.1"; // quarkus.http.proxy.trusted-proxies: loopback only
        String client = Clients.newForwardedAddress();
        String otherClient = Clients.newForwardedAddress();
        Clients.from(proxy).header("X-Forwarded-For", client).get("/v1/payments").then()
                .statusCode(401).header("X-RateLimit-Remaining", "99");
        Clients.from(proxy).header("X-Forwarded-For", client).get("/v1/payments").then()
                .statusCode(401).header("X-RateLimit-Remaining", "98");
        Clients.from(proxy).header("X-Forwarded-For", otherClient).get("/v1/payments").then()
                .statusCode(401).header("X-RateLimit-Remaining", "99");

        // A service is told the client's address and the scheme the client used with the proxy.
        TestKey key = keys.create();
        Response r = Clients.from(proxy).header("Authorization", key.bearer())
                .header("X-Forwarded-For", client)
                .header("X-Forwarded-Proto", "https")
                .get("/v1/payments");
        r.then().statusCode(201);
        StubUpstream.Received received = StubUpstream.received(r.header("Request-Id"));
        assertEquals(List.of(client), received.headers().get("X-Forwarded-For"));
        assertEquals(List.of("https"), received.headers().get("X-Forwarded-Proto"));
    }

    // --- Operations -------------------------------------------------------------------------------

    @Test
    void everyRequestIsLoggedOnceWithoutItsKeyOrQuery() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = LogLines.capture(lines);
        Logger access = Logger.getLogger("dev.paysuite.gateway.access");
        access.addHandler(capture);
        try {
            TestKey key = keys.create();
            String requestId = as(key).get("/v1/payments/pay_1?client_secret=shhh").then().statusCode(201)
                    .extract().header("Request-Id");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
            List<String> logged = lines.stream().filter(l -> l.contains(requestId)).toList();
            assertEquals(1, logged.size(), logged.toString());
            String line = logged.get(0);
            assertTrue(line.matches(requestId + " GET /v1/payments/pay_1 201 \\d+ms merchant=" + key.merchantId()), line);
            assertFalse(line.contains(key.secret()) || line.contains("shhh") || line.contains("?"), line);
        } finally {
            access.removeHandler(capture);
        }
    }

    @Test
    void readinessCoversTheDatabaseAndRedis() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Redis connection health check"))
                .header("X-RateLimit-Limit", nullValue());
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        TestKey key = keys.create();
        as(key).get("/v1/payments").then().statusCode(201);
        client().get("/v1/payments").then().statusCode(401);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        // One series per route and service behind the gateway; ids in paths never become tags (RouteTemplates).
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("status=\"201\"") && l.contains("upstream=\"payments\"")
                && l.contains("uri=\"/v1/payments\"")), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("status=\"401\"") && l.contains("upstream=\"none\"")), metrics);
    }
}
