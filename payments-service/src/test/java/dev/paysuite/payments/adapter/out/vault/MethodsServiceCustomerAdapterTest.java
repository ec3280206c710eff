package dev.paysuite.payments.adapter.out.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import dev.paysuite.payments.application.port.out.LoadCustomerPort.CustomerRecord;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.platform.web.RequestIdFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoadCustomerPort} against methods-service ({@link MethodsServiceStub}) that answers, does
 * not know the customer, or is missing, slow, failing or refusing: an answer, empty, or a
 * {@code DomainException} of kind {@code UNAVAILABLE}, with the same tries and the same circuit
 * breaker as the instruments ({@link MethodsServiceAdapterTest}, whose short tries this test shares).
 */
@QuarkusTest
@TestProfile(MethodsServiceAdapterTest.ShortTries.class)
class MethodsServiceCustomerAdapterTest {
    static final int TRIES = MethodsServiceAdapterTest.TRIES;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    LoadCustomerPort customers;
    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void vaultBackToNormal() {
        MethodsServiceStub.reset();
        breakers.resetAll();
        MDC.remove(RequestIdFilter.MDC_KEY);
    }

    static Map<String, Object> customerJson(String id, String defaultMethod, String clock, List<String> methods) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("default_payment_method_id", defaultMethod);
        json.put("test_clock", clock);
        json.put("payment_methods", methods);
        json.put("added_later", "ignored");
        return json;
    }

    Optional<CustomerRecord> load(String id) {
        return customers.load(merchant.merchantId(), false, id);
    }

    static void unavailable(DomainException e) {
        assertEquals(DomainException.Kind.UNAVAILABLE, e.kind());
        assertEquals("service_unavailable", e.code());
        assertTrue(e.getMessage().contains("The customer cannot be read right now"), e.getMessage());
    }

    @Test
    void theCustomerIsAskedForWithPaymentsServicesOwnTokenForTheMerchantAndMode() {
        MethodsServiceStub.customer(merchant.merchantId(), "test", "cus_abc", customerJson("cus_abc", "pm_2",
                "clock_x1", List.of("pm_1", "pm_2")));
        MDC.put(RequestIdFilter.MDC_KEY, "req_customer_1");
        assertEquals(Optional.of(new CustomerRecord("cus_abc", "pm_2", "clock_x1", List.of("pm_1", "pm_2"))),
                load("cus_abc"));
        JsonWebToken sent = MethodsServiceStub.lastToken;
        assertEquals("payments-service", sent.getIssuer());
        assertEquals(Set.of("paysuite-internal"), sent.getAudience());
        assertEquals(merchant.merchantId(), sent.getSubject());
        assertEquals("test", sent.getClaim("mode"));
        assertEquals("req_customer_1", MethodsServiceStub.lastRequestId);

        MethodsServiceStub.customer(merchant.merchantId(), "live", "cus_live", customerJson("cus_live", null, null,
                List.of()));
        assertEquals(Optional.of(new CustomerRecord("cus_live", null, null, List.of())),
                customers.load(merchant.merchantId(), true, "cus_live"));
        assertEquals("live", MethodsServiceStub.lastToken.getClaim("mode"));
    }

    @Test
    void aCustomerTheMerchantDoesNotHaveInThisModeIsEmptyAndNeverAskedAgain() {
        MethodsServiceStub.customer(merchant.merchantId(), "test", "cus_abc", customerJson("cus_abc", null, null,
                List.of()));
        assertEquals(Optional.empty(), load("cus_unknown"));
        assertEquals(Optional.empty(), customers.load(merchant.merchantId(), true, "cus_abc"));
        assertEquals(Optional.empty(), customers.load(TestCaller.newTestMerchant().merchantId(), false, "cus_abc"));
        assertEquals(3, MethodsServiceStub.requests.get(), "a 404 is an answer: never tried again");
    }

    @Test
    void anIdThatCannotNameACustomerIsEmptyWithoutAsking() {
        for (String id : Arrays.asList(null, "", "pm_1", "cus_", "cus_a/b", "..", "cus_" + "a".repeat(61))) {
            assertEquals(Optional.empty(), load(id), String.valueOf(id));
        }
        assertEquals(0, MethodsServiceStub.requests.get());
    }

    @Test
    void aMethodsServiceThatCannotBeReachedIsUnavailable() {
        MethodsServiceStub.proxy.cut();
        unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        assertEquals(0, MethodsServiceStub.requests.get());
        MethodsServiceStub.proxy.restore();
        assertEquals(Optional.empty(), load("cus_abc"));
    }

    @Test
    void aSlowMethodsServiceIsUnavailableAfterOneTryThatTimedOut() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.SLOW;
        long started = System.nanoTime();
        unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, MethodsServiceStub.requests.get(), "a try that timed out is not sent again");
        assertTrue(tookMillis >= MethodsServiceAdapterTest.TIMEOUT_MILLIS, "the try waited: " + tookMillis);
    }

    @Test
    void aFailingMethodsServiceIsTriedAgainARefusingOneNever() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_500;
        unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        assertEquals(TRIES, MethodsServiceStub.requests.get());

        MethodsServiceStub.reset();
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_401;
        unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        assertEquals(1, MethodsServiceStub.requests.get());
    }

    @Test
    void anAnswerWithoutTheCustomersIdCannotBeReadAndIsNotTriedAgain() {
        MethodsServiceStub.customer(merchant.merchantId(), "test", "cus_odd", customerJson(null, null, null, List.of()));
        unavailable(assertThrows(DomainException.class, () -> load("cus_odd")));
        assertEquals(1, MethodsServiceStub.requests.get());
    }

    /** One circuit breaker for methods-service: failing customer lookups open it for the instruments too. */
    @Test
    void theCircuitBreakerIsTheOneOfEveryCallToMethodsService() {
        MethodsServiceStub.fault = MethodsServiceStub.Fault.ANSWER_500;
        for (int i = 0; i < 10 && breakers.currentState(MethodsServiceAdapter.CIRCUIT_BREAKER) != CircuitBreakerState.OPEN; i++) {
            unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(MethodsServiceAdapter.CIRCUIT_BREAKER));

        MethodsServiceStub.fault = MethodsServiceStub.Fault.NONE;
        int asked = MethodsServiceStub.requests.get();
        unavailable(assertThrows(DomainException.class, () -> load("cus_abc")));
        MethodsServiceAdapterTest.unavailable(merchant.request().contentType("application/json")
                .body("{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then());
        assertEquals(asked, MethodsServiceStub.requests.get(), "open: methods-service is not even asked");

        breakers.reset(MethodsServiceAdapter.CIRCUIT_BREAKER);
        assertEquals(Optional.empty(), load("cus_abc"));
    }
}
