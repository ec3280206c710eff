package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.TestClock;
import java.time.Instant;

/** A test-mode merchant's test clocks: create, retrieve, list, advance. */
public interface TestClocksUseCase {

    TestClock create(String merchantId, boolean livemode, String name, Instant frozenTime, Recorded recorded);

    TestClock get(TestClockRef ref);

    Page<TestClock> list(String merchantId, PageQuery page);

    /**
     * Moves the clock to {@code to}, running every job due on it in between, in order, each at its
     * own time. Answers the clock when done ({@code ready}), or still {@code advancing} when the
     * advance holds more jobs than one request runs (the scheduler finishes it).
     */
    TestClock advance(TestClockRef ref, Instant to);

    /** Goes on with advances left unfinished (a request that stopped, a crash) for at most {@code atMost} clocks. */
    int finishAdvances(int atMost);
}
