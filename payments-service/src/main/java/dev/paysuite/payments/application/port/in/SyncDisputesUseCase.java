package dev.paysuite.payments.application.port.in;

/**
 * Keeps disputes in step with the acquirer: opens those it tells of, records the decisions it
 * tells of, and tells it the merchants' answers that it was not told yet. Safe on every instance at
 * once: each notification is applied once, however often it is read.
 */
public interface SyncDisputesUseCase {

    /** One round, of at most {@code atMost} notifications and as many answers; answers how many things it did. */
    int sync(int atMost);
}
