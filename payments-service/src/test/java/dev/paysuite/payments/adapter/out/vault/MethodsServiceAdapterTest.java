package dev.paysuite.payments.adapter.out.vault;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * payments-service against methods-service ({@link MethodsServiceStub}) that is missing, down, slow,
 * failing or refusing: a payment is always answered, 404 for what the vault does not know and 503
 * with the error object otherwise, before anything is recorded. Tries are short here (300 ms), so
 * each test takes a second or so; a hang would fail on the client's socket timeout, not a timer.
 */
@QuarkusTest
@TestProfile(MethodsServiceAdapterTest.ShortTries.class)
class MethodsServiceAdapterTest {
    static final long TIMEOUT_MILLIS = 300;
    static final int TRIES = 3;
    /** Far more than every try and delay together: reaching it means the request hung. */
    static final RestAssuredConfig NO_HANG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 5_000));

    public static class ShortTries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paysuite.payments.methods.timeout", "PT" + TIMEOUT_MILLIS / 1000.0 + "S");
        }
    }

    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void vaultBackToNormal() {
        MethodsServiceStub.reset();
        breakers.resetAll(); // the breaker exists from the adapter's first call on
    }

    ValidatableResponse pay(String method) {
        return pay(merchant.token(), method, null);
    }

    ValidatableResponse pay(String token, String method, String idempotencyKey) {
        var request = RestAssured.given().config(NO_HANG).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"" + method + "\"}")
                .post("/v1/payments").then();
    }

    static void unavailable(ValidatableResponse response) {
        response.statusCode(503).header("Retry-After", "1").contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("service_unavailable"))
                .body("error.message", containsString("Nothing was charged; retry shortly"));
    }

    @Test
    void theVaultIsAskedWithPaymentsServicesOwnTokenForTheMerchantAndTheRequestIdIsPassedOn() {
        String token = merchant.token();
        RestAssured.given().header("Authorization", "Bearer " + token).header("Request-Id", "req_forwarded_1")
                .contentType(ContentType.JSON)
                .body("{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).body("payment_method_details.card.last4", equalTo("4242"));
        assertNotEquals("Bearer " + token, MethodsServiceStub.lastAuthorization, "the merchant's token stays here");
        JsonWebToken sent = MethodsServiceStub.lastToken;
        assertEquals("payments-service", sent.getIssuer());
        assertEquals(Set.of("paysuite-internal"), sent.getAudience());
        assertEquals(merchant.merchantId(), sent.getSubject());
        assertEquals("test", sent.getClaim("mode"));
        assertTrue(sent.getExpirationTime() - sent.getIssuedAtTime() <= 60);
        assertEquals("req_forwarded_1", MethodsServiceStub.lastRequestId);
    }

    @Test
    void whatTheVaultDoesNotKnowIsNoSuchPaymentMethod() {
        pay("pm_unknown_to_the_vault").statusCode(404)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("resource_missing"))
                .body("error.param", equalTo("payment_method_id"));
        // The vault knows no test alias in live mode.
        pay(merchant.live().token(), "pm_test_success", null).statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        assertEquals(2, MethodsServiceStub.requests.get(), "a 404 is an answer: never tried again");
    }

    @Test
    void aVaultThatCannotBeReachedIs503AndTheKeyStaysUnused() {
        MethodsServiceStub.proxy.cut();
        String key = UUID.randomUUID().toString();
        unavailable(pay(merchant.token(), "pm_test_success", key));
        assertEquals(0, MethodsServiceStub.requests.get());

        // Nothing was recorded: once the vault is back, the same key makes the payment.
        MethodsServiceStub.proxy.restore();
        pay(merchant.token(), "pm_test_success", key).statusCode(201).header("Idempotent-Replayed", nullValue());
        merchant.request().get("/v1/payments").then().body("total_count", equalTo(1));
    }

    @Test
    void aVaultSlowerThanTheTimeoutIs503AfterOneTryNotRepeatedOnTopOfItsLoad() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.SLOW;
        long started = System.nanoTime();
        unavailable(pay("pm_test_success"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, MethodsServiceStub.requests.get(), "a try that timed out is not sent again");
        assertTrue(tookMillis >= TIMEOUT_MILLIS, "the try waited its timeout: " + tookMillis + " ms");
        merchant.request().get("/v1/payments").then().body("total_count", equalTo(0));
    }

    @Test
    void aFailingVaultIsTriedAgainThen503() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_500;
        unavailable(pay("pm_test_success"));
        assertEquals(TRIES, MethodsServiceStub.requests.get());
    }

    @Test
    void aVaultRefusingTheCallIs503AndNeverTriedAgain() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_401;
        unavailable(pay("pm_test_success"));
        assertEquals(1, MethodsServiceStub.requests.get());
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndPaymentsFailAtOnce() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_500;
        unavailable(pay("pm_test_success"));
        for (int i = 0; i < 10 && breakers.currentState(MethodsServiceAdapter.CIRCUIT_BREAKER) != CircuitBreakerState.OPEN; i++) {
            unavailable(pay("pm_test_success"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(MethodsServiceAdapter.CIRCUIT_BREAKER));

        // Open: the vault is not even asked, however well it would answer now.
        MethodsServiceStub.fault = MethodsServiceStub.Fault.NONE;
        int asked = MethodsServiceStub.requests.get();
        unavailable(pay("pm_test_success"));
        unavailable(pay("pm_test_decline"));
        assertEquals(asked, MethodsServiceStub.requests.get());

        breakers.reset(MethodsServiceAdapter.CIRCUIT_BREAKER);
        pay("pm_test_success").statusCode(201);
    }
}
