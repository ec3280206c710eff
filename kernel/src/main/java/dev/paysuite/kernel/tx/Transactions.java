package dev.paysuite.kernel.tx;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use-case step: everything the step changes (rows, events in the
 * outbox) commits together or not at all. A use case declares each step it runs this way, so a
 * reader sees where a transaction starts; one use case may run several steps, with work between
 * them that holds no transaction (a call to the processor, a wait).
 *
 * <p>A step joins a transaction already open on the thread (an inbound adapter that must store its
 * answer with the change opens one around the use case), and starts one otherwise. A step that
 * throws rolls back everything the transaction did.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> step);

    default void inTransaction(Runnable step) {
        inTransaction(() -> {
            step.run();
            return null;
        });
    }
}
