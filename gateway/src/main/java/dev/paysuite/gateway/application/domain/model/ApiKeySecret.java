package dev.paysuite.gateway.application.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret API key as a caller presents it ({@code Authorization: Bearer sk_test_...}). It is
 * never stored or logged: only the SHA-256 of the whole secret is looked up. Keys are long random
 * strings, so a fast unsalted hash is enough; there is nothing to brute-force from the hash.
 */
public final class ApiKeySecret {
    /** Characters kept for display ({@code sk_test_1234}): never enough to use the key. */
    public static final int DISPLAY_PREFIX_LENGTH = 12;
    private static final Pattern FORMAT = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9_]{16,128}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+) *");

    private final String secret;
    private final Mode mode;
    private final boolean restricted;

    private ApiKeySecret(String secret, Mode mode, boolean restricted) {
        this.secret = secret;
        this.mode = mode;
        this.restricted = restricted;
    }

    /** Reads the key from an Authorization header value; empty when it is missing or malformed. */
    public static Optional<ApiKeySecret> fromAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var bearer = BEARER.matcher(header);
        return bearer.matches() ? parse(bearer.group(1)) : Optional.empty();
    }

    /**
     * Empty unless the secret is {@code sk_test_}, {@code sk_live_} (secret keys) or {@code rk_test_},
     * {@code rk_live_} (restricted keys) followed by 16 to 128 key characters.
     */
    public static Optional<ApiKeySecret> parse(String secret) {
        if (secret == null || !FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        boolean restricted = secret.startsWith("rk_");
        boolean live = secret.substring(3).startsWith("live_");
        return Optional.of(new ApiKeySecret(secret, live ? Mode.LIVE : Mode.TEST, restricted));
    }

    public Mode mode() {
        return mode;
    }

    /** A restricted key ({@code rk_}): it may do only what its scopes name. */
    public boolean restricted() {
        return restricted;
    }

    /** Lower-case hex SHA-256 of the whole secret: what {@code api_keys.key_hash} holds. */
    public String hash() {
        return sha256(secret);
    }

    public String displayPrefix() {
        return secret.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + mode.wireName() + ", redacted]";
    }
}
