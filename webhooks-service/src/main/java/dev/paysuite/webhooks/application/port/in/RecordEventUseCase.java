package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.util.List;
import java.util.Objects;

/** Stores an event read from a topic, numbers what it can of its payment's history and makes it visible. */
public interface RecordEventUseCase {

    /**
     * Stores the event and makes visible what it can, in a step of its own: {@link #store}, then
     * {@link #publish} of it.
     *
     * @return false when the event was stored before (a redelivery or a replay): nothing changed
     */
    boolean record(RecordEvent command);

    /**
     * Stores the event, not visible yet, in the caller's step; {@link #publish} must follow in it.
     *
     * @return false when the event was stored before (nothing changed: leave it out of the publish)
     */
    boolean store(RecordEvent command);

    /**
     * In the step that stored them: numbers what the stored events allow of their payments' histories
     * and makes those, and the events about no payment, visible, in the order stored. One step for
     * many events takes each payment's timeline and the position counter once.
     */
    void publish(List<RecordEvent> stored);

    /**
     * @param paymentId the payment the event belongs to (payments.events, refunds.events); null for an
     *     event about no payment (methods.events), which needs no sequence
     * @param position its place in the payment's history; given exactly when {@code paymentId} is
     */
    /** @param afterRefundEvent a payment event's {@code refundsequence} (see PaymentSequencer), else 0 */
    record RecordEvent(PublicEvent event, String sourceTopic, String paymentId, PaymentHistory position,
            long afterRefundEvent) {
        public RecordEvent(PublicEvent event, String sourceTopic, String paymentId, PaymentHistory position) {
            this(event, sourceTopic, paymentId, position, 0);
        }

        public RecordEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(sourceTopic, "sourceTopic");
            if ((paymentId == null) != (position == null)) {
                throw new IllegalArgumentException("an event of a payment has its position in the payment's history");
            }
            if (event.sequence() != null) {
                throw new IllegalArgumentException("sequences are given here, not brought in");
            }
        }
    }
}
