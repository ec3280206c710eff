package dev.paysuite.kernel.identity;

/**
 * The claims of the caller-identity token the gateway signs (RS256, lifetime about a minute) and
 * every service verifies on its public routes: {@code sub} is the merchant id, {@code groups} holds
 * {@link #MERCHANT_ROLE}. The gateway issues the token; this is the one definition both sides read.
 *
 * <p>A service token, for calls between services on {@code /internal} routes only, is signed by the
 * calling service with its own key: {@code iss} the caller's name, {@code aud}
 * {@link #INTERNAL_AUDIENCE}, {@code groups} [{@link #SERVICE_ROLE}], and {@code sub}/{@link #MODE}
 * for the merchant it acts for, when there is one.
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
    /** The audience of service tokens: no public route accepts it. */
    public static final String INTERNAL_AUDIENCE = "paysuite-internal";
    public static final String SERVICE_ROLE = "service";
    /**
     * The group of the identity token the gateway signs for a public page (a payment link's hosted
     * page, a 3-D Secure challenge): no API key was given, {@code sub} is {@link #PUBLIC_SUBJECT} and
     * there is no mode; only the page routes accept it.
     */
    public static final String PUBLIC_ROLE = "public";
    public static final String PUBLIC_SUBJECT = "public";

    private IdentityClaims() {
    }
}
