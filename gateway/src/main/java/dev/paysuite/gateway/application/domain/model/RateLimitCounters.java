package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/**
 * What the shared counters said about one request, before it is turned into headers.
 *
 * @param refusedBy which bucket had no room; {@code used} and {@code windowLeftMillis} describe
 *     that bucket when it is the guard, the counted bucket otherwise
 * @param used requests counted in the main window, this one included if it was admitted
 * @param windowLeftMillis time until the main window starts afresh
 * @param blockingLeftMillis when refused, time until the window that refused has room again
 */
public record RateLimitCounters(RefusedBy refusedBy, long used, long windowLeftMillis, long blockingLeftMillis) {
    public enum RefusedBy { NONE, BUCKET, GUARD }

    public RateLimitCounters {
        Objects.requireNonNull(refusedBy, "refusedBy");
    }

    public boolean admitted() {
        return refusedBy == RefusedBy.NONE;
    }
}
