package dev.paysuite.platform.identity;

/**
 * The claims of the caller-identity token the gateway signs (RS256, lifetime about a minute).
 * The gateway owns this format; see gateway/README.md.
 */
public final class IdentityClaims {
    /** {@code sub}: the merchant id. */
    public static final String MODE = "mode";
    public static final String KEY_ID = "key_id";
    public static final String MODE_LIVE = "live";
    public static final String MODE_TEST = "test";
    public static final String MERCHANT_ROLE = "merchant";

    private IdentityClaims() {
    }
}
