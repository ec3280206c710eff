package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.SubscriptionStatus;
import dev.paysuite.payments.application.port.in.SubscriptionRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where subscriptions are kept. */
public interface SubscriptionStorePort {
    /** A merchant's subscription in a mode; another merchant's or mode's does not exist. */
    Optional<Subscription> load(SubscriptionRef ref);

    Optional<Subscription> loadById(SubscriptionId id);

    /** The same, locked until the step ends. */
    @ChangesState
    Optional<Subscription> loadForUpdate(SubscriptionId id);

    Slice<Subscription> list(String merchantId, boolean livemode, String customerId, SubscriptionStatus status,
            PageRequest page);

    long count(String merchantId, boolean livemode, String customerId, SubscriptionStatus status);

    /**
     * On real time: those due at {@code now}, and those whose cycle payment has been pending since
     * before {@code settleBefore} (the step that records its outcome did not run).
     */
    List<SubscriptionId> due(Instant now, Instant settleBefore, int atMost);

    List<SubscriptionId> dueOnClock(TestClockId clock, Instant at, int atMost);

    Optional<Instant> nextDueOnClock(TestClockId clock);

    @ChangesState
    void insert(Subscription subscription);

    @ChangesState
    void update(Subscription subscription);

    /**
     * Records that {@code payment} is attempt {@code attempt} at cycle {@code cycle}; a second record
     * of the same attempt fails the step (it can never be charged twice).
     */
    @ChangesState
    void recordAttempt(SubscriptionId subscription, int cycle, int attempt, PaymentId payment, Instant at);
}
