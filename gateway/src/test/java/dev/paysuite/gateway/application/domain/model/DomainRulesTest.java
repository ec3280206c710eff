package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    @Test
    void aKeyIsReadFromABearerHeaderAndItsPrefixGivesTheMode() {
        assertEquals(Mode.TEST, ApiKeySecret.fromAuthorization("Bearer sk_test_1234567890abcdefghijklmnop").orElseThrow().mode());
        assertEquals(Mode.LIVE, ApiKeySecret.fromAuthorization("bearer sk_live_1234567890abcdefghijklmnop").orElseThrow().mode());
    }

    @Test
    void malformedOrMissingKeysAreNoKeys() {
        for (String header : new String[] {null, "", "Bearer", "Basic abc", "Bearer pk_test_1234567890abcdefghij",
                "Bearer sk_test_short", "Bearer sk_test_1234567890abcdefghijklmnop extra", "sk_test_1234567890abcdefghijklmnop"}) {
            assertTrue(ApiKeySecret.fromAuthorization(header).isEmpty(), String.valueOf(header));
        }
    }

    @Test
    void onlyTheHashOfAKeyIsUsedAndItNeverPrints() {
        ApiKeySecret key = ApiKeySecret.fromAuthorization("Bearer sk_test_1234567890abcdefghijklmnop").orElseThrow();
        assertEquals(64, key.hash().length());
        assertEquals(ApiKeySecret.sha256("sk_test_1234567890abcdefghijklmnop"), key.hash());
        assertFalse(key.toString().contains("1234567890"));
    }

    @Test
    void theFirstMatchingRouteWins() {
        Routes routes = new Routes(List.of(Route.of("/v1/payments/[^/]+/refunds?", "refunds"),
                Route.of("/v1/payments(/.*)?", "payments")));
        assertEquals(Optional.of("refunds"), routes.upstreamFor("/v1/payments/pay_1/refunds"));
        assertEquals(Optional.of("refunds"), routes.upstreamFor("/v1/payments/pay_1/refund"));
        assertEquals(Optional.of("payments"), routes.upstreamFor("/v1/payments/pay_1/cancel"));
        assertEquals(Optional.of("payments"), routes.upstreamFor("/v1/payments"));
        assertEquals(Optional.empty(), routes.upstreamFor("/v1/paymentsX"));
        assertEquals(Optional.empty(), routes.upstreamFor("/v1/customers"));
    }

    @Test
    void anAdmittedRequestReportsWhatIsLeftAndWhenTheWindowResets() {
        RateLimitDecision d = RateLimitDecision.of(true, RateLimitPolicy.DEFAULT, 30, 45_000, 0, 1_000_000);
        assertTrue(d.allowed());
        assertEquals(100, d.limit());
        assertEquals(70, d.remaining());
        assertEquals(1_045, d.resetEpochSeconds());
        assertEquals(0, d.retryAfterSeconds());
    }

    @Test
    void aRefusedRequestSaysWhenToRetryRoundedUp() {
        RateLimitDecision burst = RateLimitDecision.of(false, RateLimitPolicy.DEFAULT, 20, 50_000, 300, 1_000_000);
        assertFalse(burst.allowed());
        assertEquals(80, burst.remaining());
        assertEquals(1, burst.retryAfterSeconds());
        RateLimitDecision window = RateLimitDecision.of(false, RateLimitPolicy.DEFAULT, 100, 12_001, 12_001, 1_000_000);
        assertEquals(0, window.remaining());
        assertEquals(13, window.retryAfterSeconds());
    }
}
