package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.AdminAuthentication;
import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import dev.paysuite.gateway.application.port.in.AuthenticateAdminUseCase;
import dev.paysuite.gateway.application.port.out.VerifyAccessTokenPort;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Admins come with an access token of the identity provider (a JWT) carrying the realm role
 * {@code admin}; an API key, whatever it may do for a merchant, is no way in.
 */
public class AuthenticateAdminService implements AuthenticateAdminUseCase {
    private static final Pattern BEARER_JWT = Pattern.compile("(?i)bearer +([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+) *");
    private final VerifyAccessTokenPort tokens;

    public AuthenticateAdminService(VerifyAccessTokenPort tokens) {
        this.tokens = tokens;
    }

    @Override
    public CompletionStage<AdminAuthentication> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return CompletableFuture.completedFuture(new AdminAuthentication.Missing());
        }
        var jwt = BEARER_JWT.matcher(authorizationHeader);
        if (!jwt.matches()) {
            return CompletableFuture.completedFuture(new AdminAuthentication.Invalid());
        }
        CompletionStage<Optional<VerifiedToken>> verified;
        try {
            verified = tokens.verify(jwt.group(1));
        } catch (RuntimeException e) {
            verified = CompletableFuture.failedFuture(e);
        }
        return verified.handle((found, failure) -> {
            if (failure != null) {
                return new AdminAuthentication.Unavailable();
            }
            if (found.isEmpty()) {
                return new AdminAuthentication.Invalid();
            }
            return found.get().admin().<AdminAuthentication>map(AdminAuthentication.Admin::new)
                    .orElseGet(AdminAuthentication.Forbidden::new);
        });
    }
}
