package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;

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

    public static final int MAX_LIMIT = 1_000_000;
    public static final int MAX_WINDOW_SECONDS = 86_400;

    /**
     * A policy an admin sets: a limit of 1 to a million per window of 1 s to a day, and a burst no
     * larger than the limit (a larger one would never be reached).
     */
    public static RateLimitPolicy bounded(int limit, int windowSeconds, int burst) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{limit} must be an integer from 1 to " + MAX_LIMIT + ".", "limit");
        }
        if (windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{windowSeconds} must be an integer from 1 to " + MAX_WINDOW_SECONDS + ".", "windowSeconds");
        }
        if (burst < 1 || burst > limit) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{burst} must be an integer from 1 to the limit (" + limit + ").", "burst");
        }
        return new RateLimitPolicy(limit, windowSeconds, burst);
    }

    public long windowMillis() {
        return windowSeconds * 1_000L;
    }
}
