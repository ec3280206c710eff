package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.TestClock;
import dev.paysuite.payments.application.port.in.TestClockRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where test clocks are kept (and, for a new payment, what time one stands at). */
public interface TestClockStorePort extends TestClockExistsPort {

    @Override
    default Optional<Instant> frozenTime(String merchantId, TestClockId clock) {
        return load(new TestClockRef(merchantId, clock)).map(TestClock::frozenTime);
    }

    Optional<TestClock> load(TestClockRef ref);

    Optional<TestClock> loadById(TestClockId id);

    @ChangesState
    Optional<TestClock> loadForUpdate(TestClockId id);

    Slice<TestClock> list(String merchantId, PageRequest page);

    long count(String merchantId);

    /** Clocks still advancing whose last step is older than {@code before}. */
    List<TestClockId> advancingSince(Instant before, int atMost);

    @ChangesState
    void insert(TestClock clock);

    @ChangesState
    void update(TestClock clock);
}
