package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.port.in.ForgetCachedKeyUseCase;
import dev.paysuite.gateway.application.port.out.EvictCachedApiKeyPort;

public class ForgetCachedKeyService implements ForgetCachedKeyUseCase {
    private final EvictCachedApiKeyPort cache;

    public ForgetCachedKeyService(EvictCachedApiKeyPort cache) {
        this.cache = cache;
    }

    @Override
    public void forget(String keyId) {
        cache.evict(keyId);
    }

    @Override
    public void forgetAll() {
        cache.evictAll();
    }
}
