package dev.paysuite.gateway.adapter.in.http;

import java.util.concurrent.ThreadLocalRandom;

/** {@code req_} and 24 random alphanumerics: made here for every request, never taken from a client. */
final class RequestIds {
    static final String PREFIX = "req_";
    private static final int LENGTH = 24;
    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private RequestIds() {
    }

    /** Unguessability is not needed (the id identifies, it does not authorize), so no SecureRandom on the event loop. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return PREFIX + new String(id);
    }
}
