package dev.paysuite.webhooks.adapter.in.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A demand is never lost to a run in progress on another thread, and demands made meanwhile coalesce. */
class OnDemandTest {

    @Test
    void aDemandMadeWhileTheTaskRunsElsewhereRunsItOnceMoreRightAfter() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<OnDemand> task = new AtomicReference<>();
        task.set(new OnDemand(() -> {
            if (runs.incrementAndGet() == 1) {
                inFirstRun.countDown();
                await(release);
            }
        }));
        Thread first = new Thread(() -> task.get().run());
        first.start();
        assertTrue(inFirstRun.await(10, TimeUnit.SECONDS));

        // three demands while the first run is held: none runs on these threads, and all together make one more run
        for (int i = 0; i < 3; i++) {
            task.get().run();
        }
        assertEquals(1, runs.get());
        release.countDown();
        first.join(10_000);
        assertEquals(2, runs.get());
    }

    @Test
    void withNobodyRunningItADemandRunsTheTaskOnTheCallersThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        new OnDemand(() -> ranOn.set(Thread.currentThread())).run();
        assertEquals(Thread.currentThread(), ranOn.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
