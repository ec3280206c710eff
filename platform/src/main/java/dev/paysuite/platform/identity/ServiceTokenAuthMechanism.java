package dev.paysuite.platform.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * On {@code /internal} routes, and only there, the bearer token is a service token
 * ({@link ServiceTokenIdentityProvider}); tried before smallrye-jwt's mechanism, which is never asked
 * about those routes, so the gateway's identity token opens none of them. Every other route is left
 * to smallrye-jwt, which accepts only the gateway's identity token ({@code mp.jwt.verify.*}), so a
 * service token opens no public route.
 */
@ApplicationScoped
public class ServiceTokenAuthMechanism implements HttpAuthenticationMechanism {
    public static final String INTERNAL_ROUTES = "/internal";
    private static final String BEARER = "Bearer ";

    static boolean internal(String path) {
        return path != null && (path.equals(INTERNAL_ROUTES) || path.startsWith(INTERNAL_ROUTES + "/"));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!internal(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem(); // anonymous, refused 401 by the resource's @RolesAllowed
        }
        String token = authorization.substring(BEARER.length()).trim();
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ServiceTokenAuthenticationRequest(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ServiceTokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
