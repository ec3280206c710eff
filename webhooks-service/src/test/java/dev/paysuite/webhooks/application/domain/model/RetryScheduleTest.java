package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {
    static final Instant FIRST = Instant.parse("2026-11-23T10:00:00Z");
    static final RetrySchedule NO_JITTER = RetrySchedule.standard(() -> 0.5);

    @ParameterizedTest(name = "after attempt {0}: {1}")
    @CsvSource({ "1, PT5S", "2, PT5M", "3, PT30M", "4, PT2H", "5, PT5H", "6, PT10H", "7, PT10H", "8, PT12H",
            "9, PT12H", "20, PT12H" })
    void theDefaultDelaysThenEvery12Hours(int attemptsMade, Duration delay) {
        assertEquals(delay, NO_JITTER.delayAfter(attemptsMade));
    }

    @Test
    void eachWaitCountsFromTheAttemptThatFailed() {
        Instant slowFourthAttempt = FIRST.plus(Duration.ofHours(3));
        assertEquals(Optional.of(slowFourthAttempt.plus(Duration.ofHours(2))),
                NO_JITTER.nextAttempt(FIRST, 4, slowFourthAttempt));
    }

    @Test
    void attemptsAlwaysFailingGoOnForThreeDaysAndNoLonger() {
        List<Instant> attempts = new ArrayList<>(List.of(FIRST));
        Optional<Instant> next = NO_JITTER.nextAttempt(FIRST, 1, FIRST);
        while (next.isPresent()) {
            attempts.add(next.get());
            next = NO_JITTER.nextAttempt(FIRST, attempts.size(), next.get());
        }
        // 0, 5 s, 5 min 5 s, 35 min 5 s, 2 h 35 min 5 s, 7 h 35 min 5 s, 17 h 35 min 5 s, 27 h 35 min 5 s,
        // then every 12 h: 39 h 35, 51 h 35, 63 h 35; 75 h 35 would pass the three days
        assertEquals(11, attempts.size());
        assertEquals(FIRST.plus(Duration.parse("PT63H35M5S")), attempts.get(10));
        assertTrue(attempts.get(10).isBefore(FIRST.plus(Duration.ofDays(3))));
    }

    @Test
    void anAttemptExactlyAtTheHorizonIsStillMade() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ofHours(1)), Duration.ofHours(1), Duration.ofHours(2),
                0, () -> 0.5);
        assertEquals(Optional.of(FIRST.plus(Duration.ofHours(2))), s.nextAttempt(FIRST, 2, FIRST.plusSeconds(3600)));
        assertEquals(Optional.empty(), s.nextAttempt(FIRST, 3, FIRST.plusSeconds(7200)));
    }

    @ParameterizedTest(name = "random {0}: {1}")
    @CsvSource({ "0.0, PT4M30S", "0.25, PT4M45S", "0.5, PT5M", "0.75, PT5M15S", "0.9999999, PT5M30S" })
    void jitterIsUpToTenPercentEitherWay(double random, Duration wait) {
        RetrySchedule s = RetrySchedule.standard(() -> random);
        assertEquals(Optional.of(FIRST.plus(wait)), s.nextAttempt(FIRST, 2, FIRST));
    }

    @Test
    void jitteredWaitsStayWithinTheirBounds() {
        SplittableRandom random = new SplittableRandom(3);
        RetrySchedule s = RetrySchedule.standard(random::nextDouble);
        for (int attempts = 1; attempts < 12; attempts++) {
            long base = s.delayAfter(attempts).toMillis();
            long wait = Duration.between(FIRST, s.nextAttempt(FIRST, attempts, FIRST).orElseThrow()).toMillis();
            assertTrue(wait >= base * 0.9 && wait <= base * 1.1, attempts + ": " + wait);
        }
    }

    @Test
    void aShortScheduleForTests() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ofMillis(100), Duration.ofMillis(200)),
                Duration.ofMillis(300), Duration.ofSeconds(1), 0, () -> 0.5);
        assertEquals(Optional.of(FIRST.plusMillis(100)), s.nextAttempt(FIRST, 1, FIRST));
        assertEquals(Optional.of(FIRST.plusMillis(300)), s.nextAttempt(FIRST, 2, FIRST.plusMillis(100)));
        assertEquals(Optional.of(FIRST.plusMillis(600)), s.nextAttempt(FIRST, 3, FIRST.plusMillis(300)));
        assertEquals(Optional.of(FIRST.plusMillis(900)), s.nextAttempt(FIRST, 4, FIRST.plusMillis(600)));
        assertEquals(Optional.empty(), s.nextAttempt(FIRST, 5, FIRST.plusMillis(900)));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ZERO),
                Duration.ofHours(1), Duration.ofDays(1), 0.1, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), Duration.ofHours(-1),
                Duration.ofDays(1), 0.1, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), Duration.ofHours(1),
                Duration.ofDays(1), 1.0, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> NO_JITTER.delayAfter(0));
        assertThrows(IllegalStateException.class,
                () -> RetrySchedule.standard(() -> 1.0).nextAttempt(FIRST, 1, FIRST));
    }
}
