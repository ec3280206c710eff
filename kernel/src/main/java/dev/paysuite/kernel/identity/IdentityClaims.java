package dev.paysuite.kernel.identity;

/**
 * The claims of the caller-identity token the gateway signs (RS256, lifetime about a minute) and
 * every service verifies: {@code sub} is the merchant id, {@code groups} holds {@link #MERCHANT_ROLE}.
 * The gateway issues the token; this is the one definition both sides read.
 */
public final class IdentityClaims {
    public static final String ISSUER = "paysuite-gateway";
    public static final String AUDIENCE = "paysuite-services";
    public static final String MODE = "mode";
    public static final String KEY_ID = "key_id";
    /** A restricted caller's scopes, space-separated (absent for a secret key: every scope). */
    public static final String SCOPE = "scope";
    public static final String MODE_LIVE = "live";
    public static final String MODE_TEST = "test";
    public static final String MERCHANT_ROLE = "merchant";

    private IdentityClaims() {
    }
}
