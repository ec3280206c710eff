package dev.paysuite.gateway.application.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

    private static final int GENERATED_LENGTH = 32;
    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /**
     * A new secret of this mode and kind: the prefix and 32 characters from a SecureRandom (190 bits),
     * never guessed.
     */
    public static ApiKeySecret generate(Mode mode, boolean restricted) {
        char[] random = new char[GENERATED_LENGTH];
        for (int i = 0; i < random.length; i++) {
            random[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        String text = (restricted ? "rk_" : "sk_") + mode.wireName() + "_" + new String(random);
        return new ApiKeySecret(text, mode, restricted);
    }

    /** The secret itself, for the one answer that shows it to its owner. Never log it. */
    public String reveal() {
        return secret;
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
