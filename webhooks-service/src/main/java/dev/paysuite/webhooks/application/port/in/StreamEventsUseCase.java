package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live stream of a merchant's events: where one starts, and what comes after a position. The
 * stream's transport (Server-Sent Events) and its pace are the inbound adapter's.
 */
public interface StreamEventsUseCase {

    /**
     * Where a stream of {@code types} (empty for all) starts: just after {@code lastEventId}'s event (a client resuming), or after
     * the newest event now. INVALID, naming {@code Last-Event-ID}, for an id this merchant has no
     * visible event under in this mode (unknown, another merchant's, or gone with the retention).
     */
    StreamPosition open(String merchantId, boolean livemode, Set<String> types, Optional<EventId> lastEventId);

    /** The newest position any event has: nothing to read while every stream is there. */
    long head();

    /**
     * The stream's next events after its position, oldest first, at most {@code limit}, and the
     * position it has reached (past events of other types, so a filtered stream does not read them again).
     */
    Batch next(StreamPosition from, long head, int limit);

    /** A stream's place: whose events, which types (empty for all), after which position. */
    record StreamPosition(String merchantId, boolean livemode, Set<String> types, long after) {
        public StreamPosition {
            Objects.requireNonNull(merchantId, "merchantId");
            types = types == null ? Set.of() : Set.copyOf(types);
            if (after < 0) {
                throw new IllegalArgumentException("a position is never negative");
            }
        }

        public StreamPosition at(long position) {
            return new StreamPosition(merchantId, livemode, types, position);
        }
    }

    record Batch(List<StreamedEvent> events, StreamPosition reached) {
        public Batch {
            events = List.copyOf(events);
            Objects.requireNonNull(reached, "reached");
        }
    }
}
