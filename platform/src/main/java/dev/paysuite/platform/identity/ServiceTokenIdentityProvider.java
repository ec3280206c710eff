package dev.paysuite.platform.identity;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Verifies the service token of an {@code /internal} request against the services this one trusts
 * ({@code paysuite.identity.trusted-services.<name>=<public key location>}, read at start so a
 * missing key stops the service). The identity's principal is the verified token, so
 * {@link CallerContext} reads the merchant it acts for as it reads the gateway's.
 */
@Startup
@ApplicationScoped
public class ServiceTokenIdentityProvider implements IdentityProvider<ServiceTokenAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(ServiceTokenIdentityProvider.class);

    private final ServiceTokenVerifier verifier;

    public ServiceTokenIdentityProvider(IdentityConfig config) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        config.trustedServices().forEach((service, location) -> keys.put(service, readPublicKey(service, location)));
        this.verifier = new ServiceTokenVerifier(keys, config.maxTokenLifetime(), config.clockSkew());
        if (!keys.isEmpty()) {
            LOG.infof("Internal routes accept service tokens of %s", keys.keySet());
        }
    }

    @Override
    public Class<ServiceTokenAuthenticationRequest> getRequestType() {
        return ServiceTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ServiceTokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return verifier.verify(request.token())
                .<Uni<SecurityIdentity>>map(token -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(token).addRoles(token.getGroups()).build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }

    private static PublicKey readPublicKey(String service, String location) {
        try {
            return KeyUtils.decodePublicKey(KeyUtils.readKeyContent(location), SignatureAlgorithm.RS256);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the public key of trusted service " + service + " at "
                    + location, e);
        }
    }
}
