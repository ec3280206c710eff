package dev.paysuite.gateway.adapter.out.identity;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the caller-identity token services verify (RS256): {@code iss}, {@code aud}, {@code sub} =
 * merchant, {@code groups} = [merchant], {@code mode}, {@code key_id}, {@code iat}, {@code exp},
 * {@code jti}. A token is reused for up to half its lifetime, which keeps RSA signing off most
 * requests on the event loop.
 */
@ApplicationScoped
public class JwtIdentityTokenAdapter implements IssueIdentityTokenPort {
    static final String MERCHANT_ROLE = "merchant";

    private record Signed(String token, Instant reuseUntil) {
    }

    private final GatewayConfig.Identity config;
    private final PrivateKey key;
    private final Duration reuse;
    private final ConcurrentHashMap<Caller, Signed> recent = new ConcurrentHashMap<>();

    public JwtIdentityTokenAdapter(GatewayConfig config) {
        this.config = config.identity();
        this.key = readPrivateKey(Path.of(this.config.signingKeyLocation()));
        this.reuse = this.config.tokenLifetime().dividedBy(2);
    }

    @Override
    public String tokenFor(Caller caller) {
        Instant now = Instant.now();
        Signed signed = recent.get(caller);
        if (signed == null || now.isAfter(signed.reuseUntil())) {
            signed = new Signed(sign(caller, now), now.plus(reuse));
            if (recent.size() > 50_000) {
                recent.clear();
            }
            recent.put(caller, signed);
        }
        return signed.token();
    }

    private String sign(Caller caller, Instant now) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(caller.merchantId())
                .groups(Set.of(MERCHANT_ROLE))
                .claim("mode", caller.mode().wireName())
                .claim("key_id", caller.keyId())
                .issuedAt(now)
                .expiresAt(now.plus(config.tokenLifetime()))
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key);
    }

    static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gateway signing key at " + pem, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The gateway signing key at " + pem + " is not a PKCS#8 RSA key", e);
        }
    }
}
