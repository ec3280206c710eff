package dev.paysuite.kernel.tx;

import dev.paysuite.kernel.id.TypedId;

/**
 * Told, inside the step that records an object before a processor is asked about it, which object
 * it is: an inbound adapter binds its Idempotency-Key to it there, so that a retry after a crash
 * answers with that object instead of making another.
 */
@FunctionalInterface
public interface Recorded {
    Recorded NOBODY = id -> {
    };

    void object(TypedId id);
}
