package dev.paysuite.gateway.application.domain.model;

/**
 * Whether a request was admitted, and what the {@code X-RateLimit-*} and {@code Retry-After}
 * headers report.
 *
 * @param limit the main window's limit
 * @param resetEpochSeconds when the main window starts afresh (rounded up, so waiting until then is enough)
 * @param retryAfterSeconds when refused: whole seconds, at least 1, until the refusing window has room
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSeconds,
        int retryAfterSeconds) {

    public static RateLimitDecision from(RateLimitCounters counters, RateLimitPolicy policy, long nowMillis) {
        int remaining = (int) Math.max(0, Math.min(policy.limit(), policy.limit() - counters.used()));
        long reset = ceilSeconds(nowMillis + Math.max(0, counters.windowLeftMillis()));
        int retryAfter = counters.admitted() ? 0
                : (int) Math.max(1, ceilSeconds(Math.max(0, counters.blockingLeftMillis())));
        return new RateLimitDecision(counters.admitted(), policy.limit(), remaining, reset, retryAfter);
    }

    /**
     * For when the counters cannot be read (Redis down) or the request was not counted: admitted,
     * with the policy's full allowance and a fresh window, so the headers are still there.
     */
    public static RateLimitDecision uncounted(RateLimitPolicy policy, long nowMillis) {
        return new RateLimitDecision(true, policy.limit(), policy.limit(),
                ceilSeconds(nowMillis + policy.windowMillis()), 0);
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }
}
