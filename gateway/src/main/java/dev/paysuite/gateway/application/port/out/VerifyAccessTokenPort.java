package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Checks an OAuth2 access token from the identity provider (Keycloak): signature, issuer, audience, expiry. */
public interface VerifyAccessTokenPort {
    /** The token's claims when it is valid; empty when it is not (forged, expired, another issuer or audience). */
    CompletionStage<Optional<VerifiedToken>> verify(String token);
}
