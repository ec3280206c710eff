package dev.paysuite.kernel.page;

import java.time.Instant;

/** Where a page starts, in the order newest first (created_at, then id, both descending). */
public sealed interface PageRequest {
    int limit();

    record FromOffset(int offset, int limit) implements PageRequest {
    }

    /** Objects older than the cursor object. */
    record After(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }

    /** Objects newer than the cursor object (the page just before it). */
    record Before(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }
}
