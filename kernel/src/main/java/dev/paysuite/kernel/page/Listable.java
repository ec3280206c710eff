package dev.paysuite.kernel.page;

import dev.paysuite.kernel.id.TypedId;
import java.time.Instant;

/** What every list orders by: newest first by creation time, then by id. */
public interface Listable {
    TypedId id();

    Instant createdAt();
}
