package dev.paysuite.kernel.id;

import java.security.SecureRandom;

/** Random identifiers with a type prefix. 24 base62 characters carry 142 bits: never guessed, never repeated. */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private Ids() {
    }

    public static String generate(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
