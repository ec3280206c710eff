package dev.paysuite.platform.hexagonfixtures.bad.adapter.in.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Breaks transactionsBeginOnlyInUseCaseSteps: an adapter that begins a transaction by itself. */
public class ThingCleanupJob {

    public void run(Runnable cleanup) {
        QuarkusTransaction.requiringNew().run(cleanup);
    }
}
