package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.Listable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Simulated time a test-mode merchant moves forward at will. The subscriptions (and their
 * customers' payments) attached to the clock follow its {@code frozenTime} instead of real time.
 * Advancing it to a later time runs, in order and at their own times, every cycle, retry, end and
 * authorization expiry due in between: {@code frozenTime} moves job by job while the clock is
 * {@code advancing}, so an advance cut short (a crash) resumes where it stopped.
 */
public record TestClock(TestClockId id, String merchantId, String name, Instant frozenTime, Instant advanceTo,
        Instant createdAt, Instant updatedAt) implements Listable {

    public static final int MAX_NAME = 200;
    /** The most one advance may move a clock: every job in it runs at once. */
    public static final Duration LONGEST_ADVANCE = Duration.ofDays(2 * 366);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    public TestClock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(frozenTime, "frozenTime");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new clock, frozen at {@code frozenTime} (now when not given); test mode only. */
    public static TestClock create(TestClockId id, String merchantId, boolean livemode, String name, Instant frozenTime,
            Instant now) {
        if (livemode) {
            throw testModeOnly();
        }
        if (name != null && name.length() > MAX_NAME) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{name} can be at most " + MAX_NAME + " characters.", "name");
        }
        Instant frozen = (frozenTime == null ? now : frozenTime).truncatedTo(ChronoUnit.MICROS);
        requireInRange(frozen);
        return new TestClock(id, merchantId, name, frozen, null, now, now);
    }

    public static PaymentException testModeOnly() {
        return PaymentException.invalid(PaymentErrorCodes.TEST_MODE_ONLY,
                "Test clocks exist in test mode only; use a test key (sk_test_…).", null);
    }

    private static void requireInRange(Instant time) {
        if (time.isBefore(EARLIEST) || !time.isBefore(LATEST)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{frozenTime} must be between 2000-01-01 and 2100-01-01.", "frozenTime");
        }
    }

    public boolean advancing() {
        return advanceTo != null;
    }

    /** Starts moving the clock to {@code to}: later than it is, by at most {@link #LONGEST_ADVANCE}. */
    public TestClock advance(Instant time, Instant now) {
        Objects.requireNonNull(time, "time");
        Instant to = time.truncatedTo(ChronoUnit.MICROS);
        if (advancing()) {
            if (to.equals(advanceTo)) {
                return this; // the same advance asked again: it goes on
            }
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.TEST_CLOCK_ADVANCING,
                    "This test clock is being advanced to " + advanceTo + "; wait until it is ready.", null);
        }
        requireInRange(to);
        if (!to.isAfter(frozenTime)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{frozenTime} must be later than the clock's current time (" + frozenTime + ").", "frozenTime");
        }
        if (to.isAfter(frozenTime.plus(LONGEST_ADVANCE))) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "A test clock moves at most two years at a time; advance it in steps.", "frozenTime");
        }
        return new TestClock(id, merchantId, name, frozenTime, to, createdAt, now);
    }

    /** The advance reached {@code time}, every job due before it done. */
    public TestClock reached(Instant time, Instant now) {
        if (!advancing() || time.isAfter(advanceTo) || time.isBefore(frozenTime)) {
            throw new IllegalStateException(id + " cannot reach " + time);
        }
        return new TestClock(id, merchantId, name, time, advanceTo, createdAt, now);
    }

    /** The advance is over: the clock stands at the time asked. */
    public TestClock ready(Instant now) {
        if (!advancing()) {
            return this;
        }
        return new TestClock(id, merchantId, name, advanceTo, null, createdAt, now);
    }
}
