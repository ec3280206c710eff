package dev.paysuite.dialects;

/** At most {@code limit} requests per {@code windowSeconds} per key, at most {@code burst} in one second. */
public record RateLimit(int limit, int windowSeconds, int burst) {
}
