package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.Permissions;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.gateway.application.port.in.AdmitRequestCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {
    static final String SECRET = "sk_test_1234567890abcdefghijklmnop";
    static final String OTHER_SECRET = "sk_test_abcdefghijklmnop1234567890";

    final FakePorts.Keys keys = new FakePorts.Keys();
    final FakePorts.RateLimits rateLimits = new FakePorts.RateLimits();
    final AdmitRequestService service = new AdmitRequestService(
            new AuthenticateApiKeyService(keys, new FakePorts.AccessTokens(), RateLimitPolicy.DEFAULT), rateLimits,
            new RateLimitPolicy(3, 60, 3), Clock.fixed(Instant.ofEpochMilli(FakePorts.NOW), ZoneOffset.UTC));

    Admission admit(String header, String address) {
        return admit(header, address, "GET", "/v1/payments");
    }

    Admission admit(String header, String address, String method, String path) {
        return service.admit(new AdmitRequestCommand(header, address, method, path)).toCompletableFuture().join();
    }

    void knownKey(String secret, String id, RateLimitPolicy policy) {
        keys.byHash.put(ApiKeySecret.sha256(secret), new ApiKey(id, "mer_" + id, Mode.TEST, policy, false));
    }

    @Test
    void aKnownKeyIsAdmittedAsItsMerchantAndCountedAgainstItsKeyOnly() {
        knownKey(SECRET, "key_1", RateLimitPolicy.DEFAULT);
        var admitted = assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals("mer_key_1", admitted.caller().merchantId());
        assertEquals(100, admitted.rateLimit().limit());
        assertEquals(99, admitted.rateLimit().remaining());
        assertEquals(List.of("key:key_1"), rateLimits.counted);
    }

    @Test
    void aRestrictedKeyIsAdmittedForItsScopesAndForbiddenTheRestButEveryRequestCounts() {
        String restricted = "rk_test_1234567890abcdefghijklmnop";
        keys.byHash.put(ApiKeySecret.sha256(restricted), new ApiKey("key_r", "mer_r", Mode.TEST, RateLimitPolicy.DEFAULT,
                false, Permissions.only(Set.of(Scope.PAYMENTS_READ, Scope.EVENTS_READ))));
        assertInstanceOf(Admission.Admitted.class, admit("Bearer " + restricted, "10.0.0.1", "GET", "/v1/payments/pay_1"));
        assertInstanceOf(Admission.Admitted.class, admit("Bearer " + restricted, "10.0.0.1", "GET", "/v1/events"));
        var forbidden = assertInstanceOf(Admission.Forbidden.class,
                admit("Bearer " + restricted, "10.0.0.1", "POST", "/v1/payments"));
        assertEquals(Scope.PAYMENTS_WRITE, forbidden.needed());
        assertEquals("mer_r", forbidden.caller().merchantId());
        assertEquals(Scope.REFUNDS_WRITE, assertInstanceOf(Admission.Forbidden.class,
                admit("Bearer " + restricted, "10.0.0.1", "POST", "/v1/payments/pay_1/refunds")).needed());
        assertEquals(97, forbidden.rateLimit().remaining(), "counted like any request");
        assertEquals(List.of("key:key_r", "key:key_r", "key:key_r", "key:key_r"), rateLimits.counted);
        // a secret key stored as restricted (or the reverse) does not authenticate
        String secretLooking = "sk_test_1234567890abcdefghijklmnop";
        keys.byHash.put(ApiKeySecret.sha256(secretLooking), new ApiKey("key_s", "mer_s", Mode.TEST,
                RateLimitPolicy.DEFAULT, false, Permissions.only(Set.of(Scope.PAYMENTS_READ))));
        assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + secretLooking, "10.0.0.1"));
    }

    @Test
    void overItsLimitAKeyIsRateLimitedAsItsCaller() {
        knownKey(SECRET, "key_1", new RateLimitPolicy(2, 60, 2));
        admit("Bearer " + SECRET, "10.0.0.1");
        admit("Bearer " + SECRET, "10.0.0.1");
        var limited = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals("key_1", limited.caller().orElseThrow().keyId());
        assertEquals(0, limited.rateLimit().remaining());
        assertTrue(limited.rateLimit().retryAfterSeconds() >= 1);
    }

    @Test
    void withoutAValidKeyARequestIsRefusedAndCountedAgainstItsClientAddress() {
        var missing = assertInstanceOf(Admission.Unauthenticated.class, admit(null, "10.0.0.1"));
        assertFalse(missing.keyPresented());
        var unknown = assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertTrue(unknown.keyPresented());
        assertEquals(1, unknown.rateLimit().remaining());
        assertEquals(List.of("ip:10.0.0.1", "ip:10.0.0.1"), rateLimits.counted);
    }

    @Test
    void anAddressOverItsLimitForFailedAuthenticationsIsRateLimitedWithoutAValidKey() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        }
        var guessing = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        assertTrue(guessing.caller().isEmpty());
        assertEquals(3, guessing.rateLimit().limit());
        assertTrue(guessing.rateLimit().retryAfterSeconds() >= 1);
        assertInstanceOf(Admission.RateLimited.class, admit(null, "10.0.0.1"));
        assertEquals(List.of("ip:10.0.0.1", "ip:10.0.0.1", "ip:10.0.0.1"), rateLimits.counted);
    }

    @Test
    void aValidKeyIsAdmittedFromAnAddressOverItsLimitForFailedAuthentications() {
        // Behind a load balancer every client shares an address: one noisy client must not lock merchants out.
        knownKey(SECRET, "key_1", RateLimitPolicy.DEFAULT);
        for (int i = 0; i < 4; i++) {
            admit(null, "10.0.0.1");
        }
        assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        var admitted = assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals("mer_key_1", admitted.caller().merchantId());
        assertEquals(100, admitted.rateLimit().limit());
        assertEquals(99, admitted.rateLimit().remaining());
        assertEquals(List.of("ip:10.0.0.1", "ip:10.0.0.1", "ip:10.0.0.1", "key:key_1"), rateLimits.counted);
    }

    @Test
    void aValidKeyIsLimitedByItsOwnPolicyOnlyAndNeverCountsAgainstItsAddress() {
        knownKey(SECRET, "key_1", new RateLimitPolicy(10, 60, 10));
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET, "10.0.0.1"));
        }
        var limited = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals(10, limited.rateLimit().limit());
        // The address's allowance for failed authentications (3 here) is untouched by the key's traffic.
        var unknown = assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        assertEquals(2, unknown.rateLimit().remaining());
    }

    @Test
    void whenTheKeyStoreIsDownTheRequestIsRefusedWithoutCountingItAgainstAnyone() {
        keys.down = true;
        var unavailable = assertInstanceOf(Admission.KeyStoreUnavailable.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals(3, unavailable.rateLimit().limit());
        assertEquals(3, unavailable.rateLimit().remaining());
        assertTrue(rateLimits.counted.isEmpty());
    }
}
