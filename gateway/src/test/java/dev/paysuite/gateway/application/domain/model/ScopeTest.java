package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    static Optional<Scope> needs(String method, String path) {
        return Scope.requiredFor(method, path);
    }

    @Test
    void eachRouteNeedsTheScopeOfItsResourceReadingOrWriting() {
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/payments"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("HEAD", "/v1/payments/pay_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/payments"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/payments/pay_1/capture"));
        assertEquals(Optional.of(Scope.REFUNDS_WRITE), needs("POST", "/v1/payments/pay_1/refunds"));
        assertEquals(Optional.of(Scope.REFUNDS_WRITE), needs("POST", "/v1/payments/pay_1/refund"));
        assertEquals(Optional.of(Scope.REFUNDS_READ), needs("GET", "/v1/payments/pay_1/refunds"));
        assertEquals(Optional.of(Scope.REFUNDS_READ), needs("GET", "/v1/refunds/ref_1"));
        assertEquals(Optional.of(Scope.REFUNDS_WRITE), needs("POST", "/v1/refunds"));
        assertEquals(Optional.of(Scope.METHODS_WRITE), needs("POST", "/v1/payment_methods/pm_1/attach"));
        assertEquals(Optional.of(Scope.METHODS_WRITE), needs("DELETE", "/v1/customers/cus_1"));
        assertEquals(Optional.of(Scope.METHODS_READ), needs("GET", "/v1/customers/cus_1/payment_methods"));
        assertEquals(Optional.of(Scope.EVENTS_READ), needs("GET", "/v1/events/stream"));
        assertEquals(Optional.of(Scope.WEBHOOKS_WRITE), needs("POST", "/v1/webhook_endpoints/we_1/roll_secret"));
        assertEquals(Optional.of(Scope.WEBHOOKS_READ), needs("GET", "/v1/webhook_endpoints/we_1/attempts"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/payment_links/plink_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/subscriptions"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/subscriptions/sub_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/subscriptions"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/subscriptions/sub_1/cancel"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/test_clocks/clock_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/test_clocks"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/test_clocks/clock_1/advance"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("DELETE", "/v1/test_clocks/clock_1"));
        // a dispute is part of its payment: payments:read reads disputes, payments:write writes them
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/disputes"));
        assertEquals(Optional.of(Scope.PAYMENTS_READ), needs("GET", "/v1/disputes/dp_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/disputes/dp_1"));
        assertEquals(Optional.of(Scope.PAYMENTS_WRITE), needs("POST", "/v1/disputes/dp_1/close"));
        // what no route serves is left to the 404 further on; a look-alike prefix is not the resource
        assertEquals(Optional.empty(), needs("GET", "/v1/paymentsx"));
        assertEquals(Optional.empty(), needs("GET", "/v2/payments"));
        assertEquals(Optional.empty(), needs("GET", "/v1/subscriptionsx"));
        assertEquals(Optional.empty(), needs("POST", "/v1/test_clock"));
        assertEquals(Optional.empty(), needs("GET", "/v1/disputesx"));
        assertEquals(Optional.empty(), needs("GET", "/v1/dispute/dp_1"));
    }

    @Test
    void permissionsAreEverythingOrTheirScopesAndParseAsStored() {
        assertTrue(Permissions.ALL.permits(Scope.PAYMENTS_WRITE));
        assertNull(Permissions.ALL.wireScopes());
        Permissions partner = Permissions.parse("events:read  payments:read unknown:thing");
        assertEquals(Set.of(Scope.PAYMENTS_READ, Scope.EVENTS_READ), partner.scopes());
        assertTrue(partner.permits(Scope.EVENTS_READ));
        assertFalse(partner.permits(Scope.PAYMENTS_WRITE));
        assertEquals("payments:read events:read", partner.wireScopes());
        assertFalse(Permissions.parse("").permits(Scope.PAYMENTS_READ), "a restricted key with no scope does nothing");
        assertTrue(Permissions.parse(null).unrestricted());
    }
}
