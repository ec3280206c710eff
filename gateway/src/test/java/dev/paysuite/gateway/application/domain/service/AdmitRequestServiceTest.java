package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {
    static final String SECRET = "sk_test_1234567890abcdefghijklmnop";
    final Map<String, ApiKey> keys = new HashMap<>();
    final List<String> buckets = new ArrayList<>();
    int used;

    final LoadApiKeyPort load = hash -> CompletableFuture.completedFuture(Optional.ofNullable(keys.get(hash)));
    final ConsumeRateLimitPort limiter = new ConsumeRateLimitPort() {
        @Override
        public CompletionStage<RateLimitDecision> consume(String bucket, RateLimitPolicy policy) {
            buckets.add(bucket);
            boolean allowed = used < policy.limit();
            if (allowed) {
                used++;
            }
            return CompletableFuture.completedFuture(RateLimitDecision.of(allowed, policy, used, 60_000, 60_000, 0));
        }
    };
    final AdmitRequestService service = new AdmitRequestService(load, limiter, RateLimitPolicy.DEFAULT);

    Admission admit(String header) {
        return service.admit(header, "10.0.0.1").toCompletableFuture().join();
    }

    @Test
    void aKnownKeyIsAdmittedAsItsMerchantAndCountedOnItsOwnBucket() {
        keys.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.TEST, RateLimitPolicy.DEFAULT, false));
        Admission.Admitted a = assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET));
        assertEquals("mer_1", a.caller().merchantId());
        assertEquals(Mode.TEST, a.caller().mode());
        assertEquals(List.of("key:key_1"), buckets);
    }

    @Test
    void anUnknownKeyIsUnauthenticatedAndCountedOnTheClientAddress() {
        Admission.Unauthenticated u = assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + SECRET));
        assertTrue(u.keyPresented());
        assertEquals(List.of("ip:10.0.0.1"), buckets);
        assertFalse(assertInstanceOf(Admission.Unauthenticated.class, admit(null)).keyPresented());
    }

    @Test
    void aRevokedKeyIsRefused() {
        keys.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.TEST, RateLimitPolicy.DEFAULT, true));
        assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + SECRET));
    }

    @Test
    void aKeyStoredForAnotherModeIsRefused() {
        keys.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.LIVE, RateLimitPolicy.DEFAULT, false));
        assertInstanceOf(Admission.Unauthenticated.class, admit("Bearer " + SECRET));
    }

    @Test
    void overItsLimitAKeyIsRateLimited() {
        keys.put(ApiKeySecret.sha256(SECRET), new ApiKey("key_1", "mer_1", Mode.TEST, new RateLimitPolicy(2, 60, 2), false));
        assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET));
        assertInstanceOf(Admission.Admitted.class, admit("Bearer " + SECRET));
        Admission.RateLimited limited = assertInstanceOf(Admission.RateLimited.class, admit("Bearer " + SECRET));
        assertEquals(0, limited.rateLimit().remaining());
        assertEquals(60, limited.rateLimit().retryAfterSeconds());
    }
}
