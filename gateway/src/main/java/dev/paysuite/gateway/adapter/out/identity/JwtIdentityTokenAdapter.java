package dev.paysuite.gateway.adapter.out.identity;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.kernel.identity.IdentityClaims;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the caller-identity token the services verify (the contract in gateway/README.md, the claims'
 * names in the kernel's {@link IdentityClaims}): RS256,
 * {@code iss} paysuite-gateway, {@code aud} paysuite-services, {@code sub} the merchant,
 * {@code groups} [merchant], {@code mode}, {@code key_id}, {@code iat}, {@code exp} = iat + 60 s,
 * {@code jti}. A caller's token is reused for up to half its lifetime, which keeps RSA signing off
 * almost every request on the event loop while leaving a service at least 30 s to verify it.
 *
 * <p>With the same key it signs the gateway's service tokens, for the vault's internal API (the
 * inline-card exchange): {@code iss} paysuite-gateway, {@code aud} paysuite-internal, {@code kid}
 * paysuite-gateway, {@code groups} [service], {@code sub} and {@code mode} of the caller, {@code exp}
 * = iat + {@code paysuite.identity.token-lifetime} (30 s), reused alike. No public route accepts one,
 * and no internal route accepts an identity token: the audiences differ.
 */
@Startup
@ApplicationScoped
public class JwtIdentityTokenAdapter implements IssueIdentityTokenPort {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Duration REUSE = LIFETIME.dividedBy(2);
    private static final int MAX_CACHED = 10_000;

    private record Signed(String token, Instant reuseUntil) {
    }

    /** Whom a service token acts for: the merchant and mode only (the key and its scopes stay at the gateway). */
    private record ActingFor(String merchantId, String mode) {
    }

    private final PrivateKey signingKey;
    private final Clock clock;
    private final Duration serviceTokenLifetime;
    private final ConcurrentHashMap<Caller, Signed> recent = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ActingFor, Signed> recentServiceTokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Signed> recentPublic = new ConcurrentHashMap<>();

    public JwtIdentityTokenAdapter(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String keyLocation,
            @ConfigProperty(name = "paysuite.identity.token-lifetime", defaultValue = "PT30S") Duration serviceTokenLifetime,
            Clock clock) {
        this.signingKey = readSigningKey(keyLocation);
        this.clock = clock;
        if (serviceTokenLifetime.isNegative() || serviceTokenLifetime.isZero()
                || serviceTokenLifetime.compareTo(LIFETIME) > 0) {
            throw new IllegalStateException("paysuite.identity.token-lifetime must be positive and at most " + LIFETIME);
        }
        this.serviceTokenLifetime = serviceTokenLifetime;
    }

    @Override
    public String tokenFor(Caller caller) {
        return cached(recent, caller, REUSE, now -> sign(caller, now));
    }

    @Override
    public String serviceTokenFor(Caller caller) {
        ActingFor actingFor = new ActingFor(caller.merchantId(), caller.mode().wireName());
        return cached(recentServiceTokens, actingFor, serviceTokenLifetime.dividedBy(2),
                now -> signServiceToken(actingFor, now));
    }

    @Override
    public String serviceTokenForItself() {
        return cached(recentPublic, "itself", serviceTokenLifetime.dividedBy(2), now -> Jwt.issuer(IdentityClaims.ISSUER)
                .audience(IdentityClaims.INTERNAL_AUDIENCE)
                .groups(Set.of(IdentityClaims.SERVICE_ROLE))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + serviceTokenLifetime.toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(IdentityClaims.ISSUER).algorithm(SignatureAlgorithm.RS256).sign(signingKey));
    }

    @Override
    public String publicToken() {
        return cached(recentPublic, IdentityClaims.PUBLIC_SUBJECT, REUSE, now -> Jwt.issuer(IdentityClaims.ISSUER)
                .audience(IdentityClaims.AUDIENCE)
                .subject(IdentityClaims.PUBLIC_SUBJECT)
                .groups(Set.of(IdentityClaims.PUBLIC_ROLE))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + LIFETIME.toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(SignatureAlgorithm.RS256).sign(signingKey));
    }

    private <K> String cached(ConcurrentHashMap<K, Signed> cache, K key, Duration reuse,
            Function<Instant, String> signer) {
        Instant now = clock.instant();
        Signed signed = cache.get(key);
        if (signed == null || !now.isBefore(signed.reuseUntil())) {
            signed = new Signed(signer.apply(now), now.plus(reuse));
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(s -> !now.isBefore(s.reuseUntil()));
                if (cache.size() >= MAX_CACHED) {
                    cache.clear(); // only costs signatures
                }
            }
            cache.put(key, signed);
        }
        return signed.token();
    }

    private String signServiceToken(ActingFor actingFor, Instant now) {
        return Jwt.issuer(IdentityClaims.ISSUER)
                .audience(IdentityClaims.INTERNAL_AUDIENCE)
                .subject(actingFor.merchantId())
                .groups(Set.of(IdentityClaims.SERVICE_ROLE))
                .claim(IdentityClaims.MODE, actingFor.mode())
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + serviceTokenLifetime.toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(IdentityClaims.ISSUER).algorithm(SignatureAlgorithm.RS256).sign(signingKey);
    }

    private String sign(Caller caller, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(IdentityClaims.ISSUER)
                .audience(IdentityClaims.AUDIENCE)
                .subject(caller.merchantId())
                .groups(Set.of(IdentityClaims.MERCHANT_ROLE))
                .claim(IdentityClaims.MODE, caller.mode().wireName())
                .claim(IdentityClaims.KEY_ID, caller.keyId())
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + LIFETIME.toSeconds())
                .claim("jti", UUID.randomUUID().toString());
        String scopes = caller.permissions().wireScopes();
        if (scopes != null) {
            claims.claim(IdentityClaims.SCOPE, scopes); // what a restricted caller may do, for the services too
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(signingKey);
    }

    /** Read once at start, so a missing or wrong key stops the gateway instead of failing requests. */
    private static PrivateKey readSigningKey(String location) {
        Key key;
        try {
            key = KeyUtils.readSigningKey(location, null, SignatureAlgorithm.RS256);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the identity-token signing key at " + location, e);
        }
        if (!(key instanceof PrivateKey privateKey) || !"RSA".equals(key.getAlgorithm())) {
            throw new IllegalStateException("The identity-token signing key at " + location
                    + " is not an RSA private key (PKCS#8 PEM or JWK)");
        }
        return privateKey;
    }
}
