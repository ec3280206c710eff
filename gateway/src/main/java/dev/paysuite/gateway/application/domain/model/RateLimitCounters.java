package dev.paysuite.gateway.application.domain.model;

/**
 * What the shared counters said about one request, before it is turned into headers.
 *
 * @param admitted whether both windows of the bucket had room (and the request was counted)
 * @param used requests counted in the main window, this one included if it was admitted
 * @param windowLeftMillis time until the main window starts afresh
 * @param blockingLeftMillis when refused, time until the window that refused has room again
 */
public record RateLimitCounters(boolean admitted, long used, long windowLeftMillis, long blockingLeftMillis) {
}
