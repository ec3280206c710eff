package dev.paysuite.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which service tokens an internal route accepts: signed by the key of a trusted caller, for the internal audience, short-lived. */
class ServiceTokenVerifierTest {
    static final KeyPair PAYMENTS = keyPair();
    static final KeyPair GATEWAY = keyPair();
    static final KeyPair STRANGER = keyPair();

    final ServiceTokenVerifier verifier = new ServiceTokenVerifier(
            Map.of("payments-service", PAYMENTS.getPublic(), "paysuite-gateway", GATEWAY.getPublic()),
            Duration.ofSeconds(60), Duration.ofSeconds(5));
    final ServiceTokens payments = new ServiceTokens("payments-service", PAYMENTS.getPrivate(), Duration.ofSeconds(30),
            Clock.systemUTC());

    @Test
    void aTrustedServicesTokenCarriesTheMerchantItActsFor() {
        JsonWebToken token = verifier.verify(payments.tokenFor("mer_123", true)).orElseThrow();
        assertEquals("payments-service", token.getIssuer());
        assertEquals("mer_123", token.getSubject());
        assertEquals(IdentityClaims.MODE_LIVE, token.getClaim(IdentityClaims.MODE));
        assertTrue(token.getGroups().contains(IdentityClaims.SERVICE_ROLE));
        assertTrue(token.getAudience().contains(IdentityClaims.INTERNAL_AUDIENCE));
        assertTrue(token.getExpirationTime() - token.getIssuedAtTime() <= 30);

        JsonWebToken test = verifier.verify(payments.tokenFor("mer_123", false)).orElseThrow();
        assertEquals(IdentityClaims.MODE_TEST, test.getClaim(IdentityClaims.MODE));
    }

    @Test
    void aTokenForNoMerchantNamesNone() {
        JsonWebToken token = verifier.verify(payments.tokenForItself()).orElseThrow();
        assertNull(token.getSubject());
        assertNull(token.getClaim(IdentityClaims.MODE));
    }

    @Test
    void aTokenIsReusedForHalfItsLifetimeThenSignedAfresh() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ServiceTokens tokens = new ServiceTokens("payments-service", PAYMENTS.getPrivate(), Duration.ofSeconds(30), clock);
        String first = tokens.tokenFor("mer_1", false);
        now.set(now.get().plusSeconds(14));
        assertSame(first, tokens.tokenFor("mer_1", false));
        assertNotEquals(first, tokens.tokenFor("mer_2", false));
        now.set(now.get().plusSeconds(1));
        assertNotEquals(first, tokens.tokenFor("mer_1", false));
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileValid() {
        String raw = payments.tokenFor("mer_123", true);
        JsonWebToken first = verifier.verify(raw).orElseThrow();
        assertSame(first, verifier.verify(raw).orElseThrow());
        // a text that failed is checked again every time, and still fails
        String other = Jwt.issuer("payments-service").audience(IdentityClaims.INTERNAL_AUDIENCE)
                .groups(java.util.Set.of(IdentityClaims.SERVICE_ROLE)).expiresIn(30).jws()
                .algorithm(SignatureAlgorithm.RS256).sign(STRANGER.getPrivate());
        assertTrue(verifier.verify(other).isEmpty());
        assertTrue(verifier.verify(other).isEmpty());
    }

    @Test
    void anUntrustedIssuerIsRefused() {
        ServiceTokens reconciler = new ServiceTokens("reconciler", STRANGER.getPrivate(), Duration.ofSeconds(30),
                Clock.systemUTC());
        assertTrue(verifier.verify(reconciler.tokenFor("mer_1", false)).isEmpty());
    }

    @Test
    void aTokenNamingATrustedIssuerButSignedByAnotherKeyIsRefused() {
        ServiceTokens forger = new ServiceTokens("payments-service", STRANGER.getPrivate(), Duration.ofSeconds(30),
                Clock.systemUTC());
        assertTrue(verifier.verify(forger.tokenFor("mer_1", false)).isEmpty());
        // nor by the key of another trusted service
        ServiceTokens gatewayPosingAsPayments = new ServiceTokens("payments-service", GATEWAY.getPrivate(),
                Duration.ofSeconds(30), Clock.systemUTC());
        assertTrue(verifier.verify(gatewayPosingAsPayments.tokenFor("mer_1", false)).isEmpty());
    }

    @Test
    void theGatewaysIdentityTokenIsRefused() {
        String identity = Jwt.issuer(IdentityClaims.ISSUER).audience(IdentityClaims.AUDIENCE).subject("mer_1")
                .groups(IdentityClaims.MERCHANT_ROLE).claim(IdentityClaims.MODE, "test").expiresIn(60)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(GATEWAY.getPrivate());
        assertTrue(verifier.verify(identity).isEmpty());
    }

    @Test
    void aWrongAudienceIsRefused() {
        assertTrue(verifier.verify(sign(claims().audience(IdentityClaims.AUDIENCE))).isEmpty());
        assertTrue(verifier.verify(sign(claims().audience("somewhere-else"))).isEmpty());
    }

    @Test
    void anExpiredTokenIsRefused() {
        long past = Instant.now().minusSeconds(120).getEpochSecond();
        assertTrue(verifier.verify(sign(claims().issuedAt(past - 30).expiresAt(past))).isEmpty());
    }

    @Test
    void aTokenIssuedForLongerThanAMinuteIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertTrue(verifier.verify(sign(claims().issuedAt(now).expiresAt(now + 3600))).isEmpty());
        assertTrue(verifier.verify(sign(claims().issuedAt(now).expiresAt(now + 60))).isPresent());
    }

    @Test
    void aTokenWithoutTheServiceGroupIsRefused() {
        assertTrue(verifier.verify(sign(claims().groups(IdentityClaims.MERCHANT_ROLE))).isEmpty());
    }

    @Test
    void somethingThatIsNoTokenIsRefused() {
        assertTrue(verifier.verify("not.a.token").isEmpty());
        assertTrue(verifier.verify("").isEmpty());
        String token = payments.tokenFor("mer_1", false);
        String[] parts = token.split("\\.");
        assertTrue(verifier.verify(parts[0] + "." + parts[1] + ".").isEmpty(), "an unsigned token");
    }

    @Test
    void aSignerWithoutAKeyOrALifetimeFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> new ServiceTokens("x", PAYMENTS.getPrivate(), Duration.ZERO,
                Clock.systemUTC()));
        ServiceTokens unsigned = new ServiceTokens("refunds-service", null, Duration.ofSeconds(30), Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> unsigned.tokenFor("mer_1", false));
    }

    private static JwtClaimsBuilder claims() {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer("payments-service").audience(IdentityClaims.INTERNAL_AUDIENCE).subject("mer_1")
                .groups(IdentityClaims.SERVICE_ROLE).claim(IdentityClaims.MODE, "test").issuedAt(now).expiresAt(now + 30);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(PAYMENTS.getPrivate());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
