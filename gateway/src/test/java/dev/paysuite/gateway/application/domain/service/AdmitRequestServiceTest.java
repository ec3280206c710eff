package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.in.AdmitRequestCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {
    static final String SECRET = "sk_test_1234567890abcdefghijklmnop";
    static final String OTHER_SECRET = "sk_test_abcdefghijklmnop1234567890";

    final FakePorts.Keys keys = new FakePorts.Keys();
    final FakePorts.RateLimits rateLimits = new FakePorts.RateLimits();
    final AdmitRequestService service = new AdmitRequestService(new AuthenticateApiKeyService(keys), rateLimits,
            new RateLimitPolicy(3, 60, 3), Clock.fixed(Instant.ofEpochMilli(FakePorts.NOW), ZoneOffset.UTC));

    Admission admit(String header, String address) {
        return service.admit(new AdmitRequestCommand(header, address)).toCompletableFuture().join();
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
    void anAddressThatUsedUpItsAllowanceIsRateLimitedEvenWithAValidKey() {
        knownKey(SECRET, "key_1", RateLimitPolicy.DEFAULT);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        }
        var guessing = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + OTHER_SECRET, "10.0.0.1"));
        assertTrue(guessing.caller().isEmpty());
        // The right key from the same address learns nothing either...
        var rightGuess = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + SECRET, "10.0.0.1"));
        assertEquals(3, rightGuess.rateLimit().limit());
        // ...and is not counted, while from elsewhere it works.
        assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET, "10.0.0.2"));
        assertEquals(List.of("ip:10.0.0.1", "ip:10.0.0.1", "ip:10.0.0.1", "key:key_1"), rateLimits.counted);
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
