package dev.paysuite.methods.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.methods.testing.TestAcquirer;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.platform.testing.TestCaller.Signer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vault's internal API: instruments for payments-service, the inline-card exchange, forwarding. */
@QuarkusTest
class InternalVaultResourceTest {
    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pm_test_success,            card, visa,       4242, 12",
        "pm_test_decline,            card, visa,       0002, 12",
        "pm_test_insufficient_funds, card, visa,       9995, 12",
        "pm_test_expired,            card, visa,       0069, 1",
        "tok_visa,                   card, visa,       4242, 12",
        "tok_mastercard,             card, mastercard, 4444, 12",
        "tok_amex,                   card, amex,       8431, 12",
        "card_token_123,             card, visa,       4242, 12",
    })
    void testMethodsAndTokensResolveInTestModeForEveryMerchant(String ref, String type, String brand, String last4,
            int expMonth) {
        merchant.internalRequest().get("/internal/v1/instruments/" + ref).then().statusCode(200)
                .body("object", equalTo("instrument")).body("id", equalTo(ref)).body("type", equalTo(type))
                .body("brand", equalTo(brand)).body("last4", equalTo(last4)).body("exp_month", equalTo(expMonth));
        merchant.live().internalRequest().get("/internal/v1/instruments/" + ref).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
    }

    @Test
    void cryptoTestWalletsResolveWithoutANumber() {
        merchant.internalRequest().get("/internal/v1/instruments/pm_test_bitcoin").then().statusCode(200)
                .body("type", equalTo("bitcoin")).body("last4", nullValue()).body("fingerprint", nullValue());
        merchant.internalRequest().get("/internal/v1/instruments/pm_test_ethereum").then().statusCode(200)
                .body("type", equalTo("ethereum"));
    }

    @Test
    void theDemoMerchantsMethodsAreItsAlone() {
        TestCaller demo = new TestCaller("mer_demo", "test");
        demo.internalRequest().get("/internal/v1/instruments/pm_1234567890").then().statusCode(200)
                .body("brand", equalTo("visa")).body("last4", equalTo("4242"));
        demo.internalRequest().get("/internal/v1/instruments/pm_0987654321").then().statusCode(200);
        merchant.internalRequest().get("/internal/v1/instruments/pm_1234567890").then().statusCode(404);
    }

    @Test
    void unknownOrMalformedReferences() {
        merchant.internalRequest().get("/internal/v1/instruments/pm_nope").then().statusCode(404);
        merchant.internalRequest().get("/internal/v1/instruments/tok_nope").then().statusCode(404);
        merchant.internalRequest().get("/internal/v1/instruments/4242424242424242").then().statusCode(400)
                .body("error.message", not(org.hamcrest.Matchers.containsString("4242")));
        io.restassured.RestAssured.given().get("/internal/v1/instruments/pm_test_success").then().statusCode(401);
    }

    @Test
    void paymentsServiceAndTheGatewayActForAMerchantWithTheirOwnServiceTokens() {
        merchant.internalRequest().get("/internal/v1/instruments/tok_visa").then().statusCode(200);
        TestCaller.withToken(merchant.serviceToken(Signer.GATEWAY)).get("/internal/v1/instruments/tok_visa").then()
                .statusCode(200);
    }

    @Test
    void whatNoTrustedServiceSignedIsRefused() {
        String path = "/internal/v1/instruments/pm_test_success";
        // The merchant's identity token, as the gateway forwards public requests
        refused(merchant.request().get(path).then());
        refused(merchant.request().body(card("4111111111111111", 12, 2031, "123")).post("/internal/v1/vault/tokens")
                .then());
        // A service methods-service does not trust, signing with a key of its own (here the gateway's)
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(new Signer("reconciler", "gateway")),
                Signer.GATEWAY)).get(path).then());
        // payments-service's name, signed by another key
        refused(TestCaller.withToken(TestCaller.forged(merchant.serviceClaims(Signer.PAYMENTS_SERVICE))).get(path)
                .then());
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE),
                Signer.GATEWAY)).get(path).then());
        long past = Instant.now().minusSeconds(300).getEpochSecond();
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE)
                .issuedAt(past - 30).expiresAt(past), Signer.PAYMENTS_SERVICE)).get(path).then());
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE)
                .audience("paysuite-services"), Signer.PAYMENTS_SERVICE)).get(path).then());
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE)
                .groups("merchant"), Signer.PAYMENTS_SERVICE)).get(path).then());
    }

    @Test
    void aServiceTokenActingForNoMerchantReadsNoInstrument() {
        String itself = TestCaller.sign(Jwt.issuer("payments-service").audience("paysuite-internal").groups("service")
                .issuedAt(Instant.now().getEpochSecond()).expiresIn(30), Signer.PAYMENTS_SERVICE);
        refused(TestCaller.withToken(itself).get("/internal/v1/instruments/pm_test_success").then());
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(401).body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("caller_unauthenticated"));
    }

    static Map<String, Object> card(String number, int month, int year, String cvc) {
        return Map.of("card", Map.of("number", number, "exp_month", month, "exp_year", year, "cvc", cvc));
    }

    @Test
    void theExchangeGivesATokenOncePerKeyAndCard() {
        String key = "pay-" + System.nanoTime();
        String token = merchant.internalRequest().header("Idempotency-Key", key).body(card("4111111111111111", 12, 2031, "123"))
                .post("/internal/v1/vault/tokens").then().statusCode(201).body("object", equalTo("token"))
                .body("id", startsWith("tok_")).body("brand", equalTo("visa")).body("last4", equalTo("1111"))
                .body("funding", equalTo("credit")).extract().path("id");
        merchant.internalRequest().header("Idempotency-Key", key).body(card("4111111111111111", 12, 2031, "123"))
                .post("/internal/v1/vault/tokens").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(token));
        merchant.internalRequest().header("Idempotency-Key", key).body(card("4242424242424242", 12, 2031, "123"))
                .post("/internal/v1/vault/tokens").then().statusCode(422).body("error.type", equalTo("idempotency_error"));
        String another = merchant.internalRequest().body(card("4111111111111111", 12, 2031, "123"))
                .post("/internal/v1/vault/tokens").then().statusCode(201).extract().path("id");
        assertFalse(token.equals(another), "no key, a new token");

        merchant.internalRequest().get("/internal/v1/instruments/" + token).then().statusCode(200).body("last4", equalTo("1111"));
        TestCaller.newTestMerchant().internalRequest().get("/internal/v1/instruments/" + token).then().statusCode(404);
        // The same key of another merchant is another key
        TestCaller.newTestMerchant().internalRequest().header("Idempotency-Key", key)
                .body(card("4242424242424242", 12, 2031, "123")).post("/internal/v1/vault/tokens").then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4111111111111112, 12, 2031, 123,  card_number_invalid, card[number]",
        "4111111111111111, 0,  2031, 123,  expiry_invalid,      card[exp_month]",
        "4111111111111111, 10, 2026, 123,  card_expired,        card[exp_year]",
        "4111111111111111, 12, 2031, 12a,  cvc_invalid,         card[cvc]",
    })
    void anInvalidCardIsRefusedNamingTheField(String number, int month, int year, String cvc, String code, String param) {
        String answer = merchant.internalRequest().body(card(number, month, year, cvc)).post("/internal/v1/vault/tokens").then()
                .statusCode(400).body("error.code", equalTo(code)).body("error.param", equalTo(param)).extract().asString();
        assertFalse(answer.contains(number));
    }

    @Test
    void aForwardingSendsTheCardToTheConfiguredAcquirerAndIsAudited() throws Exception {
        String token = merchant.internalRequest().body(card("4000002760003184", 6, 2032, "123")).post("/internal/v1/vault/tokens")
                .then().statusCode(201).extract().path("id");
        TestAcquirer.RECEIVED.clear();
        Instant before = Instant.now().minusSeconds(1);
        merchant.internalRequest().body(Map.of("instrument", token, "destination", TestAcquirer.DESTINATION,
                "reason", "authorize pay_123", "body", "{\"pan\":\"{{card.number}}\",\"exp\":\"{{card.exp_month}}/{{card.exp_year}}\"}"))
                .post("/internal/v1/vault/forward").then().statusCode(200).body("status", equalTo(200))
                .body("body", equalTo("{\"authorization\":\"auth_123\",\"approved\":true}"));
        assertEquals(1, TestAcquirer.RECEIVED.size());
        assertEquals("{\"pan\":\"4000002760003184\",\"exp\":\"6/2032\"}", TestAcquirer.RECEIVED.get(0));

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT at, action, actor, instrument, reason FROM vault_audit WHERE instrument = ?")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the forwarding is in the audit log");
                assertEquals("forward", rs.getString("action"));
                assertEquals("merchant:" + merchant.merchantId(), rs.getString("actor"));
                assertEquals("authorize pay_123 -> test-acquirer", rs.getString("reason"));
                Timestamp at = rs.getTimestamp("at");
                assertNotNull(at, "the audit row says when");
                assertFalse(at.toInstant().isBefore(before), "when: " + at.toInstant() + ", the forwarding began " + before);
                assertFalse(at.toInstant().isAfter(Instant.now().plusSeconds(1)), "when: " + at.toInstant() + " is ahead");
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM vault_audit t WHERE t::text LIKE ?")) {
            s.setString(1, "%4000002760003184%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no audit row holds the forwarded number");
            }
        }
    }

    @Test
    void forwardingGoesOnlyToKnownAcquirersWithAReasonAndOnlyForCards() {
        TestAcquirer.RECEIVED.clear();
        merchant.internalRequest().body(Map.of("instrument", "tok_visa", "destination", "http://evil.example", "reason", "x",
                "body", "{{card.number}}")).post("/internal/v1/vault/forward").then().statusCode(400)
                .body("error.code", equalTo("destination_unknown"));
        merchant.internalRequest().body(Map.of("instrument", "tok_visa", "destination", TestAcquirer.DESTINATION,
                "body", "{{card.number}}")).post("/internal/v1/vault/forward").then().statusCode(400)
                .body("error.param", equalTo("reason"));
        merchant.internalRequest().body(Map.of("instrument", "pm_test_bitcoin", "destination", TestAcquirer.DESTINATION,
                "reason", "x", "body", "{{card.number}}")).post("/internal/v1/vault/forward").then().statusCode(400)
                .body("error.param", equalTo("instrument"));
        merchant.internalRequest().body(Map.of("instrument", "pm_nope", "destination", TestAcquirer.DESTINATION,
                "reason", "x", "body", "{{card.number}}")).post("/internal/v1/vault/forward").then().statusCode(404);
        assertTrue(TestAcquirer.RECEIVED.isEmpty());
    }

    @Test
    void aCustomerIsLookedUpWithItsDefaultMethodClockAndAttachedMethods() {
        TestCaller m = TestCaller.newTestMerchant();
        String customer = m.request().body(Map.of("name", "Jenny", "test_clock", "clock_abc123"))
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        m.internalRequest().get("/internal/v1/customers/" + customer).then().statusCode(200)
                .body("id", equalTo(customer)).body("default_payment_method_id", nullValue())
                .body("test_clock", equalTo("clock_abc123")).body("payment_methods", equalTo(List.of()));
        String first = attachedCard(m, customer, "4242424242424242");
        String second = attachedCard(m, customer, "5555555555554444");
        String detached = attachedCard(m, customer, "4000056655665556");
        m.request().post("/v1/payment_methods/" + detached + "/detach").then().statusCode(200);
        m.request().body(Map.of("type", "card", "card", Map.of("number", "4111111111111111", "exp_month", 12,
                "exp_year", 2031))).post("/v1/payment_methods").then().statusCode(201);
        m.request().body(Map.of("default_payment_method_id", second)).post("/v1/customers/" + customer).then()
                .statusCode(200);
        java.util.List<String> expected = first.compareTo(second) < 0 ? List.of(first, second)
                : List.of(second, first);
        m.internalRequest().get("/internal/v1/customers/" + customer).then().statusCode(200)
                .body("id", equalTo(customer)).body("default_payment_method_id", equalTo(second))
                .body("test_clock", equalTo("clock_abc123")).body("payment_methods", equalTo(expected));

        String plain = m.request().body(Map.of("name", "No clock")).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        m.internalRequest().get("/internal/v1/customers/" + plain).then().statusCode(200)
                .body("test_clock", nullValue()).body("payment_methods", equalTo(List.of()));
    }

    @Test
    void anUnknownDeletedOrOtherMerchantsCustomerIsNotFound() {
        TestCaller m = TestCaller.newTestMerchant();
        String customer = m.request().body(Map.of("name", "Jenny")).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        m.internalRequest().get("/internal/v1/customers/cus_nope").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        TestCaller.newTestMerchant().internalRequest().get("/internal/v1/customers/" + customer).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        m.live().internalRequest().get("/internal/v1/customers/" + customer).then().statusCode(404);
        m.request().delete("/v1/customers/" + customer).then().statusCode(200);
        m.internalRequest().get("/internal/v1/customers/" + customer).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
    }

    @Test
    void theCustomerLookupTakesOnlyATrustedServicesToken() {
        TestCaller m = TestCaller.newTestMerchant();
        String customer = m.request().body(Map.of("name", "Jenny")).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
        String path = "/internal/v1/customers/" + customer;
        refused(m.request().get(path).then());
        refused(TestCaller.withToken(TestCaller.forged(m.serviceClaims(Signer.PAYMENTS_SERVICE))).get(path).then());
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
        TestCaller.withToken(m.serviceToken(Signer.PAYMENTS_SERVICE)).get(path).then().statusCode(200);
    }

    private static String attachedCard(TestCaller m, String customer, String number) {
        return m.request().body(Map.of("type", "card", "customer_id", customer, "card", Map.of("number", number,
                "exp_month", 12, "exp_year", 2031))).post("/v1/payment_methods").then().statusCode(201)
                .body("customer_id", equalTo(customer)).extract().path("id");
    }
}
