package dev.paysuite.platform.identity;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the tokens this service sends to another service's {@code /internal} routes (claims in the
 * kernel's {@link IdentityClaims}): RS256 with this service's own key ({@code paysuite.identity.signing-key},
 * {@code kid} its name), {@code iss} this service's name, {@code aud} paysuite-internal,
 * {@code groups} [service], {@code iat}, {@code exp} ({@code paysuite.identity.token-lifetime}),
 * {@code jti}, and the merchant it acts for ({@code sub}, {@code mode}) when there is one. A token
 * is reused for up to half its lifetime, which keeps an RSA signature off almost every call.
 */
@Startup
@ApplicationScoped
public class ServiceTokens {
    private static final int MAX_CACHED = 10_000;
    private static final String NO_MERCHANT = "";

    private record Signed(String token, Instant reuseUntil) {
    }

    private record For(String merchantId, boolean livemode) {
    }

    private final String serviceName;
    private final PrivateKey signingKey;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentHashMap<For, Signed> recent = new ConcurrentHashMap<>();

    @Inject
    public ServiceTokens(IdentityConfig config, Clock clock) {
        this(config.serviceName(), config.signingKey().map(ServiceTokens::readSigningKey).orElse(null),
                config.tokenLifetime(), clock);
        if (lifetime.compareTo(config.maxTokenLifetime()) > 0) {
            throw new IllegalStateException("paysuite.identity.token-lifetime (" + lifetime
                    + ") is longer than any service accepts (" + config.maxTokenLifetime() + ")");
        }
    }

    ServiceTokens(String serviceName, PrivateKey signingKey, Duration lifetime, Clock clock) {
        this.serviceName = serviceName;
        this.signingKey = signingKey;
        this.lifetime = lifetime;
        this.clock = clock;
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("paysuite.identity.token-lifetime must be positive");
        }
    }

    /** A token for a call made on behalf of this merchant, in this mode. */
    public String tokenFor(String merchantId, boolean livemode) {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("a merchant id is required");
        }
        return cached(new For(merchantId, livemode));
    }

    /** A token for a call made on no merchant's behalf (a reconciler, a scheduler). */
    public String tokenForItself() {
        return cached(new For(NO_MERCHANT, false));
    }

    private String cached(For who) {
        if (signingKey == null) {
            throw new IllegalStateException(serviceName + " has no paysuite.identity.signing-key: it cannot call "
                    + "another service's internal API");
        }
        Instant now = clock.instant();
        Signed signed = recent.get(who);
        if (signed == null || !now.isBefore(signed.reuseUntil())) {
            signed = new Signed(sign(who, now), now.plus(lifetime.dividedBy(2)));
            if (recent.size() >= MAX_CACHED) {
                recent.values().removeIf(s -> !now.isBefore(s.reuseUntil()));
                if (recent.size() >= MAX_CACHED) {
                    recent.clear(); // only costs signatures
                }
            }
            recent.put(who, signed);
        }
        return signed.token();
    }

    private String sign(For who, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(serviceName)
                .audience(IdentityClaims.INTERNAL_AUDIENCE)
                .groups(Set.of(IdentityClaims.SERVICE_ROLE))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + lifetime.toSeconds())
                .claim("jti", UUID.randomUUID().toString());
        if (!NO_MERCHANT.equals(who.merchantId())) {
            claims.subject(who.merchantId())
                    .claim(IdentityClaims.MODE, who.livemode() ? IdentityClaims.MODE_LIVE : IdentityClaims.MODE_TEST);
        }
        return claims.jws().keyId(serviceName).algorithm(SignatureAlgorithm.RS256).sign(signingKey);
    }

    /** Read once at start, so a missing or wrong key stops the service instead of failing its calls. */
    private static PrivateKey readSigningKey(String location) {
        Key key;
        try {
            key = KeyUtils.readSigningKey(location, null, SignatureAlgorithm.RS256);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the service-token signing key at " + location, e);
        }
        if (!(key instanceof PrivateKey privateKey) || !"RSA".equals(key.getAlgorithm())) {
            throw new IllegalStateException("The service-token signing key at " + location
                    + " is not an RSA private key (PKCS#8 PEM)");
        }
        return privateKey;
    }
}
