package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.in.SeedDemoMerchantUseCase.DemoMerchant;
import dev.paysuite.gateway.application.port.out.SaveApiKeyPort;
import dev.paysuite.gateway.application.port.out.SaveMerchantPort;
import dev.paysuite.kernel.testing.InlineTransactions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedDemoMerchantServiceTest {
    static final String SEED_002_KEY = "sk_test_1234567890abcdefghijklmnop";

    final Map<String, String> merchants = new HashMap<>();
    final Map<String, String> keyHashes = new HashMap<>();
    final Map<String, ApiKey> keys = new HashMap<>();
    final InlineTransactions tx = new InlineTransactions();
    final SeedDemoMerchantService seed = new SeedDemoMerchantService(
            tx.guard(SaveMerchantPort.class, merchants::putIfAbsent),
            tx.guard(SaveApiKeyPort.class, (key, secret) -> {
                keys.put(key.id(), key);
                keyHashes.put(key.id(), secret.hash());
            }),
            new RateLimitPolicy(100, 60, 20), tx);

    @Test
    void theDemoMerchantAndItsKeyAreSavedTogetherWithTheHashOnly() {
        seed.seed(new DemoMerchant("mer_demo", "Demo merchant", "key_demo", SEED_002_KEY));
        assertEquals("Demo merchant", merchants.get("mer_demo"));
        assertEquals(ApiKeySecret.sha256(SEED_002_KEY), keyHashes.get("key_demo"));
        assertEquals(Mode.TEST, keys.get("key_demo").mode());
        assertEquals(new RateLimitPolicy(100, 60, 20), keys.get("key_demo").rateLimit());
        assertEquals(1, tx.stepsRun());
    }

    @Test
    void onlyATestKeyCanBeTheDemoKey() {
        assertThrows(IllegalArgumentException.class,
                () -> seed.seed(new DemoMerchant("mer_demo", "Demo", "key_demo", "sk_live_1234567890abcdefghijklmnop")));
        assertThrows(IllegalArgumentException.class,
                () -> seed.seed(new DemoMerchant("mer_demo", "Demo", "key_demo", "not-a-key")));
        assertTrue(merchants.isEmpty());
        assertTrue(keys.isEmpty());
    }
}
