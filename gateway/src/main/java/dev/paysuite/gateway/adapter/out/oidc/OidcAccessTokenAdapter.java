package dev.paysuite.gateway.adapter.out.oidc;

import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import dev.paysuite.gateway.application.port.out.VerifyAccessTokenPort;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies Keycloak access tokens with the Quarkus OIDC extension (its default tenant:
 * {@code quarkus.oidc.*}): the signature against the realm's published keys, the issuer, the
 * audience ({@code paysuite-gateway}) and the expiry. Asked on demand by the gateway's own
 * authentication (no HTTP mechanism runs by itself: {@code quarkus.http.auth.proactive=false}),
 * after the header turned out not to be an API key.
 */
@ApplicationScoped
public class OidcAccessTokenAdapter implements VerifyAccessTokenPort {
    private static final Logger LOG = Logger.getLogger(OidcAccessTokenAdapter.class);
    private final TenantIdentityProvider identities;

    public OidcAccessTokenAdapter(TenantIdentityProvider identities) {
        this.identities = identities;
    }

    @Override
    public CompletionStage<Optional<VerifiedToken>> verify(String token) {
        CompletableFuture<Optional<VerifiedToken>> result = new CompletableFuture<>();
        identities.authenticate(new AccessTokenCredential(token)).subscribe().with(
                identity -> result.complete(Optional.of(claims(identity))),
                failure -> {
                    if (failure instanceof AuthenticationFailedException) {
                        LOG.debugf("An access token was refused: %s", failure.getMessage());
                        result.complete(Optional.empty());
                    } else {
                        result.completeExceptionally(failure); // the identity provider could not be asked
                    }
                });
        return result;
    }

    private static VerifiedToken claims(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        return new VerifiedToken(text(jwt.getClaim("azp"), "unknown"), text(jwt.getClaim("merchant_id"), null),
                text(jwt.getClaim("scope"), null), realmRoles(jwt), text(jwt.getClaim("sub"), null),
                text(jwt.getClaim("preferred_username"), null));
    }

    private static Set<String> realmRoles(JsonWebToken jwt) {
        Set<String> roles = new HashSet<>();
        Object access = jwt.getClaim("realm_access");
        if (access instanceof JsonObject object && object.get("roles") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    roles.add(s.getString());
                }
            }
        }
        return roles;
    }

    private static String text(Object claim, String orElse) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim == null ? orElse : claim.toString();
    }
}
