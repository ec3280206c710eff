package dev.paysuite.platform.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Service tokens: what this service signs when it calls another service's {@code /internal} routes,
 * and whose tokens its own {@code /internal} routes accept. The gateway's identity token on the
 * public routes is verified by smallrye-jwt's {@code mp.jwt.verify.*} settings, not these.
 */
@ConfigMapping(prefix = "paysuite.identity")
public interface IdentityConfig {

    /** The name this service signs as ({@code iss}), and the {@code kid} of its key. */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /**
     * The private key (PKCS#8 PEM) this service signs service tokens with; absent in a service that
     * calls no other service.
     */
    Optional<String> signingKey();

    /** How long a service token this service signs is valid; at most {@link #maxTokenLifetime()}. */
    @WithDefault("PT30S")
    Duration tokenLifetime();

    /** The longest lifetime ({@code exp - iat}) a received service token may have. */
    @WithDefault("PT60S")
    Duration maxTokenLifetime();

    /** How far a received token's times may disagree with this machine's clock. */
    @WithDefault("PT5S")
    Duration clockSkew();

    /**
     * The services whose tokens this service's {@code /internal} routes accept: the caller's name
     * ({@code iss}) to the location of its public key (PEM). Empty: every internal call is refused.
     */
    Map<String, String> trustedServices();
}
