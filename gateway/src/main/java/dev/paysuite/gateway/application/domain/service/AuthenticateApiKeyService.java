package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.gateway.application.domain.model.Authentication;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import dev.paysuite.gateway.application.port.in.AuthenticateApiKeyUseCase;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.application.port.out.VerifyAccessTokenPort;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The two ways in: an API key ({@code sk_}/{@code rk_}), looked up by its hash, or an access token
 * from the identity provider (three dot-separated parts: a JWT), verified by it. A token names its
 * merchant and scopes; its rate limit is the default policy, counted under its client.
 */
public class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {
    private static final Pattern BEARER_JWT = Pattern.compile("(?i)bearer +([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+) *");
    private final LoadApiKeyPort keys;
    private final VerifyAccessTokenPort tokens;
    private final RateLimitPolicy tokenRateLimit;
    private final Clock clock;

    public AuthenticateApiKeyService(LoadApiKeyPort keys, VerifyAccessTokenPort tokens, RateLimitPolicy tokenRateLimit,
            Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.tokenRateLimit = tokenRateLimit;
        this.clock = clock;
    }

    public AuthenticateApiKeyService(LoadApiKeyPort keys, VerifyAccessTokenPort tokens, RateLimitPolicy tokenRateLimit) {
        this(keys, tokens, tokenRateLimit, Clock.systemUTC());
    }

    @Override
    public CompletionStage<Authentication> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return CompletableFuture.completedFuture(new Authentication.Missing());
        }
        var jwt = BEARER_JWT.matcher(authorizationHeader);
        if (jwt.matches()) {
            return verify(jwt.group(1));
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
            return found.filter(key -> key.authenticates(secret, clock.instant()))
                    .<Authentication>map(key -> new Authentication.Authenticated(key.caller(), key.rateLimit()))
                    .orElseGet(Authentication.Invalid::new);
        });
    }

    private CompletionStage<Authentication> verify(String token) {
        CompletionStage<Optional<VerifiedToken>> verified;
        try {
            verified = tokens.verify(token);
        } catch (RuntimeException e) {
            verified = CompletableFuture.failedFuture(e);
        }
        return verified.handle((found, failure) -> failure != null ? new Authentication.Unavailable()
                : found.flatMap(VerifiedToken::caller)
                        .<Authentication>map(caller -> new Authentication.Authenticated(caller, tokenRateLimit))
                        .orElseGet(Authentication.Invalid::new));
    }

    private CompletionStage<Optional<ApiKey>> lookUp(String hash) {
        try {
            return keys.loadByHash(hash);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
