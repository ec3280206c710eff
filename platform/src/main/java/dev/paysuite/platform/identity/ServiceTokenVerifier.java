package dev.paysuite.platform.identity;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a service token against the services trusted here: the token names its issuer, and only
 * that issuer's public key may have signed it (RS256); the audience is {@code paysuite-internal}, it
 * has not expired, it was issued for at most the maximum lifetime, and its groups hold
 * {@code service}. Plain smallrye-jwt, no CDI, so the rules are tested without Quarkus. A token's text,
 * once verified, is not verified again until it expires ({@link VerifiedTokens}): callers reuse a token
 * for many calls.
 */
public final class ServiceTokenVerifier {
    // The factory given, not looked up: without one, smallrye-jwt searches the class path (ServiceLoader)
    // on every parse, which JFR showed as a tenth of methods-service's samples under load.
    private final JWTParser parser = new DefaultJWTParser(new DefaultJWTCallerPrincipalFactory());
    private final Map<String, JWTAuthContextInfo> trusted;
    private final VerifiedTokens verified;

    public ServiceTokenVerifier(Map<String, PublicKey> trustedKeys, Duration maxLifetime, Duration clockSkew) {
        this(trustedKeys, maxLifetime, clockSkew, Clock.systemUTC());
    }

    ServiceTokenVerifier(Map<String, PublicKey> trustedKeys, Duration maxLifetime, Duration clockSkew, Clock clock) {
        this.verified = new VerifiedTokens(clock);
        this.trusted = trustedKeys.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> context(e.getKey(), e.getValue(), maxLifetime, clockSkew)));
    }

    /** The verified token, or empty for anything else (the reason is not the caller's business, nor the log's). */
    public Optional<JsonWebToken> verify(String raw) {
        Optional<JsonWebToken> known = verified.get(raw);
        if (known.isPresent()) {
            return known;
        }
        try {
            // The issuer is read unverified only to pick the one key that may have signed the token.
            String issuer = parser.parseOnly(raw).getIssuer();
            JWTAuthContextInfo context = issuer == null ? null : trusted.get(issuer);
            if (context == null) {
                return Optional.empty();
            }
            JsonWebToken token = parser.parse(raw, context);
            return token.getGroups().contains(IdentityClaims.SERVICE_ROLE) ? Optional.of(verified.remember(raw, token))
                    : Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Set<String> trustedServices() {
        return trusted.keySet();
    }

    private static JWTAuthContextInfo context(String issuer, PublicKey key, Duration maxLifetime, Duration skew) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, issuer);
        context.setExpectedAudience(Set.of(IdentityClaims.INTERNAL_AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setMaxTimeToLiveSecs(maxLifetime.toSeconds());
        context.setClockSkew((int) skew.toSeconds());
        // A token with no merchant to act for has no subject.
        context.setRequireNamedPrincipal(false);
        return context;
    }
}
