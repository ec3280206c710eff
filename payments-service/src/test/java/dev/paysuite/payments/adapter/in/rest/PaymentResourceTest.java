package dev.paysuite.payments.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentResourceTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    AgroalDataSource dataSource;

    static String body(long amount, String method) {
        return """
                {"amount": %d, "currency": "USD", "payment_method_id": "%s", "description": "Payment for order #12345",
                 "metadata": {"order_id": "12345", "customer_id": "cust_abc123"}}""".formatted(amount, method);
    }

    String create(TestCaller caller, String body) {
        return caller.request().body(body).post("/v1/payments").then().statusCode(201).extract().path("id");
    }

    @Test
    void seedExampleCreatesASucceededPaymentForTheDemoMerchant() {
        new TestCaller("mer_demo", "test").request().body(body(1000, "pm_1234567890"))
                .post("/v1/payments")
                .then().statusCode(201)
                .body("id", startsWith("pay_"))
                .body("object", equalTo("payment"))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("USD"))
                .body("status", equalTo("succeeded"))
                .body("payment_method_id", equalTo("pm_1234567890"))
                .body("description", equalTo("Payment for order #12345"))
                .body("metadata.order_id", equalTo("12345"))
                .body("metadata.customer_id", equalTo("cust_abc123"))
                .body("amount_captured", equalTo(1000))
                .body("payment_method_details.card.last4", equalTo("4242"))
                .body("payment_method_details.card.brand", equalTo("visa"))
                .body("livemode", equalTo(false))
                .body("created_at", notNullValue());
    }

    @Test
    void aCreatedPaymentCanBeRetrieved() {
        String id = create(merchant, body(1500, "pm_test_success"));
        merchant.request().get("/v1/payments/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("amount", equalTo(1500))
                .body("updated_at", notNullValue());
    }

    @Test
    void testTokensPayToo() {
        merchant.request().body("{\"amount\": 700, \"currency\": \"eur\", \"source\": \"tok_mastercard\"}")
                .post("/v1/payments")
                .then().statusCode(201)
                .body("status", equalTo("succeeded"))
                .body("currency", equalTo("EUR"))
                .body("source", equalTo("tok_mastercard"))
                .body("payment_method_details.card.brand", equalTo("mastercard"));
    }

    @Test
    void aDeclineAnswers402WithACardErrorAndTheFailedPaymentIsKept() {
        String id = merchant.request().body(body(1000, "pm_test_decline"))
                .post("/v1/payments")
                .then().statusCode(402)
                .body("error.type", equalTo("card_error"))
                .body("error.code", equalTo("card_declined"))
                .body("error.param", equalTo("payment_method_id"))
                .body("error.details.decline_code", equalTo("generic_decline"))
                .body("error.details.payment.status", equalTo("failed"))
                .extract().path("error.details.payment_id");
        merchant.request().get("/v1/payments/" + id)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("failure_code", equalTo("card_declined"));
    }

    @Test
    void insufficientFundsAndExpiredCardsAreDeclinesToo() {
        merchant.request().body(body(1000, "pm_test_insufficient_funds")).post("/v1/payments")
                .then().statusCode(402).body("error.type", equalTo("card_error"))
                .body("error.details.decline_code", equalTo("insufficient_funds"));
        merchant.request().body(body(1000, "pm_test_expired")).post("/v1/payments")
                .then().statusCode(402).body("error.code", equalTo("expired_card"));
    }

    @Test
    void theDemoMerchantStartsWithSeed002sPayments() {
        TestCaller demo = new TestCaller("mer_demo", "test");
        demo.request().get("/v1/payments/pay_1234567890abcdef").then().statusCode(200)
                .body("status", equalTo("succeeded")).body("amount", equalTo(1000));
        demo.request().get("/v1/payments/pay_0987654321fedcba").then().statusCode(200).body("amount", equalTo(2500));
    }

    @Test
    void theDemoMerchantsStoredMethodsAreNotEveryonesMethods() {
        merchant.request().body(body(1000, "pm_1234567890")).post("/v1/payments").then().statusCode(404);
    }

    @Test
    void anUnknownPaymentMethodIsNotFound() {
        merchant.request().body(body(1000, "pm_does_not_exist")).post("/v1/payments")
                .then().statusCode(404)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("resource_missing"))
                .body("error.param", equalTo("payment_method_id"));
    }

    @Test
    void anotherMerchantSeesNothing() {
        String id = create(merchant, body(1000, "pm_test_success"));
        TestCaller other = TestCaller.newTestMerchant();
        other.request().get("/v1/payments/" + id).then().statusCode(404).body("error.code", equalTo("resource_missing"));
        other.request().body("{}").post("/v1/payments/" + id + "/cancel").then().statusCode(404);
        other.request().body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(404);
        other.request().get("/v1/payments").then().statusCode(200).body("data", hasSize(0)).body("total_count", equalTo(0));
        merchant.live().request().get("/v1/payments/" + id).then().statusCode(404);
    }

    @Test
    void aManualCapturePaymentIsAuthorizedThenCaptured() {
        String id = merchant.request()
                .body("{\"amount\": 5000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                        + "\"capture_method\": \"manual\"}")
                .post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("requires_capture"))
                .body("amount_captured", equalTo(0))
                .extract().path("id");
        merchant.request().body("{\"amount_to_capture\": 4000}").post("/v1/payments/" + id + "/capture")
                .then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("amount_captured", equalTo(4000))
                .body("captured_at", notNullValue());
        merchant.request().body("{}").post("/v1/payments/" + id + "/capture")
                .then().statusCode(409).body("error.code", equalTo("payment_already_captured"));
    }

    @Test
    void capturingAnAutomaticPaymentIsAConflictAndOverCaptureIsRefused() {
        String id = create(merchant, body(1000, "pm_test_success"));
        merchant.request().post("/v1/payments/" + id + "/capture").then().statusCode(409);
        String manual = merchant.request()
                .body("{\"amount\": 100, \"currency\": \"USD\", \"source\": \"tok_visa\", \"capture_method\": \"manual\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        merchant.request().body("{\"amount_to_capture\": 101}").post("/v1/payments/" + manual + "/capture")
                .then().statusCode(400).body("error.param", equalTo("amount_to_capture"));
    }

    @Test
    void cancelingKeepsTheReasonAndASecondCancelIsAConflict() {
        String id = merchant.request()
                .body("{\"amount\": 5000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                        + "\"capture_method\": \"manual\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        merchant.request().body("{\"reason\": \"Customer requested cancellation\"}")
                .post("/v1/payments/" + id + "/cancel")
                .then().statusCode(200)
                .body("status", equalTo("canceled"))
                .body("cancellation_reason", equalTo("Customer requested cancellation"))
                .body("canceled_at", notNullValue());
        merchant.request().body("{}").post("/v1/payments/" + id + "/cancel")
                .then().statusCode(409).body("error.code", equalTo("payment_already_canceled"));
    }

    @Test
    void aSucceededPaymentCannotBeCanceled() {
        String id = create(merchant, body(1000, "pm_test_success"));
        merchant.request().body("{}").post("/v1/payments/" + id + "/cancel")
                .then().statusCode(400).body("error.code", equalTo("payment_unexpected_state"));
    }

    @Test
    void threeDSecureRequiresActionAndConfirmWaitsForThePayersAnswerWhichCompletesThePayment() {
        io.restassured.response.ExtractableResponse<?> created = merchant.request().body(body(900, "pm_test_3ds_required"))
                .post("/v1/payments")
                .then().statusCode(201)
                .body("status", equalTo("requires_action"))
                .body("next_action.type", equalTo("redirect_to_url"))
                .extract();
        String id = created.path("id");
        merchant.request().post("/v1/payments/" + id + "/confirm")
                .then().statusCode(400).body("error.code", equalTo("payment_authentication_incomplete"));
        ThreeDSecureResourceTest.answerOnly(created.path("next_action.redirect_to_url.url"), "approve")
                .then().statusCode(200);
        merchant.request().get("/v1/payments/" + id)
                .then().statusCode(200).body("status", equalTo("succeeded")).body("next_action", nullValue());
        merchant.request().post("/v1/payments/" + id + "/confirm")
                .then().statusCode(400).body("error.code", equalTo("payment_unexpected_state"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstAnswer() {
        TestCaller m = TestCaller.newTestMerchant();
        String key = UUID.randomUUID().toString();
        String first = m.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        m.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        m.request().get("/v1/payments").then().body("total_count", equalTo(1));
    }

    @Test
    void aRequestRacingOneInFlightWithTheSameKeyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_keys (merchant_id, idempotency_key, request_hash, state, locked_at, created_at)
                VALUES (?, ?, 'hash-of-the-request-in-flight', 'in_flight', now(), now())""")) {
            ps.setString(1, merchant.merchantId());
            ps.setString(2, key);
            ps.executeUpdate();
        }
        // Same fingerprint as the in-flight request is what a racing retry has: make it match.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_keys SET request_hash = ? WHERE merchant_id = ? AND idempotency_key = ?")) {
            ps.setString(1, fingerprintOfCreate(body(1200, "pm_test_success")));
            ps.setString(2, merchant.merchantId());
            ps.setString(3, key);
            ps.executeUpdate();
        }
        merchant.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(409)
                .body("error.type", equalTo("idempotency_error"))
                .body("error.code", equalTo("idempotency_key_in_use"));
    }

    /** Lets the guard compute the fingerprint: claim a fresh key with the body, read back its hash. */
    String fingerprintOfCreate(String body) throws Exception {
        TestCaller probe = TestCaller.newTestMerchant();
        String key = UUID.randomUUID().toString();
        probe.request().header("Idempotency-Key", key).body(body).post("/v1/payments").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ?")) {
            ps.setString(1, probe.merchantId());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void replayingADeclineAnswersTheSameDecline() {
        String key = UUID.randomUUID().toString();
        String first = merchant.request().header("Idempotency-Key", key).body(body(1000, "pm_test_decline"))
                .post("/v1/payments").then().statusCode(402).extract().path("error.details.payment_id");
        merchant.request().header("Idempotency-Key", key).body(body(1000, "pm_test_decline")).post("/v1/payments")
                .then().statusCode(402).header("Idempotent-Replayed", "true")
                .body("error.details.payment_id", equalTo(first));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        merchant.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(201);
        merchant.request().header("Idempotency-Key", key).body(body(1300, "pm_test_success"))
                .post("/v1/payments")
                .then().statusCode(422)
                .body("error.type", equalTo("idempotency_error"))
                .body("error.code", equalTo("idempotency_key_reused"));
    }

    @Test
    void idempotencyKeysArePerMerchant() {
        String key = UUID.randomUUID().toString();
        String a = merchant.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        String b = TestCaller.newTestMerchant().request().header("Idempotency-Key", key)
                .body(body(1200, "pm_test_success")).post("/v1/payments")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(a, b);
    }

    @Test
    void idempotencyKeysArePerMode() {
        String key = UUID.randomUUID().toString();
        merchant.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(201);
        // Live mode knows no test payment method: a replay of the test answer would have been a 201.
        merchant.live().request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(404).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsAnsweredProcessingAndTheReconcilerFinishesItWithOneCharge() throws Exception {
        String id = merchant.request().body(body(1300, "pm_test_answer_lost")).post("/v1/payments")
                .then().statusCode(201).body("status", equalTo("processing")).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                merchant.request().get("/v1/payments/" + id).then().statusCode(200)
                        .body("status", equalTo("succeeded")).body("amount_captured", equalTo(1300)));
        assertEquals(1, countRows("SELECT count(*) FROM simulator_operations WHERE acquirer_key LIKE ?", id + "/%"),
                "the acquirer charged once");
    }

    @Test
    void aRetryAfterTheRequestDiedAnswersWithThePaymentItMadeInsteadOfMakingAnother() throws Exception {
        TestCaller m = TestCaller.newTestMerchant();
        String made = create(m, body(1400, "pm_test_success"));
        String key = UUID.randomUUID().toString();
        String fingerprint = fingerprintOfCreate(body(1400, "pm_test_success"));
        // What a request that bound its key to the payment it made, then died, leaves behind.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_keys (merchant_id, livemode, idempotency_key, request_hash, state, resource_id,
                                              locked_at, created_at)
                VALUES (?, false, ?, ?, 'in_flight', ?, now() - interval '2 minutes', now() - interval '2 minutes')""")) {
            ps.setString(1, m.merchantId());
            ps.setString(2, key);
            ps.setString(3, fingerprint);
            ps.setString(4, made);
            ps.executeUpdate();
        }
        m.request().header("Idempotency-Key", key).body(body(1400, "pm_test_success")).post("/v1/payments")
                .then().statusCode(201).body("id", equalTo(made)).body("status", equalTo("succeeded"));
        m.request().get("/v1/payments").then().body("total_count", equalTo(1));
        m.request().header("Idempotency-Key", key).body(body(1400, "pm_test_success")).post("/v1/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(made));
    }

    long countRows(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aValidationErrorDoesNotUseUpTheKey() {
        String key = UUID.randomUUID().toString();
        merchant.request().header("Idempotency-Key", key).body("{\"amount\": -5, \"currency\": \"USD\"}")
                .post("/v1/payments").then().statusCode(400);
        merchant.request().header("Idempotency-Key", key).body(body(1200, "pm_test_success"))
                .post("/v1/payments").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void withoutTheGatewaysTokenNothingIsAnswered() {
        RestAssured.given().contentType(ContentType.JSON).body(body(1000, "pm_test_success")).post("/v1/payments")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
        RestAssured.given().header("Authorization", "Bearer sk_test_1234567890abcdefghijklmnop")
                .get("/v1/payments").then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @Test
    void malformedJsonIsA400() {
        merchant.request().body("{\"amount\": 1000, ").post("/v1/payments")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_json"));
        merchant.request().body("[1, 2]").post("/v1/payments").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void wrongTypesAreA400NamingTheParameter() {
        expectInvalid("{\"amount\": \"1000\", \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
        expectInvalid("{\"amount\": 10.5, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
        expectInvalid("{\"amount\": 1000, \"currency\": 840, \"payment_method_id\": \"pm_test_success\"}", "currency");
        expectInvalid("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"metadata\": {\"n\": 1}}", "metadata[n]");
        expectInvalid("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"metadata\": [\"x\"]}", "metadata");
        expectInvalid("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"colour\": \"red\"}", "colour");
        expectInvalid("{\"amount\": 99999999999999999999, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
    }

    @Test
    void badValuesAreA400NamingTheParameter() {
        expectInvalid("{\"amount\": -100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
        expectInvalid("{\"amount\": 0, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
        expectInvalid("{\"amount\": 100, \"currency\": \"XYZ\", \"payment_method_id\": \"pm_test_success\"}", "currency");
        expectInvalid("{\"amount\": 100, \"payment_method_id\": \"pm_test_success\"}", "currency");
        expectInvalid("{\"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}", "amount");
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\"}", "payment_method_id");
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"capture_method\": \"later\"}", "capture_method");
        expectInvalid("{}", "amount");
        merchant.request().post("/v1/payments").then().statusCode(400).body("error.param", equalTo("amount"));
    }

    @Test
    void aTokenIsNamedByTheParameterItCameIn() {
        merchant.request().body("{\"amount\": 100, \"currency\": \"USD\", \"card_token\": \"tok_chargeDeclined\"}")
                .post("/v1/payments").then().statusCode(402)
                .body("error.type", equalTo("card_error")).body("error.param", equalTo("card_token"));
        merchant.request().body("{\"amount\": 100, \"currency\": \"USD\", \"source\": \"tok_chargeDeclined\"}")
                .post("/v1/payments").then().statusCode(402).body("error.param", equalTo("source"));
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"card_token\": \"visa\"}", "card_token");
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"card_token\": \"tok_unknown\"}", "card_token", 404);
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"card_123\"}",
                "payment_method_id");
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"source\": \"tok_visa\"}", "payment_method_id");
    }

    @Test
    void seed000PaysWithACardTokenAndSaysItIsACard() {
        merchant.request().body("{\"amount\": 2000, \"currency\": \"USD\", \"payment_method\": \"card\", "
                + "\"card_token\": \"card_token_123\"}")
                .post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("succeeded"))
                .body("source", equalTo("card_token_123"))
                .body("payment_method_details.card.last4", equalTo("4242"));
    }

    @Test
    void aPaymentMethodTypeThatIsNotTheMethodsIsRefused() {
        ValidatableResponse r = merchant.request().body("{\"amount\": 2000, \"currency\": \"USD\", "
                + "\"payment_method\": \"paypal\", \"source\": \"tok_visa\"}").post("/v1/payments").then();
        r.statusCode(400).body("error.param", equalTo("payment_method"))
                .body("error.message", equalTo("Invalid payment_method: the payment method is card, not paypal."));
        expectInvalid("{\"amount\": 2000, \"currency\": \"USD\", \"payment_method\": \"cheque\", "
                + "\"source\": \"tok_visa\"}", "payment_method");
        expectInvalid("{\"amount\": 2000, \"currency\": \"USD\", \"payment_method\": 7, "
                + "\"source\": \"tok_visa\"}", "payment_method");
        merchant.request().body("{\"amount\": 2000, \"currency\": \"BTC\", \"payment_method\": \"bitcoin\", "
                + "\"payment_method_id\": \"pm_test_bitcoin\"}").post("/v1/payments").then().statusCode(201);
    }

    @Test
    void inlineCardDetailsNeverReachPayments() {
        merchant.request().body("{\"amount\": 2000, \"currency\": \"USD\", \"payment_method\": {\"type\": \"card\", "
                + "\"card\": {\"number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2030}}}")
                .post("/v1/payments").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("payment_method_unsupported"))
                .body("error.param", equalTo("payment_method"))
                .body("error.message", startsWith("Inline card details are not accepted by payments-service: the "
                        + "gateway exchanges them for a token"));
    }

    @Test
    void domainFieldsAreNamedAsTheApiNamesThem() {
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"metadata\": {\"order_id\": \"%s\"}}".formatted("x".repeat(501)), "metadata[order_id]");
        expectInvalid("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"customer_id\": \" \"}", "customer_id");
        merchant.request().body("{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                + "\"capture_method\": \"later\"}").post("/v1/payments").then().statusCode(400)
                .body("error.message", equalTo("Invalid capture_method: must be 'automatic' or 'manual'."));
        merchant.request().get("/v1/payments?limit=5&starting_after=pay_x&ending_before=pay_y").then().statusCode(400)
                .body("error.param", equalTo("ending_before"))
                .body("error.message", equalTo("Use only one of starting_after, ending_before and offset."));
    }

    @Test
    void aCurrencyTheMethodCannotPayInIsUnprocessable() {
        merchant.request().body("{\"amount\": 100, \"currency\": \"BTC\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(422)
                .body("error.code", equalTo("currency_not_supported")).body("error.param", equalTo("currency"));
    }

    @Test
    void aMillionEtherIsPaidExactlyInGweiWithTheTestWallet() {
        String id = merchant.request()
                .body("{\"amount\": 1000000000000000, \"currency\": \"eth\", \"payment_method_id\": \"pm_test_ethereum\"}")
                .post("/v1/payments").then().statusCode(201)
                .body("amount", equalTo(1_000_000_000_000_000L))
                .body("amount_captured", equalTo(1_000_000_000_000_000L))
                .body("currency", equalTo("ETH"))
                .body("status", equalTo("succeeded"))
                .body("payment_method_details.type", equalTo("ethereum"))
                .body("payment_method_details.card", nullValue())
                .extract().path("id");
        merchant.request().get("/v1/payments/" + id).then().statusCode(200)
                .body("amount", equalTo(1_000_000_000_000_000L));
    }

    @Test
    void aMillionBitcoinIsPaidExactlyInSatoshisWithTheTestWallet() {
        merchant.request()
                .body("{\"amount\": 100000000000000, \"currency\": \"BTC\", \"payment_method_id\": \"pm_test_bitcoin\"}")
                .post("/v1/payments").then().statusCode(201)
                .body("amount", equalTo(100_000_000_000_000L))
                .body("payment_method_details.type", equalTo("bitcoin"));
    }

    @Test
    void theLargestAmountOfACurrencyIsPaidAndOneMoreIsRefusedNamingTheMaximum() {
        expectLargest("ETH", "pm_test_ethereum", 9_007_199_254_740_991L, "9007199.254740991 ETH");
        expectLargest("BTC", "pm_test_bitcoin", 9_007_199_254_740_991L, "90071992.54740991 BTC");
        expectLargest("USD", "pm_test_success", 99_999_999_999L, "999999999.99 USD");
        expectLargest("KWD", "pm_test_success", 999_999_999_999L, "999999999.999 KWD");
    }

    void expectLargest(String currency, String method, long max, String inMajorUnits) {
        String body = "{\"amount\": %d, \"currency\": \"%s\", \"payment_method_id\": \"%s\"}";
        merchant.request().body(body.formatted(max, currency, method)).post("/v1/payments")
                .then().statusCode(201).body("amount", equalTo(max)).body("amount_captured", equalTo(max));
        merchant.request().body(body.formatted(max + 1, currency, method)).post("/v1/payments")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("amount_too_large"))
                .body("error.param", equalTo("amount"))
                .body("error.message", equalTo("The amount must be at most " + max + " in " + currency
                        + "'s minor unit (" + inMajorUnits + ")."));
    }

    @Test
    void aWalletPaysOnlyInItsOwnCoin() {
        for (String body : List.of(
                "{\"amount\": 100, \"currency\": \"ETH\", \"payment_method_id\": \"pm_test_bitcoin\"}",
                "{\"amount\": 100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_ethereum\"}")) {
            merchant.request().body(body).post("/v1/payments").then().statusCode(422)
                    .body("error.code", equalTo("currency_not_supported")).body("error.param", equalTo("currency"));
        }
    }

    @Test
    void aNonJsonBodyIsRefusedWithTheErrorObject() {
        RestAssured.given().header("Authorization", "Bearer " + merchant.token())
                .contentType("application/x-www-form-urlencoded").body("amount=100&currency=USD")
                .post("/v1/payments").then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void anUnknownPathIsA404WithTheErrorObject() {
        merchant.request().get("/v1/nothing-here").then().statusCode(404).body("error.type", equalTo("invalid_request_error"));
    }

    void expectInvalid(String body, String param) {
        expectInvalid(body, param, 400);
    }

    void expectInvalid(String body, String param, int status) {
        ValidatableResponse r = merchant.request().body(body).post("/v1/payments").then();
        r.statusCode(status).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo(param))
                .body("error.message", notNullValue());
    }

    @Test
    void listingPaginatesWithOffsetAndBothCursors() {
        TestCaller m = TestCaller.newTestMerchant();
        for (int i = 1; i <= 7; i++) {
            create(m, body(100 * i, "pm_test_success"));
        }
        List<String> all = m.request().get("/v1/payments?limit=100").then().statusCode(200)
                .body("total_count", equalTo(7)).body("has_more", equalTo(false)).body("next_cursor", nullValue())
                .extract().path("data.id");
        assertEquals(7, all.size());
        // newest first
        assertEquals(700, (int) m.request().get("/v1/payments?limit=1").then().extract().path("data[0].amount"));

        m.request().get("/v1/payments?limit=3").then()
                .body("data.id", equalTo(all.subList(0, 3))).body("has_more", equalTo(true))
                .body("next_cursor", equalTo(all.get(2))).body("total_count", equalTo(7));
        m.request().get("/v1/payments?limit=3&starting_after=" + all.get(2)).then()
                .body("data.id", equalTo(all.subList(3, 6))).body("has_more", equalTo(true));
        m.request().get("/v1/payments?limit=3&starting_after=" + all.get(5)).then()
                .body("data.id", equalTo(all.subList(6, 7))).body("has_more", equalTo(false))
                .body("next_cursor", nullValue());
        m.request().get("/v1/payments?limit=2&ending_before=" + all.get(4)).then()
                .body("data.id", equalTo(all.subList(2, 4))).body("has_more", equalTo(true));
        m.request().get("/v1/payments?limit=5&ending_before=" + all.get(2)).then()
                .body("data.id", equalTo(all.subList(0, 2))).body("has_more", equalTo(false));
        m.request().get("/v1/payments?limit=3&offset=3").then()
                .body("data.id", equalTo(all.subList(3, 6))).body("has_more", equalTo(true));
        m.request().get("/v1/payments?limit=3&offset=6").then()
                .body("data.id", equalTo(all.subList(6, 7))).body("has_more", equalTo(false));
    }

    @Test
    void listingFiltersByStatusCustomerAndCreationTime() {
        TestCaller m = TestCaller.newTestMerchant();
        create(m, body(100, "pm_test_success"));
        m.request().body(body(100, "pm_test_decline")).post("/v1/payments").then().statusCode(402);
        String customerPayment = create(m, "{\"amount\": 300, \"currency\": \"USD\", \"source\": \"tok_visa\", "
                + "\"customer_id\": \"cus_42\"}");
        m.request().get("/v1/payments?status=failed").then().body("data", hasSize(1))
                .body("data[0].status", equalTo("failed")).body("total_count", equalTo(1));
        m.request().get("/v1/payments?status=succeeded").then().body("total_count", equalTo(2));
        m.request().get("/v1/payments?customer_id=cus_42").then().body("data.id", equalTo(List.of(customerPayment)));
        m.request().get("/v1/payments?created_after=2000-01-01T00:00:00Z&created_before=2100-01-01")
                .then().body("total_count", equalTo(3));
        m.request().get("/v1/payments?created_after=2100-01-01T00:00:00Z").then().body("total_count", equalTo(0));
        m.request().get("/v1/payments?created_before=946684800").then().body("total_count", equalTo(0));
    }

    @Test
    void badListParametersAreA400() {
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "offset=-1", "status=done",
                "created_after=yesterday", "starting_after=pay_unknown", "offset=2&starting_after=pay_x")) {
            merchant.request().get("/v1/payments?" + query).then().statusCode(400)
                    .body("error.type", equalTo("invalid_request_error"));
        }
    }
}
