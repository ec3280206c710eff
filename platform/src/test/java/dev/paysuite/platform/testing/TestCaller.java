package dev.paysuite.platform.testing;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;

/**
 * A merchant calling a service as the gateway forwards it: with an identity token signed by the
 * gateway's key (the pairs infra/scripts/keys.sh made under .local/keys), claims as the kernel names
 * them. {@link #internalRequest()} is the same merchant as another service acts for it on an
 * {@code /internal} route, with a service token signed by that service's key.
 */
public record TestCaller(String merchantId, String mode) {

    /** A service that signs tokens: its name ({@code iss}) and the name of its key files. */
    public record Signer(String issuer, String keyName) {
        public static final Signer GATEWAY = new Signer(IdentityClaims.ISSUER, "gateway");
        public static final Signer PAYMENTS_SERVICE = new Signer("payments-service", "payments-service");

        public String keyLocation() {
            return signingKey(keyName);
        }
    }

    public static TestCaller newTestMerchant() {
        return new TestCaller("mer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                IdentityClaims.MODE_TEST);
    }

    public TestCaller live() {
        return new TestCaller(merchantId, IdentityClaims.MODE_LIVE);
    }

    /** The claims of the gateway's identity token for this caller, valid for a minute from now. */
    public JwtClaimsBuilder identityClaims() {
        return Jwt.issuer(IdentityClaims.ISSUER).audience(IdentityClaims.AUDIENCE).subject(merchantId)
                .groups(IdentityClaims.MERCHANT_ROLE).claim(IdentityClaims.MODE, mode)
                .claim(IdentityClaims.KEY_ID, "key_test").expiresIn(60);
    }

    /** The claims of the gateway's identity token for a public page (no API key, no merchant, no mode). */
    public static JwtClaimsBuilder publicClaims() {
        return Jwt.issuer(IdentityClaims.ISSUER).audience(IdentityClaims.AUDIENCE)
                .subject(IdentityClaims.PUBLIC_SUBJECT).groups(IdentityClaims.PUBLIC_ROLE).expiresIn(60);
    }

    /** A visitor of a public page (a payer on a 3-D Secure challenge), as the gateway forwards them. */
    public static RequestSpecification publicVisitor() {
        return RestAssured.given().header("Authorization", "Bearer " + publicClaims().jws().sign(signingKey("gateway")));
    }

    /** The claims of a service token acting for this caller, valid for 30 seconds from now. */
    public JwtClaimsBuilder serviceClaims(Signer signer) {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(signer.issuer()).audience(IdentityClaims.INTERNAL_AUDIENCE).subject(merchantId)
                .groups(IdentityClaims.SERVICE_ROLE).claim(IdentityClaims.MODE, mode)
                .issuedAt(now).expiresAt(now + 30);
    }

    public String token() {
        return identityClaims().jws().sign(signingKey("gateway"));
    }

    public String serviceToken(Signer signer) {
        return sign(serviceClaims(signer), signer);
    }

    public static String sign(JwtClaimsBuilder claims, Signer signer) {
        return claims.jws().keyId(signer.issuer()).algorithm(SignatureAlgorithm.RS256).sign(signer.keyLocation());
    }

    /** Signed by a key no service knows: what a forger without the real keys can make. */
    public static String forged(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(freshKey());
    }

    public RequestSpecification request() {
        return withToken(token());
    }

    /** This merchant as payments-service acts for it on another service's internal API. */
    public RequestSpecification internalRequest() {
        return withToken(serviceToken(Signer.PAYMENTS_SERVICE));
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String signingKey(String keyName) {
        String root = System.getProperty("paysuite.root", Path.of("..").toAbsolutePath().normalize().toString());
        return Path.of(root, ".local", "keys", keyName + "-signing.pem").toUri().toString();
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
