package dev.paysuite.platform.testing;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A merchant calling a service as the gateway forwards it: with an identity token signed by the
 * gateway's key (the pair infra/scripts/keys.sh made under .local/keys), claims as the kernel names them.
 */
public record TestCaller(String merchantId, String mode) {

    public static TestCaller newTestMerchant() {
        return new TestCaller("mer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                IdentityClaims.MODE_TEST);
    }

    public TestCaller live() {
        return new TestCaller(merchantId, IdentityClaims.MODE_LIVE);
    }

    public String token() {
        return Jwt.issuer(IdentityClaims.ISSUER).audience(IdentityClaims.AUDIENCE).subject(merchantId)
                .groups(IdentityClaims.MERCHANT_ROLE).claim(IdentityClaims.MODE, mode)
                .claim(IdentityClaims.KEY_ID, "key_test").expiresIn(60)
                .jws().sign(signingKey());
    }

    public RequestSpecification request() {
        return RestAssured.given().header("Authorization", "Bearer " + token()).contentType(ContentType.JSON);
    }

    static String signingKey() {
        String root = System.getProperty("paysuite.root", Path.of("..").toAbsolutePath().normalize().toString());
        return Path.of(root, ".local", "keys", "gateway-signing.pem").toUri().toString();
    }
}
