package dev.paysuite.dialects.support;

import java.util.Arrays;

/** A path below a base path as its segments: {@code /payments/pay_1/} is {@code [payments, pay_1]}. */
public final class Paths {
    private Paths() {
    }

    public static String[] segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toArray(String[]::new);
    }

    /** Whether {@code segments} is exactly {@code expected}, where {@code *} matches any one segment. */
    public static boolean matches(String[] segments, String... expected) {
        if (segments.length != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].equals("*") && !expected[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
