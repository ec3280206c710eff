package dev.paysuite.e2e;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * A caller-identity token as the gateway signs it for a merchant (its key, made by
 * infra/scripts/keys.sh under .local/keys; the claims of the kernel's IdentityClaims), for calling a
 * service's own port the way only the gateway should.
 */
final class GatewayTokens {
    private GatewayTokens() {
    }

    static String identityToken(String merchantId, String mode) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("paysuite-gateway");
        claims.setAudience("paysuite-services");
        claims.setSubject(merchantId);
        claims.setStringListClaim("groups", List.of("merchant"));
        claims.setClaim("mode", mode);
        claims.setClaim("key_id", "key_e2e");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(gatewaySigningKey());
        return jws.getCompactSerialization();
    }

    /** The PKCS#8 PEM key that keys.sh makes with openssl genpkey. */
    private static PrivateKey gatewaySigningKey() throws Exception {
        String pem = Files.readString(Suite.ROOT.resolve(".local/keys/gateway-signing.pem"));
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
