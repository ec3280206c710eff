package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Authentication;
import dev.paysuite.gateway.application.port.in.AuthenticateApiKeyUseCase;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {
    private final LoadApiKeyPort keys;

    public AuthenticateApiKeyService(LoadApiKeyPort keys) {
        this.keys = keys;
    }

    @Override
    public CompletionStage<Authentication> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return CompletableFuture.completedFuture(new Authentication.Missing());
        }
        Optional<ApiKeySecret> presented = ApiKeySecret.fromAuthorization(authorizationHeader);
        if (presented.isEmpty()) {
            // Not even the shape of a key: no reason to ask the key store.
            return CompletableFuture.completedFuture(new Authentication.Invalid());
        }
        ApiKeySecret secret = presented.get();
        return lookUp(secret.hash()).handle((found, failure) -> {
            if (failure != null) {
                return new Authentication.Unavailable();
            }
            return found.filter(key -> key.authenticates(secret))
                    .<Authentication>map(key -> new Authentication.Authenticated(key.caller(), key.rateLimit()))
                    .orElseGet(Authentication.Invalid::new);
        });
    }

    private CompletionStage<Optional<ApiKey>> lookUp(String hash) {
        try {
            return keys.loadByHash(hash);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
