package dev.paysuite.platform.identity;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of the current request: on a public route, the merchant of the gateway's
 * identity token; on an {@code /internal} route, the merchant a trusted service's token acts for.
 * A token naming no merchant is refused (401) by a route that needs one.
 */
@RequestScoped
public class CallerContext {
    private final JsonWebToken token;

    public CallerContext(JsonWebToken token) {
        this.token = token;
    }

    public Caller caller() {
        String merchant = token.getSubject();
        String mode = token.getClaim(IdentityClaims.MODE);
        if (merchant == null || merchant.isBlank() || mode == null) {
            throw new UnauthorizedException();
        }
        String keyId = token.getClaim(IdentityClaims.KEY_ID);
        return new Caller(merchant, IdentityClaims.MODE_LIVE.equals(mode), keyId);
    }
}
