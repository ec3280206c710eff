package dev.paysuite.webhooks.application.domain.model;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of the
 * key's bytes (24 to 32; we generate 32). It is shown to the merchant once, at creation or roll, and
 * otherwise only read to sign; {@link #toString()} never shows it, so a secret logged by accident is
 * still a secret. Errors never repeat the value either.
 */
public final class SigningSecret {
    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key;
    }

    public static SigningSecret generate() {
        return generate(RANDOM);
    }

    /** A new secret from {@code random}; production passes a {@link SecureRandom}, tests a seeded one. */
    public static SigningSecret generate(RandomGenerator random) {
        byte[] key = new byte[MAX_BYTES];
        random.nextBytes(key);
        return new SigningSecret(key);
    }

    /** Reads a stored secret; refuses anything that is not {@code whsec_} and base64 of 24 to 32 bytes. */
    public static SigningSecret parse(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret is " + PREFIX + " and base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a signing secret holds " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        return new SigningSecret(key);
    }

    /** The secret as the merchant sees it once and as it is stored: {@code whsec_<base64>}. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key, for the signing adapter only (never logged, never answered). */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningSecret other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
