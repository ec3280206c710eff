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

/** Where test clocks are kept. */
public interface TestClockStorePort {
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
