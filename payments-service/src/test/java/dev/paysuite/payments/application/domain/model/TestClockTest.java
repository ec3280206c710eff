package dev.paysuite.payments.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.TestClockId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static TestClock clock() {
        return TestClock.create(TestClockId.generate(), "mer_1", false, "monthly plan", NOW.minus(Duration.ofDays(30)),
                NOW);
    }

    @Test
    void aClockStandsAtItsFrozenTimeUntilAdvanced() {
        TestClock c = clock();
        assertEquals(NOW.minus(Duration.ofDays(30)), c.frozenTime());
        assertFalse(c.advancing());
        assertTrue(c.id().value().startsWith("clock_"));
        assertEquals(NOW, TestClock.create(TestClockId.generate(), "mer_1", false, null, null, NOW).frozenTime());
    }

    @Test
    void liveModeHasNoClocks() {
        DomainException e = assertThrows(DomainException.class,
                () -> TestClock.create(TestClockId.generate(), "mer_1", true, null, null, NOW));
        assertEquals(PaymentErrorCodes.TEST_MODE_ONLY, e.code());
    }

    @Test
    void advancingMovesJobByJobToTheTarget() {
        TestClock c = clock();
        Instant to = c.frozenTime().plus(Duration.ofDays(40));
        TestClock advancing = c.advance(to, NOW);
        assertTrue(advancing.advancing());
        assertSame(advancing, advancing.advance(to, NOW), "the same advance asked again goes on");
        DomainException other = assertThrows(DomainException.class,
                () -> advancing.advance(to.plusSeconds(1), NOW));
        assertEquals(DomainException.Kind.CONFLICT, other.kind());
        TestClock midway = advancing.reached(c.frozenTime().plus(Duration.ofDays(3)), NOW);
        assertEquals(c.frozenTime().plus(Duration.ofDays(3)), midway.frozenTime());
        assertThrows(IllegalStateException.class, () -> midway.reached(to.plusSeconds(1), NOW));
        TestClock ready = midway.ready(NOW);
        assertFalse(ready.advancing());
        assertEquals(to, ready.frozenTime());
    }

    @Test
    void aClockOnlyMovesForwardAndAtMostTwoYearsAtATime() {
        TestClock c = clock();
        assertEquals("frozenTime", assertThrows(DomainException.class,
                () -> c.advance(c.frozenTime(), NOW)).field());
        assertEquals("frozenTime", assertThrows(DomainException.class,
                () -> c.advance(c.frozenTime().minusSeconds(5), NOW)).field());
        assertEquals("frozenTime", assertThrows(DomainException.class,
                () -> c.advance(c.frozenTime().plus(Duration.ofDays(800)), NOW)).field());
        assertEquals("frozenTime", assertThrows(DomainException.class, () -> TestClock.create(TestClockId.generate(),
                "mer_1", false, null, Instant.parse("1999-12-31T00:00:00Z"), NOW)).field());
        assertEquals("name", assertThrows(DomainException.class, () -> TestClock.create(TestClockId.generate(),
                "mer_1", false, "x".repeat(201), null, NOW)).field());
    }
}
