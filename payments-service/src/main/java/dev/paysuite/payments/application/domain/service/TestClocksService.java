package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.TestClock;
import dev.paysuite.payments.application.port.in.ExpireAuthorizationsUseCase;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.TestClockRef;
import dev.paysuite.payments.application.port.in.TestClocksUseCase;
import dev.paysuite.payments.application.port.out.TestClockStorePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test clocks. Advancing one runs every job due on it up to the time asked, earliest first, each at
 * its own time: the clock's {@code frozen_time} is moved to a job's time before the job runs, so
 * what the job records (a payment's creation, a retry's schedule) reads as if time had passed.
 * Each job is a step of its own, as the scheduler's are; an advance cut short is finished by the
 * scheduler ({@link #finishAdvances}) from where it stopped.
 */
public class TestClocksService implements TestClocksUseCase {
    /** Jobs one request runs at most; the scheduler finishes a longer advance. */
    static final int JOBS_PER_REQUEST = 400;
    /** An advance whose last step is older than this is taken over by the scheduler. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final TestClockStorePort clocks;
    private final RunSubscriptionsUseCase subscriptions;
    private final ExpireAuthorizationsUseCase expiries;
    private final Transactions transactions;
    private final Clock clock;

    public TestClocksService(TestClockStorePort clocks, RunSubscriptionsUseCase subscriptions,
            ExpireAuthorizationsUseCase expiries, Transactions transactions, Clock clock) {
        this.clocks = clocks;
        this.subscriptions = subscriptions;
        this.expiries = expiries;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public TestClock create(String merchantId, boolean livemode, String name, Instant frozenTime, Recorded recorded) {
        TestClock created = TestClock.create(TestClockId.generate(), merchantId, livemode, name, frozenTime,
                Now.of(clock));
        transactions.inTransaction(() -> {
            clocks.insert(created);
            recorded.object(created.id());
        });
        return created;
    }

    @Override
    public TestClock get(TestClockRef ref) {
        return clocks.load(ref).orElseThrow(() -> notFound(ref.id().value()));
    }

    @Override
    public Page<TestClock> list(String merchantId, PageQuery query) {
        PageRequest request = query.resolve(id -> TestClockId.isWellFormed(id)
                ? clocks.load(new TestClockRef(merchantId, new TestClockId(id)))
                : Optional.empty());
        return Page.of(request, clocks.list(merchantId, request), clocks.count(merchantId));
    }

    @Override
    public TestClock advance(TestClockRef ref, Instant to) {
        get(ref);
        Instant now = Now.of(clock);
        transactions.inTransaction(() -> {
            TestClock locked = clocks.loadForUpdate(ref.id()).orElseThrow(() -> notFound(ref.id().value()));
            TestClock advancing = locked.advance(to, now);
            if (advancing != locked) {
                clocks.update(advancing);
            }
        });
        return run(ref.id());
    }

    @Override
    public int finishAdvances(int atMost) {
        int finished = 0;
        for (TestClockId id : clocks.advancingSince(Now.of(clock).minus(ABANDONED_AFTER), atMost)) {
            if (!run(id).advancing()) {
                finished++;
            }
        }
        return finished;
    }

    /** Runs the clock's due jobs in time order until it reaches its target, or one request's share of jobs is done. */
    private TestClock run(TestClockId id) {
        int jobs = 0;
        for (int round = 0; round < JOBS_PER_REQUEST * 2; round++) {
            TestClock c = clocks.loadById(id).orElseThrow(() -> notFound(id.value()));
            if (!c.advancing()) {
                return c;
            }
            Optional<Instant> next = Stream.of(subscriptions.nextDueOnClock(id), expiries.nextExpiry(id))
                    .flatMap(Optional::stream).min(Instant::compareTo);
            if (next.isEmpty() || next.get().isAfter(c.advanceTo())) {
                return transactions.inTransaction(() -> {
                    TestClock locked = clocks.loadForUpdate(id).orElseThrow();
                    TestClock ready = locked.ready(Now.of(clock));
                    if (ready != locked) {
                        clocks.update(ready);
                    }
                    return ready;
                });
            }
            if (jobs >= JOBS_PER_REQUEST) {
                return c; // still advancing: the scheduler goes on from here
            }
            Instant at = next.get().isAfter(c.frozenTime()) ? next.get() : c.frozenTime();
            transactions.inTransaction(() -> {
                TestClock locked = clocks.loadForUpdate(id).orElseThrow();
                if (locked.advancing() && at.isAfter(locked.frozenTime()) && !at.isAfter(locked.advanceTo())) {
                    clocks.update(locked.reached(at, Now.of(clock)));
                }
            });
            for (SubscriptionId due : subscriptions.dueOnClock(id, at)) {
                subscriptions.run(due, at);
                jobs++;
            }
            jobs += expiries.expire(id, at, JOBS_PER_REQUEST);
        }
        return clocks.loadById(id).orElseThrow(() -> notFound(id.value()));
    }

    static PaymentException notFound(String id) {
        return new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such test clock: '" + id + "'", "id");
    }
}
