package dev.paysuite.payments.adapter.out.messaging;

import dev.paysuite.payments.adapter.json.PaymentJson;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentEvent;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.platform.outbox.OutboxMessage;
import dev.paysuite.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Writes payment events to the outbox in the caller's transaction; the platform relay publishes
 * them to {@link #TOPIC}, keyed by payment id. The event schema is documented in
 * payments-service/README.md.
 */
@ApplicationScoped
public class PaymentEventOutboxAdapter implements PublishPaymentEventPort {
    public static final String TOPIC = "payments.events";
    public static final String SOURCE = "/paysuite/payments-service";
    /**
     * Extension of an event that follows from a refund event (payment.refunded): that event's
     * sequence in refunds.events, so a receiver merging both topics never puts this one first.
     */
    public static final String REFUND_SEQUENCE = "refundsequence";

    private final OutboxWriter outbox;

    public PaymentEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<PaymentEvent> events) {
        for (PaymentEvent event : events) {
            Payment p = event.payment();
            outbox.append(new OutboxMessage(event.id(), TOPIC, p.id().value(), event.type(), SOURCE, p.id().value(),
                    event.occurredAt(), event.sequence(), p.merchantId(), p.livemode(), PaymentJson.of(p),
                    event.causedByRefundEvent() > 0 ? Map.of(REFUND_SEQUENCE, event.causedByRefundEvent()) : Map.of()));
        }
    }
}
