package dev.paysuite.gateway.application.domain.model;

/**
 * At most {@code limit} requests per {@code windowSeconds}, and at most {@code burst} in any one
 * second. The default is seed 002's: 100 a minute with bursts of 20 a second.
 */
public record RateLimitPolicy(int limit, int windowSeconds, int burst) {
    public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(100, 60, 20);
    /** The burst window: "a second" in "20 a second". */
    public static final long BURST_WINDOW_MILLIS = 1_000;

    public RateLimitPolicy {
        if (limit < 1 || windowSeconds < 1 || burst < 1) {
            throw new IllegalArgumentException("Rate limits must be positive: " + limit + "/" + windowSeconds
                    + " s, burst " + burst);
        }
    }

    public long windowMillis() {
        return windowSeconds * 1_000L;
    }
}
