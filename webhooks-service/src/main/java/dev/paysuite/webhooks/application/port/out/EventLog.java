package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.webhooks.application.domain.model.PaymentSequencer.Arrival;
import dev.paysuite.webhooks.application.domain.model.PaymentTimeline;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.time.Instant;
import java.util.List;

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
     * Locks the payment's timeline for the rest of the step, starting it ({@link PaymentTimeline#START})
     * if the payment has none. Every step that numbers a payment's events holds it, so they take turns.
     */
    @ChangesState
    PaymentTimeline lockTimeline(String paymentId, Instant now);

    @ChangesState
    void saveTimeline(String paymentId, PaymentTimeline timeline, Instant now);

    /** The payment's stored events that are not visible yet (waiting for a number), with their positions. */
    List<Arrival<EventId>> waiting(String paymentId);

    @ChangesState
    void assignSequence(EventId event, long sequence);

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
