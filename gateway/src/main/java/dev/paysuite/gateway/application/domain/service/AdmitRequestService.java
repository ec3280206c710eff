package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class AdmitRequestService implements AdmitRequestUseCase {
    private final LoadApiKeyPort keys;
    private final ConsumeRateLimitPort rateLimits;
    private final RateLimitPolicy anonymousPolicy;

    /** @param anonymousPolicy what requests without a valid key get, per client address */
    public AdmitRequestService(LoadApiKeyPort keys, ConsumeRateLimitPort rateLimits, RateLimitPolicy anonymousPolicy) {
        this.keys = keys;
        this.rateLimits = rateLimits;
        this.anonymousPolicy = anonymousPolicy;
    }

    @Override
    public CompletionStage<Admission> admit(String authorizationHeader, String clientAddress) {
        Optional<ApiKeySecret> secret = ApiKeySecret.fromAuthorization(authorizationHeader);
        boolean presented = authorizationHeader != null && !authorizationHeader.isBlank();
        CompletionStage<Optional<ApiKey>> key = secret.isPresent()
                ? keys.loadByHash(secret.get().hash())
                : CompletableFuture.completedFuture(Optional.empty());
        return key.thenCompose(found -> {
            Optional<ApiKey> usable = found.filter(k -> !k.revoked() && k.mode() == secret.get().mode());
            if (usable.isEmpty()) {
                // Unauthenticated requests are limited per address, so guessing keys is slow too.
                return rateLimits.consume("ip:" + clientAddress, anonymousPolicy)
                        .thenApply(decision -> new Admission.Unauthenticated(presented, decision));
            }
            ApiKey apiKey = usable.get();
            Caller caller = new Caller(apiKey.merchantId(), apiKey.mode(), apiKey.id());
            return rateLimits.consume("key:" + apiKey.id(), apiKey.rateLimit())
                    .thenApply(decision -> decision.allowed()
                            ? new Admission.Admitted(caller, decision)
                            : new Admission.RateLimited(caller, decision));
        });
    }
}
