package dev.paysuite.webhooks.application.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. After attempt {@code n} fails, the next one waits
 * {@code delays[n-1]} from that attempt (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default), then
 * {@code repeatEvery} (12 h) for every attempt beyond the list, each wait stretched or shrunk by up
 * to {@code jitter} (10 %) at random so that endpoints failing together do not all retry in the same
 * second. Waits count from the attempt that failed, not from a fixed timetable, so a slow attempt
 * or a worker that was down pushes the rest back instead of bunching them. No attempt is made later
 * than {@code horizon} (three days) after the first one: an attempt that would fall after it is not
 * made, and the delivery has failed for good.
 *
 * <p>The random source is given so tests are deterministic: it answers a number in [0, 1); 0.5 means
 * no jitter, 0 the shortest wait, values near 1 the longest.
 */
public final class RetrySchedule {
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    public static final Duration DEFAULT_REPEAT_EVERY = Duration.ofHours(12);
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(3);
    public static final double DEFAULT_JITTER = 0.10;

    private final List<Duration> delays;
    private final Duration repeatEvery;
    private final Duration horizon;
    private final double jitter;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> delays, Duration repeatEvery, Duration horizon, double jitter,
            DoubleSupplier random) {
        this.delays = List.copyOf(delays);
        this.repeatEvery = Objects.requireNonNull(repeatEvery, "repeatEvery");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.random = Objects.requireNonNull(random, "random");
        for (Duration d : this.delays) {
            requirePositive(d, "every delay");
        }
        requirePositive(repeatEvery, "repeatEvery");
        requirePositive(horizon, "horizon");
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter is a fraction of the delay in [0, 1)");
        }
        this.jitter = jitter;
    }

    /** The schedule, with a thread-safe random source. */
    public static RetrySchedule standard() {
        return standard(() -> ThreadLocalRandom.current().nextDouble());
    }

    public static RetrySchedule standard(DoubleSupplier random) {
        return new RetrySchedule(DEFAULT_DELAYS, DEFAULT_REPEAT_EVERY, DEFAULT_HORIZON, DEFAULT_JITTER, random);
    }

    /**
     * When to try again after {@code attemptsMade} attempts, the first at {@code firstAttempt} and
     * the last (the one that just failed) at {@code lastAttempt}; empty when the horizon forbids
     * another attempt.
     */
    public Optional<Instant> nextAttempt(Instant firstAttempt, int attemptsMade, Instant lastAttempt) {
        Instant next = lastAttempt.plus(jittered(delayAfter(attemptsMade)));
        return next.isAfter(firstAttempt.plus(horizon)) ? Optional.empty() : Optional.of(next);
    }

    /** The wait after attempt {@code attemptsMade} fails, before jitter. */
    public Duration delayAfter(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("a retry follows an attempt: attemptsMade counts from 1");
        }
        return attemptsMade <= delays.size() ? delays.get(attemptsMade - 1) : repeatEvery;
    }

    Duration jittered(Duration delay) {
        double u = random.getAsDouble();
        if (!(u >= 0 && u < 1)) {
            throw new IllegalStateException("the random source answers in [0, 1)");
        }
        long millis = delay.toMillis();
        return Duration.ofMillis(millis + Math.round(millis * jitter * (2 * u - 1)));
    }

    public List<Duration> delays() {
        return delays;
    }

    public Duration repeatEvery() {
        return repeatEvery;
    }

    public Duration horizon() {
        return horizon;
    }

    public double jitter() {
        return jitter;
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " is a positive duration");
        }
    }
}
