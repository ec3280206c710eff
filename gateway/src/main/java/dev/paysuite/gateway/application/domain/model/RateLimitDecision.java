package dev.paysuite.gateway.application.domain.model;

/**
 * What the limiter said about one request, and what the {@code X-RateLimit-*} headers report.
 *
 * @param resetEpochSeconds when the main window starts afresh
 * @param retryAfterSeconds when refused: how long until the window that refused has room again
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSeconds,
        int retryAfterSeconds) {

    /**
     * The decision from the counters after this request.
     *
     * @param used requests counted in the main window, this one included if it was admitted
     * @param windowLeftMillis time until the main window resets
     * @param blockingLeftMillis when refused, time until the refusing window resets
     */
    public static RateLimitDecision of(boolean allowed, RateLimitPolicy policy, long used, long windowLeftMillis,
            long blockingLeftMillis, long nowMillis) {
        int remaining = (int) Math.max(0, policy.limit() - used);
        long reset = ceilSeconds(nowMillis + Math.max(0, windowLeftMillis));
        int retryAfter = allowed ? 0 : (int) Math.max(1, ceilSeconds(Math.max(0, blockingLeftMillis)));
        return new RateLimitDecision(allowed, policy.limit(), remaining,
                reset, retryAfter);
    }

    /** When the limiter cannot be reached the request is admitted: availability over strictness. */
    public static RateLimitDecision unlimitedFallback(RateLimitPolicy policy, long nowMillis) {
        return new RateLimitDecision(true, policy.limit(), policy.limit(),
                ceilSeconds(nowMillis + policy.windowSeconds() * 1000L), 0);
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
