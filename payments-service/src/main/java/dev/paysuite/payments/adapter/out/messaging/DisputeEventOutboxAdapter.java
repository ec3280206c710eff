package dev.paysuite.payments.adapter.out.messaging;

import dev.paysuite.payments.adapter.json.DisputeJson;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvent;
import dev.paysuite.payments.application.port.out.PublishDisputeEventPort;
import dev.paysuite.platform.outbox.OutboxMessage;
import dev.paysuite.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Writes a dispute's event to the outbox in the caller's transaction, as an event of its payment:
 * on {@code payments.events}, keyed by the payment id (so it is ordered with the payment's own
 * events), numbered with the payment's {@code sequence}; its subject is the dispute and its data
 * the public dispute.
 */
@ApplicationScoped
public class DisputeEventOutboxAdapter implements PublishDisputeEventPort {
    private final OutboxWriter outbox;

    public DisputeEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DisputeEvent event) {
        Dispute d = event.dispute();
        outbox.append(new OutboxMessage(event.id(), PaymentEventOutboxAdapter.TOPIC, d.paymentId().value(),
                event.type(), PaymentEventOutboxAdapter.SOURCE, d.id().value(), event.occurredAt(), event.sequence(),
                d.merchantId(), d.livemode(), DisputeJson.of(d, event.occurredAt()), Map.of()));
    }
}
