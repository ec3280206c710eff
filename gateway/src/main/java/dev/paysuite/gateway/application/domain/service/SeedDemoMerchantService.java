package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.in.SeedDemoMerchantUseCase;
import dev.paysuite.gateway.application.port.out.SaveApiKeyPort;
import dev.paysuite.gateway.application.port.out.SaveMerchantPort;
import dev.paysuite.kernel.tx.Transactions;

/** The demo merchant and its test key, in one step: both exist and work afterwards, or neither changed. */
public class SeedDemoMerchantService implements SeedDemoMerchantUseCase {
    private final SaveMerchantPort merchants;
    private final SaveApiKeyPort keys;
    private final RateLimitPolicy defaultPolicy;
    private final Transactions transactions;

    public SeedDemoMerchantService(SaveMerchantPort merchants, SaveApiKeyPort keys, RateLimitPolicy defaultPolicy,
            Transactions transactions) {
        this.merchants = merchants;
        this.keys = keys;
        this.defaultPolicy = defaultPolicy;
        this.transactions = transactions;
    }

    @Override
    public void seed(DemoMerchant demo) {
        ApiKeySecret secret = ApiKeySecret.parse(demo.secret())
                .filter(s -> s.mode() == Mode.TEST)
                .orElseThrow(() -> new IllegalArgumentException("The demo merchant's secret must be an sk_test_ key"));
        ApiKey key = new ApiKey(demo.keyId(), demo.merchantId(), Mode.TEST, defaultPolicy, false);
        transactions.inTransaction(() -> {
            merchants.saveIfMissing(demo.merchantId(), demo.name());
            keys.saveKeepingLimits(key, secret);
        });
    }
}
