package dev.paysuite.refunds.application.port.out;

import java.time.Instant;

/** Where a page starts, in the order newest first (created_at, then id, both descending). */
public sealed interface PageRequest {
    int limit();

    record FromOffset(int offset, int limit) implements PageRequest {
    }

    record After(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }

    record Before(Instant cursorCreatedAt, String cursorId, int limit) implements PageRequest {
    }
}
