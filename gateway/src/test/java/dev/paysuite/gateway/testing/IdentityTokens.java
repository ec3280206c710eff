package dev.paysuite.gateway.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies an identity token the way the services do (SmallRye JWT with the gateway's public key,
 * {@code mp.jwt.verify.issuer=paysuite-gateway}, {@code mp.jwt.verify.audiences=paysuite-services}, RS256).
 */
public final class IdentityTokens {
    private IdentityTokens() {
    }

    public static JsonWebToken verify(String authorizationHeader) throws ParseException {
        return verify(authorizationHeader, "paysuite-services");
    }

    /**
     * Verifies the gateway's service token for an internal API (the vault's) as methods-service
     * does: the gateway's key, issuer paysuite-gateway, audience paysuite-internal.
     */
    public static JsonWebToken verifyServiceToken(String authorizationHeader) throws ParseException {
        return verify(authorizationHeader, "paysuite-internal");
    }

    private static JsonWebToken verify(String authorizationHeader, String audience) throws ParseException {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            throw new AssertionError("Not a bearer token: " + authorizationHeader);
        }
        Path publicKey = Path.of(System.getProperty("paysuite.root", ".."), ".local/keys/gateway-verify.pem");
        JWTAuthContextInfo contract = new JWTAuthContextInfo(publicKey.toAbsolutePath().toString(), "paysuite-gateway");
        contract.setExpectedAudience(Set.of(audience));
        contract.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return new DefaultJWTParser(contract).parse(authorizationHeader.substring("Bearer ".length()));
    }

    /** The verified token's subject (the merchant); an assertion error when it does not verify. */
    public static String verifyQuietly(String authorizationHeader) {
        try {
            return verify(authorizationHeader).getSubject();
        } catch (ParseException e) {
            throw new AssertionError("The identity token does not verify", e);
        }
    }
}
