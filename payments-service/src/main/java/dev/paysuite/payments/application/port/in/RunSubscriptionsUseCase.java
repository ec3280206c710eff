package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's side of subscriptions: what is due, and doing it. Any number of instances may
 * run a subscription at once: each step re-reads it under its row lock and does nothing if another
 * moved it meanwhile, and each cycle's attempt is recorded once, so no cycle is charged twice.
 */
public interface RunSubscriptionsUseCase {

    /** Subscriptions on real time with something due at {@code now}, or a cycle's payment left to settle. */
    List<SubscriptionId> due(Instant now, int atMost);

    /** Does whatever is due for the subscription at {@code now} (its clock's time, if it has one). */
    void run(SubscriptionId id, Instant now);

    /** The clock's subscriptions with something due at {@code at}. */
    List<SubscriptionId> dueOnClock(TestClockId clock, Instant at);

    /** When the clock's next subscription job is due; empty when none is scheduled. */
    Optional<Instant> nextDueOnClock(TestClockId clock);
}
