package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.util.Objects;

/** Stores an event read from a topic, numbers what it can of its payment's history and makes it visible. */
public interface RecordEventUseCase {

    /** @return false when the event was stored before (a redelivery or a replay): nothing changed */
    boolean record(RecordEvent command);

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
