package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The stored events and the one order in which they become visible. Every method runs in the
 * caller's step.
 *
 * <p>An event is stored invisible ({@link #insert}); it becomes visible, to the Events API, the
 * deliveries and the live stream, when {@link #appendVisible} gives it its {@code position}. Anything
 * that inserts an event (the consumers; the deliveries when they announce {@code endpoint.disabled})
 * makes it visible through that one method.
 */
public interface EventLog {

    /**
     * Stores the event without a position (not visible yet).
     *
     * @param paymentId and {@code position}: null for an event about no payment
     * @return false when an event with this id is stored already (nothing changed)
     */
    @ChangesState
    boolean insert(PublicEvent event, String sourceTopic, String paymentId, PaymentHistory position,
            long afterRefundEvent, Instant receivedAt);

    /**
     * Locks the payments' timelines for the rest of the step, in the order of their ids, starting a
     * timeline ({@link PaymentTimeline#START}) for a payment that has none. Every step that numbers a
     * payment's events holds its timeline, so they take turns; taking them in one order, before the
     * position counter, means two steps never wait on each other.
     *
     * @return each payment's timeline, by payment id
     */
    @ChangesState
    Map<String, PaymentTimeline> lockTimelines(Collection<String> paymentIds, Instant now);

    @ChangesState
    void saveTimelines(Map<String, PaymentTimeline> timelines, Instant now);

    /**
     * The payments' stored events that are not visible yet (waiting for a number), with their
     * positions, by payment id (a payment with none is absent).
     */
    Map<String, List<Arrival<EventId>>> waiting(Collection<String> paymentIds);

    @ChangesState
    void assignSequences(Map<EventId, Long> sequences);

    /**
     * Makes these stored events visible: gives them the next positions of the one event order, in the
     * order given ({@code UPDATE event_positions SET last = last + n RETURNING last}). The counter's
     * row stays locked until the step commits, so whoever assigns positions next waits: positions
     * commit in increasing order, and a reader that has seen position {@code p} never finds an event
     * appear below {@code p} later (the live stream and the delivery fan-out rely on it).
     *
     * @return the last position given; -1 when {@code inOrder} is empty (nothing is locked then)
     */
    @ChangesState
    long appendVisible(List<EventId> inOrder);

    /**
     * Deletes up to {@code limit} events created before {@code createdBefore}, except those a
     * delivery refers to. Payment timelines are never deleted.
     */
    @ChangesState
    int deleteExpired(Instant createdBefore, int limit);
}
