package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration TOOK = Duration.ofMillis(120);
    static final RetrySchedule SCHEDULE = RetrySchedule.standard(() -> 0.5);

    static Delivery delivery() {
        return Delivery.create(new WebhookEndpointId("we_1"), new EventId("evt_1"), NOW);
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        Delivery d = delivery();
        assertTrue(d.id().value().startsWith("whdel_"));
        assertEquals(DeliveryState.PENDING, d.state());
        assertEquals(NOW, d.nextAttemptAt());
        assertTrue(d.isDue(NOW));
        assertFalse(d.isDue(NOW.minusMillis(1)));
        assertEquals(0, d.attemptsMade());
        assertNull(d.firstAttemptAt());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "200, SUCCEEDED", "201, SUCCEEDED", "204, SUCCEEDED", "299, SUCCEEDED", "199, PENDING",
            "301, PENDING", "302, PENDING", "400, PENDING", "410, PENDING", "429, PENDING", "500, PENDING",
            "503, PENDING" })
    void only2xxIsSuccess(int status, DeliveryState state) {
        Delivery d = delivery();
        d.recordAttempt(AttemptOutcome.answered(status, TOOK), NOW, SCHEDULE);
        assertEquals(state, d.state());
    }

    @Test
    void aFailureSchedulesTheNextAttemptAndASuccessEndsIt() {
        Delivery d = delivery();
        DeliveryAttempt first = d.recordAttempt(AttemptOutcome.failed("connect timed out", TOOK), NOW, SCHEDULE);
        assertEquals(new DeliveryAttempt(d.id(), 1, NOW, null, 120, "connect timed out", false), first);
        assertEquals(NOW.plusSeconds(5), d.nextAttemptAt());
        assertFalse(d.isDue(NOW.plusSeconds(4)));
        Instant second = NOW.plusSeconds(5);
        d.recordAttempt(AttemptOutcome.answered(500, TOOK), second, SCHEDULE);
        assertEquals(second.plus(Duration.ofMinutes(5)), d.nextAttemptAt());
        Instant third = second.plus(Duration.ofMinutes(5));
        DeliveryAttempt last = d.recordAttempt(AttemptOutcome.answered(204, TOOK), third, SCHEDULE);
        assertTrue(last.succeeded());
        assertEquals(DeliveryState.SUCCEEDED, d.state());
        assertNull(d.nextAttemptAt());
        assertFalse(d.isDue(third.plus(Duration.ofDays(1))));
        assertEquals(3, d.attemptsMade());
        assertEquals(NOW, d.firstAttemptAt());
        assertEquals(List.of(1, 2, 3), d.attempts().stream().map(DeliveryAttempt::number).toList());
    }

    @Test
    void whenTheScheduleRunsOutTheDeliveryHasFailed() {
        Delivery d = delivery();
        Instant at = NOW;
        while (d.state() == DeliveryState.PENDING) {
            d.recordAttempt(AttemptOutcome.answered(503, TOOK), at, SCHEDULE);
            at = d.nextAttemptAt() == null ? at : d.nextAttemptAt();
        }
        assertEquals(DeliveryState.FAILED, d.state());
        assertEquals(11, d.attemptsMade());
        assertNull(d.nextAttemptAt());
    }

    @Test
    void anEndedDeliveryTakesNoMoreAttempts() {
        Delivery d = delivery();
        d.recordAttempt(AttemptOutcome.answered(200, TOOK), NOW, SCHEDULE);
        assertThrows(IllegalStateException.class,
                () -> d.recordAttempt(AttemptOutcome.answered(200, TOOK), NOW.plusSeconds(1), SCHEDULE));
        assertEquals(1, d.attemptsMade());
    }

    @Test
    void errorTextsAreCutTo500Characters() {
        Delivery d = delivery();
        DeliveryAttempt a = d.recordAttempt(AttemptOutcome.failed("e".repeat(2000), TOOK), NOW, SCHEDULE);
        assertEquals(500, a.error().length());
        // never half a character
        String emoji = "e".repeat(499) + "😀" + "tail";
        assertEquals("e".repeat(499), DeliveryAttempt.truncate(emoji));
    }

    @Test
    void anOutcomeIsAStatusOrAnErrorNeverBoth() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptOutcome(200, "and an error", TOOK));
        assertThrows(IllegalArgumentException.class, () -> new AttemptOutcome(null, null, TOOK));
        assertThrows(IllegalArgumentException.class, () -> AttemptOutcome.answered(99, TOOK));
        assertEquals("error", AttemptOutcome.failed(" ", TOOK).error());
    }

    @Test
    void aStoredDeliveryIsConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new Delivery(DeliveryId.generate(),
                new WebhookEndpointId("we_1"), new EventId("evt_1"), DeliveryState.SUCCEEDED, List.of(), NOW, NOW,
                NOW));
    }
}
