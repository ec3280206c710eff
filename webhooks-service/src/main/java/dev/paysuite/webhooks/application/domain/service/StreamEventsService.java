package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Streams follow positions, never time: a position is given under a lock and commits in order
 * ({@code EventLog#appendVisible}), so reading after the last position sent is gap-free and
 * repeat-free even while events are being recorded.
 */
public final class StreamEventsService implements StreamEventsUseCase {
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final EventQueries queries;

    public StreamEventsService(EventQueries queries) {
        this.queries = queries;
    }

    @Override
    public StreamPosition open(String merchantId, boolean livemode, Set<String> types, Optional<EventId> lastEventId) {
        long after = lastEventId.isPresent()
                ? queries.positionOf(merchantId, livemode, lastEventId.get()).orElseThrow(() -> unknown(lastEventId.get()))
                : queries.lastPosition();
        return new StreamPosition(merchantId, livemode, types, after);
    }

    @Override
    public long head() {
        return queries.lastPosition();
    }

    @Override
    public Batch next(StreamPosition from, long head, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a positive limit");
        }
        if (head <= from.after()) {
            return new Batch(List.of(), from);
        }
        List<StreamedEvent> events = queries.after(from.merchantId(), from.livemode(), from.types(), from.after(), limit);
        long reached = events.isEmpty() ? from.after() : events.get(events.size() - 1).position();
        if (events.size() < limit) {
            // every matching event up to the head was read: the ones between are other merchants' or types'
            reached = Math.max(reached, head);
        }
        return new Batch(events, from.at(reached));
    }

    private static DomainException unknown(EventId id) {
        return DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "The stream cannot resume after '" + id.value()
                + "': no such event (it may be older than the events' retention). Read what you missed with GET /v1/events, then open "
                + "the stream without a Last-Event-ID.", LAST_EVENT_ID);
    }
}
