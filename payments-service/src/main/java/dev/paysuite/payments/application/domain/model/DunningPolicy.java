package dev.paysuite.payments.application.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a failed cycle is retried: once after each of {@code retries} (counted from when the cycle
 * was due), then, when every retry failed, the subscription is {@code canceled} or left
 * {@code unpaid} ({@code cancelWhenExhausted}).
 */
public record DunningPolicy(List<Duration> retries, boolean cancelWhenExhausted) {
    public static final DunningPolicy DEFAULT = new DunningPolicy(
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(5)), true);

    public DunningPolicy {
        Objects.requireNonNull(retries, "retries");
        retries = List.copyOf(retries);
        Duration previous = Duration.ZERO;
        for (Duration retry : retries) {
            if (retry.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("retries are positive and increasing: " + retries);
            }
            previous = retry;
        }
    }
}
