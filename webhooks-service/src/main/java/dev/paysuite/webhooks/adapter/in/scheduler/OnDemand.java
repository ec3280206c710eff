package dev.paysuite.webhooks.adapter.in.scheduler;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task run on demand, never twice at once, and never missing a demand: one made while the task
 * runs (on another thread) makes it run once more right after, on the thread running it, instead of
 * being dropped until the next tick. Demands made meanwhile are coalesced into that one more run.
 */
final class OnDemand {
    private final Runnable task;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();

    OnDemand(Runnable task) {
        this.task = task;
    }

    /** Runs the task on this thread, or leaves it to the thread running it now to run it once more. */
    void run() {
        wanted.set(true);
        // the check after unlocking closes the gap between the runner's last look and its unlocking
        while (wanted.get() && running.tryLock()) {
            try {
                while (wanted.getAndSet(false)) {
                    task.run();
                }
            } finally {
                running.unlock();
            }
        }
    }
}
