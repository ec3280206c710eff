package dev.paysuite.payments.application.port.out;

import java.time.Instant;

/** Where a page starts, in the order newest first (created_at, then id, both descending). */
public sealed interface PageRequest {
    int limit();

    record FromOffset(int offset, int limit) implements PageRequest {
    }

    /** Payments older than the cursor payment. */
    record After(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }

    /** Payments newer than the cursor payment (the page just before it). */
    record Before(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }
}
