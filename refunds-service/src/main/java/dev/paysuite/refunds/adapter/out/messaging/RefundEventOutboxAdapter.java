package dev.paysuite.refunds.adapter.out.messaging;

import dev.paysuite.platform.outbox.OutboxMessage;
import dev.paysuite.platform.outbox.OutboxWriter;
import dev.paysuite.refunds.adapter.json.RefundJson;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundEvent;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Writes refund events to the outbox in the caller's transaction; the platform relay publishes
 * them to {@link #TOPIC}, keyed by payment id (one payment's refunds stay in order). The schema is
 * documented in refunds-service/README.md.
 */
@ApplicationScoped
public class RefundEventOutboxAdapter implements PublishRefundEventPort {
    public static final String TOPIC = "refunds.events";
    public static final String SOURCE = "/paysuite/refunds-service";
    /** The CloudEvents extension attribute that carries an event's payment_sequence. */
    public static final String PAYMENT_SEQUENCE = "paymentsequence";

    private final OutboxWriter outbox;

    public RefundEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<RefundEvent> events) {
        for (RefundEvent event : events) {
            Refund r = event.refund();
            outbox.append(new OutboxMessage(event.id(), TOPIC, r.paymentId().value(), event.type(), SOURCE, r.id().value(),
                    event.occurredAt(), event.sequence(), r.merchantId(), r.livemode(), RefundJson.of(r),
                    Map.of(PAYMENT_SEQUENCE, event.paymentSequence())));
        }
    }
}
