package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.IdentityTokens;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment with card details inline (seed 001), through the gateway: the card goes to the vault
 * (the methods stub, {@link StubUpstream}) and nowhere else, the payment goes on with the vault's
 * token, and every way the vault can fail ends in the error object without a hang. Every test also
 * checks that no log line of the whole gateway held the card number.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class InlineCardExchangeTest {
    static final String ADDRESS = Clients.newLoopbackAddress();
    static final String NUMBER = "4111111111111111";
    /** Every card number these tests send. */
    static final List<String> NUMBERS = List.of(NUMBER, StubUpstream.VAULT_INVALID_NUMBER,
            StubUpstream.VAULT_IDEMPOTENCY_CONFLICT, StubUpstream.VAULT_NOT_FOUND, StubUpstream.VAULT_FAILING,
            StubUpstream.VAULT_DROPPING, StubUpstream.VAULT_HANGING);

    @Inject
    AgroalDataSource dataSource;

    TestKey key;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage())
                    + " " + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        key = new TestKeys(dataSource).create();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noLogLineHeldACardNumber() {
        Logger.getLogger("").removeHandler(capture);
        for (String line : logged) {
            for (String number : NUMBERS) {
                assertFalse(line.contains(number), line);
            }
        }
    }

    RequestSpecification as(TestKey key) {
        return Clients.from(ADDRESS).header("Authorization", key.bearer()).contentType(ContentType.JSON);
    }

    static String seed001(String number) {
        return """
                {"amount": 2500, "currency": "USD", "payment_method": {"type": "card", "card_number": "%s",
                 "exp_month": 12, "exp_year": 2026, "cvc": "123"}, "description": "Payment for order #12345",
                 "customer_id": "cust_abc123"}""".formatted(number);
    }

    static void assertNoNumberIn(Response r) {
        for (String number : NUMBERS) {
            assertFalse(r.asString().contains(number), r.asString());
            r.headers().forEach(h -> assertFalse(h.getValue().contains(number), h.toString()));
        }
    }

    @Test
    void seed001sCardGoesToTheVaultAndThePaymentGoesOnWithTheToken() throws Exception {
        String idempotencyKey = "idem-" + UUID.randomUUID();
        Response r = as(key).header("Idempotency-Key", idempotencyKey).body(seed001(NUMBER)).post("/v1/payments");
        r.then().statusCode(201).header("X-Stub", "payments");
        assertNoNumberIn(r);
        String requestId = r.header("Request-Id");

        StubUpstream.Received toVault = StubUpstream.vaultReceived(requestId);
        assertEquals("POST", toVault.method());
        assertEquals("/internal/v1/vault/tokens", toVault.uri());
        assertEquals(new JsonObject().put("card", new JsonObject().put("number", NUMBER).put("exp_month", 12)
                .put("exp_year", 2026).put("cvc", "123")), new JsonObject(toVault.body()));
        assertEquals(idempotencyKey, toVault.header("Idempotency-Key"));
        assertEquals(requestId, toVault.header("Request-Id"));
        assertTrue(toVault.header("Content-Type").startsWith("application/json"));
        // The vault's internal API gets the gateway's service token, never the merchant's identity token
        JsonWebToken service = IdentityTokens.verifyServiceToken(toVault.header("Authorization"));
        assertEquals(key.merchantId(), service.getSubject());
        assertEquals("test", service.getClaim("mode").toString());
        assertEquals(Set.of("service"), service.getGroups());
        assertTrue(service.getExpirationTime() - service.getIssuedAtTime() <= 60);
        assertThrows(ParseException.class, () -> IdentityTokens.verify(toVault.header("Authorization")));

        StubUpstream.Received toPayments = StubUpstream.received(requestId);
        assertEquals("/v1/payments", toPayments.uri());
        JsonObject forwarded = new JsonObject(toPayments.body());
        assertNull(forwarded.getValue("payment_method"));
        assertTrue(forwarded.getString("source").matches("tok_[0-9a-f]{24}"), forwarded.encode());
        assertEquals(Map.of("amount", 2500, "currency", "USD", "source", forwarded.getString("source"),
                "description", "Payment for order #12345", "customer_id", "cust_abc123"), forwarded.getMap());
        assertFalse(toPayments.body().contains(NUMBER));
        assertEquals(idempotencyKey, toPayments.header("Idempotency-Key"));
        assertEquals(key.merchantId(), IdentityTokens.verify(toPayments.header("Authorization")).getSubject());
        // Only the vault ever saw the number.
        assertEquals(List.of("methods"), StubUpstream.all().stream().filter(x -> x.body().contains(NUMBER))
                .filter(x -> requestId.equals(x.header("Request-Id"))).map(StubUpstream.Received::upstream).toList());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsForwardedIdenticallySoPaymentsReplaysIt() {
        String idempotencyKey = "idem-" + UUID.randomUUID();
        String first = as(key).header("Idempotency-Key", idempotencyKey).body(seed001(NUMBER)).post("/v1/payments")
                .then().statusCode(201).extract().header("Request-Id");
        String second = as(key).header("Idempotency-Key", idempotencyKey).body(seed001(NUMBER)).post("/v1/payments")
                .then().statusCode(201).extract().header("Request-Id");
        assertEquals(idempotencyKey, StubUpstream.vaultReceived(first).header("Idempotency-Key"));
        assertEquals(idempotencyKey, StubUpstream.vaultReceived(second).header("Idempotency-Key"));
        assertEquals(StubUpstream.received(first).body(), StubUpstream.received(second).body());
        assertEquals(idempotencyKey, StubUpstream.received(second).header("Idempotency-Key"));
    }

    @Test
    void numberIsAnAliasOfCardNumber() {
        Response r = as(key).body("{\"amount\": 100, \"currency\": \"usd\", \"payment_method\": {\"type\": \"card\", "
                + "\"number\": \"" + NUMBER + "\", \"exp_month\": 1, \"exp_year\": 2031, \"cvc\": \"999\"}}").post("/v1/payments");
        r.then().statusCode(201);
        assertEquals(NUMBER, new JsonObject(StubUpstream.vaultReceived(r.header("Request-Id")).body())
                .getJsonObject("card").getString("number"));
    }

    @Test
    void aTextualPaymentMethodIsForwardedUntouchedWithoutAskingTheVault() {
        String seed000 = "{\"amount\": 1000, \"currency\": \"usd\", \"payment_method\": \"card\"}";
        Response r = as(key).body(seed000).post("/v1/payments");
        r.then().statusCode(201);
        assertEquals(seed000, StubUpstream.received(r.header("Request-Id")).body());
        assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")));
    }

    @Test
    void anUnparsableBodyIsForwardedUntouchedForThePaymentsServiceToRefuse() {
        String broken = "{\"amount\": 1000, \"payment_method\": {\"type\": \"card\"";
        Response r = as(key).body(broken).post("/v1/payments");
        r.then().statusCode(201);
        assertEquals(broken, StubUpstream.received(r.header("Request-Id")).body());
        assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")));
    }

    @Test
    void onlyCardsCanBeGivenInline() {
        Response r = as(key).body(seed001(NUMBER).replace("\"type\": \"card\"", "\"type\": \"bitcoin\"")).post("/v1/payments");
        r.then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("parameter_invalid"))
                .body("error.param", equalTo("payment_method[type]"))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000");
        assertNoNumberIn(r);
        assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")));
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void anInlineCardWithAnotherWayToPayIsRefused() {
        for (String other : List.of("source", "card_token", "payment_method_id")) {
            Response r = as(key).body(seed001(NUMBER).replace("\"amount\"", "\"" + other + "\": \"tok_visa\", \"amount\""))
                    .post("/v1/payments");
            r.then().statusCode(400)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("parameter_invalid"))
                    .body("error.param", equalTo("payment_method"));
            assertNoNumberIn(r);
            assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")), other);
            assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")), other);
        }
    }

    @Test
    void theVaultsRefusalOfTheDetailsNamesTheClientsFields() {
        Response r = as(key).body(seed001(StubUpstream.VAULT_INVALID_NUMBER)).post("/v1/payments");
        r.then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("card_error"))
                .body("error.code", equalTo("card_number_invalid"))
                .body("error.param", equalTo("payment_method[card_number]"))
                .body("error.message", equalTo("The card number in payment_method[card_number] is not a valid card number."))
                .header("X-RateLimit-Limit", "100000");
        assertNoNumberIn(r);
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));

        as(key).body(seed001(NUMBER).replace("\"exp_month\": 12", "\"exp_month\": 13")).post("/v1/payments").then()
                .statusCode(400)
                .body("error.code", equalTo("expiry_invalid"))
                .body("error.param", equalTo("payment_method[exp_month]"));
    }

    @Test
    void theVaultsIdempotencyErrorIsPassedBackAsItIs() {
        Response r = as(key).header("Idempotency-Key", "idem-" + UUID.randomUUID())
                .body(seed001(StubUpstream.VAULT_IDEMPOTENCY_CONFLICT)).post("/v1/payments");
        r.then().statusCode(422)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("idempotency_error"))
                .body("error.code", equalTo("idempotency_key_reused"))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .header("X-RateLimit-Limit", "100000");
        assertNoNumberIn(r);
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void aVaultAnswerTheGatewayShouldNeverGetIsA502AndNothingIsForwarded() {
        Response r = as(key).body(seed001(StubUpstream.VAULT_NOT_FOUND)).post("/v1/payments");
        r.then().statusCode(502)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.message", not(emptyOrNullString()))
                .header("X-RateLimit-Limit", "100000");
        assertTrue(r.jsonPath().getString("error.message").contains("nothing was charged"));
        assertNoNumberIn(r);
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void aFailingOrUnreachableVaultIsA503QuicklyAndNothingIsForwarded() {
        for (String number : List.of(StubUpstream.VAULT_FAILING, StubUpstream.VAULT_DROPPING)) {
            long started = System.nanoTime();
            Response r = as(key).body(seed001(number)).post("/v1/payments");
            long millis = (System.nanoTime() - started) / 1_000_000;
            r.then().statusCode(503)
                    .contentType(ContentType.JSON)
                    .body("error.type", equalTo("api_error"))
                    .body("error.code", equalTo("upstream_unavailable"))
                    .header("Retry-After", "1")
                    .header("X-RateLimit-Limit", "100000");
            assertTrue(r.jsonPath().getString("error.message").contains("nothing was charged"));
            assertNoNumberIn(r);
            // well before the vault timeout (3 s in tests)
            assertTrue(millis < 2_500, number + " took " + millis + " ms");
            assertTrue(StubUpstream.vaultWasCalled(r.header("Request-Id")));
            assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
        }
    }

    @Test
    void aVaultThatDoesNotAnswerIsA503AfterTheVaultTimeout() {
        long started = System.nanoTime();
        Response r = as(key).body(seed001(StubUpstream.VAULT_HANGING)).post("/v1/payments");
        long millis = (System.nanoTime() - started) / 1_000_000;
        r.then().statusCode(503)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_unavailable"))
                .header("Retry-After", "1");
        assertNoNumberIn(r);
        // vault-timeout is 3 s in tests, the upstream timeout 5 s
        assertTrue(millis >= 2_900 && millis < 5_000, "took " + millis + " ms");
        assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")));
    }

    @Test
    void anUnauthenticatedRequestNeverReachesTheVault() {
        Response r = Clients.from(ADDRESS).contentType(ContentType.JSON).body(seed001(NUMBER)).post("/v1/payments");
        r.then().statusCode(401).body("error.code", equalTo("api_key_missing"));
        assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")));
    }

    @Test
    void theAccessLogLineOfAnInlineCardPaymentHoldsNoCard() {
        Response r = as(key).body(seed001(NUMBER)).post("/v1/payments");
        r.then().statusCode(201);
        String requestId = r.header("Request-Id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> logged.stream().anyMatch(l -> l.contains(requestId)));
        assertTrue(logged.stream().filter(l -> l.contains(requestId))
                .allMatch(l -> l.matches(requestId + " POST /v1/payments 201 \\d+ms merchant=" + key.merchantId() + " ")),
                logged.toString());
    }

    // --- Routes of methods-service, and what is never routed --------------------------------------

    @Test
    void customersAndPaymentMethodsGoToMethodsService() {
        for (String path : List.of("/v1/customers", "/v1/customers/cus_1", "/v1/customers/cus_1/payment_methods",
                "/v1/payment_methods", "/v1/payment_methods/pm_1/attach", "/v1/payment_methods/pm_1/detach")) {
            Response r = as(key).body("{}").post(path);
            r.then().statusCode(201).header("X-Stub", "methods").body("uri", equalTo(path));
            assertEquals(key.merchantId(),
                    IdentityTokens.verifyQuietly(StubUpstream.received(r.header("Request-Id")).header("Authorization")));
        }
        // A card given when creating a payment method is the vault's own business: forwarded as it is.
        String card = "{\"type\": \"card\", \"card\": {\"number\": \"" + NUMBER + "\"}}";
        Response r = as(key).body(card).post("/v1/payment_methods");
        r.then().statusCode(201).header("X-Stub", "methods");
        assertEquals(card, StubUpstream.received(r.header("Request-Id")).body());
    }

    @Test
    void internalPathsAreNeverRouted() {
        for (String path : List.of("/internal/v1/vault/tokens", "/internal/v1/instruments/pm_1", "/internal",
                "/v1/../internal/v1/vault/tokens", "/INTERNAL/v1/vault/tokens")) {
            Response r = as(key).urlEncodingEnabled(false).body(seed001(NUMBER)).post(path);
            r.then().statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("url_unknown"))
                    .body("error.param", nullValue())
                    .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"));
            assertFalse(StubUpstream.vaultWasCalled(r.header("Request-Id")), path);
            assertFalse(StubUpstream.wasForwarded(r.header("Request-Id")), path);
        }
        as(key).get("/internal/v1/instruments/pm_1").then().statusCode(404).body("error.code", equalTo("url_unknown"));
    }
}
