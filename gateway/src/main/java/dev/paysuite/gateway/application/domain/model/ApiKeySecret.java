package dev.paysuite.gateway.application.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret API key as a caller presents it ({@code Authorization: Bearer sk_test_...}). It is
 * never stored or logged: only its SHA-256 is looked up. Keys are long random strings, so a fast
 * hash is enough; there is nothing to brute-force from the hash.
 */
public final class ApiKeySecret {
    private static final Pattern FORMAT = Pattern.compile("sk_(test|live)_[A-Za-z0-9_]{16,128}");
    private static final String BEARER = "bearer ";

    private final String secret;
    private final Mode mode;

    private ApiKeySecret(String secret, Mode mode) {
        this.secret = secret;
        this.mode = mode;
    }

    /** Reads the key from an Authorization header value; empty when there is none or it is malformed. */
    public static Optional<ApiKeySecret> fromAuthorization(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String secret = header.substring(BEARER.length()).trim();
        if (!FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeySecret(secret, secret.startsWith("sk_live_") ? Mode.LIVE : Mode.TEST));
    }

    public Mode mode() {
        return mode;
    }

    public String hash() {
        return sha256(secret);
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
